/** supervisord's sentences for a template that failed to expand. */
import { pyCompare, pyRepr } from './python.js';
import type { ExpandFailure } from './expansion.js';

/**
 * supervisord's sentence for a failed expansion (options.expand), without the
 * ` in section '...' (file: '...')` suffix that process sections add.
 */
export function formatExpansionError(
  template: string,
  optionLabel: string,
  err: ExpandFailure,
  availableNames: Iterable<string>,
): string {
  if (err.kind === 'unknown-name') {
    const available = [...availableNames].sort(pyCompare).join(', ');
    return `Format string ${pyRepr(template)} for ${pyRepr(optionLabel)} contains names (${err.message}) which cannot be expanded. Available names: ${available}`;
  }
  return `Format string ${pyRepr(template)} for ${pyRepr(optionLabel)} is badly formatted: ${err.message}`;
}
