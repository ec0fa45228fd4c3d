/**
 * `${name}` (from --var, then vars:), `${env:NAME}` (the generator's environment) and `$${`
 * (a literal `${`). A name that resolves nowhere is an error, never an empty string.
 */
import { type Result, fail, ok } from '../codecs/types.js';

export interface TemplateScope {
  /** --var values; they win over `vars`. */
  cliVars: Readonly<Record<string, string>>;
  vars: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function lookup(ref: string, scope: TemplateScope): Result<string> {
  if (ref.startsWith('env:')) {
    const name = ref.slice(4);
    const value = scope.env[name];
    if (value === undefined) return fail(`\${${ref}}: the environment variable ${name} is not set`);
    return ok(value);
  }
  if (!NAME.test(ref)) return fail(`\${${ref}} is not a variable reference: use \${name} or \${env:NAME}, and $\${ for a literal \${`);
  if (Object.hasOwn(scope.cliVars, ref)) return ok(scope.cliVars[ref]!);
  if (Object.hasOwn(scope.vars, ref)) return ok(scope.vars[ref]!);
  return fail(`\${${ref}}: unknown variable ${ref}; define it under vars: or pass --var ${ref}=VALUE`);
}

/** The text with every reference replaced, or the first problem found in it. */
export function applyTemplate(text: string, scope: TemplateScope): Result<string> {
  if (!text.includes('${')) return ok(text);
  let out = '';
  let i = 0;
  for (;;) {
    // Copy up to the next `$` at once; only `$${` and `${` mean anything.
    const dollar = text.indexOf('$', i);
    if (dollar === -1) break;
    out += text.slice(i, dollar);
    i = dollar;
    if (text.startsWith('$${', i)) {
      out += '${';
      i += 3;
      continue;
    }
    if (text.startsWith('${', i)) {
      const end = text.indexOf('}', i + 2);
      if (end === -1) return fail(`unclosed \${ in ${JSON.stringify(text)}: close it with }, or write $\${ for a literal \${`);
      const value = lookup(text.slice(i + 2, end), scope);
      if (!value.ok) return value;
      out += value.value;
      i = end + 1;
      continue;
    }
    out += '$';
    i++;
  }
  return ok(out + text.slice(i));
}
