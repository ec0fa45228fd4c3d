import { refusalRule } from '../refusal.js';

export const groupMember = refusalRule({
  id: 'group-member',
  description: "`[group:x] programs` names a program that does not exist, or an ambiguous one.",
  docs: "supervisord refuses to start with this file (an error).\n\nEvery name in `programs=` must be a `[program:x]` or `[fcgi-program:x]` section (not an eventlistener). A typo or a trailing comma (`programs=a,b,`) is refused; note that supervisord's message may name the previous member's section instead of the group.\n\nBad:\n```ini\n[group:queues]\nprograms=mailer,\n\n[program:mailer]\ncommand=/usr/bin/mailer\n```\n\nGood:\n```ini\n[group:queues]\nprograms=mailer\n\n[program:mailer]\ncommand=/usr/bin/mailer\n```",
});
