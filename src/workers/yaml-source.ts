/**
 * workers.yaml (or .json: YAML is a superset) parsed with every node's position, so that any
 * finding can point at `file:line:col` of the key or value that causes it.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';

export type DataPath = readonly (string | number)[];

export interface YamlSource {
  file: string;
  data: unknown;
  /** Where the key (`which='key'`) or the value at `path` is; the nearest written ancestor otherwise. */
  locate(path: DataPath, which?: 'key' | 'value'): SourcePos;
}

export interface ParsedYaml {
  source: YamlSource | null;
  diagnostics: Diagnostic[];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function childOf(node: unknown, segment: string | number): { key: Node | null; value: Node | null } | null {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (k === segment || String(k) === String(segment)) {
        return { key: (pair.key as Node) ?? null, value: (pair.value as Node) ?? null };
      }
    }
    return null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { key: item, value: item } : null;
  }
  return null;
}

/** Parse YAML or JSON text; syntax errors come back located, all of them. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, merge: true, prettyErrors: true });
  const pos = (offset: number): SourcePos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e): Diagnostic => ({
      ...pos(e.pos[0]),
      severity: 'error',
      ruleId: 'workers-syntax',
      message: `not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`,
    }));
    return { source: null, diagnostics };
  }
  const locate = (path: DataPath, which: 'key' | 'value' = 'value'): SourcePos => {
    let node: unknown = doc.contents;
    let found: Node | null = (doc.contents as Node | null) ?? null;
    for (let i = 0; i < path.length; i++) {
      const child = childOf(node, path[i]!);
      if (!child) break;
      const last = i === path.length - 1;
      found = (last && which === 'key' ? child.key : child.value) ?? child.key ?? found;
      node = child.value;
    }
    return found?.range ? pos(found.range[0]) : { file, line: 1, column: 1 };
  };
  return { source: { file, data: doc.toJS({ maxAliasCount: 1000 }), locate }, diagnostics: [] };
}
