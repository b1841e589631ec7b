import { isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';

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

export function parseYamlFile(text: string): YamlFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const list = Array.isArray(parsed) ? parsed : [];
  const docs: YamlDoc[] = [];
  for (const doc of list) {
    const err = doc.errors[0];
    if (err) {
      const pos = lineCounter.linePos(err.pos[0]);
      return { docs, error: { message: firstLine(err.message), line: pos.line, column: pos.col }, lineCounter };
    }
    // An empty document between `---` separators holds nothing to check.
    if (doc.contents === null) continue;
    docs.push({ value: doc.toJS({ maxAliasCount: 1000 }), doc });
  }
  return { docs, lineCounter };
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
