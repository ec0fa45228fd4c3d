import { reportWorkers } from '../workers-report.js';
import type { Rule } from '../types.js';

export const workersSyntax: Rule = {
  id: 'workers-syntax',
  description: "A worker description that is not valid YAML or JSON.",
  severity: 'error',
  docs: "Applies to worker descriptions (`.yaml`, `.yml`, `.json`); an error.\n\nThe file must parse as YAML (JSON is YAML too). The position of the first syntax problem is reported.\n\nBad:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: [/usr/bin/web\n```\n\nGood:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: [/usr/bin/web]\n```",
  target: 'workers',
  families: ['workers-syntax'],
  check(ctx, report) {
    reportWorkers(ctx, report, (d) => d.ruleId === 'workers-syntax');
  },
};
