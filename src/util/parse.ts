import {
  Composer,
  isAlias,
  isMap,
  isPair,
  isSeq,
  LineCounter,
  Parser,
  type CST,
  type Document,
  type DocumentOptions,
  type Node as YamlNode,
  type ParseOptions as YamlParseOptions,
  type SchemaOptions,
  type YAMLError,
} from 'yaml';
import { ArchieError } from '../errors.js';
import { MiB } from './input.js';

/**
 * The one place where archie turns a user's JSON or YAML text into data. Every reader of a brief,
 * spec, manifest, config or design.json goes through here, so that hostile input gets the same
 * clear message everywhere:
 * - nesting deeper than MAX_DEPTH is refused before anything recursive sees it (the checks here
 *   are iterative, so they cannot overflow the stack themselves);
 * - YAML aliases are checked before they are expanded: an alias with no anchor, an alias inside
 *   the node it names (a cycle), nesting that only aliases reach, and "billion laughs" expansion;
 * - YAML text above MAX_YAML_BYTES is refused (the YAML parser needs about 100 bytes of memory per
 *   byte of text and minutes for tens of MiB; JSON has no such limit here: JSON.parse is fast);
 * - `strict` (briefs): YAML 1.2 core schema only, custom tags (`!!js/function`) and control
 *   characters refused; JSON is strict JSON (no trailing commas, no single quotes).
 * Errors are ArchieError('INPUT') with the line and column of the problem.
 */

/** Deepest nesting of objects and arrays archie reads. Real specs and manifests stay under 40. */
export const MAX_DEPTH = 256;
/** Largest YAML text parsed (bytes). The largest public YAML specs (Stripe's) are about 4 MiB. */
export const MAX_YAML_BYTES = 8 * MiB;

export interface ParseOptions {
  /** Where the text came from, for the error's `path` (a file path as shown to the user). */
  path?: string;
  /** How messages name the input: "the brief", "openapi.yaml", "design.json". */
  label: string;
  /** Deepest nesting accepted (default MAX_DEPTH). */
  maxDepth?: number;
  /** Briefs: YAML 1.2 core schema, no custom tags, no control characters; strict JSON. */
  strict?: boolean;
  /** Hint added to syntax errors. */
  hint?: string;
}

export interface YamlOptions extends ParseOptions {
  /** Filled with the text's line starts, for positions (one is made when not given). */
  lineCounter?: LineCounter;
  /** Reject duplicate keys (default true). */
  uniqueKeys?: boolean;
  /** `<<` merge keys (Compose and Kubernetes files use them). */
  merge?: boolean;
  /** Most alias expansions (yaml's count) before the text is taken for an alias bomb (default 1,000). */
  maxAliasCount?: number;
  /** Largest YAML text in bytes (default MAX_YAML_BYTES). */
  maxBytes?: number;
}

export interface YamlDoc {
  doc: Document.Parsed;
  /** The plain value of the document. */
  value: unknown;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function depthError(options: ParseOptions, depth: number, pos: { line: number; column: number } | undefined, through = ''): ArchieError {
  const max = options.maxDepth ?? MAX_DEPTH;
  return new ArchieError('INPUT', `${options.label} is nested ${fmt(depth)} levels deep${through}; archie reads up to ${fmt(max)}`, {
    ...(options.path !== undefined && { path: options.path }),
    ...pos,
    hint: 'no real document nests this deeply: check that this is the right file',
  });
}

function inputError(options: ParseOptions, message: string, pos: { line: number; column: number } | undefined, hint?: string): ArchieError {
  const h = hint ?? options.hint;
  return new ArchieError('INPUT', message, { ...(options.path !== undefined && { path: options.path }), ...pos, ...(h !== undefined && { hint: h }) });
}

// ---------------------------------------------------------------------------------------------
// Positions and characters

/** 1-based line and column of a character offset, without building a whole line table. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * The first character YAML 1.2 does not allow in a stream (C0 and C1 controls other than tab, LF,
 * CR and NEL; DEL; U+FFFE and U+FFFF), or undefined. JSON forbids all of them outside strings and
 * raw inside strings, so the same check serves both.
 */
export function findControlCharacter(text: string): number | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/.exec(text);
  return m ? m.index : undefined;
}

function rejectControlCharacters(text: string, options: ParseOptions): void {
  const at = findControlCharacter(text);
  if (at === undefined) return;
  const code = text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  throw inputError(options, `${options.label} contains the control character U+${code}; archie reads plain text`, positionAt(text, at), 'remove it (write it as an escape such as "\\t" inside a double-quoted string if it is meant)');
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * Depth of the deepest object or array in a JSON text, and where nesting first went past `max`;
 * one pass over the characters, skipping strings. Malformed text gets a number too (JSON.parse
 * reports the syntax).
 */
export function jsonDepth(text: string, max: number): { depth: number; exceededAt: number | undefined } {
  let depth = 0;
  let deepest = 0;
  let exceededAt: number | undefined;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string: to the next quote not escaped (an odd run of backslashes before it).
      for (;;) {
        const q = text.indexOf('"', i + 1);
        if (q === -1) return { depth: deepest, exceededAt };
        let b = q - 1;
        while (text.charCodeAt(b) === 92) b--;
        i = q;
        if ((q - 1 - b) % 2 === 0) break;
      }
    } else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (depth > max && exceededAt === undefined) exceededAt = i;
      }
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    }
  }
  return { depth: deepest, exceededAt };
}

/** Check the nesting of a JSON text before it is parsed. */
export function checkJsonDepth(text: string, options: ParseOptions): void {
  const max = options.maxDepth ?? MAX_DEPTH;
  const { depth, exceededAt } = jsonDepth(text, max);
  if (exceededAt !== undefined) throw depthError(options, depth, positionAt(text, exceededAt));
}

/** Line and column of a JSON.parse SyntaxError, and its message without the position part. */
export function jsonSyntaxProblem(text: string, e: Error): { reason: string; pos: { line: number; column: number } | undefined } {
  const m = /position (\d+)/.exec(e.message);
  const pos = m ? positionAt(text, Number(m[1])) : /Unexpected end of JSON input/.test(e.message) ? positionAt(text, text.length) : undefined;
  const reason = e.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '').replace(/, "[^"]*" is not valid JSON$/, '');
  return { reason, pos };
}

/**
 * Parse JSON text: nesting checked first (iteratively), then JSON.parse, which is strict JSON (no
 * trailing commas, comments or single quotes). A syntax error names its line and column.
 */
export function parseJson(text: string, options: ParseOptions): unknown {
  if (options.strict) rejectControlCharacters(text, options);
  checkJsonDepth(text, options);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const { reason, pos } = jsonSyntaxProblem(text, e as Error);
    throw inputError(options, `${options.label} is not valid JSON: ${reason}`, pos, options.hint ?? 'fix the syntax at that position (a trailing comma, a single quote or a missing quote is the usual cause)');
  }
}

/** Depth of a plain value (objects and arrays), iteratively; stops counting past `max`. */
export function valueDepth(value: unknown, max = Infinity): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (d > deepest) deepest = d;
    if (deepest > max) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return deepest;
}

// ---------------------------------------------------------------------------------------------
// YAML

/** Depth of a CST document, iteratively; the offset where it first went past `max`. */
function cstDepth(token: CST.Token, max: number, state: { depth: number; exceededAt: number | undefined; aliases: boolean }): void {
  const stack: [CST.Token, number][] = [[token, 0]];
  while (stack.length > 0) {
    const [t, d] = stack.pop()!;
    switch (t.type) {
      case 'document':
        if (t.value) stack.push([t.value, d]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        const depth = d + 1;
        if (depth > state.depth) {
          state.depth = depth;
          if (depth > max && state.exceededAt === undefined) state.exceededAt = t.type === 'flow-collection' ? t.start.offset : t.offset;
        }
        for (const item of t.items) {
          if (item.key) stack.push([item.key, depth]);
          if (item.value) stack.push([item.value, depth]);
        }
        break;
      }
      case 'alias':
        state.aliases = true;
        break;
      default:
        break;
    }
  }
}

type Pos = { line: number; column: number };

function yamlTooLarge(text: string, options: YamlOptions): void {
  const max = options.maxBytes ?? MAX_YAML_BYTES;
  if (text.length * 3 <= max) return; // UTF-8 needs at most 3 bytes per UTF-16 unit
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= max) return;
  throw inputError(
    options,
    `${options.label} is ${(bytes / MiB).toFixed(1)} MiB of YAML; archie parses YAML up to ${(max / MiB).toFixed(0)} MiB: the YAML parser needs about 100 bytes of memory per byte of text and slows down sharply past that`,
    undefined,
    'convert it to JSON (e.g. `yq -o=json . file.yaml > file.json`), which archie reads up to the file size limit',
  );
}

function yamlErrorMessage(e: YAMLError): string {
  return (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Parse every document of a YAML stream (JSON is YAML too), with the checks described at the top
 * of this file. Empty documents (`---` with nothing after it) are kept with a null value.
 */
export function parseYamlAll(text: string, options: YamlOptions): { docs: YamlDoc[]; lineCounter: LineCounter } {
  return composeYaml(text, options, false);
}

/** Parse a single-document YAML text; a second document is an error. */
export function parseYaml(text: string, options: YamlOptions): YamlDoc & { lineCounter: LineCounter } {
  const { docs, lineCounter } = composeYaml(text, options, true);
  return { ...docs[0]!, lineCounter };
}

function composeYaml(text: string, options: YamlOptions, single: boolean): { docs: YamlDoc[]; lineCounter: LineCounter } {
  yamlTooLarge(text, options);
  if (options.strict) rejectControlCharacters(text, options);
  const lineCounter = options.lineCounter ?? new LineCounter();
  const max = options.maxDepth ?? MAX_DEPTH;
  const pos = (offset: number): Pos => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const state = { depth: 0, exceededAt: undefined as number | undefined, aliases: false };
  const composerOptions: DocumentOptions & SchemaOptions & YamlParseOptions = {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: options.uniqueKeys ?? true,
    ...(options.merge !== undefined && { merge: options.merge }),
    ...(options.strict && { version: '1.2' as const, schema: 'core' as const, merge: false, strict: true }),
  };
  // The parser is iterative; the composer and toJS recurse. Each CST document's depth is checked
  // before the composer sees it.
  const parser = new Parser(lineCounter.addNewLine);
  function* checked(): Generator<CST.Token> {
    for (const token of parser.parse(text)) {
      cstDepth(token, max, state);
      // Past the limit nothing more is composed, but the rest is still measured (iteratively) so
      // that the message says how deep the text goes.
      if (state.exceededAt === undefined) yield token;
    }
  }
  const composer = new Composer(composerOptions);
  const docs: Document.Parsed[] = [];
  for (const doc of composer.compose(checked(), single, text.length)) {
    docs.push(doc);
    if (single && docs.length > 1) throw inputError(options, `${options.label} holds more than one YAML document; archie reads one here`, pos(doc.range[0]), 'remove the `---` separator and what follows, or split the file');
  }
  if (state.exceededAt !== undefined) throw depthError(options, state.depth, pos(state.exceededAt));
  const out: YamlDoc[] = [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) {
      if (err.code === 'RESOURCE_EXHAUSTION') {
        // Within the limit but past what the stack had left here (a caller deep in its own calls).
        throw inputError(options, `${options.label} is nested ${fmt(state.depth)} levels deep, deeper than archie could read at this point`, pos(err.pos[0]), 'flatten the nesting');
      }
      throw inputError(options, `${options.label} is not valid YAML: ${yamlErrorMessage(err)}`, pos(err.pos[0]), options.hint ?? 'fix the syntax at that position; indentation and unquoted colons are the usual causes');
    }
    if (options.strict) {
      const warning = doc.warnings[0];
      if (warning) {
        if (warning.code === 'TAG_RESOLVE_FAILED') {
          const tag = yamlErrorMessage(warning).replace(/^Unresolved tag: /, '').replace(/^tag:yaml\.org,2002:/, '!!');
          throw inputError(options, `${options.label} uses a custom tag (${tag}); archie reads plain YAML 1.2 (core schema) without custom tags`, pos(warning.pos[0]), 'remove the tag: write the value as a plain string, number or list');
        }
        throw inputError(options, `${options.label} is not plain YAML 1.2: ${yamlErrorMessage(warning)}`, pos(warning.pos[0]), 'write plain YAML 1.2 (core schema)');
      }
    }
    if (state.aliases) checkAliases(doc, max, options, pos);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: options.maxAliasCount ?? 1000 });
    } catch (e) {
      const message = (e as Error).message;
      if (/alias count/i.test(message)) {
        throw inputError(
          options,
          `${options.label} expands its YAML aliases (*name) more than ${fmt(options.maxAliasCount ?? 1000)} times, the pattern of a "billion laughs" attack; archie does not expand it`,
          undefined,
          'write the repeated parts out, or reference each anchor fewer times',
        );
      }
      throw inputError(options, `${options.label} cannot be read as YAML data: ${message.split('\n')[0]}`, undefined);
    }
    out.push({ doc, value });
  }
  return { docs: out, lineCounter };
}

/**
 * Resolve every alias to the last anchor of that name before it (YAML's rule) and refuse aliases
 * without an anchor, aliases inside the node they name (a cycle that would make the data
 * infinite) and nesting that only aliases reach. One iterative pass with a depth per node.
 */
function checkAliases(doc: Document.Parsed, max: number, options: ParseOptions, pos: (offset: number) => Pos): void {
  const anchors = new Map<string, YamlNode>();
  const depthOf = new Map<unknown, number>();
  const open = new Set<unknown>();
  interface Frame {
    node: unknown;
    children: unknown[];
    next: number;
    deepest: number;
  }
  const childrenOf = (node: unknown): unknown[] => {
    const out: unknown[] = [];
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (isPair(item)) out.push(item.key, item.value);
        else out.push(item);
      }
    }
    return out;
  };
  const start = (node: unknown): number => (node as YamlNode | null)?.range?.[0] ?? 0;
  const stack: Frame[] = [];
  const enter = (node: unknown): number | undefined => {
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) throw inputError(options, `${options.label} uses the alias *${node.source} with no anchor &${node.source} before it`, pos(start(node)), `define &${node.source} on a value above this line, or write the value out`);
      if (open.has(target)) throw inputError(options, `${options.label} uses the alias *${node.source} inside the value it names: the data would be infinite`, pos(start(node)), 'an alias may only refer to a value that is complete before it');
      const d = depthOf.get(target) ?? 0;
      if (stack.length + d > max) throw depthError(options, stack.length + d, pos(start(node)), ` through the alias *${node.source}`);
      return d;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node as YamlNode);
    if (!isMap(node) && !isSeq(node)) return 0;
    open.add(node);
    stack.push({ node, children: childrenOf(node), next: 0, deepest: 0 });
    return undefined;
  };
  enter(doc.contents);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const d = enter(frame.children[frame.next++]);
      if (d !== undefined && d > frame.deepest) frame.deepest = d;
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    const depth = frame.deepest + 1;
    depthOf.set(frame.node, depth);
    const parent = stack[stack.length - 1];
    if (parent && depth > parent.deepest) parent.deepest = depth;
  }
}

/**
 * JSON text with positions: the value comes from strict JSON.parse, the positions from the same
 * text read as YAML (JSON is YAML 1.2). A duplicate key is an error, as it is in a YAML file.
 */
export function parseJsonWithPositions(text: string, options: YamlOptions): YamlDoc & { lineCounter: LineCounter } {
  const value = parseJson(text, options);
  try {
    const parsed = parseYaml(text, { ...options, strict: false, maxBytes: Infinity });
    return { doc: parsed.doc, value, lineCounter: parsed.lineCounter };
  } catch (e) {
    if (e instanceof ArchieError) throw new ArchieError('INPUT', e.message.replace(/is not valid YAML/, 'is not valid JSON'), { path: e.path, line: e.line, column: e.column, hint: e.hint });
    throw e;
  }
}
