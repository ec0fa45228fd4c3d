import { refusalRule } from '../refusal.js';

export const missingSection = refusalRule({
  id: 'missing-section',
  description: "A section supervisord requires is missing (`[supervisord]`, or `files` in `[include]`).",
  docs: "supervisord refuses to start with this file (an error).\n\nA full configuration needs `[supervisord]` (`.ini file does not include supervisord section`), and an `[include]` section needs a `files` line. A lone `conf.d` fragment (only program, group or eventlistener sections) is linted as a fragment and does not need `[supervisord]`.\n\nBad:\n```ini\n[supervisord]\nnodaemon=true\n\n[include]\nfile = conf.d/*.conf\n```\n\nGood:\n```ini\n[supervisord]\nnodaemon=true\n\n[include]\nfiles = conf.d/*.conf\n```",
});
