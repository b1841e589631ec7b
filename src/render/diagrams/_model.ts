import { ArchieError } from '../../errors.js';
import type { Component, DataStore, Design } from '../../model/design.js';

/**
 * The diagram view of a design: every component and data store as a node in a layer (clients,
 * edge, application, background, data) and every `dependsOn` as an edge. Mermaid, SVG and
 * Structurizr all draw this one view, so they always show the same elements.
 */

export type LayerId = 'clients' | 'edge' | 'application' | 'background' | 'data';

export const LAYERS: ReadonlyArray<{ id: LayerId; title: string }> = [
  { id: 'clients', title: 'Clients' },
  { id: 'edge', title: 'Edge' },
  { id: 'application', title: 'Application' },
  { id: 'background', title: 'Background' },
  { id: 'data', title: 'Data' },
];

export interface DiagramNode {
  id: string;
  name: string;
  /** Short technology line for a box. */
  tech: string;
  technology: string;
  description: string;
  layer: LayerId;
  /** Component kind, or `store:<kind>` for data stores. */
  kind: string;
  store: boolean;
}

export interface DiagramEdge {
  from: string;
  to: string;
  /** Messaging (queue, stream, pub/sub) rather than a request/response call. */
  async: boolean;
}

function layerOf(c: Component): LayerId {
  switch (c.kind) {
    case 'client':
      return 'clients';
    case 'cdn':
    case 'load-balancer':
    case 'gateway':
      return 'edge';
    case 'service':
    case 'realtime':
    case 'identity':
      return 'application';
    case 'worker':
      return 'background';
    default: {
      const never: never = c.kind;
      throw new ArchieError('INVALID', `unknown component kind "${String(never)}"`);
    }
  }
}

/** The first clause of a technology description: "AWS ALB + AWS WAF, with …" → "AWS ALB + AWS WAF". */
export function shortTechnology(t: string): string {
  const cut = t.split(/[,;]| with | behind /)[0]!.trim();
  return cut.length > 0 ? cut : t;
}

const ASYNC_STORES = new Set<DataStore['kind']>(['queue', 'stream', 'pubsub']);

export function diagramGraph(d: Design): { nodes: DiagramNode[]; edges: DiagramEdge[] } {
  const nodes: DiagramNode[] = [
    ...d.components.map((c) => ({ id: c.id, name: c.name, tech: shortTechnology(c.technology), technology: c.technology, description: c.purpose, layer: layerOf(c), kind: c.kind, store: false })),
    ...d.dataStores.map((s) => ({ id: s.id, name: s.name, tech: shortTechnology(s.technology), technology: s.technology, description: s.useCase, layer: 'data' as const, kind: `store:${s.kind}`, store: true })),
  ];
  const byId = new Map<string, DiagramNode>();
  for (const x of nodes) {
    if (byId.has(x.id)) throw new ArchieError('INVALID', `design.json: the id "${x.id}" is used by two components or data stores`, { path: 'components', hint: 'give every component and data store its own id' });
    byId.set(x.id, x);
  }
  const asyncIds = new Set(d.dataStores.filter((s) => ASYNC_STORES.has(s.kind)).map((s) => s.id));
  const edges: DiagramEdge[] = [];
  const seen = new Set<string>();
  for (const c of d.components) {
    for (const to of c.dependsOn) {
      if (!byId.has(to)) {
        throw new ArchieError('INVALID', `design.json: component "${c.id}" depends on "${to}", which is neither a component nor a data store`, { path: `components.${c.id}.dependsOn`, hint: 'fix the id or add the missing component/data store' });
      }
      const key = `${c.id}\u0000${to}`;
      if (seen.has(key) || to === c.id) continue;
      seen.add(key);
      edges.push({ from: c.id, to, async: asyncIds.has(to) });
    }
  }
  return { nodes, edges };
}

/** Display name of a component or store id (flows refer to both), or the id itself. */
export function nameOf(d: Design, id: string): string {
  return d.components.find((c) => c.id === id)?.name ?? d.dataStores.find((s) => s.id === id)?.name ?? id;
}
