import type { Design, Entity, Field } from '../../model/design.js';
import { diagramGraph, LAYERS, nameOf } from './_model.js';

/**
 * Mermaid sources for the three diagrams: the component flowchart (components and data stores by
 * layer, an arrow per `dependsOn`), the ER diagram of the entities, and the sequence diagram of
 * the main flow. Ids are the model's ids with `-` turned into `_` (see {@link mermaidId}).
 */

/** Words Mermaid reads as syntax when used as a bare id in flowcharts or sequence diagrams. */
const RESERVED = new Set([
  'end', 'graph', 'flowchart', 'subgraph', 'style', 'class', 'classdef', 'click', 'default', 'direction', 'linkstyle',
  'participant', 'actor', 'loop', 'alt', 'else', 'opt', 'par', 'and', 'rect', 'note', 'critical', 'break', 'activate',
  'deactivate', 'autonumber', 'box', 'create', 'destroy', 'title', 'left', 'right', 'over', 'as', 'call', 'href',
]);

/** The Mermaid id of a model id: `object-storage` → `object_storage`; reserved words get a trailing `_`. */
export function mermaidId(id: string): string {
  const s = id.replace(/[^A-Za-z0-9_]/g, '_');
  return RESERVED.has(s.toLowerCase()) ? `${s}_` : s;
}

const CODES: Record<string, string> = { '#': '#35;', '"': '#quot;', '<': '#lt;', '>': '#gt;', ';': '#59;' };

/** Text inside a quoted Mermaid label: quotes and angle brackets as entity codes (in one pass). */
function label(s: string): string {
  return s.replace(/[#"<>]/g, (ch) => CODES[ch]!);
}

/** A sequence message: also `;` (a statement separator there) as an entity code, one line. */
function message(s: string): string {
  return s.replace(/[#"<>;]/g, (ch) => CODES[ch]!).replace(/\r?\n/g, ' ');
}

export function architectureMermaid(d: Design): string {
  const { nodes, edges } = diagramGraph(d);
  const out = ['flowchart TB'];
  for (const layer of LAYERS) {
    const members = nodes.filter((x) => x.layer === layer.id);
    if (members.length === 0) continue;
    out.push(`  subgraph layer_${layer.id}["${layer.title}"]`);
    for (const x of members) {
      const text = `${label(x.name)}<br/>${label(x.tech)}`;
      const id = mermaidId(x.id);
      if (x.store) out.push(`    ${id}[("${text}")]`);
      else if (x.kind === 'client') out.push(`    ${id}(["${text}"])`);
      else out.push(`    ${id}["${text}"]`);
    }
    out.push('  end');
  }
  for (const e of edges) out.push(`  ${mermaidId(e.from)} ${e.async ? '-.->' : '-->'} ${mermaidId(e.to)}`);
  const stores = nodes.filter((x) => x.store).map((x) => mermaidId(x.id));
  if (stores.length) out.push(`  classDef store fill:#eef6ee,stroke:#4a7a4a`, `  class ${stores.join(',')} store`);
  return `${out.join('\n')}\n`;
}

function erType(f: Field): string {
  return f.type.replace(/-/g, '_');
}

function keys(f: Field): string {
  const k: string[] = [];
  if (f.primaryKey) k.push('PK');
  if (f.references) k.push('FK');
  if (f.unique && !f.primaryKey) k.push('UK');
  return k.join(', ');
}

/** Relationships drawn from each field's `references`, parent first. */
export function relationships(d: Design): Array<{ parent: Entity; child: Entity; field: Field }> {
  const byName = new Map(d.entities.map((e) => [e.name, e]));
  const out: Array<{ parent: Entity; child: Entity; field: Field }> = [];
  for (const child of d.entities) {
    for (const field of child.fields) {
      if (!field.references) continue;
      const parent = byName.get(field.references);
      if (parent) out.push({ parent, child, field });
    }
  }
  return out;
}

export function erMermaid(d: Design): string {
  const out = ['erDiagram'];
  for (const e of d.entities) {
    out.push(`  ${e.name} {`);
    for (const f of e.fields) {
      const k = keys(f);
      const notes = [f.personal ? 'personal data' : '', f.nullable ? 'nullable' : ''].filter(Boolean).join(', ');
      out.push(`    ${erType(f)} ${f.name}${k ? ` ${k}` : ''}${notes ? ` "${notes}"` : ''}`);
    }
    out.push('  }');
  }
  const names = new Set(d.entities.map((e) => e.name));
  for (const { parent, child, field } of relationships(d)) {
    const parentEnd = field.nullable ? '|o' : '||';
    const childEnd = field.unique ? 'o|' : 'o{';
    const line = field.referenceEnforced ? '--' : '..';
    out.push(`  ${parent.name} ${parentEnd}${line}${childEnd} ${child.name} : "${field.name}"`);
  }
  // References to entities outside the model (another store or system) are named, not drawn.
  for (const e of d.entities) {
    for (const f of e.fields) if (f.references && !names.has(f.references)) out.push(`  %% ${e.name}.${f.name} references ${f.references}, which is not an entity of this design`);
  }
  return `${out.join('\n')}\n`;
}

/** The sequence diagram of `d.flows[0]`, or null when the design has no flow. */
export function sequenceMermaid(d: Design): string | null {
  const flow = d.flows[0];
  if (!flow) return null;
  const out = ['sequenceDiagram', `  title ${message(flow.title)}`, '  autonumber'];
  const seen: string[] = [];
  for (const s of flow.steps) for (const id of [s.from, s.to]) if (!seen.includes(id)) seen.push(id);
  for (const id of seen) {
    const kind = d.components.find((c) => c.id === id)?.kind;
    out.push(`  ${kind === 'client' ? 'actor' : 'participant'} ${mermaidId(id)} as ${message(nameOf(d, id))}`);
  }
  for (const s of flow.steps) out.push(`  ${mermaidId(s.from)}${s.async ? '-)' : '->>'}${mermaidId(s.to)}: ${message(s.message)}`);
  return `${out.join('\n')}\n`;
}

/** The Mermaid sections for ARCHITECTURE.md (after the ASCII overview). */
export function mermaidSections(d: Design): string[] {
  const fence = (s: string) => ['```mermaid', s.trimEnd(), '```'].join('\n');
  const out = [
    `### Component diagram\n\nEvery component and data store, by layer; solid arrows are calls, dashed arrows are messages through a broker. Rendered: \`diagrams/architecture.svg\`.\n\n${fence(architectureMermaid(d))}`,
  ];
  if (d.entities.length) out.push(`### Entity-relationship diagram\n\nRendered: \`diagrams/er.svg\`.\n\n${fence(erMermaid(d))}`);
  const seq = sequenceMermaid(d);
  if (seq) out.push(`### Main flow: ${d.flows[0]!.title}\n\nRendered: \`diagrams/sequence-main.svg\`.\n\n${fence(seq)}`);
  return out;
}
