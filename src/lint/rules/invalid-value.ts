import { refusalRule } from '../refusal.js';

export const invalidValue = refusalRule({
  id: 'invalid-value',
  description: "A value its type refuses (boolean, integer, byte size, signal, octal, log level, exit codes, name...).",
  docs: "supervisord refuses to start with this file (an error).\n\nEach supervisord option has a type and supervisord refuses a value that does not fit, with the type's message: `not a valid boolean value: 'enabled'`, `bad logging level name 'warning'`, `invalid literal for int() with base 10: '10m'` (byte sizes take KB, MB or GB), `not a valid list of exit codes: '0;2'`, `invalid 'autorestart' value 'always'`.\n\nBad:\n```ini\n[program:web]\ncommand=/usr/bin/web\nautorestart=always\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web\nautorestart=true\n```",
});
