/**
 * A small deterministic layered layout with orthogonal edge routing, enough for architecture and
 * ER diagrams of tens of boxes. Rows are given by the caller (layers, or entity depth); this module
 * orders boxes within rows to shorten edges (barycenter sweeps), places them, and routes every
 * edge through the horizontal channels between rows, each on its own track so that no two edges
 * share a segment. Edges that skip rows run down free vertical gutters between boxes.
 */

export interface LayoutNode {
  id: string;
  w: number;
  h: number;
}

export interface LayoutEdge {
  from: string;
  to: string;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutOptions {
  /** Horizontal gap between boxes of a row. */
  gapX: number;
  /** Minimum height of the channel between two rows. */
  channel: number;
  /** Vertical distance between edge tracks in a channel. */
  track: number;
  /** Space kept free of tracks next to the rows (room for arrowheads and ER end markers). */
  pad: number;
  /** Free space above the boxes of every row (for a row label). */
  rowPad: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface Layout {
  boxes: Map<string, Box>;
  /** One polyline per input edge, in input order: first point on the source, last on the target. */
  routes: Array<Array<[number, number]>>;
  rows: Array<{ top: number; height: number; ids: string[] }>;
  width: number;
  height: number;
}

type Side = 'top' | 'bottom';

interface Plan {
  index: number;
  from: string;
  to: string;
  srcSide: Side;
  dstSide: Side;
  /** Channel of the first horizontal run, and of the second when the edge needs a gutter. */
  chanA: number;
  chanB: number | null;
  /** Rows the gutter crosses (exclusive of the ends). */
  gutterRows: number[];
}

function stableSort<T>(xs: T[], key: (x: T) => number): T[] {
  return xs
    .map((x, i) => ({ x, i, k: key(x) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((e) => e.x);
}

export function layered(rowsIn: LayoutNode[][], edges: LayoutEdge[], o: LayoutOptions): Layout {
  const rows = rowsIn.map((r) => [...r]).filter((r) => r.length > 0);
  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => r.forEach((nd) => rowOf.set(nd.id, i)));
  const real = edges.filter((e) => rowOf.has(e.from) && rowOf.has(e.to) && e.from !== e.to);

  const contentW = Math.max(0, ...rows.map((r) => r.reduce((a, b) => a + b.w, 0) + o.gapX * (r.length - 1)));
  const centres = new Map<string, number>();
  const place = () => {
    for (const r of rows) {
      const rw = r.reduce((a, b) => a + b.w, 0) + o.gapX * (r.length - 1);
      let x = o.margin.left + (contentW - rw) / 2;
      for (const nd of r) {
        centres.set(nd.id, x + nd.w / 2);
        x += nd.w + o.gapX;
      }
    }
  };
  place();
  // Barycenter sweeps: down using neighbours above, then up using neighbours below.
  const neighbours = (id: string, above: boolean): number[] => {
    const r = rowOf.get(id)!;
    const out: number[] = [];
    for (const e of real) {
      const other = e.from === id ? e.to : e.to === id ? e.from : null;
      if (other === null) continue;
      const ro = rowOf.get(other)!;
      if (above ? ro < r : ro > r) out.push(centres.get(other)!);
    }
    return out;
  };
  for (let iter = 0; iter < 3; iter++) {
    for (const above of [true, false]) {
      const order = above ? rows.map((_, i) => i) : rows.map((_, i) => rows.length - 1 - i);
      for (const ri of order) {
        const r = rows[ri]!;
        const key = (nd: LayoutNode) => {
          const ns = neighbours(nd.id, above);
          return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : centres.get(nd.id)!;
        };
        rows[ri] = stableSort(r, key);
        place();
      }
    }
  }

  // ---------------------------------------------------------------- plan the routes
  const plans: Plan[] = [];
  edges.forEach((e, index) => {
    if (!rowOf.has(e.from) || !rowOf.has(e.to) || e.from === e.to) return;
    const rs = rowOf.get(e.from)!;
    const rt = rowOf.get(e.to)!;
    const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
    if (rt > rs) plans.push({ index, from: e.from, to: e.to, srcSide: 'bottom', dstSide: 'top', chanA: rs, chanB: rt - 1 === rs ? null : rt - 1, gutterRows: range(rs + 1, rt) });
    else if (rt < rs) plans.push({ index, from: e.from, to: e.to, srcSide: 'top', dstSide: 'bottom', chanA: rs - 1, chanB: rt === rs - 1 ? null : rt, gutterRows: range(rt + 1, rs) });
    else plans.push({ index, from: e.from, to: e.to, srcSide: 'bottom', dstSide: 'bottom', chanA: rs, chanB: null, gutterRows: [] });
  });

  // Ports: spread along each side, ordered by where the other end is.
  const portX = new Map<string, number>();
  const widthOf = new Map<string, number>();
  for (const r of rows) for (const nd of r) widthOf.set(nd.id, nd.w);
  const sides = new Map<string, Array<{ key: string; other: number; tie: number }>>();
  for (const p of plans) {
    for (const [id, side, other, tag] of [
      [p.from, p.srcSide, p.to, 's'],
      [p.to, p.dstSide, p.from, 'd'],
    ] as const) {
      const k = `${id}|${side}`;
      const list = sides.get(k) ?? [];
      list.push({ key: `${p.index}|${tag}`, other: centres.get(other)!, tie: p.index });
      sides.set(k, list);
    }
  }
  for (const [k, list] of sides) {
    const id = k.slice(0, k.lastIndexOf('|'));
    const cx = centres.get(id)!;
    const w = widthOf.get(id)!;
    const sorted = [...list].sort((a, b) => a.other - b.other || a.tie - b.tie);
    const usable = Math.min(w - 16, 28 * sorted.length);
    sorted.forEach((s, i) => portX.set(s.key, sorted.length === 1 ? cx : cx - usable / 2 + (usable * i) / (sorted.length - 1)));
  }

  // Gutters: free x intervals through every crossed row, shared between edges by lanes.
  const totalW = o.margin.left + contentW + o.margin.right;
  const freeIn = (ri: number): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let x = 0;
    for (const nd of rows[ri]!) {
      const c = centres.get(nd.id)!;
      out.push([x, c - nd.w / 2]);
      x = c + nd.w / 2;
    }
    out.push([x, totalW]);
    return out.filter(([a, b]) => b - a >= 12);
  };
  const intersect = (a: Array<[number, number]>, b: Array<[number, number]>) => {
    const out: Array<[number, number]> = [];
    for (const [a0, a1] of a) for (const [b0, b1] of b) if (Math.min(a1, b1) - Math.max(a0, b0) >= 12) out.push([Math.max(a0, b0), Math.min(a1, b1)]);
    return out;
  };
  // Vertical segments already in each channel (port stubs, then gutters): a gutter keeps clear of them.
  const verticals = new Map<number, number[]>();
  const block = (chan: number, x: number) => verticals.set(chan, [...(verticals.get(chan) ?? []), x]);
  for (const p of plans) {
    block(p.chanA, portX.get(`${p.index}|s`)!);
    block(p.chanB ?? p.chanA, portX.get(`${p.index}|d`)!);
  }
  const gutterX = new Map<number, number>();
  for (const p of plans) {
    if (p.chanB === null) continue;
    let free: Array<[number, number]> = [[0, totalW]];
    for (const ri of p.gutterRows) free = intersect(free, freeIn(ri));
    const xs = portX.get(`${p.index}|s`)!;
    const xt = portX.get(`${p.index}|d`)!;
    const best = stableSort(free, ([a, b]) => Math.abs((a + b) / 2 - xt) + Math.abs((a + b) / 2 - xs))[0] ?? [0, o.margin.left];
    const [lo, hi] = [Math.min(p.chanA, p.chanB), Math.max(p.chanA, p.chanB)];
    const chans = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    const clear = (x: number) => chans.every((c) => (verticals.get(c) ?? []).every((v) => Math.abs(v - x) >= 7));
    const mid = (best[0] + best[1]) / 2;
    let x = mid;
    for (let k = 0; k < 200; k++) {
      const cand = mid + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * 8;
      if (cand <= best[0] + 4 || cand >= best[1] - 4) continue;
      if (clear(cand)) {
        x = cand;
        break;
      }
    }
    gutterX.set(p.index, x);
    for (const c of chans) block(c, x);
  }

  // Tracks: one per horizontal run, ordered to limit crossings.
  const runs = new Map<number, Array<{ plan: Plan; which: 'A' | 'B'; x1: number; x2: number }>>();
  for (const p of plans) {
    const xs = portX.get(`${p.index}|s`)!;
    const xt = portX.get(`${p.index}|d`)!;
    const g = gutterX.get(p.index);
    const addRun = (c: number, which: 'A' | 'B', x1: number, x2: number) => {
      const list = runs.get(c) ?? [];
      list.push({ plan: p, which, x1, x2 });
      runs.set(c, list);
    };
    if (g === undefined) addRun(p.chanA, 'A', xs, xt);
    else {
      addRun(p.chanA, 'A', xs, g);
      addRun(p.chanB!, 'B', g, xt);
    }
  }
  const trackOf = new Map<string, { chan: number; i: number }>();
  const trackCount = new Map<number, number>();
  for (const [c, list] of runs) {
    const keyed = stableSort(list, (r) => (r.x2 < r.x1 ? r.x1 - 1e6 : 1e6 - r.x1));
    keyed.forEach((r, i) => trackOf.set(`${r.plan.index}|${r.which}`, { chan: c, i }));
    trackCount.set(c, keyed.length);
  }

  // ---------------------------------------------------------------- vertical placement
  const rowTops: number[] = [];
  const rowHeights: number[] = [];
  const chanTop: number[] = [];
  const chanH: number[] = [];
  let y = o.margin.top;
  rows.forEach((r, i) => {
    rowTops.push(y);
    const h = o.rowPad + Math.max(...r.map((nd) => nd.h));
    rowHeights.push(h);
    y += h;
    chanTop.push(y);
    const t = trackCount.get(i) ?? 0;
    const ch = i === rows.length - 1 && t === 0 ? 0 : Math.max(o.channel, 2 * o.pad + Math.max(0, t - 1) * o.track);
    chanH.push(ch);
    y += ch;
  });
  const height = y + o.margin.bottom;
  const boxes = new Map<string, Box>();
  rows.forEach((r, i) => {
    for (const nd of r) boxes.set(nd.id, { x: centres.get(nd.id)! - nd.w / 2, y: rowTops[i]! + o.rowPad, w: nd.w, h: nd.h });
  });
  // Channel -1 (above the first row) is never used: up edges leave through channel rs-1 ≥ 0.
  const trackY = (index: number, which: 'A' | 'B') => {
    const t = trackOf.get(`${index}|${which}`)!;
    const count = trackCount.get(t.chan)!;
    const inner = chanH[t.chan]! - 2 * o.pad;
    return chanTop[t.chan]! + o.pad + (count === 1 ? inner / 2 : (t.i * inner) / (count - 1));
  };

  const routes: Array<Array<[number, number]>> = edges.map(() => []);
  for (const p of plans) {
    const s = boxes.get(p.from)!;
    const t = boxes.get(p.to)!;
    const xs = portX.get(`${p.index}|s`)!;
    const xt = portX.get(`${p.index}|d`)!;
    const ys = p.srcSide === 'bottom' ? s.y + s.h : s.y;
    const yt = p.dstSide === 'bottom' ? t.y + t.h : t.y;
    const ya = trackY(p.index, 'A');
    const pts: Array<[number, number]> = [[xs, ys], [xs, ya]];
    const g = gutterX.get(p.index);
    if (g === undefined) pts.push([xt, ya]);
    else {
      const yb = trackY(p.index, 'B');
      pts.push([g, ya], [g, yb], [xt, yb]);
    }
    pts.push([xt, yt]);
    routes[p.index] = simplify(pts);
  }
  // Self references: a loop on the right side of the box.
  edges.forEach((e, i) => {
    if (e.from !== e.to || !boxes.has(e.from)) return;
    const b = boxes.get(e.from)!;
    const x = b.x + b.w;
    routes[i] = [[x, b.y + b.h * 0.3], [x + 18, b.y + b.h * 0.3], [x + 18, b.y + b.h * 0.7], [x, b.y + b.h * 0.7]];
  });

  return {
    boxes,
    routes,
    rows: rows.map((r, i) => ({ top: rowTops[i]!, height: rowHeights[i]!, ids: r.map((nd) => nd.id) })),
    width: totalW,
    height,
  };
}

/** Drop zero-length and collinear points. */
function simplify(pts: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0] - p[0]) < 0.01 && Math.abs(last[1] - p[1]) < 0.01) continue;
    out.push(p);
  }
  for (let i = out.length - 2; i > 0; i--) {
    const [a, b, c] = [out[i - 1]!, out[i]!, out[i + 1]!];
    if ((Math.abs(a[0] - b[0]) < 0.01 && Math.abs(b[0] - c[0]) < 0.01) || (Math.abs(a[1] - b[1]) < 0.01 && Math.abs(b[1] - c[1]) < 0.01)) out.splice(i, 1);
  }
  return out;
}

/** Wrap a list of boxes into rows no wider than `max`. */
export function wrapRow(nodes: LayoutNode[], max: number, gap: number): LayoutNode[][] {
  const out: LayoutNode[][] = [];
  let cur: LayoutNode[] = [];
  let w = 0;
  for (const nd of nodes) {
    if (cur.length > 0 && w + gap + nd.w > max) {
      out.push(cur);
      cur = [];
      w = 0;
    }
    w += (cur.length ? gap : 0) + nd.w;
    cur.push(nd);
  }
  if (cur.length) out.push(cur);
  return out;
}
