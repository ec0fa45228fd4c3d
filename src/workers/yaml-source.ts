/**
 * workers.yaml (or .json: YAML is a superset) parsed with every node's position, so that any
 * finding can point at `file:line:col` of the key or value that causes it.
 *
 * Plain files (nearly all) are read by the quick reader (yaml-fast.ts); whatever it declines is
 * read by eemeli/yaml, which is loaded only then. Both give a tree of positions, walked the same
 * way by `locate`.
 */
import { createRequire } from 'node:module';
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';
import { keyPosition, keySourcePos, type PosNode, posNode, stepInto } from './positions.js';
import { readPlainYaml } from './yaml-fast.js';

export type DataPath = readonly (string | number)[];

/** A place in the document, for walking it one step at a time (see `step`). */
export type Cursor = PosNode;

export interface YamlSource {
  file: string;
  data: unknown;
  /** Where the key (`which='key'`) or the value at `path` is; the nearest written ancestor otherwise. */
  locate(path: DataPath, which?: 'key' | 'value'): SourcePos;
  /** The whole document; `step` from it gives what `locate` gives, without walking from the top each time. */
  root: Cursor;
  /** One step down: the value under `segment`. */
  step(from: Cursor, segment: string | number): Cursor;
  /** The position of a cursor's value. */
  pos(at: Cursor): SourcePos;
  /** The position of the key `segment` under `from` (`locate(path.concat(segment), 'key')`). */
  keyPos(from: Cursor, segment: string | number): SourcePos;
}

export interface ParsedYaml {
  source: YamlSource | null;
  diagnostics: Diagnostic[];
}

type YamlLibrary = typeof import('yaml');

/** Set (to true) by scripts/bundle.mjs in the bundled CLI, which carries eemeli/yaml as ./yaml.cjs. */
declare const GEN_SUPERVISOR_BUNDLE: boolean | undefined;

let library: YamlLibrary | null = null;

function yamlLibrary(): YamlLibrary {
  library ??= createRequire(import.meta.url)(typeof GEN_SUPERVISOR_BUNDLE === 'undefined' ? 'yaml' : './yaml.cjs') as YamlLibrary;
  return library;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function sourceOf(file: string, data: unknown, root: PosNode): YamlSource {
  const at = (p: { line: number; col: number }): SourcePos => ({ file, line: p.line, column: p.col });
  return {
    file,
    data,
    root,
    step: stepInto,
    pos: at,
    keyPos: (from, segment) => keySourcePos(from, segment, file),
    locate: (path, which = 'value') => {
      let c = root;
      const last = path.length - 1;
      for (let i = 0; i < last; i++) c = stepInto(c, path[i]!);
      if (last < 0) return at(c);
      return at(which === 'key' ? keyPosition(c, path[last]!) : stepInto(c, path[last]!));
    },
  };
}

/** Parse YAML or JSON text; syntax errors come back located, all of them. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const plain = readPlainYaml(text);
  if (plain) return { source: sourceOf(file, plain.data, plain.root), diagnostics: [] };
  return parseWithLibrary(text, file);
}

/** eemeli/yaml only (the quick reader is held to it in the tests). */
export function parseWithLibrary(text: string, file: string): ParsedYaml {
  const Y = yamlLibrary();
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter, merge: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e): Diagnostic => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return {
        file,
        line,
        column: col,
        severity: 'error',
        ruleId: 'workers-syntax',
        message: `not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`,
      };
    });
    return { source: null, diagnostics };
  }
  const root = doc.contents ? positions(Y, lineCounter, doc.contents) : posNode(1, 1);
  return { source: sourceOf(file, doc.toJS({ maxAliasCount: 1000 }), root), diagnostics: [] };
}

type Lines = InstanceType<YamlLibrary['LineCounter']>;

/** A node's position tree; a node without a range (a pair in a sequence) is at 1:1. */
function positions(Y: YamlLibrary, lc: Lines, node: unknown): PosNode {
  const out = posNode(1, 1);
  const range = (node as { range?: [number, number, number] }).range;
  if (range) {
    const { line, col } = lc.linePos(range[0]);
    out.line = line;
    out.col = col;
  }
  if (Y.isMap(node)) {
    const keys: unknown[] = [];
    const children: PosNode[] = [];
    for (const pair of node.items) {
      if (!Y.isPair(pair)) continue;
      const child = pair.value ? positions(Y, lc, pair.value) : posNode(0, 0);
      if (pair.key) {
        const key = positions(Y, lc, pair.key);
        child.kline = key.line;
        child.kcol = key.col;
      }
      keys.push(Y.isScalar(pair.key) ? pair.key.value : pair.key);
      children.push(child);
    }
    out.children = children;
    // A collection as a key has no plain text (turning it into text can even throw): such a
    // mapping is searched key by key, on demand, as eemeli/yaml's own nodes would be.
    if (keys.some((k) => k !== null && typeof k === 'object')) out.rawKeys = keys;
    else out.names = keys.map((k) => String(k));
  } else if (Y.isSeq(node)) {
    out.children = node.items.map((item) => {
      if (!item) return null;
      const child = positions(Y, lc, item);
      child.kline = child.line;
      child.kcol = child.col;
      return child;
    });
  }
  return out;
}
