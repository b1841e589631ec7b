import { isMap, isNode, isScalar, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { isArchieError } from '../errors.js';
import { parseYamlAll } from '../util/parse.js';

/**
 * YAML (and JSON, a subset) with source positions, so that a validator's complaint about
 * `/paths/~1v1~1users/get/responses` becomes `openapi.yaml:57:9`.
 */
export interface YamlDoc {
  /** The plain value of the document. */
  value: unknown;
  doc: Document.Parsed;
}

export interface YamlFile {
  docs: YamlDoc[];
  /** The first syntax error, with its 1-based position. */
  error?: { message: string; line: number; column: number };
  lineCounter: LineCounter;
}

/**
 * Parse a YAML (or JSON) file of a design folder through the shared safe parser; a syntax error,
 * nesting too deep, a bad alias or an oversized text comes back as `error`, never thrown.
 * `label` names the file in messages; `maxBytes` raises the YAML size cap (design.json positions).
 */
export function parseYamlFile(text: string, label = 'the file', maxBytes?: number): YamlFile {
  const lineCounter = new LineCounter();
  try {
    const { docs } = parseYamlAll(text, { label, lineCounter, maxAliasCount: 1000, ...(maxBytes !== undefined && { maxBytes }) });
    // An empty document between `---` separators holds nothing to check.
    return { docs: docs.filter((d) => d.doc.contents !== null), lineCounter };
  } catch (e) {
    if (!isArchieError(e)) throw e;
    const syntax = `${label} is not valid YAML: `;
    const message = firstLine(e.message.startsWith(syntax) ? e.message.slice(syntax.length) : e.message);
    return { docs: [], error: { message, line: e.line ?? 1, column: e.column ?? 1 }, lineCounter };
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/** JSON Pointer (`/a/b~1c/0`) to path segments. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^#?\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Where the node at `path` starts (1-based line and column); the deepest existing ancestor when
 * the path does not exist (a missing required property is reported at its parent).
 */
export function positionOf(file: YamlFile, doc: YamlDoc, path: readonly (string | number)[]): { line: number; column: number } {
  let node: unknown = doc.doc.contents;
  let best: YamlNode | undefined = isNode(node) ? node : undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      node = pair.value;
      // A key with no value: point at the key.
      if (!isNode(node)) {
        if (isNode(pair.key)) best = pair.key;
        break;
      }
    } else if (isSeq(node)) {
      const i = Number(seg);
      if (!Number.isInteger(i) || i < 0 || i >= node.items.length) break;
      node = node.items[i];
    } else {
      break;
    }
    if (isNode(node)) best = node;
  }
  const offset = best?.range?.[0] ?? 0;
  const pos = file.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
