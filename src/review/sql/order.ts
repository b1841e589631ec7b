/**
 * The order of a migrations folder and which files undo others. Migration tools order by the
 * version in the name, so `0002_x.sql` comes before `0010_y.sql`: digits compare as numbers.
 */

// Separators rank before every other character so that `V1__init` sorts before `V1.1__fix`
// (Flyway), and `1_a` before `1.5_b`.
function charRank(c: number): number {
  if (c === 0x5f /* _ */ || c === 0x2d /* - */ || c === 0x20) return -1;
  return c;
}

function compareSegment(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    const da = ca >= 0x30 && ca <= 0x39;
    const db = cb >= 0x30 && cb <= 0x39;
    if (da && db) {
      let ie = i;
      while (ie < a.length && a.charCodeAt(ie) >= 0x30 && a.charCodeAt(ie) <= 0x39) ie++;
      let je = j;
      while (je < b.length && b.charCodeAt(je) >= 0x30 && b.charCodeAt(je) <= 0x39) je++;
      const na = a.slice(i, ie).replace(/^0+(?=\d)/, '');
      const nb = b.slice(j, je).replace(/^0+(?=\d)/, '');
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      i = ie;
      j = je;
      continue;
    }
    const ra = charRank(a.toLowerCase().charCodeAt(i));
    const rb = charRank(b.toLowerCase().charCodeAt(j));
    if (ra !== rb) return ra - rb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

/** Natural order of paths, segment by segment; ties fall back to plain comparison for stability. */
export function compareMigrationPaths(a: string, b: string): number {
  const sa = a.split(/[\\/]/);
  const sb = b.split(/[\\/]/);
  const n = Math.min(sa.length, sb.length);
  for (let k = 0; k < n; k++) {
    const c = compareSegment(sa[k] ?? '', sb[k] ?? '');
    if (c !== 0) return c;
  }
  if (sa.length !== sb.length) return sa.length - sb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A down (revert, undo) migration: golang-migrate `*.down.sql`, diesel `down.sql`, Flyway undo
 * `U<version>__*.sql`, sqitch `revert/`. It undoes its up migration on purpose, so it is parsed but
 * kept out of the history and the rules.
 */
export function isDownMigration(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const base = (parts[parts.length - 1] ?? '').toLowerCase();
  if (/(^|[._-])down\.sql$/.test(base)) return true;
  if (/^u\d+(?:[._]\d+)*__.*\.sql$/.test(base)) return true;
  return parts.slice(0, -1).some((p) => p.toLowerCase() === 'revert');
}
