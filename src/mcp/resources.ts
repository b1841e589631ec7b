import { ARCHETYPES, generic } from '../knowledge/archetypes/index.js';
import { LIMITS } from '../knowledge/limits.js';
import { EC2, ELASTICACHE, HOURS_PER_MONTH, PRICE_TABLE, RDS_POSTGRES, UNIT_PRICES } from '../knowledge/prices.js';
import { TECHNOLOGIES } from '../knowledge/technologies.js';
import { DECISIONS } from '../plan/decisions/index.js';

/**
 * The knowledge base as MCP resources, so an agent can cite where a number or a trade-off comes
 * from. Everything here is read from the same data the planner uses; nothing is restated.
 */
export interface KnowledgeResource {
  uri: string;
  name: string;
  title: string;
  description: string;
  mimeType: 'application/json' | 'text/markdown';
  read(): string;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

const archetypes = [...ARCHETYPES, generic];

export const RESOURCES: readonly KnowledgeResource[] = [
  {
    uri: 'archie://knowledge/archetypes', name: 'archetypes', title: 'Archetypes (kinds of system)', mimeType: 'application/json',
    description: 'Every kind of system archie recognises: bounded contexts, default numbers (users, read/write ratio, peak factor, record sizes, cache hit rate) and traits.',
    read: () => json(archetypes.map((a) => ({ id: a.id, name: a.name, description: a.description, domains: a.domains, defaults: a.defaults, traits: a.traits, uri: `archie://knowledge/archetypes/${a.id}` }))),
  },
  ...archetypes.map((a): KnowledgeResource => ({
    uri: `archie://knowledge/archetypes/${a.id}`, name: `archetype-${a.id}`, title: `Archetype: ${a.name}`, mimeType: 'application/json',
    description: `${a.description} Entities with access patterns, events, main flow, requirements and failure modes.`,
    read: () => json(a),
  })),
  {
    uri: 'archie://knowledge/technologies', name: 'technologies', title: 'Technologies and their trade-offs', mimeType: 'application/json',
    description: 'Stores, brokers, caches and search engines archie chooses from: managed offering per cloud, single-node SLA with its source, strengths and weaknesses.',
    read: () => json(Object.values(TECHNOLOGIES).map((t) => ({ id: t.id, name: t.name, kind: t.kind, managed: t.managed, sla: t.sla, slaSource: t.slaSource, strengths: t.strengths, weaknesses: t.weaknesses }))),
  },
  {
    uri: 'archie://knowledge/technologies.md', name: 'technologies-md', title: 'Technologies and their trade-offs (table)', mimeType: 'text/markdown',
    description: 'The technology trade-offs as a Markdown table to quote.',
    read: () => ['# Technologies', '', '| Technology | Kind | Strengths | Weaknesses | SLA (source) |', '|---|---|---|---|---|',
      ...Object.values(TECHNOLOGIES).map((t) => `| ${cell(t.name)} | ${t.kind} | ${cell(t.strengths)} | ${cell(t.weaknesses)} | ${(t.sla * 100).toFixed(2)}% (${cell(t.slaSource)}) |`), ''].join('\n'),
  },
  {
    uri: 'archie://knowledge/limits', name: 'limits', title: 'Per-node limits with sources', mimeType: 'application/json',
    description: 'The per-node working limits the capacity plan and the scale plan size against (requests/s per instance, writes/s per primary, connections, memory, throughput), each with its source and how to override it.',
    read: () => json(Object.values(LIMITS)),
  },
  {
    uri: 'archie://knowledge/limits.md', name: 'limits-md', title: 'Per-node limits with sources (table)', mimeType: 'text/markdown',
    description: 'The per-node limits as a Markdown table to quote.',
    read: () => ['# Per-node limits', '', '| Limit | Value | Source | Override |', '|---|---|---|---|',
      ...Object.values(LIMITS).map((l) => `| ${cell(l.label)} | ${l.value} ${l.unit} | ${cell(l.source)} | ${cell(l.override ?? '—')} |`), ''].join('\n'),
  },
  {
    uri: 'archie://knowledge/prices', name: 'prices', title: 'Dated price table', mimeType: 'application/json',
    description: `The list prices the cost estimates use (${PRICE_TABLE.name}, as of ${PRICE_TABLE.asOf}), per hour and per unit, ${HOURS_PER_MONTH} hours a month.`,
    read: () => json({ table: PRICE_TABLE, hoursPerMonth: HOURS_PER_MONTH, rdsPostgres: RDS_POSTGRES, elasticache: ELASTICACHE, ec2: EC2, unitPrices: UNIT_PRICES }),
  },
  {
    uri: 'archie://knowledge/decisions', name: 'decisions', title: 'The decisions archie takes', mimeType: 'application/json',
    description: 'Every architecture decision the planner takes (style, database, cache, messaging, consistency, topology, …) with the question it answers; the design tool returns the options weighed for a brief.',
    read: () => json(DECISIONS.map((d) => ({ id: d.id, title: d.title, question: d.question }))),
  },
  {
    uri: 'archie://knowledge/failure-modes', name: 'failure-modes', title: 'Failure modes by kind of system', mimeType: 'application/json',
    description: 'What goes wrong in each kind of system, its impact, mitigation and detection (archetype data). Failure modes of components (database failover, cache loss, broker outage) are generated per design: read `failureModes` from the design tool.',
    read: () => json(archetypes.map((a) => ({ archetype: a.id, failureModes: a.failureModes }))),
  },
];
