import { refusalRule } from '../refusal.js';

export const serverAuth = refusalRule({
  id: 'server-auth',
  description: "An HTTP server section with a username but no password, or the reverse.",
  docs: "supervisord refuses to start with this file (an error).\n\n`[unix_http_server]` and `[inet_http_server]` take both `username` and `password` or neither (`contains incomplete authentication`).\n\nBad:\n```ini\n[supervisord]\n\n[inet_http_server]\nport=127.0.0.1:9001\nusername=admin\n```\n\nGood:\n```ini\n[supervisord]\n\n[inet_http_server]\nport=127.0.0.1:9001\nusername=admin\npassword={SHA}d033e22ae348aeb5660fc2140aec35850c4da997\n```",
});
