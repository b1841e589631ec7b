import type { ArchetypeAccessPattern, ArchetypeEntity, ArchetypeField } from '../knowledge/archetypes/_types.js';
import type { AccessPattern, Entity, Field, Index } from '../model/design.js';
import { accumulated, CONVENTIONS, growthAt, type PlanContext } from './context.js';

/**
 * Archetype entities → the model's entities: full field lists (ids, timestamps, soft delete),
 * one index per access pattern with columns in the order the query needs them, an index under
 * every foreign key, and the SQL each access pattern runs.
 */

const ID_EXAMPLE = '5b8f2c1e-3d4a-4e6b-9c7d-0e1f2a3b4c5d';

/** Reference fields that name the acting user: the server fills them from the token. */
const ACTOR_FIELDS = new Set(['sender_id', 'created_by', 'uploader_id', 'owner_id', 'author_id', 'actor_id', 'creator_id', 'requester_id', 'reporter_id', 'uploaded_by', 'updated_by']);

function field(f: ArchetypeField, overrides: Partial<Field> = {}): Field {
  return {
    name: f.name,
    type: f.type,
    description: f.description,
    nullable: f.nullable ?? false,
    primaryKey: false,
    unique: f.unique ?? false,
    references: f.references ?? null,
    referenceEnforced: f.references !== undefined,
    onDelete: f.references ? (f.onDelete ?? 'restrict') : null,
    values: f.values ?? null,
    maxLength: f.maxLength ?? (f.type === 'short-text' ? 255 : f.type === 'text' ? 10_000 : null),
    min: f.min ?? null,
    max: f.max ?? null,
    personal: f.personal ?? false,
    serverGenerated: f.serverGenerated ?? false,
    example: f.example,
    distinct: f.distinct ?? 'high',
    ...overrides,
  };
}

function standardFields(e: ArchetypeEntity): { head: Field[]; tail: Field[] } {
  const ts = (name: string, description: string, nullable = false): Field =>
    field({ name, type: 'timestamp', description, nullable, serverGenerated: true, example: '2026-01-15T09:30:00Z', distinct: 'high' });
  const head = [
    field({ name: 'id', type: 'uuid', description: `Identifier of the ${e.name.toLowerCase()}.`, serverGenerated: true, example: ID_EXAMPLE, distinct: 'unique' }, { primaryKey: true }),
  ];
  const tail = [ts('created_at', 'When it was created.'), ts('updated_at', 'When it was last changed.')];
  if (e.softDelete) tail.push(ts('deleted_at', 'When it was deleted (soft delete); null while live.', true));
  return { head, tail };
}

function indexName(table: string, parts: string[], suffix = 'idx'): string {
  const base = `${table}_${parts.join('_')}`.replace(/[^a-z0-9_]/g, '_').replace(/_+/g, '_');
  const name = `${base}_${suffix}`;
  if (name.length <= 63) return name;
  // Keep it deterministic and within PostgreSQL's identifier limit.
  let h = 0;
  for (const ch of base) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `${base.slice(0, 50)}_${h.toString(36).slice(0, 6)}_${suffix}`;
}

function exampleFor(f: Field | undefined, op: string): string | number | boolean {
  if (!f) return ID_EXAMPLE;
  if (op === 'prefix') return `${String(f.example).slice(0, 2).toLowerCase()}%`;
  if (op === 'match') return String(f.example).split(/\s+/)[0] ?? 'hello';
  if (f.type === 'enum') return f.values?.[0] ?? String(f.example);
  return f.example;
}

function buildPattern(
  e: ArchetypeEntity,
  table: string,
  fields: Field[],
  p: ArchetypeAccessPattern,
  softDelete: boolean,
): { pattern: AccessPattern; index: Index } {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const liveOnly = softDelete && (p.liveOnly ?? true);
  const where: string[] = [];
  const params: Array<string | number | boolean> = [];
  let i = 1;
  const eq = p.filters.filter((f) => f.op === '=');
  const range = p.filters.filter((f) => f.op === '>=' || f.op === '<=');
  const text = p.filters.find((f) => f.op === 'match');
  const prefix = p.filters.find((f) => f.op === 'prefix');
  for (const f of [...eq, ...range]) {
    where.push(`${f.field} ${f.op} $${i++}`);
    params.push(exampleFor(byName.get(f.field), f.op));
  }
  if (prefix) {
    where.push(`lower(${prefix.field}) LIKE $${i++}`);
    params.push(exampleFor(byName.get(prefix.field), 'prefix'));
  }
  if (text) {
    where.push(`to_tsvector('simple', ${text.field}) @@ plainto_tsquery('simple', $${i})`);
    params.push(exampleFor(byName.get(text.field), 'match'));
  }
  if (liveOnly) where.push('deleted_at IS NULL');

  // Keyset pagination needs a unique order: the id breaks ties.
  const sort = prefix || text ? [] : [...p.sort];
  if (sort.length > 0 && !sort.some((s) => s.field === 'id') && p.kind !== 'lookup' && p.kind !== 'by-key') {
    sort.push({ field: 'id', direction: sort[sort.length - 1]!.direction });
  }
  const limit = p.limit ?? (p.kind === 'lookup' || p.kind === 'by-key' ? null : 50);
  const cols = fields.map((f) => f.name).join(', ');
  const sql =
    `SELECT ${cols} FROM ${table}` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    (sort.length ? ` ORDER BY ${sort.map((s) => `${s.field} ${s.direction.toUpperCase()}`).join(', ')}` : '') +
    (limit ? ` LIMIT ${limit}` : '');

  let index: Index;
  if (text) {
    index = {
      name: indexName(table, [text.field, 'fts']),
      columns: [],
      expression: `to_tsvector('simple', ${text.field})`,
      method: 'gin',
      unique: false,
      where: liveOnly ? 'deleted_at IS NULL' : null,
      serves: [p.id],
      reason: `Full-text search on ${text.field} (${p.description.replace(/\.$/, '')}).`,
    };
  } else if (prefix) {
    index = {
      name: indexName(table, ['lower', prefix.field, 'prefix']),
      columns: [],
      expression: `lower(${prefix.field}) text_pattern_ops`,
      method: 'btree',
      unique: false,
      where: liveOnly ? 'deleted_at IS NULL' : null,
      serves: [p.id],
      reason: `Case-insensitive prefix match on ${prefix.field}; text_pattern_ops makes LIKE 'abc%' use the index in any collation.`,
    };
  } else {
    // Equality columns first, then the range column, then the sort: the order a B-tree can serve.
    const columns: Index['columns'] = [];
    const push = (field: string, direction: 'asc' | 'desc') => {
      if (!columns.some((c) => c.field === field)) columns.push({ field, direction });
    };
    for (const f of eq) push(f.field, 'asc');
    for (const f of range) push(f.field, 'asc');
    for (const s of sort) push(s.field, s.direction);
    const uniqueLookup = (p.kind === 'lookup' || p.kind === 'by-key') && eq.length === 1 && byName.get(eq[0]!.field)?.unique === true;
    index = {
      name: indexName(table, columns.map((c) => c.field), uniqueLookup ? 'key' : 'idx'),
      columns,
      expression: null,
      method: 'btree',
      unique: uniqueLookup,
      where: liveOnly ? 'deleted_at IS NULL' : null,
      serves: [p.id],
      reason: uniqueLookup
        ? `Unique ${columns[0]!.field}${liveOnly ? ' among live rows (a deleted row frees the value)' : ''}; serves ${p.description.replace(/\.$/, '').toLowerCase()}.`
        : `${p.description.replace(/\.$/, '')}: equality on ${eq.map((f) => f.field).join(', ') || 'none'}${range.length ? `, range on ${range.map((f) => f.field).join(', ')}` : ''}${sort.length ? `, ordered by ${sort.map((s) => `${s.field} ${s.direction}`).join(', ')}` : ''}.`,
    };
  }
  const pattern: AccessPattern = {
    id: p.id,
    description: p.description,
    kind: p.kind,
    filters: p.filters,
    sort,
    limit,
    sql,
    params,
    index: index.name,
    share: p.share,
  };
  void e;
  return { pattern, index };
}

function sameIndex(a: Index, b: Index): boolean {
  return (
    a.method === b.method &&
    a.expression === b.expression &&
    a.where === b.where &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c.field === b.columns[i]!.field && c.direction === b.columns[i]!.direction)
  );
}

export interface EntityPlan {
  entities: Entity[];
}

/** Build every entity of the archetype for the chosen stores. */
export function planEntities(ctx: PlanContext, storeFor: (e: ArchetypeEntity) => string): Entity[] {
  const arch = ctx.archetype;
  const partitioned = new Set(arch.entities.filter((e) => e.partitioned).map((e) => e.name));
  const storeOf = new Map(arch.entities.map((e) => [e.name, storeFor(e)]));
  const mau = ctx.req.scale.mau.value;
  const out: Entity[] = [];
  for (const e of arch.entities) {
    const { head, tail } = standardFields(e);
    const own = e.fields.map((f) => {
      let fd = field(f);
      if (f.references === 'User' && ACTOR_FIELDS.has(f.name) && !fd.serverGenerated) {
        // Who did it comes from the access token, never from the request body (OWASP API1/API3).
        fd = { ...fd, serverGenerated: true, description: `${fd.description} Set from the access token's subject, never from the request body.` };
      }
      const targetPartitioned = f.references !== undefined && partitioned.has(f.references);
      const otherStore = f.references !== undefined && storeOf.get(f.references) !== storeOf.get(e.name);
      if (targetPartitioned || otherStore) {
        fd = {
          ...fd,
          referenceEnforced: false,
          onDelete: null,
          description: `${fd.description} Refers to ${f.references} by id; not a declared foreign key because ${targetPartitioned ? 'that table is partitioned (its unique key includes the partition column)' : 'it lives in another store'}.`,
        };
      }
      if (e.partitioned && fd.unique) {
        fd = {
          ...fd,
          unique: false,
          description: `${fd.description} Duplicates are rejected through the idempotency-key store: a unique index on a partitioned table must include the partition key.`,
        };
      }
      return fd;
    });
    const fields = [...head, ...own, ...tail];
    if (e.partitioned) {
      // PostgreSQL requires the partition key in the primary key of a partitioned table.
      const created = fields.find((f) => f.name === 'created_at')!;
      created.primaryKey = true;
    }
    const indexes: Index[] = [];
    const patterns: AccessPattern[] = [];
    for (const p of e.accessPatterns) {
      const built = buildPattern(e, e.table, fields, p, Boolean(e.softDelete));
      const existing = indexes.find((x) => sameIndex(x, built.index));
      if (existing) {
        existing.serves.push(p.id);
        built.pattern.index = existing.name;
      } else indexes.push(built.index);
      patterns.push(built.pattern);
    }
    // Unique fields without a unique index get one (partial on live rows when soft-deleting).
    for (const f of fields) {
      if (!f.unique || f.primaryKey) continue;
      if (indexes.some((x) => x.unique && x.columns.length === 1 && x.columns[0]!.field === f.name)) continue;
      indexes.push({
        name: indexName(e.table, [f.name], 'key'),
        columns: [{ field: f.name, direction: 'asc' }],
        expression: null,
        method: 'btree',
        unique: true,
        where: e.softDelete ? 'deleted_at IS NULL' : null,
        serves: [],
        reason: `${f.name} is unique${e.softDelete ? ' among live rows' : ''}.`,
      });
    }
    // Every reference column leads some index, so joins and cascading deletes do not scan.
    for (const f of fields) {
      if (!f.references) continue;
      // A partial index cannot serve the delete checks and cascades, which also see soft-deleted rows.
      if (indexes.some((x) => x.columns[0]?.field === f.name && x.where === null && x.expression === null)) continue;
      indexes.push({
        name: indexName(e.table, [f.name]),
        columns: [{ field: f.name, direction: 'asc' }],
        expression: null,
        method: 'btree',
        unique: false,
        where: null,
        serves: [],
        reason: `Supports the reference to ${f.references} (joins, and ${f.onDelete === 'cascade' ? 'cascading deletes' : 'checks on delete'} without a scan).`,
      });
    }
    const rows = rowsOf(ctx, e, mau);
    out.push({
      name: e.name,
      table: e.table,
      resource: e.resource,
      description: e.description,
      domain: e.domain,
      store: storeFor(e),
      fields,
      indexes,
      accessPatterns: patterns,
      softDelete: Boolean(e.softDelete),
      partitionBy: e.partitioned ? 'created_at' : null,
      rows,
      exposed: !e.internal,
      parent: e.parent ?? null,
    });
  }
  return out;
}

function rowsOf(ctx: PlanContext, e: ArchetypeEntity, mau: number): { current: number; oneYear: number } {
  if ('perUser' in e.rows) {
    return { current: Math.round(mau * e.rows.perUser), oneYear: Math.round(mau * growthAt(ctx.req, 12) * e.rows.perUser) };
  }
  const share = e.rows.writeShare;
  const monthly = (m: number) => ctx.load.avgWrites * share * growthAt(ctx.req, m) * CONVENTIONS.secondsPerMonth;
  const retentionMonths = ctx.req.scale.retentionDays.value / CONVENTIONS.daysPerMonth;
  return { current: Math.round(accumulated(monthly, 1, retentionMonths)), oneYear: Math.round(accumulated(monthly, 12, retentionMonths)) };
}
