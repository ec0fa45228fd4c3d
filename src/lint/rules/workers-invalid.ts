import { reportWorkers, KNOWN } from '../workers-report.js';
import type { Rule } from '../types.js';

export const workersInvalid: Rule = {
  id: 'workers-invalid',
  description: "A worker description that gen-supervisor would refuse to generate (a value supervisord would misread or refuse).",
  severity: 'error',
  docs: "Applies to worker descriptions (`.yaml`, `.yml`, `.json`); an error.\n\nThe same checks `gen-supervisor generate` makes: values supervisord would refuse (`autorestart: always`), a `process_name` without `%(process_num)` when `numprocs > 1`, group members that do not exist, values no quoting can carry (a `;` after a space in a plain command string), and so on.\n\nBad:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: /usr/bin/web\n    numprocs: 2\n    process_name: web\n```\n\nGood:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: /usr/bin/web\n    numprocs: 2\n    process_name: web_%(process_num)02d\n```",
  target: 'workers',
  families: ['workers-invalid'],
  check(ctx, report) {
    reportWorkers(ctx, report, (d) => !KNOWN.has(d.ruleId) || d.ruleId === 'workers-invalid');
  },
};
