import { isAlias, isMap, isScalar, isSeq, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import { ArchieError } from '../../errors.js';
import { parseJson, parseYaml } from '../../util/parse.js';
import { JsonOffsets, LineTable } from './json-offsets.js';

export type Segment = string | number;
export type Path = readonly Segment[];

export interface Position {
  line: number;
  column: number;
}

/**
 * One parsed file: its plain value (what rules read) and a way back from a JSON-pointer path to a
 * line and column in the text (what findings report). Values are plain JSON data; positions are
 * computed only for the nodes that findings point at.
 */
export interface SourceDoc {
  /** Absolute path. */
  readonly file: string;
  /** Path as shown in findings (relative to the working directory, `/` separators). */
  readonly display: string;
  readonly format: 'json' | 'yaml';
  readonly text: string;
  readonly value: unknown;
  /** Position of the key that names the node at `path` (element start for arrays, 1:1 for the root). */
  position(path: Path): Position;
}

/** Parse JSON or YAML text into a SourceDoc; throws ArchieError('INPUT') naming the line of a syntax error. */
export function parseSource(file: string, display: string, text: string): SourceDoc {
  const first = firstNonSpace(text);
  const looksJson = first === '{' || first === '[';
  if (looksJson) {
    try {
      return jsonSource(file, display, text, parseJson(text, { path: display, label: display, hint: JSON_HINT }));
    } catch (e) {
      // A .json file must be JSON; a .yaml file that only starts like JSON may still be YAML (which
      // then reports its own syntax errors, and nesting too deep for either).
      if (/\.json$/i.test(file)) throw e;
    }
  } else if (/\.json$/i.test(file)) {
    throw new ArchieError('INPUT', `${display} is not valid JSON: it does not start with { or [`, {
      path: display,
      line: 1,
      column: 1,
      hint: 'fix the file or give it a .yaml extension if it is YAML',
    });
  }
  return yamlSource(file, display, text);
}

function firstNonSpace(text: string): string {
  const m = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m ? m[0] : '';
}

function jsonSource(file: string, display: string, text: string, value: unknown): SourceDoc {
  const offsets = new JsonOffsets(text);
  const lines = new LineTable(text);
  return {
    file,
    display,
    format: 'json',
    text,
    value,
    position: (path) => lines.position(offsets.offsetOf(path)),
  };
}

const JSON_HINT = 'fix the syntax error (a trailing comma or a missing quote is the usual cause)';

function yamlSource(file: string, display: string, text: string): SourceDoc {
  const { doc, value, lineCounter } = parseYaml(text, {
    path: display,
    label: display,
    maxAliasCount: 10_000,
    hint: 'fix the syntax error; indentation and unquoted colons are the usual causes',
  });
  const locator = new YamlLocator(doc);
  return {
    file,
    display,
    format: 'yaml',
    text,
    value,
    position: (path) => {
      const p = lineCounter.linePos(locator.offsetOf(path));
      return { line: p.line, column: p.col };
    },
  };
}

/** Walk the YAML AST along a path, following aliases, to the key (or element) that names it. */
class YamlLocator {
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(private readonly doc: Document) {}

  offsetOf(path: Path): number {
    let node: unknown = this.doc.contents;
    let best = rangeStart(node) ?? 0;
    for (const seg of path) {
      node = this.deAlias(node);
      if (isMap(node)) {
        const pair = this.pairFor(node, String(seg));
        if (!pair) return best;
        best = rangeStart(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = typeof seg === 'number' ? node.items[seg] : node.items[Number(seg)];
        if (item === undefined) return best;
        best = rangeStart(item) ?? best;
        node = item;
      } else {
        return best;
      }
    }
    return best;
  }

  private deAlias(node: unknown): unknown {
    for (let i = 0; i < 64 && isAlias(node); i++) node = node.resolve(this.doc);
    return node;
  }

  private pairFor(map: YAMLMap, key: string): Pair | undefined {
    if (map.items.length < 16) {
      for (const pair of map.items) if (keyString(pair.key) === key) return pair;
      return undefined;
    }
    let index = this.keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) index.set(keyString(pair.key), pair);
      this.keyIndex.set(map, index);
    }
    return index.get(key);
  }
}

function keyString(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as YamlNode | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** `#/a/b~1c` → ['a', 'b/c']; returns undefined for a fragment that is not a JSON pointer. */
export function parsePointer(fragment: string): string[] | undefined {
  let f = fragment;
  try {
    f = decodeURIComponent(fragment);
  } catch {
    // keep the raw fragment: a lone % is legal in a key
  }
  if (f === '' || f === '/') return f === '' ? [] : [''];
  if (!f.startsWith('/')) return undefined;
  return f
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['a', 'b/c'] → `#/a/b~1c` */
export function toPointer(path: Path): string {
  let out = '#';
  for (const seg of path) out += `/${String(seg).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return out;
}
