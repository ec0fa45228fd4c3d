import { refusalRule } from '../refusal.js';

export const fileUnreadable = refusalRule({
  id: 'file-unreadable',
  description: "The config file does not exist or cannot be read.",
  docs: "supervisord refuses to start with this file (an error).\n\nsupervisord stops with `Error: could not find config file PATH` (or `could not read config file`) when the file given with `-c` is missing or unreadable.",
});
