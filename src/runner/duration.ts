// `--for DURATION`: how long a smoke-test run lasts before everything is stopped.
import { UserError } from '../core/errors.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
};

const PATTERN = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)?$/;

/**
 * Seconds in `30s`, `2m`, `1h`, `1500ms`, `2.5s` or plain seconds (`45`). A missing, negative,
 * zero or unparseable duration is a UserError naming the accepted forms.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const m = PATTERN.exec(trimmed);
  const value = m ? Number(m[1]) * UNIT_SECONDS[m[2] ?? 's']! : NaN;
  if (!Number.isFinite(value) || value <= 0) {
    throw new UserError(
      `invalid duration '${text}': use a positive number with an optional unit, e.g. 30s, 2m, 1h, 1500ms or 45 (seconds)`,
    );
  }
  return value;
}
