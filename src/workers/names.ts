/**
 * Program and group names. supervisord refuses space, `:` and `/`; gen-supervisor also refuses
 * what would make the name unsafe elsewhere in the file: other white space (an inline comment
 * could start after a tab in the header), `[` `]` (headers), `,` (group member lists) and `%`
 * (it would be re-read as an expansion through %(program_name)s).
 */
const REFUSED = /[\s:/[\],%]/u;

/** null when the name is fine, otherwise why not. */
export function nameProblem(what: string, name: string): string | null {
  if (name === '') return `${what} name must not be empty`;
  const bad = REFUSED.exec(name);
  if (!bad) return null;
  const ch = bad[0] === ' ' ? 'space' : JSON.stringify(bad[0]);
  return `${what} name ${JSON.stringify(name)} contains ${ch}: supervisord names cannot contain white space, ':' or '/' (and gen-supervisor refuses '[', ']', ',' and '%' in them)`;
}
