import type { z } from 'zod';

/**
 * Tool arguments in, as the MCP 2025-11-25 specification asks (SEP-1303): arguments that do not
 * fit a tool's schema are a tool result with `isError: true` whose text names each argument, what
 * it must be and how to fix it, so the model can correct itself. Where the intent is unambiguous
 * the value is coerced instead (the string "10" for a number, "true" for a boolean, one string for
 * a list of strings) and the result says so.
 */

type Schema = z.ZodType;

interface Def {
  type: string;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  entries?: Record<string, unknown>;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
}

const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional/default/nullable wrappers. */
function base(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly') && d.innerType) cur = d.innerType;
    else break;
  }
  return cur;
}

function isInt(s: Schema): boolean {
  return (defOf(s).checks ?? []).some((c) => c._zod.def.format === 'safeint' || c._zod.def.format === 'int32');
}

/** "a number", "an array of strings", "one of "error", "warning""… */
export function typeName(s: Schema): string {
  const b = base(s);
  const d = defOf(b);
  switch (d.type) {
    case 'number':
      return isInt(b) ? 'a whole number' : 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return `an array of ${typeName(d.element!).replace(/^an? /, '')}s`.replace(/true or falses$/, 'booleans');
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'union':
      return (d.options ?? []).map(typeName).join(' or ');
    case 'object':
      return 'an object';
    default:
      return d.type;
  }
}

function describe(s: Schema): string | undefined {
  return (s as { description?: string }).description ?? (base(s) as { description?: string }).description;
}

/** How a received value reads in a message, short. */
export function received(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') {
    const shown = v.length > 40 ? `${JSON.stringify(v.slice(0, 40)).slice(0, -1)}…" (${v.length.toLocaleString('en-US')} characters)` : JSON.stringify(v);
    return `the string ${shown}`;
  }
  if (typeof v === 'number') return `the number ${String(v)}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `an array of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return 'an object';
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** One value coerced toward its schema where that is unambiguous, or returned as it is. */
function coerce(s: Schema, v: unknown): { value: unknown; note?: string } {
  const b = base(s);
  const d = defOf(b);
  if (d.type === 'number' && typeof v === 'string' && NUMBER.test(v.trim())) {
    const n = Number(v.trim());
    if (Number.isFinite(n)) return { value: n, note: `read ${JSON.stringify(v)} as the number ${n}` };
  }
  if (d.type === 'boolean' && typeof v === 'string' && /^(true|false)$/i.test(v.trim())) {
    const t = v.trim().toLowerCase() === 'true';
    return { value: t, note: `read ${JSON.stringify(v)} as ${t}` };
  }
  if (d.type === 'array' && v !== null && v !== undefined && typeof v !== 'object') {
    const inner = coerce(d.element!, v);
    return { value: [inner.value], note: `read ${JSON.stringify(v)} as the list [${JSON.stringify(inner.value)}]` };
  }
  if (d.type === 'array' && Array.isArray(v)) {
    const items = v.map((x) => coerce(d.element!, x));
    const changed = items.filter((x) => x.note);
    if (changed.length) return { value: items.map((x) => x.value), note: changed.map((x) => x.note).join(', ') };
  }
  return { value: v };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

function closest(key: string, known: string[]): string | undefined {
  let best: { k: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d <= Math.max(2, Math.floor(k.length / 3)) && (!best || d < best.d)) best = { k, d };
  }
  return best?.k;
}

function at(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v = root;
  for (const p of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function schemaAt(shape: Record<string, Schema>, path: ReadonlyArray<PropertyKey>): Schema | undefined {
  let s: Schema | undefined = shape[String(path[0])];
  for (const p of path.slice(1)) {
    if (!s) return undefined;
    const d = defOf(base(s));
    s = typeof p === 'number' ? d.element : (base(s) as unknown as { shape?: Record<string, Schema> }).shape?.[String(p)];
  }
  return s;
}

function count(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
}

type Issue = z.core.$ZodIssue;

function explain(issue: Issue, shape: Record<string, Schema>, args: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => {
      const near = closest(k, Object.keys(shape));
      return `unknown argument "${k}"${near ? `: did you mean "${near}"?` : ''}; remove it or use one of the arguments listed below`;
    });
  }
  const name = at(issue.path);
  const s = schemaAt(shape, issue.path);
  const want = s ? typeName(s) : undefined;
  const what = s && describe(s);
  const v = valueAt(args, issue.path);
  const about = what ? ` (${name}: ${what})` : '';
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      if (v === undefined) return [`missing required argument "${name}": pass ${want ?? issue.message}${about}`];
      return [`"${name}" must be ${want ?? 'of another type'}, got ${received(v)}${about}; pass ${want ?? 'a value of the right type'}`];
    case 'invalid_value':
      return [`"${name}" must be ${issue.values.map((x) => JSON.stringify(x)).join(', ').replace(/^/, issue.values.length > 1 ? 'one of ' : '')}, got ${received(v)}`];
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return [min <= 1 ? `"${name}" is empty; pass a non-empty string${about}` : `"${name}" must be at least ${count(min, 'character')}, got ${received(v)}`];
      if (issue.origin === 'array') return [`"${name}" must have at least ${count(min, 'item')}, got ${received(v)}${about}`];
      return [`"${name}" must be ${issue.inclusive ? 'at least' : 'more than'} ${min.toLocaleString('en-US')}, got ${received(v)}${about}`];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return [`"${name}" must be at most ${count(max, 'character')}, got ${received(v)}; ${name === 'brief' ? 'shorten the brief to its requirements, or put it in a brief file and pass its path' : 'shorten it'}`];
      if (issue.origin === 'array') return [`"${name}" must have at most ${count(max, 'item')}, got ${received(v)}; split the call`];
      return [`"${name}" must be ${issue.inclusive ? 'at most' : 'less than'} ${max.toLocaleString('en-US')}, got ${received(v)}${about}`];
    }
    default:
      return [`"${name || '(arguments)'}": ${issue.message}${about}`];
  }
}

/** The argument list of a tool, one line each, for error messages. */
export function signature(shape: Record<string, Schema>): string {
  return Object.entries(shape)
    .map(([k, s]) => {
      const optional = defOf(s).type === 'optional';
      const what = describe(s);
      return `- ${k}${optional ? '' : ' (required)'}: ${typeName(s)}${what ? `. ${what}` : ''}`;
    })
    .join('\n');
}

export type ParsedArguments<T> = { ok: true; data: T; notes: string[] } | { ok: false; message: string };

/** Coerce and validate a tool's arguments; a failure is a message for an `isError` result. */
export function parseArguments<T>(tool: string, schema: z.ZodObject, raw: unknown): ParsedArguments<T> {
  const shape = schema.shape as Record<string, Schema>;
  const notes: string[] = [];
  let args = raw;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      const s = shape[k];
      if (!s) {
        out[k] = v;
        continue;
      }
      const c = coerce(s, v);
      if (c.note) notes.push(`${k}: ${c.note}`);
      out[k] = c.value;
    }
    args = out;
  }
  const parsed = schema.safeParse(args);
  if (parsed.success) return { ok: true, data: parsed.data as T, notes };
  const problems = parsed.error.issues.flatMap((i) => explain(i, shape, args));
  return {
    ok: false,
    message: `invalid arguments for ${tool}:\n${problems.map((p) => `- ${p}`).join('\n')}\n\n${tool} takes:\n${signature(shape)}`,
  };
}
