import { byCodeUnit } from '../util/compare.js';
import type { Entity } from '../model/design.js';

/**
 * Shard keys from access patterns. A table is split by the column its reads filter on most, so
 * that those reads stay on one shard: a URL shortener's links by short code (the redirect), a
 * chat's messages by conversation, a ledger's entries by account. The reads that do not filter on
 * the key become scatter-gather, and writes that touch two values of the key (a transfer between
 * two accounts) become cross-shard: both are named, because they are the cost of the choice.
 *
 * Pure: entities in, keys out. Used by the primary-database decision and by `archie scale`.
 */

export interface ShardKey {
  entity: string;
  table: string;
  /** The column rows are distributed by. */
  field: string;
  /** Share of the entity's reads that filter on it by equality (0..1). */
  share: number;
  /** Reads that do not filter on the key: each asks every shard. */
  scatter: { description: string; share: number }[];
  /** Columns of the same row that reference the same kind of thing as the key: a write spans two shards. */
  crossShard: string[];
  /** Parents whose rows of this table are written together and can span shards ("the postings of a journal entry"). */
  groupedBy: string[];
}

/** Entities whose rows make up most of the data: those the shards are for (at most three). */
function heavy(entities: Entity[]): Entity[] {
  const rows = entities.filter((e) => e.store === 'postgres' && e.accessPatterns.length > 0);
  const total = rows.reduce((t, e) => t + e.rows.oneYear, 0);
  return [...rows]
    .sort((a, b) => b.rows.oneYear - a.rows.oneYear || byCodeUnit(a.table, b.table))
    .filter((e, i) => i === 0 || e.rows.oneYear >= 0.1 * total)
    .slice(0, 3);
}

const order = (e: Entity, field: string) => {
  const i = e.fields.findIndex((f) => f.name === field);
  return i < 0 ? e.fields.length : i;
};

/** What a column points at, for spotting two columns of one row that name the same kind of thing. */
function target(entity: Entity, field: string): string | null {
  const f = entity.fields.find((x) => x.name === field);
  if (f?.references) return f.references;
  const m = /(?:^|_)([a-z]+)_id$/.exec(field);
  return m ? m[1]! : null;
}

export function shardKeys(entities: Entity[], opts: { multiTenant?: boolean; atomic?: boolean } = {}): ShardKey[] {
  const out: ShardKey[] = [];
  for (const e of heavy(entities)) {
    const n = e.accessPatterns.length;
    const shareOf = (p: Entity['accessPatterns'][number]) => (typeof p.share === 'number' ? p.share : 1 / n);
    const byField = new Map<string, number>();
    for (const p of e.accessPatterns) {
      const eq = p.filters.find((f) => f.op === '=');
      if (eq) byField.set(eq.field, (byField.get(eq.field) ?? 0) + shareOf(p));
    }
    if (byField.size === 0) continue;
    // A tenant column that every query carries wins: tenants never share a query.
    const tenant = opts.multiTenant ? [...byField.keys()].find((f) => f === 'tenant_id' || f === 'organization_id' || f === 'workspace_id') : undefined;
    const [field, share] = tenant
      ? [tenant, byField.get(tenant)!]
      : [...byField.entries()].sort((a, b) => b[1] - a[1] || order(e, a[0]) - order(e, b[0]))[0]!;
    const scatter = e.accessPatterns
      .filter((p) => !p.filters.some((f) => f.field === field && f.op === '='))
      .map((p) => ({ description: p.description, share: shareOf(p) }));
    const kind = target(e, field);
    const crossShard = kind
      ? e.fields.filter((f) => f.name !== field && target(e, f.name) === kind && (f.references !== null || f.name.endsWith(`${kind}_id`))).map((f) => f.name)
      : [];
    // Money and stock write a parent's rows in one transaction ("each transfer posts two entries"):
    // a parent read by its own reference, whose rows the key spreads, makes that transaction cross-shard.
    const groupedBy = opts.atomic
      ? e.accessPatterns
        .flatMap((p) => p.filters.filter((f) => f.op === '=' && f.field !== field).map((f) => f.field))
        .filter((f, i, all) => all.indexOf(f) === i && !crossShard.includes(f) && e.fields.some((x) => x.name === f && x.references !== null))
      : [];
    out.push({ entity: e.name, table: e.table, field, share, scatter, crossShard, groupedBy });
  }
  return out;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** "links by code (95% of its reads filter on it)": the keys in a sentence. */
export function describeKeys(keys: ShardKey[]): string {
  return keys.map((k) => `${k.table} by ${k.field} (${pct(k.share)} of its reads filter on it)`).join(', ');
}

/** The costs of the keys: scatter-gather reads and cross-shard writes, one sentence each. */
export function describeCosts(keys: ShardKey[]): string[] {
  const out: string[] = [];
  const scattered = keys
    .map((k) => ({ k, reads: k.scatter.filter((x) => x.share > 0) }))
    .filter((x) => x.reads.length > 0)
    .map(({ k, reads }) => `on ${k.table}, ${reads.map((x) => `${x.description.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase())} (${pct(x.share)})`).join('; ')}`);
  if (scattered.length > 0) {
    out.push(`reads that do not filter on the key ask every shard (${scattered.join('; ')}): serve them from a table keyed by their own column, or the search index, not by scatter-gather on the request path`);
  }
  for (const k of keys) {
    if (k.crossShard.length > 0) {
      out.push(`a ${k.entity} row names ${[k.field, ...k.crossShard].join(' and ')}, which can live on different shards: write it on ${k.field}'s shard and apply the other side through the outbox as a saga step (compensated on failure)`);
    }
    for (const g of k.groupedBy) {
      out.push(`the ${k.table} of one ${g.replace(/_id$/, '').replace(/_/g, ' ')} are written in one transaction but spread by ${k.field} across shards: keep that transaction on one shard (route each ${g.replace(/_id$/, '').replace(/_/g, ' ')} to the shard of its first ${k.field}), or make it a saga with compensating entries; never a two-phase commit on the request path`);
    }
  }
  return out;
}
