/**
 * Reading the numbers people write: "2M", "100k", "1.5 billion", "2,000,000", "two", "4 KB",
 * "3 years", "per minute". Pure functions; they return null rather than guess.
 */

const WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, single: 1, solo: 1, two: 2, couple: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, mil: 1e6, million: 1e6, millions: 1e6, b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9,
  t: 1e12, trillion: 1e12,
};

/** Regex source for a number as people write it, including an optional magnitude suffix. */
export const NUMBER_SRC =
  String.raw`(?:\d+(?:\.\d+)?e[+-]?\d{1,3}(?![\w.])|\d{1,3}(?:[,_]\d{3})+|\d+(?:\.\d+)?|\.\d+)(?:\s?(?:k|m|mm|mn|mil|b|bn|t|thousand|million|millions|billion|billions|trillion)\b)?`;
/** Regex source for number words. */
export const WORD_NUMBER_SRC = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen|a couple of|a single|a)`;

/** Parse "2M", "1.5 billion", "2,000,000", "100k", "twelve". Returns null when it is not a number. */
export function parseNumber(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/^a couple of$/, 'couple').replace(/^a dozen$/, 'dozen').replace(/^a single$/, 'single');
  if (s in WORDS) return WORDS[s] ?? null;
  if (/^\d+(?:\.\d+)?e[+-]?\d{1,3}$/.test(s)) return Number(s);
  const m = /^((?:\d{1,3}(?:[,_]\d{3})+)|\d+(?:\.\d+)?|\.\d+)\s?([a-z]+)?$/.exec(s);
  if (!m) return null;
  const base = Number(m[1]!.replace(/[,_]/g, ''));
  if (!Number.isFinite(base)) return null;
  const suffix = m[2];
  if (suffix === undefined) return base;
  const mult = SCALE[suffix];
  return mult === undefined ? null : base * mult;
}

const BYTE_UNITS: Record<string, number> = {
  b: 1, byte: 1, bytes: 1,
  kb: 1e3, kib: 1024, k: 1e3, kilobyte: 1e3, kilobytes: 1e3,
  mb: 1e6, mib: 1024 ** 2, megabyte: 1e6, megabytes: 1e6,
  gb: 1e9, gib: 1024 ** 3, gigabyte: 1e9, gigabytes: 1e9,
  tb: 1e12, tib: 1024 ** 4, terabyte: 1e12, terabytes: 1e12,
  pb: 1e15, pib: 1024 ** 5, petabyte: 1e15, petabytes: 1e15,
};
export const BYTE_UNIT_SRC = String.raw`(?:bytes?|[kmgtp]i?b|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?)`;

/** Parse "4 KB", "1.5MB", "10 TiB" into bytes (decimal units for KB/MB/GB, binary for KiB...). */
export function parseBytes(text: string): number | null {
  // A lone "B" is bytes here ("100 B"), never billions: this parses sizes only.
  const m = new RegExp(`^\\s*(.+?)\\s*(${BYTE_UNIT_SRC}|b)\\s*$`, 'i').exec(text);
  if (!m) return null;
  const n = parseNumber(m[1]!);
  const unit = BYTE_UNITS[m[2]!.toLowerCase()];
  if (n === null || unit === undefined) return null;
  return n * unit;
}

const SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86_400, day: 86_400, days: 86_400, daily: 86_400,
  w: 604_800, wk: 604_800, week: 604_800, weeks: 604_800, weekly: 604_800,
  mo: 2_592_000, month: 2_592_000, months: 2_592_000, monthly: 2_592_000,
  y: 31_536_000, yr: 31_536_000, yrs: 31_536_000, year: 31_536_000, years: 31_536_000, yearly: 31_536_000, annually: 31_536_000,
};
export const PERIOD_SRC = String.raw`(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|d|days?|daily|w|wks?|weeks?|weekly|mo|months?|monthly|y|yrs?|years?|yearly|annually)`;

/** Seconds in one named period ("minute", "day", "month" = 30 days, "year" = 365 days). */
export function periodSeconds(unit: string): number | null {
  return SECONDS[unit.trim().toLowerCase()] ?? null;
}

/** Parse "3 years", "90 days", "6 weeks" into days. */
export function parseDurationDays(text: string): number | null {
  const m = /^\s*(.+?)\s*([a-z]+)\s*$/i.exec(text);
  if (!m) return null;
  const n = parseNumber(m[1]!);
  const s = periodSeconds(m[2]!);
  if (n === null || s === null) return null;
  return (n * s) / 86_400;
}

/** Parse "99.99%", "99.9", "four nines", "0.999" into a fraction. */
export function parseAvailability(text: string): number | null {
  const t = text.trim().toLowerCase();
  const nines: Record<string, number> = { two: 2, three: 3, 'three and a half': 3.5, four: 4, five: 5, six: 6, '2': 2, '3': 3, '4': 4, '5': 5 };
  const nm = /^(two|three and a half|three|four|five|six|[2-6])\s+nines$/.exec(t);
  if (nm) {
    const k = nines[nm[1]!]!;
    return k === 3.5 ? 0.9995 : Number((1 - 10 ** -k).toFixed(8));
  }
  const pm = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(t);
  if (!pm) return null;
  const v = Number(pm[1]);
  if (v > 0 && v < 1) return v;
  if (v >= 1 && v <= 100) return Number((v / 100).toFixed(8));
  return null;
}

/** Parse "$2k", "USD 5,000", "€1.5k", "2000 dollars". Returns the amount (currency symbols treated as USD-equivalent). */
export function parseMoney(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/^(?:us\$|\$|€|£|usd|eur|gbp)\s*/, '').replace(/\s*(?:usd|eur|gbp|dollars?|euros?|pounds?)$/, '');
  return parseNumber(t);
}

/** Format a count for prose: 2,000,000 → "2M", 1,500 → "1.5k". */
export function compact(n: number): string {
  const abs = Math.abs(n);
  const fmt = (v: number, s: string) => `${Number(v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2))}${s}`;
  if (abs >= 1e9) return fmt(n / 1e9, 'B');
  if (abs >= 1e6) return fmt(n / 1e6, 'M');
  if (abs >= 1e4) return fmt(n / 1e3, 'k');
  return formatNumber(n);
}

/** Format with thousands separators and at most `digits` decimals, dropping trailing zeros. */
export function formatNumber(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toFixed(digits));
  const [int, frac] = Math.abs(rounded).toString().split('.') as [string, string | undefined];
  const withSep = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${withSep}${frac ? `.${frac}` : ''}`;
}

/** Format bytes with a decimal unit: 1.5 GB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${formatNumber(v, v >= 100 ? 0 : v >= 10 ? 1 : 2)} ${units[i]}`;
}

/** Format a fraction as a percentage with the digits it needs: 0.9995 → "99.95%". */
export function formatPercent(fraction: number, maxDigits = 4): string {
  const p = fraction * 100;
  for (let d = 0; d <= maxDigits; d++) {
    if (Math.abs(Number(p.toFixed(d)) - p) < 1e-9) return `${p.toFixed(d)}%`;
  }
  return `${p.toFixed(maxDigits)}%`;
}
