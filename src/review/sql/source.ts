/**
 * A SQL file's text with the two coordinate systems the PostgreSQL parser and editors use:
 * libpg_query reports UTF-8 byte offsets, editors want 1-based line and column counted in
 * UTF-16 code units (what JavaScript strings and the `yaml` package use, and SARIF's default).
 */
export interface LineColumn {
  line: number;
  column: number;
}

export class SourceText {
  readonly text: string;
  /** Char offset of the start of each line. */
  private readonly lineStarts: number[];
  /** byte offset → char offset; null when the text is pure ASCII (the two coincide). */
  private byteToCharMap: Int32Array | null | undefined;
  private bytesCache: Buffer | undefined;

  constructor(text: string) {
    this.text = text;
    // Line ends as editors count them: LF, CRLF (one break) and a lone CR (classic Mac files).
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** The text as UTF-8 bytes (what the parser's offsets index). */
  get bytes(): Buffer {
    return (this.bytesCache ??= Buffer.from(this.text, 'utf8'));
  }

  get byteLength(): number {
    return this.map() === null ? this.text.length : this.bytes.length;
  }

  /** The char (UTF-16) offset of a UTF-8 byte offset; offsets past the end clamp to the end. */
  charOffset(byteOffset: number): number {
    const map = this.map();
    if (byteOffset <= 0) return 0;
    if (map === null) return Math.min(byteOffset, this.text.length);
    if (byteOffset >= map.length) return this.text.length;
    return map[byteOffset] ?? this.text.length;
  }

  /** 1-based line and column of a UTF-8 byte offset. */
  position(byteOffset: number): LineColumn {
    return this.positionOfChar(this.charOffset(byteOffset));
  }

  /** 1-based line and column of a char offset. */
  positionOfChar(charOffset: number): LineColumn {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= charOffset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: charOffset - (starts[lo] ?? 0) + 1 };
  }

  /** 1-based line and column of a code-point offset (PostgreSQL's error cursor counts characters). */
  positionOfCodePoint(codePoints: number, fromChar = 0): LineColumn {
    let i = fromChar;
    for (let n = 0; n < codePoints && i < this.text.length; n++) {
      const c = this.text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
    return this.positionOfChar(Math.min(i, this.text.length));
  }

  /** The text between two byte offsets. */
  sliceBytes(start: number, end: number): string {
    if (this.map() === null) return this.text.slice(start, end);
    return this.bytes.subarray(start, end).toString('utf8');
  }

  private map(): Int32Array | null {
    if (this.byteToCharMap !== undefined) return this.byteToCharMap;
    const text = this.text;
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return (this.byteToCharMap = null);
    const map = new Int32Array(Buffer.byteLength(text, 'utf8') + 1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let n: number;
      if (c < 0x80) n = 1;
      else if (c < 0x800) n = 2;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        // A surrogate pair is one 4-byte code point spanning two UTF-16 units.
        map.fill(i, b, b + 4);
        b += 4;
        i++;
        continue;
      } else n = 3;
      map.fill(i, b, b + n);
      b += n;
    }
    map[b] = text.length;
    return (this.byteToCharMap = map);
  }
}
