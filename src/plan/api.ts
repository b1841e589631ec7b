import type { Api, Component, DataStore, Endpoint, Entity, Flow } from '../model/design.js';
import type { PlanContext } from './context.js';
import { byCodeUnit } from '../util/compare.js';

/**
 * The public API: CRUD and list operations per exposed entity (nested under its parent for
 * creation and listing, flat for item routes), the archetype's actions, rate limits per route,
 * OAuth scopes, idempotency and the errors each operation documents.
 */

function pascal(s: string): string {
  return s.split(/[-_ ]/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

const ERRORS: Record<Endpoint['kind'], number[]> = {
  list: [400, 401, 403, 429, 503],
  search: [400, 401, 403, 429, 503],
  get: [400, 401, 403, 404, 429, 503],
  create: [400, 401, 403, 409, 422, 429, 503],
  update: [400, 401, 403, 404, 409, 412, 422, 429, 503],
  delete: [400, 401, 403, 404, 409, 429, 503],
  action: [400, 401, 403, 404, 409, 422, 429, 503],
};

export function planApi(ctx: PlanContext, entities: Entity[]): Api {
  const byName = new Map(entities.map((e) => [e.name, e]));
  const arch = new Map(ctx.archetype.entities.map((e) => [e.name, e]));
  const endpoints: Endpoint[] = [];
  const base = '/v1';
  const scopes = new Map<string, string>();

  for (const e of entities) {
    if (!e.exposed) continue;
    const a = arch.get(e.name)!;
    const readOnly = Boolean(a.readOnly);
    const writeLimit = a.rateLimitPerMinute ?? 60;
    const readLimit = Math.max(120, writeLimit * 5);
    const parent = e.parent ? byName.get(e.parent) : undefined;
    const parentFk = parent ? e.fields.find((f) => f.references === parent.name) : undefined;
    const parentParam = parent ? `${parent.name[0]!.toLowerCase()}${parent.name.slice(1)}Id` : '';
    const collection = parent ? `${base}/${parent.resource}/{${parentParam}}/${e.resource}` : `${base}/${e.resource}`;
    const itemParam = `${e.name[0]!.toLowerCase()}${e.name.slice(1)}Id`;
    const item = `${base}/${e.resource}/{${itemParam}}`;
    const read = `${e.resource}:read`;
    const write = `${e.resource}:write`;
    scopes.set(read, `Read ${e.resource}`);
    if (!readOnly) scopes.set(write, `Create, change and delete ${e.resource}`);
    const plural = pascal(e.resource);
    const singular = e.name;

    // The list route is served by the pattern filtered by the parent (nested) or the first list pattern.
    const listPattern =
      e.accessPatterns.find((p) => p.kind === 'list' && (!parentFk || p.filters.some((f) => f.field === parentFk.name && f.op === '='))) ??
      e.accessPatterns.find((p) => p.kind === 'list' || p.kind === 'top-n' || p.kind === 'range');
    const filters = new Set<string>();
    const sorts = new Set<string>();
    for (const p of e.accessPatterns) {
      for (const f of p.filters) {
        if (f.field === parentFk?.name) continue;
        filters.add(f.op === 'match' || f.op === 'prefix' ? 'q' : f.field);
      }
      for (const s of p.sort) if (s.field !== 'id') sorts.add(s.field);
    }
    const common = { entity: e.name, public: false, accessPattern: null as string | null };
    endpoints.push({
      ...common,
      operationId: parent ? `list${pascal(parent.name)}${plural}` : `list${plural}`,
      method: 'GET',
      path: collection,
      purpose: parent ? `List the ${e.resource} of a ${parent.name.toLowerCase()}, cursor-paginated` : `List ${e.resource}, cursor-paginated, filterable and sortable`,
      kind: 'list',
      rateLimit: { requests: readLimit, windowSeconds: 60, scope: 'user' },
      scopes: [read],
      idempotencyKey: false,
      filters: [...filters].sort(),
      sorts: [...sorts].sort(),
      errors: parent ? [...ERRORS.list, 404].sort((x, y) => x - y) : ERRORS.list,
      accessPattern: listPattern?.id ?? null,
    });
    endpoints.push({
      ...common,
      operationId: `get${singular}`,
      method: 'GET',
      path: item,
      purpose: `Get one ${singular.toLowerCase()} by id`,
      kind: 'get',
      rateLimit: { requests: readLimit, windowSeconds: 60, scope: 'user' },
      scopes: [read],
      idempotencyKey: false,
      filters: [],
      sorts: [],
      errors: ERRORS.get,
    });
    if (!readOnly) {
      endpoints.push({
        ...common,
        operationId: `create${singular}`,
        method: 'POST',
        path: collection,
        purpose: `Create a ${singular.toLowerCase()}${parent ? ` in a ${parent.name.toLowerCase()}` : ''}`,
        kind: 'create',
        rateLimit: { requests: writeLimit, windowSeconds: 60, scope: 'user' },
        scopes: [write],
        idempotencyKey: true,
        filters: [],
        sorts: [],
        errors: parent ? [...ERRORS.create, 404].sort((x, y) => x - y) : ERRORS.create,
      });
      endpoints.push({
        ...common,
        operationId: `update${singular}`,
        method: 'PATCH',
        path: item,
        purpose: `Change fields of a ${singular.toLowerCase()} (If-Match for optimistic concurrency)`,
        kind: 'update',
        rateLimit: { requests: writeLimit, windowSeconds: 60, scope: 'user' },
        scopes: [write],
        idempotencyKey: true,
        filters: [],
        sorts: [],
        errors: ERRORS.update,
      });
      endpoints.push({
        ...common,
        operationId: `delete${singular}`,
        method: 'DELETE',
        path: item,
        purpose: e.softDelete ? `Delete a ${singular.toLowerCase()} (soft delete; purged after the retention period)` : `Delete a ${singular.toLowerCase()}`,
        kind: 'delete',
        rateLimit: { requests: writeLimit, windowSeconds: 60, scope: 'user' },
        scopes: [write],
        idempotencyKey: false,
        filters: [],
        sorts: [],
        errors: ERRORS.delete,
      });
    }
  }
  for (const act of ctx.archetype.actions) {
    const e = byName.get(act.entity);
    if (!e) continue;
    const itemParam = `${e.name[0]!.toLowerCase()}${e.name.slice(1)}Id`;
    const write = `${e.resource}:write`;
    scopes.set(write, `Create, change and delete ${e.resource}`);
    endpoints.push({
      operationId: act.operationId,
      method: 'POST',
      path: `${base}/${e.resource}/{${itemParam}}/${act.name}`,
      purpose: act.purpose,
      entity: e.name,
      kind: 'action',
      rateLimit: { requests: ctx.archetype.entities.find((x) => x.name === e.name)?.rateLimitPerMinute ?? 60, windowSeconds: 60, scope: 'user' },
      scopes: [write],
      public: false,
      idempotencyKey: true,
      filters: [],
      sorts: [],
      errors: ERRORS.action,
      accessPattern: null,
    });
  }
  const realtime = ctx.archetype.traits.realtime
    ? ctx.archetype.realtime.map((r) => ({
      name: r.name,
      protocol: 'websocket' as const,
      address: `${base}/realtime`,
      direction: r.direction,
      entity: r.entity,
      purpose: r.purpose,
    }))
    : [];
  const events = ctx.archetype.events.map((ev) => ({
    name: ev.name,
    channel: ev.name,
    producer: 'api',
    consumers: ['worker', ...(ctx.archetype.traits.realtime && ctx.archetype.realtime.some((r) => r.name === ev.name) ? ['realtime'] : [])],
    entity: ev.entity,
    purpose: ev.purpose,
  }));
  return {
    version: 'v1',
    basePath: base,
    style: 'REST',
    errorFormat: 'application/problem+json',
    auth: {
      scheme: 'oauth2',
      tokenUrl: 'https://auth.example.com/oauth2/token',
      authorizationUrl: 'https://auth.example.com/oauth2/authorize',
      scopes: [...scopes].sort(([x], [y]) => byCodeUnit(x, y)).map(([name, description]) => ({ name, description })),
    },
    endpoints,
    realtime,
    events,
  };
}

/** Map the archetype's main flow onto the design's actual components and stores. */
export function planFlows(ctx: PlanContext, components: Component[], stores: DataStore[]): Flow[] {
  const has = (id: string) => components.some((c) => c.id === id) || stores.some((s) => s.id === id);
  const service = components.find((c) => c.kind === 'service')?.id ?? 'api';
  const broker = stores.find((s) => s.name === 'Message broker')?.id;
  const search = stores.find((s) => s.kind === 'search')?.id;
  const roles: Record<string, string | undefined> = {
    client: 'clients',
    edge: 'edge',
    gateway: 'edge',
    app: service,
    realtime: has('realtime') ? 'realtime' : undefined,
    cache: has('redis') ? 'redis' : undefined,
    db: 'postgres',
    queue: broker,
    worker: has('worker') ? 'worker' : undefined,
    search,
    object: has('object-storage') ? 'object-storage' : undefined,
    tsdb: has('timescaledb') ? 'timescaledb' : 'postgres',
  };
  const steps: Flow['steps'] = [];
  for (const s of ctx.archetype.mainFlow.steps) {
    const from = roles[s.from];
    const to = roles[s.to];
    if (!from || !to || from === to) continue;
    steps.push({ from, to, message: s.message, async: Boolean(s.async) });
  }
  return [{ id: 'main', title: ctx.archetype.mainFlow.title, steps }];
}
