import type { Design } from '../../model/design.js';
import { architectureMermaid, erMermaid, sequenceMermaid } from './mermaid.js';
import { structurizrDsl } from './structurizr.js';
import { architectureSvg, erSvg, sequenceSvg } from './svg.js';

export { mermaidSections, mermaidId } from './mermaid.js';
export { structurizrId } from './structurizr.js';
export { architectureSvg, erSvg, sequenceSvg } from './svg.js';

/** A rendered diagram: its base name under `diagrams/`, Mermaid source and SVG. */
export interface Diagram {
  name: 'architecture' | 'er' | 'sequence-main';
  title: string;
  mermaid: string;
  svg: string;
}

/** The diagrams of a design (the ER diagram only when it has entities, the sequence only when it has a flow). */
export function diagrams(d: Design): Diagram[] {
  const out: Diagram[] = [{ name: 'architecture', title: 'Component diagram', mermaid: architectureMermaid(d), svg: architectureSvg(d) }];
  if (d.entities.length) out.push({ name: 'er', title: 'Entity-relationship diagram', mermaid: erMermaid(d), svg: erSvg(d) });
  const seqM = sequenceMermaid(d);
  const seqS = sequenceSvg(d);
  if (seqM && seqS) out.push({ name: 'sequence-main', title: `Main flow: ${d.flows[0]!.title}`, mermaid: seqM, svg: seqS });
  return out;
}

/** Files under `diagrams/`: `<name>.mmd` and `<name>.svg` per diagram, and `workspace.dsl`. */
export function renderDiagramFiles(d: Design, rendered: Diagram[] = diagrams(d)): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  for (const x of rendered) files.push([`diagrams/${x.name}.mmd`, x.mermaid], [`diagrams/${x.name}.svg`, x.svg]);
  files.push(['diagrams/workspace.dsl', structurizrDsl(d)]);
  return files;
}
