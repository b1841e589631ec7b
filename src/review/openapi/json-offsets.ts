/**
 * Source positions for a JSON text that was parsed with `JSON.parse`.
 *
 * `JSON.parse` is an order of magnitude faster than any parser that keeps positions, so values come
 * from it and positions come from this index: a container (object or array) is scanned once, the
 * first time a position inside it is asked for, and the offsets of its direct members are cached.
 * Asking for `/paths/~1users/get` scans the root, then `paths`, then the path item, never the rest
 * of the file. The scanner only skips over values; it builds nothing but offsets.
 */
type Segment = string | number;

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonOffsets {
  /** Member offsets per container, keyed by the container's path joined with NUL. */
  private readonly objects = new Map<string, Map<string, number>>();
  private readonly arrays = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  /**
   * Offset of the key naming the last segment of `path` (for an array element, the element's first
   * character; for the root, the first value character). When the path does not exist in the text
   * (it may pass through a value the caller resolved elsewhere), the deepest existing ancestor's
   * offset is returned.
   */
  offsetOf(path: readonly Segment[]): number {
    let valueStart = this.skipWs(0);
    let best = valueStart;
    let key = '';
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const c = this.text.charCodeAt(valueStart);
      if (c === OPEN_BRACE) {
        const members = this.objectMembers(key, valueStart);
        const keyStart = members.get(String(seg));
        if (keyStart === undefined) return best;
        best = keyStart;
        valueStart = this.valueAfterKey(keyStart);
      } else if (c === OPEN_BRACKET) {
        const elements = this.arrayElements(key, valueStart);
        const idx = typeof seg === 'number' ? seg : Number(seg);
        const start = Number.isInteger(idx) ? elements[idx] : undefined;
        if (start === undefined) return best;
        best = start;
        valueStart = start;
      } else {
        return best;
      }
      key = i === 0 ? String(seg) : `${key}\u0000${String(seg)}`;
    }
    return best;
  }

  private objectMembers(key: string, start: number): Map<string, number> {
    let members = this.objects.get(key);
    if (members) return members;
    members = new Map();
    const t = this.text;
    let i = this.skipWs(start + 1);
    while (i < t.length && t.charCodeAt(i) !== CLOSE_BRACE) {
      const keyStart = i;
      const keyEnd = this.skipString(i);
      const raw = t.slice(i + 1, keyEnd - 1);
      const name = raw.includes('\\') ? (JSON.parse(t.slice(i, keyEnd)) as string) : raw;
      i = this.skipWs(keyEnd);
      if (t.charCodeAt(i) === COLON) i = this.skipWs(i + 1);
      i = this.skipWs(this.skipValue(i));
      members.set(name, keyStart); // last one wins, like JSON.parse
      if (t.charCodeAt(i) === COMMA) i = this.skipWs(i + 1);
      else break;
    }
    this.objects.set(key, members);
    return members;
  }

  private arrayElements(key: string, start: number): number[] {
    let elements = this.arrays.get(key);
    if (elements) return elements;
    elements = [];
    const t = this.text;
    let i = this.skipWs(start + 1);
    while (i < t.length && t.charCodeAt(i) !== CLOSE_BRACKET) {
      elements.push(i);
      i = this.skipWs(this.skipValue(i));
      if (t.charCodeAt(i) === COMMA) i = this.skipWs(i + 1);
      else break;
    }
    this.arrays.set(key, elements);
    return elements;
  }

  private valueAfterKey(keyStart: number): number {
    let i = this.skipWs(this.skipString(keyStart));
    if (this.text.charCodeAt(i) === COLON) i = this.skipWs(i + 1);
    return i;
  }

  private skipWs(i: number): number {
    const t = this.text;
    while (i < t.length && isWs(t.charCodeAt(i))) i++;
    return i;
  }

  /** `i` is at an opening quote; returns the offset just past the closing quote. */
  private skipString(i: number): number {
    const t = this.text;
    let j = i + 1;
    for (;;) {
      const q = t.indexOf('"', j);
      if (q < 0) return t.length;
      let backslashes = 0;
      for (let k = q - 1; k > i && t.charCodeAt(k) === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  }

  /** Skip one value starting at `i` (no leading whitespace); returns the offset just past it. */
  private skipValue(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === QUOTE) return this.skipString(i);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      let j = i;
      const n = t.length;
      while (j < n) {
        const d = t.charCodeAt(j);
        if (d === QUOTE) {
          j = this.skipString(j);
          continue;
        }
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) return j + 1;
        }
        j++;
      }
      return n;
    }
    let j = i;
    while (j < t.length) {
      const d = t.charCodeAt(j);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isWs(d)) break;
      j++;
    }
    return j;
  }
}

/** Start offsets of every line, for offset → line/column in O(log n). */
export class LineTable {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  /** 1-based line and column (UTF-16 code units, as editors count them). */
  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= buildLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }
}

function buildLineStarts(text: string): Int32Array {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  const starts = new Int32Array(count);
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[n++] = i + 1;
  return starts;
}
