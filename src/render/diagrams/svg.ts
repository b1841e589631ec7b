import type { Design, Entity, Field } from '../../model/design.js';
import { diagramGraph, LAYERS, nameOf, type DiagramNode } from './_model.js';
import { layered, wrapRow, type Box, type LayoutNode } from './_layout.js';
import { clip, FONT, n, textWidth, xml } from './_text.js';
import { relationships } from './mermaid.js';

/**
 * The three diagrams as standalone SVG, laid out here without a browser: the component diagram
 * (one band per layer, orthogonal arrows per `dependsOn`), the ER diagram (tables with key badges,
 * crow's-foot relationships from `references`) and the sequence diagram of the main flow.
 *
 * Every element carries data attributes (`data-id`, `data-entity`, `data-from`/`data-to`) so a
 * checker can compare a picture with design.json without parsing geometry. Colours are CSS custom
 * properties with a dark variant under `prefers-color-scheme`, and marker ids are prefixed per
 * diagram so the three can be inlined into one HTML page.
 */

const STYLE = `<style>
svg.adg{--adg-bg:#ffffff;--adg-fg:#1f2328;--adg-muted:#59636e;--adg-line:#4b5563;--adg-box:#f6f8fa;--adg-border:#8c959f;--adg-client:#eef4ff;--adg-client-border:#5b7bd5;--adg-store:#edf7ed;--adg-store-border:#4d8a4d;--adg-band:#f8fafc;--adg-band-border:#e5e7eb;--adg-head:#e8eef6}
@media (prefers-color-scheme: dark){svg.adg{--adg-bg:#0d1117;--adg-fg:#e6edf3;--adg-muted:#9198a1;--adg-line:#9aa4b2;--adg-box:#161b22;--adg-border:#6e7681;--adg-client:#15233d;--adg-client-border:#6d8fe0;--adg-store:#132615;--adg-store-border:#5fa35f;--adg-band:#11161d;--adg-band-border:#262c36;--adg-head:#1c2430}}
svg.adg text{font-family:${FONT};fill:var(--adg-fg)}
svg.adg .adg-bg{fill:var(--adg-bg)}
svg.adg .adg-band{fill:var(--adg-band);stroke:var(--adg-band-border)}
svg.adg .adg-muted{fill:var(--adg-muted)}
svg.adg .adg-box{fill:var(--adg-box);stroke:var(--adg-border);stroke-width:1.2}
svg.adg .adg-client{fill:var(--adg-client);stroke:var(--adg-client-border)}
svg.adg .adg-store{fill:var(--adg-store);stroke:var(--adg-store-border)}
svg.adg .adg-head{fill:var(--adg-head)}
svg.adg .adg-edge{fill:none;stroke:var(--adg-line);stroke-width:1.4}
svg.adg .adg-async{stroke-dasharray:6 4}
svg.adg .adg-life{stroke:var(--adg-border);stroke-dasharray:4 4}
svg.adg .adg-mark{fill:var(--adg-line);stroke:none}
svg.adg .adg-mark-line{fill:none;stroke:var(--adg-line);stroke-width:1.4}
svg.adg .adg-mark-hollow{fill:var(--adg-bg);stroke:var(--adg-line);stroke-width:1.4}
svg.adg .adg-rule{stroke:var(--adg-border)}
</style>`;

function open(prefix: string, w: number, h: number, title: string, desc: string): string[] {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="adg" viewBox="0 0 ${n(w)} ${n(h)}" width="${n(w)}" height="${n(h)}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc">`,
    `<title id="${prefix}-title">${xml(title)}</title>`,
    `<desc id="${prefix}-desc">${xml(desc)}</desc>`,
    STYLE,
  ];
}

function text(x: number, y: number, s: string, size: number, opts: { bold?: boolean; anchor?: 'start' | 'middle' | 'end'; cls?: string } = {}): string {
  const attrs = [`x="${n(x)}"`, `y="${n(y)}"`, `font-size="${size}"`];
  if (opts.bold) attrs.push('font-weight="600"');
  if (opts.anchor && opts.anchor !== 'start') attrs.push(`text-anchor="${opts.anchor}"`);
  if (opts.cls) attrs.push(`class="${opts.cls}"`);
  return `<text ${attrs.join(' ')}>${xml(s)}</text>`;
}

function pathOf(pts: Array<[number, number]>): string {
  return pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${n(x)} ${n(y)}`).join(' ');
}

function cylinder(b: Box, ry: number): string {
  const { x, y, w, h } = b;
  return `M${n(x)} ${n(y + ry)} A${n(w / 2)} ${ry} 0 0 1 ${n(x + w)} ${n(y + ry)} V${n(y + h - ry)} A${n(w / 2)} ${ry} 0 0 1 ${n(x)} ${n(y + h - ry)} Z M${n(x)} ${n(y + ry)} A${n(w / 2)} ${ry} 0 0 0 ${n(x + w)} ${n(y + ry)}`;
}

/** y of a cylinder's top outline at x (edges entering a store from above stop on the ellipse). */
function cylinderTop(b: Box, ry: number, x: number): number {
  const rx = b.w / 2;
  const dx = Math.min(1, Math.abs(x - (b.x + rx)) / rx);
  return b.y + ry - ry * Math.sqrt(1 - dx * dx);
}

// ---------------------------------------------------------------- component diagram

const NAME_SIZE = 13;
const TECH_SIZE = 11;
const MAX_ROW = 1100;

function nodeBox(x: DiagramNode): LayoutNode {
  const w = Math.max(textWidth(x.name, NAME_SIZE, true), Math.min(textWidth(x.tech, TECH_SIZE), 220)) + 28;
  return { id: x.id, w: Math.max(120, Math.ceil(w)), h: x.store ? 54 : 46 };
}

export function architectureSvg(d: Design): string {
  const { nodes, edges } = diagramGraph(d);
  const rows: LayoutNode[][] = [];
  const rowLayer: string[] = [];
  for (const layer of LAYERS) {
    const members = nodes.filter((x) => x.layer === layer.id).map(nodeBox);
    for (const r of wrapRow(members, MAX_ROW, 36)) {
      rows.push(r);
      rowLayer.push(layer.id);
    }
  }
  const L = layered(rows, edges, { gapX: 36, channel: 44, track: 9, pad: 14, rowPad: 22, margin: { top: 12, right: 28, bottom: 44, left: 28 } });
  const byId = new Map(nodes.map((x) => [x.id, x]));
  const W = Math.max(L.width, 460);
  const H = L.height;
  const comps = nodes.filter((x) => !x.store).length;
  const stores = nodes.length - comps;
  const desc = `${comps} components and ${stores} data stores in layers (${LAYERS.filter((l) => nodes.some((x) => x.layer === l.id)).map((l) => `${l.title}: ${nodes.filter((x) => x.layer === l.id).map((x) => x.name).join(', ')}`).join('; ')}). Dependencies: ${edges.map((e) => `${byId.get(e.from)!.name} ${e.async ? 'sends messages to' : 'calls'} ${byId.get(e.to)!.name}`).join('; ') || 'none'}.`;
  const out = open('arch', W, H, `Component diagram: ${d.title}`, desc);
  out.push(
    '<defs>',
    '<marker id="arch-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path class="adg-mark" d="M0 0 L10 5 L0 10 Z"/></marker>',
    '</defs>',
    `<rect class="adg-bg" x="0" y="0" width="${n(W)}" height="${n(H)}"/>`,
  );
  // Bands: one per layer, over its rows.
  out.push('<g class="adg-bands">');
  for (const layer of LAYERS) {
    const idx = rowLayer.map((l, i) => (l === layer.id ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    const top = L.rows[idx[0]!]!.top;
    const last = L.rows[idx[idx.length - 1]!]!;
    out.push(`<g data-layer="${layer.id}"><rect class="adg-band" x="8" y="${n(top + 2)}" width="${n(W - 16)}" height="${n(last.top + last.height - top + 6)}" rx="6"/>${text(16, top + 16, layer.title.toUpperCase(), 10, { bold: true, cls: 'adg-muted' })}</g>`);
  }
  out.push('</g>');
  out.push('<g class="adg-nodes">');
  for (const x of nodes) {
    const b = L.boxes.get(x.id)!;
    const cls = x.store ? 'adg-box adg-store' : x.kind === 'client' ? 'adg-box adg-client' : 'adg-box';
    const shape = x.store
      ? `<path class="${cls}" d="${cylinder(b, 6)}"/>`
      : `<rect class="${cls}" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="${x.kind === 'client' ? n(b.h / 2) : 6}"/>`;
    const cy = b.y + b.h / 2 + (x.store ? 3 : 0);
    out.push(
      `<g class="adg-node" data-id="${xml(x.id)}" data-kind="${xml(x.kind)}"><title>${xml(`${x.name} (${x.technology}): ${x.description}`)}</title>${shape}` +
        `${text(b.x + b.w / 2, cy - 3, clip(x.name, NAME_SIZE, b.w - 12, true), NAME_SIZE, { bold: true, anchor: 'middle' })}` +
        `${text(b.x + b.w / 2, cy + 12, clip(x.tech, TECH_SIZE, b.w - 12), TECH_SIZE, { anchor: 'middle', cls: 'adg-muted' })}</g>`,
    );
  }
  out.push('</g>', '<g class="adg-edges">');
  edges.forEach((e, i) => {
    const pts = L.routes[i]!.map(([x, y]) => [x, y] as [number, number]);
    const target = byId.get(e.to)!;
    const last = pts[pts.length - 1]!;
    const tb = L.boxes.get(e.to)!;
    if (target.store && Math.abs(last[1] - tb.y) < 0.01) last[1] = cylinderTop(tb, 6, last[0]);
    out.push(`<path class="adg-edge${e.async ? ' adg-async' : ''}" data-from="${xml(e.from)}" data-to="${xml(e.to)}" d="${pathOf(pts)}" marker-end="url(#arch-arrow)"><title>${xml(`${byId.get(e.from)!.name} → ${target.name}${e.async ? ' (messages)' : ''}`)}</title></path>`);
  });
  out.push('</g>');
  // Legend.
  const ly = H - 20;
  out.push(
    '<g class="adg-legend">',
    `<path class="adg-edge" d="M16 ${n(ly)} H52" marker-end="url(#arch-arrow)"/>${text(58, ly + 4, 'call (request/response)', 11, { cls: 'adg-muted' })}`,
    `<path class="adg-edge adg-async" d="M206 ${n(ly)} H242" marker-end="url(#arch-arrow)"/>${text(248, ly + 4, 'message via broker', 11, { cls: 'adg-muted' })}`,
    '</g>',
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- ER diagram

const ROW_H = 18;
const HEAD_H = 26;
const ER_SIZE = 11.5;

function keyBadge(f: Field): string {
  return [f.primaryKey ? 'PK' : '', f.references ? 'FK' : '', f.unique && !f.primaryKey ? 'UK' : ''].filter(Boolean).join(' ');
}

function fieldType(f: Field): string {
  return `${f.type}${f.nullable ? '?' : ''}${f.references ? ` → ${f.references}` : ''}`;
}

function tableSize(e: Entity): { w: number; h: number; keyW: number; nameW: number } {
  const keyW = Math.max(...e.fields.map((f) => textWidth(keyBadge(f), 10, true)), 0) + 10;
  const nameW = Math.max(...e.fields.map((f) => textWidth(f.name + (f.personal ? ' *' : ''), ER_SIZE, f.primaryKey))) + 12;
  const typeW = Math.max(...e.fields.map((f) => textWidth(fieldType(f), ER_SIZE))) + 12;
  const w = Math.ceil(Math.max(textWidth(e.name, 13, true) + 24, keyW + nameW + typeW + 12, 150));
  return { w, h: HEAD_H + e.fields.length * ROW_H + 6, keyW, nameW };
}

/** Depth of each entity: parents (referenced entities) above their children. */
function depths(entities: Entity[]): Map<string, number> {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (e: Entity): number => {
    const known = depth.get(e.name);
    if (known !== undefined) return known;
    if (visiting.has(e.name)) return 0;
    visiting.add(e.name);
    let dpt = 0;
    for (const f of e.fields) {
      const p = f.references ? byName.get(f.references) : undefined;
      if (p && p.name !== e.name) dpt = Math.max(dpt, visit(p) + 1);
    }
    visiting.delete(e.name);
    depth.set(e.name, dpt);
    return dpt;
  };
  for (const e of entities) visit(e);
  return depth;
}

export function erSvg(d: Design): string {
  const ents = d.entities;
  const depth = depths(ents);
  const sizes = new Map(ents.map((e) => [e.name, tableSize(e)]));
  const maxDepth = Math.max(0, ...depth.values());
  const rows: LayoutNode[][] = [];
  for (let k = 0; k <= maxDepth; k++) {
    const members = ents.filter((e) => depth.get(e.name) === k).map((e) => ({ id: e.name, w: sizes.get(e.name)!.w, h: sizes.get(e.name)!.h }));
    rows.push(...wrapRow(members, MAX_ROW, 48));
  }
  const rels = relationships(d);
  const L = layered(rows, rels.map((r) => ({ from: r.parent.name, to: r.child.name })), { gapX: 48, channel: 40, track: 9, pad: 28, rowPad: 0, margin: { top: 16, right: 40, bottom: 40, left: 24 } });
  const legend = 'PK primary key · FK foreign key · UK unique · ? nullable · * personal data · dashed: reference not enforced by a constraint';
  const W = Math.max(L.width, Math.ceil(textWidth(legend, 11) + 32));
  const H = L.height;
  const desc = ents.length
    ? `${ents.length} entities: ${ents.map((e) => `${e.name} (table ${e.table}; ${e.fields.length} fields; key ${e.fields.filter((f) => f.primaryKey).map((f) => f.name).join(', ')})`).join('; ')}. Relationships: ${rels.map((r) => `each ${r.child.name} refers to ${r.field.nullable ? 'at most' : 'exactly'} one ${r.parent.name} through ${r.field.name}`).join('; ') || 'none'}.`
    : 'The design has no entities.';
  const out = open('er', W, H, `Entity-relationship diagram: ${d.title}`, desc);
  out.push(
    '<defs>',
    // Markers point into the box they touch (auto-start-reverse at the parent end).
    '<marker id="er-one" viewBox="0 0 24 12" refX="24" refY="6" markerWidth="24" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="adg-mark-line" d="M18 1 V11 M13 1 V11"/></marker>',
    '<marker id="er-zero-one" viewBox="0 0 24 12" refX="24" refY="6" markerWidth="24" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="adg-mark-line" d="M18 1 V11"/><circle class="adg-mark-hollow" cx="9" cy="6" r="3.5"/></marker>',
    '<marker id="er-zero-many" viewBox="0 0 24 12" refX="24" refY="6" markerWidth="24" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto"><path class="adg-mark-line" d="M24 0.5 L15 6 L24 11.5 M15 6 H24"/><circle class="adg-mark-hollow" cx="9" cy="6" r="3.5"/></marker>',
    '</defs>',
    `<rect class="adg-bg" x="0" y="0" width="${n(W)}" height="${n(H)}"/>`,
    '<g class="adg-edges">',
  );
  rels.forEach((r, i) => {
    const pts = L.routes[i]!;
    if (pts.length === 0) return;
    const start = r.field.nullable ? 'er-zero-one' : 'er-one';
    const end = r.field.unique ? 'er-zero-one' : 'er-zero-many';
    out.push(
      `<path class="adg-edge${r.field.referenceEnforced ? '' : ' adg-async'}" data-from="${xml(r.parent.name)}" data-to="${xml(r.child.name)}" data-field="${xml(r.field.name)}" d="${pathOf(pts)}" marker-start="url(#${start})" marker-end="url(#${end})"><title>${xml(`${r.child.name}.${r.field.name} → ${r.parent.name}${r.field.referenceEnforced ? '' : ' (not enforced by a foreign key)'}`)}</title></path>`,
    );
  });
  out.push('</g>', '<g class="adg-nodes">');
  for (const e of ents) {
    const b = L.boxes.get(e.name)!;
    const s = sizes.get(e.name)!;
    const parts = [
      `<g class="adg-entity" data-entity="${xml(e.name)}" data-table="${xml(e.table)}"><title>${xml(`${e.name} (table ${e.table}, store ${e.store}): ${e.description}`)}</title>`,
      `<rect class="adg-box" x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="5"/>`,
      `<path class="adg-head" d="M${n(b.x + 0.6)} ${n(b.y + HEAD_H)} V${n(b.y + 5)} Q${n(b.x + 0.6)} ${n(b.y + 0.6)} ${n(b.x + 5)} ${n(b.y + 0.6)} H${n(b.x + b.w - 5)} Q${n(b.x + b.w - 0.6)} ${n(b.y + 0.6)} ${n(b.x + b.w - 0.6)} ${n(b.y + 5)} V${n(b.y + HEAD_H)} Z"/>`,
      text(b.x + b.w / 2, b.y + 17, e.name, 13, { bold: true, anchor: 'middle' }),
      `<path class="adg-rule" d="M${n(b.x)} ${n(b.y + HEAD_H)} H${n(b.x + b.w)}"/>`,
    ];
    e.fields.forEach((f, i) => {
      const y = b.y + HEAD_H + 13 + i * ROW_H;
      const k = keyBadge(f);
      parts.push(`<g data-field="${xml(f.name)}">`);
      if (k) parts.push(text(b.x + 8, y, k, 10, { bold: true, cls: 'adg-muted' }));
      parts.push(text(b.x + 8 + s.keyW, y, f.name + (f.personal ? ' *' : ''), ER_SIZE, { bold: f.primaryKey }));
      parts.push(text(b.x + 8 + s.keyW + s.nameW, y, fieldType(f), ER_SIZE, { cls: 'adg-muted' }));
      parts.push('</g>');
    });
    parts.push('</g>');
    out.push(parts.join(''));
  }
  out.push('</g>');
  out.push(`<g class="adg-legend">${text(16, H - 14, legend, 11, { cls: 'adg-muted' })}</g>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- sequence diagram

const SEQ_SIZE = 12;

/** The main flow (`flows[0]`) as a sequence diagram, or null when the design has none. */
export function sequenceSvg(d: Design): string | null {
  const flow = d.flows[0];
  if (!flow) return null;
  const ids: string[] = [];
  for (const s of flow.steps) for (const id of [s.from, s.to]) if (!ids.includes(id)) ids.push(id);
  const names = ids.map((id) => nameOf(d, id));
  const headW = names.map((nm) => Math.max(110, Math.ceil(textWidth(nm, 12.5, true) + 24)));
  const gaps = ids.slice(1).map((_, i) => (headW[i]! + headW[i + 1]!) / 2 + 30);
  const col = new Map(ids.map((id, i) => [id, i]));
  const labels = flow.steps.map((s, i) => `${i + 1}. ${s.message}`);
  // Widen gaps until every label fits over its arrow (shorter spans first).
  const order = flow.steps.map((s, i) => i).sort((a, b) => {
    const sa = Math.abs(col.get(flow.steps[a]!.to)! - col.get(flow.steps[a]!.from)!);
    const sb = Math.abs(col.get(flow.steps[b]!.to)! - col.get(flow.steps[b]!.from)!);
    return sa - sb || a - b;
  });
  let selfRoom = 0;
  for (const i of order) {
    const s = flow.steps[i]!;
    const a = col.get(s.from)!;
    const b = col.get(s.to)!;
    const need = textWidth(labels[i]!, SEQ_SIZE) + 28;
    if (a === b) {
      if (a < gaps.length) gaps[a] = Math.max(gaps[a]!, need + 30);
      else selfRoom = Math.max(selfRoom, need);
      continue;
    }
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const have = gaps.slice(lo, hi).reduce((x, y) => x + y, 0);
    if (have < need) gaps[hi - 1] = gaps[hi - 1]! + (need - have);
  }
  const left = 24 + headW[0]! / 2;
  const xs = [left];
  for (const g of gaps) xs.push(xs[xs.length - 1]! + g);
  const W = Math.ceil(xs[xs.length - 1]! + headW[headW.length - 1]! / 2 + 24 + selfRoom);
  const headH = 38;
  const top = 40;
  const stepH = 42;
  const firstY = top + headH + 38;
  const lastY = firstY + (flow.steps.length - 1) * stepH;
  const bottomTop = lastY + 30;
  const H = bottomTop + headH + 46;
  const desc = `${flow.title}: ${flow.steps.map((s, i) => `${i + 1}. ${nameOf(d, s.from)} to ${nameOf(d, s.to)}${s.async ? ' (asynchronous)' : ''}: ${s.message}`).join('; ')}.`;
  const out = open('seq', W, H, `Sequence diagram: ${flow.title}`, desc);
  out.push(
    '<defs>',
    '<marker id="seq-sync" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto"><path class="adg-mark" d="M0 0 L10 5 L0 10 Z"/></marker>',
    '<marker id="seq-async" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto"><path class="adg-mark-line" d="M1 0.5 L10 5 L1 9.5"/></marker>',
    '</defs>',
    `<rect class="adg-bg" x="0" y="0" width="${W}" height="${H}"/>`,
    text(16, 24, flow.title, 14, { bold: true }),
  );
  ids.forEach((id, i) => {
    const x = xs[i]!;
    const w = headW[i]!;
    const kind = d.components.find((c) => c.id === id)?.kind;
    const isStore = d.dataStores.some((s) => s.id === id);
    const cls = isStore ? 'adg-box adg-store' : kind === 'client' ? 'adg-box adg-client' : 'adg-box';
    const head = (y: number) => `<rect class="${cls}" x="${n(x - w / 2)}" y="${n(y)}" width="${n(w)}" height="${headH}" rx="${kind === 'client' ? headH / 2 : 5}"/>${text(x, y + 24, clip(names[i]!, 12.5, w - 10, true), 12.5, { bold: true, anchor: 'middle' })}`;
    out.push(`<g class="adg-participant" data-id="${xml(id)}"><title>${xml(names[i]!)}</title><path class="adg-life" d="M${n(x)} ${top + headH} V${n(bottomTop)}"/>${head(top)}${head(bottomTop)}</g>`);
  });
  flow.steps.forEach((s, i) => {
    const y = firstY + i * stepH;
    const a = xs[col.get(s.from)!]!;
    const b = xs[col.get(s.to)!]!;
    const cls = `adg-edge${s.async ? ' adg-async' : ''}`;
    const marker = `marker-end="url(#${s.async ? 'seq-async' : 'seq-sync'})"`;
    const parts = [`<g class="adg-msg" data-step="${i + 1}" data-from="${xml(s.from)}" data-to="${xml(s.to)}">`];
    if (a === b) {
      parts.push(`<path class="${cls}" d="M${n(a)} ${n(y - 8)} H${n(a + 34)} V${n(y + 8)} H${n(a + 1)}" ${marker}/>`);
      parts.push(text(a + 40, y + 4, labels[i]!, SEQ_SIZE));
    } else {
      const dir = b > a ? 1 : -1;
      parts.push(`<path class="${cls}" d="M${n(a)} ${n(y)} H${n(b - dir)}" ${marker}/>`);
      parts.push(text((a + b) / 2, y - 7, labels[i]!, SEQ_SIZE, { anchor: 'middle' }));
    }
    parts.push('</g>');
    out.push(parts.join(''));
  });
  const ly = H - 18;
  out.push(
    '<g class="adg-legend">',
    `<path class="adg-edge" d="M16 ${ly} H52" marker-end="url(#seq-sync)"/>${text(58, ly + 4, 'synchronous call', 11, { cls: 'adg-muted' })}`,
    `<path class="adg-edge adg-async" d="M176 ${ly} H212" marker-end="url(#seq-async)"/>${text(218, ly + 4, 'asynchronous message', 11, { cls: 'adg-muted' })}`,
    '</g>',
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
