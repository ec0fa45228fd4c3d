import { refusalRule } from '../refusal.js';

export const fcgiSocket = refusalRule({
  id: 'fcgi-socket',
  description: "An fcgi-program socket supervisord refuses (format, relative path, owner/mode with tcp, backlog).",
  docs: "supervisord refuses to start with this file (an error).\n\n`socket` must be `unix:///absolute/path` or `tcp://host:port`; `socket_owner` and `socket_mode` only apply to unix sockets; `socket_backlog` is 1 to 65535.\n\nBad:\n```ini\n[fcgi-program:php]\ncommand=/usr/bin/php-cgi\nsocket=unix://relative.sock\n```\n\nGood:\n```ini\n[fcgi-program:php]\ncommand=/usr/bin/php-cgi\nsocket=unix:///run/php.sock\n```",
});
