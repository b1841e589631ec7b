import type { Design } from '../model/design.js';

/**
 * A plain-text architecture diagram: one row of boxes per layer (clients, edge, application,
 * background, data), arrows between layers, and the exact connections listed underneath so the
 * picture never hides an edge.
 */

interface Box {
  id: string;
  title: string;
  sub: string;
}

function shortTech(t: string): string {
  const cut = t.split(/[,;(]| with | behind | on (?=[A-Z])/)[0]!.trim();
  return cut.length > 28 ? `${cut.slice(0, 27)}…` : cut;
}

function drawRow(boxes: Box[], width: number): string[] {
  const cells = boxes.map((b) => {
    const inner = Math.max(b.title.length, b.sub.length) + 2;
    const pad = (s: string) => {
      const left = Math.floor((inner - s.length) / 2);
      return ' '.repeat(left) + s + ' '.repeat(inner - s.length - left);
    };
    return [`┌${'─'.repeat(inner)}┐`, `│${pad(b.title)}│`, `│${pad(b.sub)}│`, `└${'─'.repeat(inner)}┘`];
  });
  const gap = '   ';
  const lines = [0, 1, 2, 3].map((i) => cells.map((c) => c[i]!).join(gap));
  const w = lines[0]!.length;
  const left = Math.max(0, Math.floor((width - w) / 2));
  return lines.map((l) => ' '.repeat(left) + l);
}

export function asciiDiagram(d: Design): string {
  const box = (id: string, title: string, sub: string): Box => ({ id, title, sub });
  const layers: Box[][] = [
    d.components.filter((c) => c.kind === 'client').map((c) => box(c.id, c.name, shortTech(c.technology))),
    d.components.filter((c) => c.kind === 'cdn' || c.kind === 'gateway' || c.kind === 'load-balancer').map((c) => box(c.id, c.name, shortTech(c.technology))),
    d.components.filter((c) => c.kind === 'service' || c.kind === 'realtime' || c.kind === 'identity').map((c) => box(c.id, c.name, shortTech(c.technology))),
    d.components.filter((c) => c.kind === 'worker').map((c) => box(c.id, c.name, shortTech(c.technology))),
    d.dataStores.map((s) => box(s.id, s.name, shortTech(s.technology))),
  ].filter((l) => l.length > 0);
  // Rows wider than ~110 columns are split so the diagram stays readable in a terminal.
  const rows: Box[][] = [];
  for (const l of layers) {
    let cur: Box[] = [];
    let w = 0;
    for (const b of l) {
      const bw = Math.max(b.title.length, b.sub.length) + 5;
      if (cur.length > 0 && w + bw > 110) {
        rows.push(cur);
        cur = [];
        w = 0;
      }
      cur.push(b);
      w += bw;
    }
    if (cur.length) rows.push(cur);
  }
  const widths = rows.map((r) => r.reduce((a, b) => a + Math.max(b.title.length, b.sub.length) + 5, -3));
  const width = Math.max(...widths, 20);
  const out: string[] = [];
  const mid = ' '.repeat(Math.floor(width / 2));
  rows.forEach((r, i) => {
    if (i > 0) out.push(`${mid}│`, `${mid}▼`);
    out.push(...drawRow(r, width));
  });
  out.push('', 'Connections:');
  const name = new Map<string, string>([...d.components.map((c) => [c.id, c.name] as const), ...d.dataStores.map((s) => [s.id, s.name] as const)]);
  for (const c of d.components) {
    if (c.dependsOn.length === 0) continue;
    out.push(`  ${c.name} ──▶ ${c.dependsOn.map((x) => name.get(x) ?? x).join(', ')}`);
  }
  return out.map((l) => l.replace(/\s+$/, '')).join('\n');
}
