import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isArchieError } from '../../errors.js';
import { decodeText, readFileBytes, readTextFileSync } from '../../util/input.js';
import { parsePointer, parseSource, type Path, type Segment, type SourceDoc } from './source.js';

/**
 * A node of a parsed document, with the file it lives in and its path there. Rules hold NodeRefs
 * so that a finding on a node reached through `$ref` points into the file that defines it.
 */
export interface NodeRef<T = unknown> {
  readonly doc: SourceDoc;
  readonly path: Path;
  readonly value: T;
}

export type RefProblemKind = 'url' | 'outside' | 'file' | 'pointer' | 'cycle';

export interface RefProblem {
  kind: RefProblemKind;
  reason: string;
}

export interface WorkspaceOptions {
  /** Absolute directories whose files `$ref` may read; anything else is refused, never read. */
  roots: string[];
  /** For display paths. */
  cwd: string;
  /** Largest file read, in bytes. */
  maxBytes: number;
}

/** The file part of `$ref` values in JSON or YAML text (cheap scan; no tree walk). */
const REF_FILE = /["']?\$ref["']?\s*:\s*["']?([^"'#\s},]+)/g;

type Resolution = { ok: true; node: NodeRef } | { ok: false; problem: RefProblem };

const LINK = Symbol('archie.parentRef');
interface Link {
  parent: NodeRef;
  segs: readonly Segment[];
}

/**
 * A node below `parent`, its path being the parent's plus `segs`. The path is built when it is read
 * (to report a finding), not stored: copying the parent's path at every level made a walk's memory
 * grow with the square of the nesting depth (4.1 GB for a spec 20,000 levels deep).
 */
export function childRef<T>(parent: NodeRef, segs: readonly Segment[], value: T): NodeRef<T> {
  const node = {
    doc: parent.doc,
    value,
    get path(): Path {
      return pathOf(node);
    },
    [LINK]: { parent, segs } satisfies Link,
  };
  Object.defineProperty(node, LINK, { enumerable: false });
  return node;
}

function pathOf(node: NodeRef): Path {
  const parts: (readonly Segment[])[] = [];
  let n: NodeRef = node;
  for (;;) {
    const link = (n as { [LINK]?: Link })[LINK];
    if (!link) {
      parts.push(n.path);
      break;
    }
    parts.push(link.segs);
    n = link.parent;
  }
  const out: Segment[] = [];
  for (let i = parts.length - 1; i >= 0; i--) for (const seg of parts[i]!) out.push(seg);
  return out;
}

/**
 * The set of files one OpenAPI description spans. Files referenced by `$ref` are read on first use
 * (synchronously: rules are synchronous and the files are local), parsed once, and kept with their
 * own positions. URLs are never fetched and files outside the reviewed tree are never read.
 */
export class Workspace {
  readonly docs = new Map<string, SourceDoc>();
  private readonly failed = new Map<string, string>();
  private readonly resolutions = new Map<string, Resolution>();

  /** The roots with symbolic links resolved, for containment checks. */
  private readonly realRoots: string[];

  constructor(readonly options: WorkspaceOptions) {
    this.realRoots = options.roots.map((root) => {
      try {
        return realpathSync(root);
      } catch {
        return resolve(root);
      }
    });
  }

  /** Display path for an absolute file. */
  display(file: string): string {
    const rel = relative(this.options.cwd, file);
    return (rel === '' ? '.' : rel).split(sep).join('/');
  }

  add(doc: SourceDoc): void {
    this.docs.set(doc.file, doc);
  }

  /** Load and parse a file, or return why it cannot be. */
  load(file: string): SourceDoc | string {
    const known = this.docs.get(file);
    if (known) return known;
    const failure = this.failed.get(file);
    if (failure !== undefined) return failure;
    const refused = this.refuse(file);
    if (refused !== undefined) {
      this.failed.set(file, refused);
      return refused;
    }
    try {
      const doc = readSourceSync(file, this.display(file), this.options.maxBytes);
      this.docs.set(file, doc);
      return doc;
    } catch (e) {
      const message = isArchieError(e) ? e.message : (e as Error).message;
      this.failed.set(file, message);
      return message;
    }
  }

  /**
   * Read every local file reachable through `$ref` from `start`, many at a time, before the
   * rules run (they would otherwise read them one by one, synchronously, on first use). Only an
   * optimisation: anything missed is still loaded lazily, and failures are reported there.
   */
  async prefetch(start: SourceDoc, concurrency = 32): Promise<void> {
    let frontier = [start];
    const seen = new Set<string>([start.file]);
    while (frontier.length > 0) {
      const targets: string[] = [];
      for (const doc of frontier) {
        for (const m of doc.text.matchAll(REF_FILE)) {
          const raw = m[1]!;
          if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) continue;
          let decoded = raw;
          try {
            decoded = decodeURI(raw);
          } catch {
            // keep it as written
          }
          const abs = resolve(dirname(doc.file), decoded);
          if (seen.has(abs) || this.refuse(abs) !== undefined) continue;
          seen.add(abs);
          if (!this.docs.has(abs) && !this.failed.has(abs)) targets.push(abs);
        }
      }
      const next: SourceDoc[] = [];
      for (let i = 0; i < targets.length; i += concurrency) {
        const batch = targets.slice(i, i + concurrency);
        const bytes = await Promise.all(batch.map((f) => readFileBytes(f, { maxBytes: this.options.maxBytes, what: 'file', display: this.display(f) }).catch(() => undefined)));
        batch.forEach((file, j) => {
          const b = bytes[j];
          if (b === undefined) return; // the lazy path reports it
          try {
            const doc = parseSource(file, this.display(file), decodeText(b, this.display(file), { maxBytes: this.options.maxBytes, what: 'file' }));
            this.docs.set(file, doc);
            next.push(doc);
          } catch (e) {
            this.failed.set(file, isArchieError(e) ? e.message : (e as Error).message);
          }
        });
      }
      frontier = next;
    }
  }

  /** Is this absolute path inside one of the reviewed trees (as written, before links are followed)? */
  inside(file: string): boolean {
    return this.options.roots.some((root) => within(root, file));
  }

  /**
   * Why a file may not be read, or undefined when it may: it must be inside a reviewed tree both as
   * written and after every symbolic link on the way is resolved, so that a link inside the tree
   * cannot hand out a file outside it.
   */
  refuse(file: string): string | undefined {
    if (!this.inside(file)) return `it is outside the reviewed tree (${this.display(file)})`;
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      return undefined; // missing: loading reports it
    }
    if (!this.realRoots.some((root) => within(root, real))) return `it resolves through a symbolic link to ${real}, outside the reviewed tree`;
    return undefined;
  }

  /** Resolve one `$ref` string written in `from.doc`; results are cached per file and ref. */
  resolveRef(from: SourceDoc, ref: string): Resolution {
    const key = `${from.file}\u0000${ref}`;
    let r = this.resolutions.get(key);
    if (!r) {
      r = this.resolveUncached(from, ref);
      this.resolutions.set(key, r);
    }
    return r;
  }

  private resolveUncached(from: SourceDoc, ref: string): Resolution {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    let doc = from;
    if (filePart !== '') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
        return fail('url', `$ref ${ref} points to a URL; archie never fetches remote documents`);
      }
      let decoded = filePart;
      try {
        decoded = decodeURI(filePart);
      } catch {
        // keep it as written
      }
      const target = resolve(dirname(from.file), decoded);
      const refused = this.refuse(target);
      if (refused !== undefined) return fail('outside', `$ref ${ref} was not read: ${refused}`);
      const loaded = this.load(target);
      if (typeof loaded === 'string') return fail('file', `$ref ${ref} cannot be resolved: ${loaded}`);
      doc = loaded;
    }
    const path = parsePointer(fragment);
    if (!path) return fail('pointer', `$ref ${ref} has a fragment that is not a JSON pointer`);
    let value: unknown = doc.value;
    for (const seg of path) {
      if (Array.isArray(value)) value = /^\d+$/.test(seg) ? value[Number(seg)] : undefined;
      else if (value !== null && typeof value === 'object') value = Object.hasOwn(value, seg) ? (value as Record<string, unknown>)[seg] : undefined;
      else value = undefined;
      if (value === undefined) return fail('pointer', `$ref ${ref} points to nothing: ${doc.display} has no ${fragment || 'document'}`);
    }
    return { ok: true, node: { doc, path, value } };
  }

  /**
   * Follow `$ref` (and chains of them) from a node. Returns the node itself when it is not a
   * reference or the reference cannot be resolved (ref problems are reported by the
   * `openapi/ref-resolvable` rule, once, in document order).
   */
  deref<T = unknown>(node: NodeRef): NodeRef<T> {
    let current = node;
    for (let hops = 0; hops < 32; hops++) {
      const ref = refOf(current.value);
      if (ref === undefined) return current as NodeRef<T>;
      const r = this.resolveRef(current.doc, ref);
      if (!r.ok) return current as NodeRef<T>;
      if (r.node.value === current.value) return current as NodeRef<T>;
      current = r.node;
    }
    return current as NodeRef<T>;
  }

  /** Child of a node (after following `$ref` on the parent), itself dereferenced. */
  child<T = unknown>(node: NodeRef, key: Segment): NodeRef<T> | undefined {
    const parent = this.deref(node);
    const v = parent.value;
    if (v === null || typeof v !== 'object') return undefined;
    const value = Array.isArray(v) ? v[Number(key)] : Object.hasOwn(v, key) ? (v as Record<string, unknown>)[String(key)] : undefined;
    if (value === undefined) return undefined;
    return this.deref<T>(childRef(parent, [key], value));
  }
}

function fail(kind: RefProblemKind, reason: string): Resolution {
  return { ok: false, problem: { kind, reason } };
}

/** The `$ref` string of an object, if it has one. */
export function refOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const ref = (value as { $ref?: unknown }).$ref;
  return typeof ref === 'string' ? ref : undefined;
}

function within(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Read and parse a spec file synchronously, with the same checks as every other input. */
export function readSourceSync(file: string, display: string, maxBytes: number): SourceDoc {
  const text = readTextFileSync(file, {
    maxBytes,
    what: 'file',
    display,
    sizeHint: 'raise limits.maxFileMiB in .archie.yaml if this file really is that large',
  });
  return parseSource(file, display, text);
}
