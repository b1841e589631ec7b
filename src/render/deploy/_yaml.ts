/**
 * A small YAML writer for manifests: block maps and lists, flow lists for short scalar lists, and
 * strings quoted whenever a YAML 1.1 or 1.2 reader could take them for anything but a string
 * (numbers, booleans, `on`/`off`, nulls, leading indicators). Written here instead of loading a
 * YAML library so `archie design` stays fast; tests parse every output with the `yaml` package.
 */

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue | undefined };

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:@+-]*$/;
const SPECIAL = /^(?:y|n|yes|no|on|off|true|false|null|~|\.inf|\.nan)$/i;

export function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} to YAML`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (PLAIN.test(v) && !SPECIAL.test(v) && !v.endsWith(':')) return v;
  return JSON.stringify(v);
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function lines(v: YamlValue, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    for (const item of v) {
      if (isScalar(item)) out.push(`${indent}- ${scalar(item)}`);
      else if (Array.isArray(item)) {
        out.push(`${indent}-`);
        lines(item, `${indent}  `, out);
      } else {
        const sub: string[] = [];
        lines(item, `${indent}  `, sub);
        if (sub.length === 0) out.push(`${indent}- {}`);
        else out.push(`${indent}- ${sub[0]!.slice(indent.length + 2)}`, ...sub.slice(1));
      }
    }
    return;
  }
  if (v === null || typeof v !== 'object') throw new Error('a YAML document must be a map or a list');
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined) continue;
    const key = scalar(k);
    if (isScalar(val)) out.push(`${indent}${key}: ${scalar(val)}`);
    else if (Array.isArray(val)) {
      if (val.length === 0) out.push(`${indent}${key}: []`);
      else if (val.every(isScalar) && val.map((x) => scalar(x)).join(', ').length + indent.length + key.length < 100) out.push(`${indent}${key}: [${val.map((x) => scalar(x)).join(', ')}]`);
      else {
        out.push(`${indent}${key}:`);
        lines(val, `${indent}  `, out);
      }
    } else if (Object.keys(val).filter((x) => val[x] !== undefined).length === 0) out.push(`${indent}${key}: {}`);
    else {
      out.push(`${indent}${key}:`);
      lines(val, `${indent}  `, out);
    }
  }
}

/** One YAML document (no `---`), with optional `#` comment lines on top, ending in a newline. */
export function toYaml(v: YamlValue, comments: string[] = []): string {
  const out = comments.map((c) => (c ? `# ${c}` : '#'));
  lines(v, '', out);
  return `${out.join('\n')}\n`;
}

/** Several documents separated by `---`. */
export function toYamlDocuments(docs: YamlValue[], comments: string[] = []): string {
  return docs.map((doc, i) => (i === 0 ? toYaml(doc, comments) : `---\n${toYaml(doc)}`)).join('');
}
