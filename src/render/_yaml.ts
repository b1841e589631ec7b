/**
 * The one YAML writer of the renderers (OpenAPI, AsyncAPI, Compose, Kubernetes): block-style
 * YAML for JSON-shaped data (objects, arrays, strings, finite numbers, booleans, null). The
 * artifacts are plain data, so this is all they need; it keeps the `yaml` package (tens of
 * milliseconds to load) out of `archie design`'s start-up. Tests parse every output back.
 *
 * Output rules: two-space indentation, keys in insertion order, strings plain only when no YAML
 * 1.1 or 1.2 reader could take them for anything else, multi-line strings as `|-` literal blocks
 * when that round-trips exactly, everything else double-quoted (JSON string syntax is valid YAML).
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue | undefined };

/** Words some YAML reader turns into booleans or null (YAML 1.1 included). */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
/** Starts that no reader takes for an indicator, a number or a date. */
const PLAIN_START = /^[A-Za-z_/$(]/;
/** Control characters, line breaks, tabs and the byte-order mark are never plain. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\x00-\x1f\x7f\u0085\u2028\u2029\ufeff]/;

function plainOk(s: string): boolean {
  return PLAIN_START.test(s) && !UNSAFE.test(s) && !s.includes(': ') && !s.includes(' #') && !/[: ]$/.test(s) && !RESERVED.test(s);
}

function literalOk(s: string): boolean {
  if (!s.includes('\n') || s.endsWith('\n') || s.startsWith(' ') || s.includes('\r') || s.includes('\t')) return false;
  // A literal block keeps text exactly except trailing spaces on a line and leading blank lines.
  return s.split('\n').every((line, i) => !line.endsWith(' ') && (i > 0 || line.length > 0));
}

export function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as YAML`);
    return String(v);
  }
  return plainOk(v) ? v : JSON.stringify(v);
}

function isScalar(v: YamlValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

function entries(o: { [key: string]: YamlValue | undefined }): [string, YamlValue][] {
  return Object.entries(o).filter((e): e is [string, YamlValue] => e[1] !== undefined);
}

/** `key: value` or `- value` continuation for a value that follows a marker on the same line. */
function inline(v: YamlValue, indent: string): string | null {
  if (isScalar(v)) {
    if (typeof v === 'string' && literalOk(v)) return `|-\n${v.split('\n').map((l) => (l ? `${indent}  ${l}` : '')).join('\n')}`;
    return scalar(v);
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    // Short lists of scalars read best on one line; flow context also reserves , [ ] { }.
    if (v.every((x) => isScalar(x) && !(typeof x === 'string' && x.includes('\n')))) {
      const items = (v as Array<string | number | boolean | null>).map((x) => (typeof x === 'string' && /[,[\]{}]/.test(x) ? JSON.stringify(x) : scalar(x)));
      const flow = `[${items.join(', ')}]`;
      if (flow.length + indent.length <= 90) return flow;
    }
    return null;
  }
  return entries(v).length === 0 ? '{}' : null;
}

function block(v: YamlValue, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      const one = inline(item, indent);
      if (one !== null) {
        out.push(`${indent}- ${one}`);
        continue;
      }
      // Nested collection: its first line shares the dash.
      const nested: string[] = [];
      block(item, `${indent}  `, nested);
      nested[0] = `${indent}- ${nested[0]!.slice(indent.length + 2)}`;
      out.push(...nested);
    }
    return;
  }
  if (isScalar(v)) {
    out.push(`${indent}${scalar(v)}`);
    return;
  }
  for (const [k, val] of entries(v)) {
    const key = scalar(k);
    const one = inline(val, indent);
    if (one !== null) out.push(`${indent}${key}: ${one}`);
    else {
      out.push(`${indent}${key}:`);
      block(val, `${indent}  `, out);
    }
  }
}

/**
 * Serialise a JSON-shaped value as a YAML document ending in one newline, with optional `#`
 * comment lines on top. `undefined` members are left out.
 */
export function toYaml(v: YamlValue, comments: string[] = []): string {
  const out = comments.map((c) => (c ? `# ${c}` : '#'));
  const one = inline(v, '');
  if (one !== null) out.push(one);
  else block(v, '', out);
  return `${out.join('\n')}\n`;
}

/** Several documents separated by `---` (comments above the first). */
export function toYamlDocuments(docs: YamlValue[], comments: string[] = []): string {
  return docs.map((doc, i) => (i === 0 ? toYaml(doc, comments) : `---\n${toYaml(doc)}`)).join('');
}
