import { reportWorkers } from '../workers-report.js';
import type { Rule } from '../types.js';

export const workersSchema: Rule = {
  id: 'workers-schema',
  description: "A worker description that does not follow the schema (unknown key, wrong type, missing command).",
  severity: 'error',
  docs: "Applies to worker descriptions (`.yaml`, `.yml`, `.json`); an error.\n\nWorker descriptions are validated against `schemas/workers.schema.json` (what `gen-supervisor schema` prints). Option names are supervisord's own; a typo is reported with the closest known name.\n\nBad:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: /usr/bin/web\n    auto_restart: true\n```\n\nGood:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: /usr/bin/web\n    autorestart: true\n```",
  target: 'workers',
  families: ['workers-schema'],
  check(ctx, report) {
    reportWorkers(ctx, report, (d) => d.ruleId === 'workers-schema');
  },
};
