import { describe, expect, it } from 'vitest';
import { ARCHETYPES, archetypeById, generic } from '../../src/knowledge/archetypes/index.js';
import type { Archetype, ArchetypeEntity, ArchetypeField } from '../../src/knowledge/archetypes/_types.js';
import { EndpointSchema, EntitySchema, FieldSchema, FieldTypeSchema } from '../../src/model/design.js';

/**
 * Structural checks over every archetype: the planner trusts this data, so every reference,
 * every access-pattern field and every figure is checked here rather than at design time.
 */

const ALL: readonly Archetype[] = [...ARCHETYPES, generic];

const REQUIRED_IDS = [
  'chat', 'ecommerce', 'social-feed', 'url-shortener', 'pastebin', 'file-storage', 'video-streaming', 'ride-hailing', 'payments',
  'booking', 'iot-telemetry', 'analytics', 'search', 'notifications', 'saas', 'cms', 'leaderboard',
];

/** Columns the planner adds to every table; they may be filtered and sorted on but not declared. */
const PLANNER_COLUMNS = ['id', 'created_at', 'updated_at'];
const RESERVED_FIELDS = [...PLANNER_COLUMNS, 'deleted_at'];

const FLOW_ROLES = ['client', 'edge', 'gateway', 'app', 'realtime', 'cache', 'db', 'queue', 'worker', 'search', 'object', 'tsdb', 'external'];

const NUMERIC_TYPES = new Set(['integer', 'bigint', 'decimal', 'money', 'double']);
const TEXT_TYPES = new Set(['text', 'short-text']);

const KEBAB = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const EVENT_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/;
/** Realtime channel names: dotted like events, or a single word for unstored signals (`typing`). */
const CHANNEL_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*$/;

function fieldOf(e: ArchetypeEntity, name: string): ArchetypeField | undefined {
  return e.fields.find((f) => f.name === name);
}

function isBlobKey(name: string): boolean {
  return name === 'object_key' || name.endsWith('_object_key');
}

describe('archetype registry', () => {
  it('has every required archetype exactly once, chat first, generic only as the fallback', () => {
    const ids = ARCHETYPES.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('chat');
    expect([...ids].sort()).toEqual([...REQUIRED_IDS].sort());
    expect(ids).not.toContain(generic.id);
    for (const id of [...REQUIRED_IDS, 'generic']) expect(archetypeById(id)?.id).toBe(id);
    expect(archetypeById('no-such-archetype')).toBeUndefined();
  });

  it('has no keyword phrase claimed twice at the top weight by different archetypes', () => {
    // Shared words are fine at low weight (they add context); a phrase worth 3 to two archetypes
    // would make the tie-break order decide the classification.
    const owners = new Map<string, string>();
    for (const a of ARCHETYPES) {
      for (const [phrase, weight] of a.keywords) {
        if (weight < 3) continue;
        expect(owners.get(phrase), `"${phrase}" weighs 3 in ${owners.get(phrase)} and ${a.id}`).toBeUndefined();
        owners.set(phrase, a.id);
      }
    }
  });
});

describe.each(ALL.map((a) => [a.id, a] as const))('archetype %s', (id, a) => {
  const isGeneric = id === generic.id;
  const entityNames = new Set(a.entities.map((e) => e.name));
  const allFields = a.entities.flatMap((e) => e.fields);
  const allPatterns = a.entities.flatMap((e) => e.accessPatterns);

  it('is named and described', () => {
    expect(id).toMatch(KEBAB);
    expect(a.name.trim()).not.toBe('');
    expect(a.description.trim()).not.toBe('');
  });

  it('has usable keywords (lower case, unique, positive weights)', () => {
    if (isGeneric) {
      expect(a.keywords).toEqual([]);
      return;
    }
    expect(a.keywords.length).toBeGreaterThan(0);
    const phrases = a.keywords.map(([p]) => p);
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const [phrase, weight] of a.keywords) {
      expect(phrase).toBe(phrase.toLowerCase().trim());
      expect(phrase).not.toMatch(/\s{2,}/);
      expect(weight).toBeGreaterThan(0);
      expect(weight).toBeLessThanOrEqual(3);
    }
    expect(a.keywords.some(([, w]) => w === 3)).toBe(true);
  });

  it('lists its domains, identity first, each used by an entity', () => {
    expect(a.domains[0]).toBe('identity');
    expect(new Set(a.domains).size).toBe(a.domains.length);
    const used = new Set(a.entities.map((e) => e.domain));
    for (const e of a.entities) expect(a.domains, `${e.name}.domain`).toContain(e.domain);
    for (const d of a.domains) expect(used.has(d), `domain ${d} has no entity`).toBe(true);
  });

  it('has entities with valid, unique names, tables and resources', () => {
    expect(a.entities.length).toBeGreaterThanOrEqual(2);
    for (const key of ['name', 'table', 'resource'] as const) {
      const values = a.entities.map((e) => e[key]);
      expect(new Set(values).size, `duplicate ${key}`).toBe(values.length);
    }
    for (const e of a.entities) {
      expect(EntitySchema.shape.name.safeParse(e.name).success, e.name).toBe(true);
      expect(EntitySchema.shape.table.safeParse(e.table).success, e.table).toBe(true);
      expect(EntitySchema.shape.resource.safeParse(e.resource).success, e.resource).toBe(true);
      expect(e.description.trim()).not.toBe('');
    }
  });

  it('has between 3 and 6 meaningful fields per entity, with valid names and types', () => {
    for (const e of a.entities) {
      expect(e.fields.length, `${e.name} field count`).toBeLessThanOrEqual(6);
      expect(e.fields.length, `${e.name} field count`).toBeGreaterThanOrEqual(isGeneric ? 2 : 3);
      const names = e.fields.map((f) => f.name);
      expect(new Set(names).size, `${e.name} duplicate field`).toBe(names.length);
      for (const f of e.fields) {
        const where = `${e.name}.${f.name}`;
        expect(FieldSchema.shape.name.safeParse(f.name).success, where).toBe(true);
        expect(RESERVED_FIELDS, `${where} is added by the planner`).not.toContain(f.name);
        expect(FieldTypeSchema.safeParse(f.type).success, where).toBe(true);
        expect(f.description.trim(), where).not.toBe('');
        expect(f.distinct, `${where} distinct`).toBeDefined();
      }
    }
  });

  it('gives every field constraints that fit its type, and an example that satisfies them', () => {
    for (const e of a.entities) {
      for (const f of e.fields) {
        const where = `${e.name}.${f.name}`;
        if (f.type === 'enum') {
          expect(f.values?.length, `${where} values`).toBeGreaterThan(0);
          expect(new Set(f.values).size, where).toBe(f.values?.length);
          expect(f.values, `${where} example`).toContain(f.example);
        } else {
          expect(f.values, `${where} has values but is not an enum`).toBeUndefined();
        }
        if (TEXT_TYPES.has(f.type)) {
          expect(f.maxLength, `${where} maxLength`).toBeGreaterThan(0);
        } else {
          expect(f.maxLength, `${where} maxLength on a non-text field`).toBeUndefined();
        }
        if (f.min !== undefined || f.max !== undefined) expect(NUMERIC_TYPES.has(f.type), `${where} min/max`).toBe(true);
        if (f.min !== undefined && f.max !== undefined) expect(f.min, where).toBeLessThan(f.max);
        if (NUMERIC_TYPES.has(f.type)) {
          expect(typeof f.example, where).toBe('number');
          const n = f.example as number;
          if (f.min !== undefined) expect(n, where).toBeGreaterThanOrEqual(f.min);
          if (f.max !== undefined) expect(n, where).toBeLessThanOrEqual(f.max);
          if (f.type === 'integer' || f.type === 'bigint') expect(Number.isInteger(n), where).toBe(true);
        } else if (f.type === 'boolean') {
          expect(typeof f.example, where).toBe('boolean');
        } else {
          expect(typeof f.example, where).toBe('string');
          const s = f.example as string;
          if (f.maxLength !== undefined) expect(s.length, where).toBeLessThanOrEqual(f.maxLength);
          if (f.type === 'uuid') expect(s, where).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
          if (f.type === 'timestamp') expect(s, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
          if (f.type === 'date') expect(s, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (f.type === 'json') expect(() => JSON.parse(s), where).not.toThrow();
        }
        if (f.unique) expect(f.distinct, `${where} is unique`).toBe('unique');
      }
    }
  });

  it('points every foreign key at an entity of the archetype, with a delete rule that fits', () => {
    for (const e of a.entities) {
      for (const f of e.fields) {
        const where = `${e.name}.${f.name}`;
        if (f.references === undefined) {
          expect(f.onDelete, `${where} onDelete without references`).toBeUndefined();
          continue;
        }
        expect(entityNames.has(f.references), `${where} -> ${f.references}`).toBe(true);
        expect(f.type, where).toBe('uuid');
        expect(f.onDelete, `${where} onDelete`).toBeDefined();
        if (f.onDelete === 'set-null') expect(f.nullable, `${where} set-null needs nullable`).toBe(true);
      }
    }
  });

  it('nests only under a parent it references', () => {
    for (const e of a.entities) {
      if (e.parent === undefined) continue;
      expect(entityNames.has(e.parent), `${e.name}.parent`).toBe(true);
      expect(e.parent).not.toBe(e.name);
      expect(e.fields.some((f) => f.references === e.parent), `${e.name} has no field referencing ${e.parent}`).toBe(true);
    }
  });

  it('has access patterns whose fields exist, in index order, with shares summing to 1', () => {
    const ids = allPatterns.map((p) => p.id);
    expect(new Set(ids).size, 'access pattern ids are unique').toBe(ids.length);
    for (const e of a.entities) {
      expect(e.accessPatterns.length, `${e.name} has no access pattern`).toBeGreaterThan(0);
      const total = e.accessPatterns.reduce((s, p) => s + p.share, 0);
      expect(total, `${e.name} shares`).toBeCloseTo(1, 9);
      for (const p of e.accessPatterns) {
        const where = `${e.name}/${p.id}`;
        expect(p.id, where).toMatch(KEBAB);
        expect(p.description.trim(), where).not.toBe('');
        expect(p.share, where).toBeGreaterThan(0);
        for (const x of [...p.filters, ...p.sort]) {
          const exists = PLANNER_COLUMNS.includes(x.field) || fieldOf(e, x.field) !== undefined;
          expect(exists, `${where}: no field ${x.field}`).toBe(true);
        }
        // Equality filters first, then at most one range or text filter (the index column order).
        const ops = p.filters.map((x) => x.op);
        const nonEq = ops.filter((op) => op !== '=');
        expect(nonEq.length, `${where}: more than one range/text filter`).toBeLessThanOrEqual(1);
        if (nonEq.length === 1) expect(ops[ops.length - 1], `${where}: range/text filter must come last`).not.toBe('=');
        for (const x of p.filters) {
          if (x.op === 'match' || x.op === 'prefix') {
            expect(TEXT_TYPES.has(fieldOf(e, x.field)?.type ?? ''), `${where}: ${x.op} on a non-text field`).toBe(true);
          }
        }
        switch (p.kind) {
          case 'lookup':
          case 'by-key':
            expect(nonEq, `${where}: a lookup filters by equality only`).toEqual([]);
            expect(p.filters.length, where).toBeGreaterThan(0);
            break;
          case 'search':
            expect(nonEq.some((op) => op === 'match' || op === 'prefix'), `${where}: search without match/prefix`).toBe(true);
            break;
          case 'range':
            expect(nonEq.some((op) => op === '>=' || op === '<='), `${where}: range without a range filter`).toBe(true);
            break;
          case 'top-n':
            expect(p.sort.length, `${where}: top-n needs a sort`).toBeGreaterThan(0);
            break;
          case 'list':
            expect(nonEq.filter((op) => op === 'match'), `${where}: a list with match is a search`).toEqual([]);
            break;
        }
        if (p.kind !== 'lookup' && p.kind !== 'by-key') expect(p.limit, `${where}: limit`).toBeGreaterThan(0);
        if (p.liveOnly === true) expect(e.softDelete, `${where}: liveOnly without softDelete`).toBe(true);
      }
    }
  });

  it('sizes every entity and rate limit plausibly', () => {
    for (const e of a.entities) {
      if ('perUser' in e.rows) {
        expect(e.rows.perUser, e.name).toBeGreaterThan(0);
        expect(e.rows.perUser, e.name).toBeLessThanOrEqual(10_000);
      } else {
        expect(e.rows.writeShare, e.name).toBeGreaterThan(0);
        expect(e.rows.writeShare, e.name).toBeLessThanOrEqual(1);
      }
      if (e.rateLimitPerMinute !== undefined) {
        expect(Number.isInteger(e.rateLimitPerMinute), e.name).toBe(true);
        expect(e.rateLimitPerMinute, e.name).toBeGreaterThan(0);
        expect(e.rateLimitPerMinute, e.name).toBeLessThanOrEqual(10_000);
      }
      if (e.internal) expect(e.parent, `${e.name}: internal entities have no routes to nest`).toBeUndefined();
    }
  });

  it('has defaults that are positive and in plausible ranges', () => {
    const d = a.defaults;
    expect(d.dau).toBeGreaterThanOrEqual(100);
    expect(d.dau).toBeLessThanOrEqual(100_000_000);
    expect(d.dauOverMau).toBeGreaterThan(0);
    expect(d.dauOverMau).toBeLessThanOrEqual(1);
    expect(d.concurrencyRatio).toBeGreaterThan(0);
    expect(d.concurrencyRatio).toBeLessThanOrEqual(1);
    expect(d.requestsPerUserPerDay).toBeGreaterThanOrEqual(1);
    expect(d.requestsPerUserPerDay).toBeLessThanOrEqual(100_000);
    expect(d.peakFactor).toBeGreaterThanOrEqual(1);
    expect(d.peakFactor).toBeLessThanOrEqual(20);
    expect(d.readWriteRatio).toBeGreaterThan(0);
    expect(d.readWriteRatio).toBeLessThanOrEqual(1_000);
    for (const k of ['recordBytes', 'responseBytes', 'requestBytes'] as const) {
      expect(d[k], k).toBeGreaterThanOrEqual(50);
      expect(d[k], k).toBeLessThanOrEqual(10_000_000);
    }
    expect(d.retentionDays).toBeGreaterThanOrEqual(1);
    expect(d.retentionDays).toBeLessThanOrEqual(36_500);
    expect(d.growthPerMonth).toBeGreaterThanOrEqual(0);
    expect(d.growthPerMonth).toBeLessThanOrEqual(0.5);
    expect(d.availability).toBeGreaterThanOrEqual(0.99);
    expect(d.availability).toBeLessThan(1);
    expect(d.p99Ms).toBeGreaterThanOrEqual(10);
    expect(d.p99Ms).toBeLessThanOrEqual(5_000);
    expect(d.cacheHitRate).toBeGreaterThanOrEqual(0);
    expect(d.cacheHitRate).toBeLessThan(1);
    // Blob figures are positive exactly when the archetype stores blobs.
    if (a.traits.blobs) {
      expect(d.blobsPerUserPerDay).toBeGreaterThan(0);
      expect(d.blobBytes).toBeGreaterThanOrEqual(1_000);
    } else {
      expect(d.blobsPerUserPerDay).toBe(0);
      expect(d.blobBytes).toBe(0);
    }
  });

  it('has traits consistent with its entities, channels and events', () => {
    const t = a.traits;
    const ops = allPatterns.flatMap((p) => p.filters.map((f) => f.op));
    expect(t.fullTextSearch, 'fullTextSearch <=> a match filter').toBe(ops.includes('match'));
    expect(t.realtime, 'realtime <=> realtime channels').toBe(a.realtime.length > 0);
    expect(t.timeSeries, 'timeSeries <=> a time-series entity').toBe(a.entities.some((e) => e.store === 'timeseries'));
    expect(t.blobs, 'blobs <=> an object_key field').toBe(allFields.some((f) => isBlobKey(f.name)));
    expect(t.personalData, 'personalData <=> a personal field').toBe(allFields.some((f) => f.personal === true));
    if (t.ranking) expect(allPatterns.some((p) => p.kind === 'top-n'), 'ranking needs a top-n pattern').toBe(true);
    if (t.money) {
      expect(allFields.some((f) => f.type === 'money'), 'money needs a money field').toBe(true);
      expect(t.audit, 'money needs an audit trail').toBe(true);
      expect(allFields.some((f) => f.unique && /idempotency/.test(f.name)), 'money needs an idempotency key').toBe(true);
    }
    if (t.eventLog || t.fanout) expect(a.events.length, 'eventLog/fanout need events').toBeGreaterThan(0);
    if (t.geo) {
      const geoEntity = a.entities.find((e) => fieldOf(e, 'lat')?.type === 'double' && fieldOf(e, 'lng')?.type === 'double'
        && e.accessPatterns.some((p) => p.filters.some((f) => f.op === 'prefix' && fieldOf(e, f.field)?.type === 'short-text')));
      expect(geoEntity, 'geo needs lat/lng doubles and a geohash prefix pattern').toBeDefined();
    } else {
      expect(allFields.some((f) => f.name === 'lat' || f.name === 'lng'), 'lat/lng without the geo trait').toBe(false);
    }
    for (const e of a.entities) {
      if (e.store === 'timeseries') expect(e.partitioned, `${e.name}: time-series entities are partitioned`).toBe(true);
    }
    if (t.multiTenant) {
      const scoped = a.entities.filter((e) => fieldOf(e, 'tenant_id') !== undefined);
      expect(scoped.length, 'multiTenant needs tenant_id fields').toBeGreaterThan(0);
      for (const e of scoped) {
        expect(fieldOf(e, 'tenant_id')?.references, `${e.name}.tenant_id`).toBeDefined();
        for (const p of e.accessPatterns) {
          const first = p.filters[0];
          const filtersTenant = p.filters.some((f) => f.field === 'tenant_id');
          // Identity entities (memberships) are read before a tenant is chosen, e.g. the switcher.
          if (e.domain === 'identity' && !filtersTenant) continue;
          expect(first?.field === 'tenant_id' && first.op === '=', `${e.name}/${p.id}: tenant_id must lead`).toBe(true);
        }
      }
    } else {
      expect(allFields.some((f) => f.name === 'tenant_id'), 'tenant_id without the multiTenant trait').toBe(false);
    }
  });

  it('has actions, realtime channels and events that refer to its entities', () => {
    const opIds = a.actions.map((x) => x.operationId);
    expect(new Set(opIds).size).toBe(opIds.length);
    const routes = a.actions.map((x) => `${x.entity}/${x.name}`);
    expect(new Set(routes).size).toBe(routes.length);
    for (const x of a.actions) {
      const e = a.entities.find((en) => en.name === x.entity);
      expect(e, `action on ${x.entity}`).toBeDefined();
      expect(e?.internal, `action on internal ${x.entity}`).not.toBe(true);
      expect(x.name).toMatch(KEBAB);
      expect(x.method).toBe('POST');
      expect(EndpointSchema.shape.operationId.safeParse(x.operationId).success, x.operationId).toBe(true);
      expect(x.purpose.trim()).not.toBe('');
    }
    const channels = a.realtime.map((r) => r.name);
    expect(new Set(channels).size).toBe(channels.length);
    for (const r of a.realtime) {
      expect(entityNames.has(r.entity), `realtime ${r.name}`).toBe(true);
      expect(r.name).toMatch(CHANNEL_NAME);
      expect(r.purpose.trim()).not.toBe('');
    }
    const events = a.events.map((ev) => ev.name);
    expect(new Set(events).size).toBe(events.length);
    for (const ev of a.events) {
      expect(entityNames.has(ev.entity), `event ${ev.name}`).toBe(true);
      expect(ev.name).toMatch(EVENT_NAME);
      expect(ev.purpose.trim()).not.toBe('');
    }
  });

  it('has a main flow over known participants that its traits provide', () => {
    expect(a.mainFlow.title.trim()).not.toBe('');
    expect(a.mainFlow.steps.length).toBeGreaterThanOrEqual(3);
    const roles = new Set(a.mainFlow.steps.flatMap((s) => [s.from, s.to]));
    for (const r of roles) expect(FLOW_ROLES, `participant ${r}`).toContain(r);
    expect(a.mainFlow.steps[0]?.from).toBe('client');
    if (roles.has('search')) expect(a.traits.fullTextSearch, 'search participant needs fullTextSearch').toBe(true);
    if (roles.has('tsdb')) expect(a.traits.timeSeries, 'tsdb participant needs timeSeries').toBe(true);
    if (roles.has('object')) expect(a.traits.blobs, 'object participant needs blobs').toBe(true);
    if (roles.has('realtime')) expect(a.traits.realtime, 'realtime participant needs realtime').toBe(true);
    if (roles.has('edge')) expect(a.traits.cdn, 'edge participant needs cdn').toBe(true);
    for (const s of a.mainFlow.steps) expect(s.message.trim()).not.toBe('');
  });

  it('has functional requirements and failure modes', () => {
    expect(a.functional.length).toBeGreaterThanOrEqual(3);
    expect(a.functional.some((f) => f.priority === 'must')).toBe(true);
    const texts = a.functional.map((f) => f.text);
    expect(new Set(texts).size).toBe(texts.length);
    if (isGeneric) return;
    expect(a.failureModes.length).toBeGreaterThanOrEqual(2);
    expect(a.failureModes.length).toBeLessThanOrEqual(4);
    for (const fm of a.failureModes) {
      for (const k of ['failure', 'impact', 'mitigation', 'detection'] as const) expect(fm[k].trim(), `${fm.failure}.${k}`).not.toBe('');
    }
  });
});
