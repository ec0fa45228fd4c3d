import type { Rule } from '../types.js';
import { valueSpan } from '../util.js';
import { keysIn, SERVER_KINDS } from '../walk.js';

export const plaintextPassword: Rule = {
  id: 'plaintext-password',
  description: 'An HTTP server password written in clear text instead of `{SHA}` + its SHA-1.',
  severity: 'warning',
  docs: `\`[unix_http_server]\` and \`[inet_http_server]\` accept \`password={SHA}\` followed by the hex
SHA-1 of the password, so the config file (often world-readable, often in git) does not hold
the secret itself. (\`[supervisorctl] password\` must stay clear text: it is what the client sends.)

Bad:
\`\`\`ini
[inet_http_server]
port=127.0.0.1:9001
username=admin
password=s3cret
\`\`\`

Good:
\`\`\`ini
[inet_http_server]
port=127.0.0.1:9001
username=admin
password={SHA}e9fe51f94eadabf54dbf2fbbd57188b9abee436e
\`\`\``,
  check(ctx, report) {
    if (ctx.kind !== 'ini') return;
    for (const { section: s, entry: e } of keysIn(ctx, SERVER_KINDS, ['password'])) {
      if (e.value === '' || e.value.startsWith('{SHA}') || /^%\(ENV_[^)]*\)s$/.test(e.value)) continue;
      report({ ...valueSpan(e), message: `The password of [${s.name}] is in clear text: write password={SHA} followed by its hex SHA-1 (e.g. printf %s 'PASSWORD' | sha1sum)` });
    }
  },
};
