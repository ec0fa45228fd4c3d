/** ajv settings shared by the build-time standalone validator and the tests. */
export const AJV_OPTIONS = {
  allErrors: true,
  allowUnionTypes: true,
  strictTuples: false,
  // minLength needs only "non-empty"; ucs2length would put a require() of ajv into the validator.
  unicode: false,
} as const;
