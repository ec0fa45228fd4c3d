import { refusalRule } from '../refusal.js';

export const eventlistener = refusalRule({
  id: 'eventlistener',
  description: "An eventlistener setting supervisord refuses (events, buffer_size, redirect_stderr...).",
  docs: "supervisord refuses to start with this file (an error).\n\nAn `[eventlistener:x]` needs known `events`, a `buffer_size` of at least 1, a resolvable `result_handler`, and cannot use `redirect_stderr=true` (its stdout is the protocol channel).\n\nBad:\n```ini\n[eventlistener:mon]\ncommand=/usr/bin/mon\nevents=PROCESS_STATE\nredirect_stderr=true\n```\n\nGood:\n```ini\n[eventlistener:mon]\ncommand=/usr/bin/mon\nevents=PROCESS_STATE\n```",
});
