/**
 * Just enough of Mermaid, SVG and the Structurizr DSL to list what a diagram shows: node ids and
 * labels of a flowchart, entities of an ER diagram, participants of a sequence diagram, `data-*`
 * ids and text of an SVG, and the people and containers of a workspace.
 */

export interface FlowNode {
  id: string;
  label: string;
  line: number;
}

const ARROW = /\s*(?:<?(?:-{2,}|-\.+-|={2,})(?:>|o|x)?|--[ox>]?)\s*(?:\|[^|]*\|)?\s*/;

/** Nodes of a Mermaid flowchart (`id[label]`, `id(["label"])`, `id[("label")]`, …; ids on edges too). */
export function flowchartNodes(text: string): FlowNode[] {
  const nodes = new Map<string, FlowNode>();
  const subgraphs = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('%%') || /^(flowchart|graph)\b/.test(line) || /^(classDef|class|style|linkStyle|click|direction)\b/.test(line) || line === 'end') return;
    const sub = /^subgraph\s+([A-Za-z0-9_]+)/.exec(line);
    if (sub) {
      subgraphs.add(sub[1]!);
      return;
    }
    for (const part of line.split(ARROW)) {
      for (const piece of part.split(/\s*&\s*/)) {
        const m = /^([A-Za-z0-9_]+)\s*(.*)$/.exec(piece.trim());
        if (!m) continue;
        const id = m[1]!;
        const rest = m[2] ?? '';
        const label = /^[[({>]+"?(.*?)"?[\])}]+\s*(?::::.*)?$/.exec(rest)?.[1] ?? '';
        const prev = nodes.get(id);
        if (!prev) nodes.set(id, { id, label, line: i + 1 });
        else if (!prev.label && label) prev.label = label;
      }
    }
  });
  for (const s of subgraphs) nodes.delete(s);
  return [...nodes.values()];
}

/** Entities of a Mermaid erDiagram: `Name {` blocks and both ends of relationship lines. */
export function erEntities(text: string): string[] {
  const out = new Set<string>();
  let depth = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (depth > 0) {
      if (line === '}') depth--;
      continue;
    }
    const block = /^([A-Za-z_][A-Za-z0-9_-]*)\s*(\[[^\]]*\])?\s*\{$/.exec(line);
    if (block) {
      out.add(block[1]!);
      depth++;
      continue;
    }
    const rel = /^([A-Za-z_][A-Za-z0-9_-]*)\s+[|}o][|o]?(?:--|\.\.)[|o]?[|{o]\s+([A-Za-z_][A-Za-z0-9_-]*)\s*:/.exec(line);
    if (rel) {
      out.add(rel[1]!);
      out.add(rel[2]!);
    }
  }
  return [...out];
}

/** Participants of a Mermaid sequenceDiagram: declared ones and both ends of every message. */
export function sequenceParticipants(text: string): string[] {
  const out = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const decl = /^(participant|actor)\s+([^\s]+)(\s+as\s+.*)?$/.exec(line);
    if (decl) {
      out.add(decl[2]!);
      continue;
    }
    const msg = /^([^\s:+-]+)\s*(?:-{1,2}(?:>>|>|x|\)))[+-]?\s*([^\s:]+)\s*:/.exec(line);
    if (msg) {
      out.add(msg[1]!);
      out.add(msg[2]!);
    }
  }
  return [...out];
}

/** Values of a `data-*` attribute on elements of an SVG (attribute order and quoting free). */
export function svgAttributeValues(svg: string, attribute: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`\\s${attribute.replace(/[-]/g, '\\-')}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'g');
  for (const m of svg.matchAll(re)) out.push(decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** All text content of an SVG (text, tspan, title), entity-decoded. */
export function svgText(svg: string): string {
  return decodeXml(svg.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/** Tokens of one Structurizr DSL line: bare words and "quoted strings" (with \" escapes). */
function dslTokens(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

/** Names of the people and containers a Structurizr workspace's model declares (`x = container "Name" …`). */
export function workspaceElements(text: string): { kind: string; name: string; line: number }[] {
  const out: { kind: string; name: string; line: number }[] = [];
  let depth = 0;
  text.split('\n').forEach((raw, i) => {
    const t = dslTokens(raw.trim());
    if (depth === 0) {
      if (t[0] === 'model' && t[t.length - 1] === '{') depth = 1;
      return;
    }
    const at = t[1] === '=' ? 2 : 0;
    const kind = t[at];
    if ((kind === 'person' || kind === 'container' || kind === 'softwareSystem') && t[at + 1] !== undefined) out.push({ kind, name: t[at + 1]!, line: i + 1 });
    // Braces are bare tokens (quoted strings are single tokens).
    for (const tok of t) {
      if (tok === '{') depth++;
      else if (tok === '}') depth--;
    }
  });
  return out;
}
/** A design id as a Mermaid node id (anything but letters, digits and _ becomes _). */
export function mermaidId(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_');
}
