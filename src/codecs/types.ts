/** Result of reading or writing one supervisord value. `message` is supervisord's own wording. */
export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(message: string): Result<T> => ({ ok: false, message });

/**
 * One codec per supervisord value type. `parse` accepts and rejects exactly what supervisord
 * 4.2.5 does, on the already expanded and stripped text; `format` writes a value so that
 * supervisord reads it back unchanged (before `%` escaping, which the writer applies per key).
 */
export interface Codec<T> {
  readonly name: string;
  parse(text: string): Result<T>;
  format(value: T): Result<string>;
}
