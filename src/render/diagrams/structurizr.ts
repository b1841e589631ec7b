import type { Design } from '../../model/design.js';
import { diagramGraph } from './_model.js';

/**
 * The C4 model of the design as a Structurizr DSL workspace: clients as people, every other
 * component and every data store as a container of one software system, `dependsOn` as
 * relationships, and a system-context and a container view. Identifiers are the model ids with
 * `-` turned into `_` (the DSL allows only a-zA-Z0-9_).
 */

function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\s*\r?\n\s*/g, ' ')}"`;
}

export function structurizrId(id: string): string {
  return `c_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

const STORE_TAGS: Record<string, string> = { queue: 'Queue', stream: 'Queue', pubsub: 'Queue', object: 'Bucket' };

export function structurizrDsl(d: Design): string {
  const { nodes, edges } = diagramGraph(d);
  const people = nodes.filter((x) => x.kind === 'client');
  const containers = nodes.filter((x) => x.kind !== 'client');
  const out: string[] = [];
  out.push(`workspace ${q(d.title)} ${q(d.summary)} {`, '');
  out.push('    model {');
  for (const p of people) out.push(`        ${structurizrId(p.id)} = person ${q(p.name)} ${q(`${p.description} (${p.technology})`)}`);
  out.push(`        system = softwareSystem ${q(d.title)} ${q(d.summary)} {`);
  for (const c of containers) {
    const tags = c.store ? ['Store', STORE_TAGS[c.kind.slice('store:'.length)] ?? 'Database'] : [`Component:${c.kind}`];
    out.push(`            ${structurizrId(c.id)} = container ${q(c.name)} ${q(c.description)} ${q(c.technology)} ${q(tags.join(','))}`);
  }
  out.push('        }', '');
  for (const e of edges) out.push(`        ${structurizrId(e.from)} -> ${structurizrId(e.to)} ${q(e.async ? 'Sends messages to' : 'Uses')} "" ${q(e.async ? 'Async' : 'Sync')}`);
  out.push('    }', '');
  out.push('    views {');
  out.push(`        systemContext system "SystemContext" ${q(`${d.title}: system context`)} {`, '            include *', '            autoLayout lr', '        }', '');
  out.push(`        container system "Containers" ${q(`${d.title}: containers and data stores`)} {`, '            include *', '            autoLayout tb', '        }', '');
  out.push('        styles {');
  out.push('            element "Person" {', '                shape Person', '            }');
  out.push('            element "Database" {', '                shape Cylinder', '            }');
  out.push('            element "Queue" {', '                shape Pipe', '            }');
  out.push('            element "Bucket" {', '                shape Folder', '            }');
  out.push('            relationship "Async" {', '                style dashed', '            }');
  out.push('        }');
  out.push('    }', '}');
  return `${out.join('\n')}\n`;
}
