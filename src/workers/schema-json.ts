import { buildWorkersSchema } from './schema.js';

/** The schema file's exact text: 2-space JSON and a final newline. */
export function schemaJson(): string {
  return `${JSON.stringify(buildWorkersSchema(), null, 2)}\n`;
}
