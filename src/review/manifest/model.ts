import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { isArchieError } from '../../errors.js';
import { parseYamlAll } from '../../util/parse.js';
import type { FileError } from '../types.js';

/**
 * Manifests as the rules see them: Kubernetes objects (one per YAML document, `kind: List` items
 * expanded) and Compose services, each able to point back at its source line and column.
 */
export type PathKey = string | number;
export type Obj = Record<string, unknown>;

export interface ManifestFile {
  path: string;
  index: number;
  lines: LineCounter;
}

/** A YAML document of a reviewed file. */
export interface Source {
  file: ManifestFile;
  doc: Document.Parsed;
  /** The document's plain value (aliases expanded, after the safety checks). */
  value: unknown;
}

export interface K8sObject {
  src: Source;
  /** Path of the object inside its document: [] or ['items', i] for a List. */
  base: PathKey[];
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | null;
  value: Obj;
}

export interface ComposeService {
  src: Source;
  /** ['services', name] */
  base: PathKey[];
  name: string;
  value: Obj;
}

export class ManifestReview {
  readonly files: ManifestFile[];
  readonly objects: K8sObject[];
  readonly services: ComposeService[];

  constructor(files: ManifestFile[], objects: K8sObject[], services: ComposeService[]) {
    this.files = files;
    this.objects = objects;
    this.services = services;
  }

  /** Objects of the given kinds. */
  ofKind(...kinds: string[]): K8sObject[] {
    return this.objects.filter((o) => kinds.includes(o.kind));
  }
}

/**
 * Offset of what `path` points at: the value node, or with `key` the key of its pair. When the
 * path runs out (a missing field), the deepest node that exists.
 */
export function offsetOf(doc: Document.Parsed, path: PathKey[], key = false): number {
  let node: unknown = doc.contents;
  let best = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const k = path[i];
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(k));
      if (!pair) return best;
      if (key && i === path.length - 1) return rangeStart(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof k === 'number') {
      node = node.items[k];
    } else {
      return best;
    }
    const start = rangeStart(node);
    if (start === undefined) return best;
    best = start;
  }
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const r = (node as YamlNode | null | undefined)?.range;
  return r ? r[0] : undefined;
}

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Read a value at a path of plain JS data. */
export function get(v: unknown, ...path: PathKey[]): unknown {
  let cur = v;
  for (const k of path) {
    if (Array.isArray(cur) && typeof k === 'number') cur = cur[k];
    else if (isObj(cur)) cur = cur[String(k)];
    else return undefined;
  }
  return cur;
}

export type ParseResult = { ok: true; sources: Source[] } | { ok: false; error: FileError };

/** Parse a multi-document YAML file, keeping positions. Any syntax error rejects the file. */
export function parseManifestFile(file: ManifestFile, text: string): ParseResult {
  const label = file.path;
  try {
    const { docs } = parseYamlAll(text, { path: file.path, label, lineCounter: file.lines, merge: true, maxAliasCount: 1000 });
    return { ok: true, sources: docs.map(({ doc, value }) => ({ file, doc, value })) };
  } catch (e) {
    if (!isArchieError(e)) throw e;
    const syntax = `${label} is not valid YAML: `;
    const message = e.message.startsWith(syntax) ? `YAML syntax error: ${e.message.slice(syntax.length)}` : e.hint ? `${e.message} (${e.hint})` : e.message;
    return { ok: false, error: { file: file.path, message, ...(e.line !== undefined && { line: e.line }), ...(e.column !== undefined && { column: e.column }) } };
  }
}

/** Split parsed documents into Kubernetes objects and Compose services. */
export function classify(sources: Source[]): { objects: K8sObject[]; services: ComposeService[] } {
  const objects: K8sObject[] = [];
  const services: ComposeService[] = [];
  for (const src of sources) {
    const value = src.value;
    if (!isObj(value)) continue;
    const kind = str(value['kind']);
    const apiVersion = str(value['apiVersion']);
    if (kind && apiVersion) {
      if (/List$/.test(kind) && Array.isArray(value['items'])) {
        value['items'].forEach((item: unknown, i) => {
          const o = k8sObject(src, ['items', i], item);
          if (o) objects.push(o);
        });
      } else {
        const o = k8sObject(src, [], value);
        if (o) objects.push(o);
      }
      continue;
    }
    const svc = value['services'];
    if (isObj(svc)) {
      for (const [name, v] of Object.entries(svc)) {
        if (isObj(v)) services.push({ src, base: ['services', name], name, value: v });
      }
    }
  }
  return { objects, services };
}

function k8sObject(src: Source, base: PathKey[], value: unknown): K8sObject | undefined {
  if (!isObj(value)) return undefined;
  const kind = str(value['kind']);
  const apiVersion = str(value['apiVersion']);
  if (!kind || !apiVersion) return undefined;
  return {
    src,
    base,
    apiVersion,
    kind,
    name: str(get(value, 'metadata', 'name')) ?? str(get(value, 'metadata', 'generateName')) ?? '',
    namespace: str(get(value, 'metadata', 'namespace')) ?? null,
    value,
  };
}
