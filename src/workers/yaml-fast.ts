/**
 * A quick reader for the plain YAML that worker descriptions are written in: block mappings and
 * sequences, single-line scalars (plain, '...' and "..."), flow collections on one line, and a
 * whole-file flow collection (JSON). Anything else (anchors, tags, block scalars, multi-line
 * scalars, empty values, merge keys, duplicate keys, tabs, CR, odd indentation...) is declined:
 * the caller then reads the text with eemeli/yaml. For what it accepts it gives what
 * eemeli/yaml gives (YAML 1.2 core schema: data and every position), at a fraction of the cost
 * on big files; test/workers/yaml-fast.test.ts holds it to that.
 *
 * The reader is layered: yaml-scanner.ts (lines, comments, the position tree), yaml-scalars.ts
 * (one-line scalars and keys), yaml-flow.ts, then yaml-block.ts (the document).
 */
import type { PosNode } from './positions.js';
import { BlockReader } from './yaml-block.js';
import { DECLINE } from './yaml-chars.js';

export { resolvePlain } from './yaml-plain-scalar.js';

export interface PlainYaml {
  data: unknown;
  root: PosNode;
}

// Control characters, CR, other line separators, byte order marks: left to the full parser.
const UNUSUAL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** The data and positions of `text`, or null when it is outside the subset this reader takes. */
export function readPlainYaml(text: string): PlainYaml | null {
  if (UNUSUAL.test(text)) return null;
  try {
    const reader = new BlockReader(text);
    const data = reader.document();
    // The document is a collection, so its node is an object.
    return { data, root: reader.node as PosNode };
  } catch (e) {
    if (e === DECLINE) return null;
    throw e;
  }
}
