import { refusalRule } from '../refusal.js';

export const iniSyntax = refusalRule({
  id: 'ini-syntax',
  description: "A line supervisord's INI parser cannot read (no `=`/`:`, an empty key, text before the first section).",
  docs: "supervisord refuses to start with this file (an error).\n\nconfigparser refuses a line with no `=` or `:` (`autostart`), a line with an empty key (`=foo`) and any text before the first section header. supervisord lists every bad line and stops: `Source contains parsing errors` / `File contains no section headers`.\n\nBad:\n```ini\n[program:web]\ncommand=/usr/bin/web\nautostart\n```\n\nGood:\n```ini\n[program:web]\ncommand=/usr/bin/web\nautostart=true\n```",
});
