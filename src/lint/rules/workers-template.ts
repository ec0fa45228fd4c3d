import { reportWorkers } from '../workers-report.js';
import type { Rule } from '../types.js';

export const workersTemplate: Rule = {
  id: 'workers-template',
  description: "A `${name}` in a worker description that resolves nowhere.",
  severity: 'error',
  docs: "Applies to worker descriptions (`.yaml`, `.yml`, `.json`); an error.\n\n`${name}` takes `--var name=value`, else `vars:`; `${env:NAME}` takes the environment. A name that resolves nowhere is an error, never an empty string. Write `$${` for a literal `${`.\n\nBad:\n```yaml\nversion: 1\nprograms:\n  web:\n    command: ${app}/bin/web\n```\n\nGood:\n```yaml\nversion: 1\nvars:\n  app: /srv/app\nprograms:\n  web:\n    command: ${app}/bin/web\n```",
  target: 'workers',
  families: ['workers-template'],
  check(ctx, report) {
    reportWorkers(ctx, report, (d) => d.ruleId === 'workers-template');
  },
};
