import type { AccessPattern, Field, FieldType } from '../../model/design.js';

/**
 * An archetype is the knowledge of one kind of system: what it stores, how it is read and written,
 * which numbers are typical, and what goes wrong. It is data; the planner turns it into a design.
 * Adding an archetype is adding a file here and a line in `index.ts`.
 */
export interface ArchetypeField {
  name: string;
  type: FieldType;
  description: string;
  nullable?: boolean;
  unique?: boolean;
  references?: string;
  onDelete?: 'cascade' | 'restrict' | 'set-null';
  values?: string[];
  maxLength?: number;
  min?: number;
  max?: number;
  personal?: boolean;
  serverGenerated?: boolean;
  example: Field['example'];
  distinct?: Field['distinct'];
}

export interface ArchetypeAccessPattern {
  id: string;
  description: string;
  kind: AccessPattern['kind'];
  filters: AccessPattern['filters'];
  sort: AccessPattern['sort'];
  limit?: number;
  /** Share of the entity's reads. */
  share: number;
  /** Serve only rows that are not soft-deleted (partial index). Default: true when the entity soft-deletes. */
  liveOnly?: boolean;
}

export interface ArchetypeEntity {
  /** Singular PascalCase. */
  name: string;
  /** snake_case plural. */
  table: string;
  /** kebab-case plural. */
  resource: string;
  description: string;
  domain: string;
  /**
   * Which store holds it: the primary relational database unless the planner moves it
   * (`timeseries` for telemetry, `primary` otherwise).
   */
  store?: 'primary' | 'timeseries';
  /** Fields besides `id`, `created_at`, `updated_at` (and `deleted_at` when softDelete), which the planner adds. */
  fields: ArchetypeField[];
  accessPatterns: ArchetypeAccessPattern[];
  softDelete?: boolean;
  /** Range-partition monthly by `created_at` (append-heavy, time-ordered). */
  partitioned?: boolean;
  /** Not exposed as an API resource (internal table). */
  internal?: boolean;
  /** Nest routes under this parent resource's entity name. */
  parent?: string;
  /** Read-only through the API (no create/update/delete routes). */
  readOnly?: boolean;
  /** Rows: `perUser` rows per monthly user (reference data) or `writeShare` of all writes create one row. */
  rows: { perUser: number } | { writeShare: number };
  /** Per-route rate limit override in requests per minute per user (default from the archetype). */
  rateLimitPerMinute?: number;
}

export interface ArchetypeDefaults {
  dau: number;
  /** MAU = DAU / this ratio (DAU/MAU "stickiness"). */
  dauOverMau: number;
  /** Concurrent users at peak = DAU × this. */
  concurrencyRatio: number;
  requestsPerUserPerDay: number;
  peakFactor: number;
  readWriteRatio: number;
  recordBytes: number;
  responseBytes: number;
  requestBytes: number;
  blobsPerUserPerDay: number;
  blobBytes: number;
  retentionDays: number;
  growthPerMonth: number;
  availability: number;
  p99Ms: number;
  /** Share of reads a cache can serve (hot-set skew). */
  cacheHitRate: number;
  /**
   * Media bytes a daily user downloads per day (images, files, video), served through the CDN.
   * Absent: each upload is viewed 5 times.
   */
  mediaBytesPerUserPerDay?: number;
  /**
   * Requests/s one 1-vCPU API instance sustains for this kind of system, when it differs from the
   * general figure in knowledge/limits.ts, with the reason.
   */
  appRpsPerInstance?: { value: number; reason: string };
}

export interface ArchetypeTraits {
  /** Pushes updates to connected clients (WebSocket / SSE). */
  realtime: boolean;
  /** Moves money or holds balances: strong consistency, idempotency, audit. */
  money: boolean;
  /** Limited stock or slots that must not be oversold: strong consistency and locking. */
  contention: boolean;
  /** Users search free text. */
  fullTextSearch: boolean;
  /** Append-only measurements over time. */
  timeSeries: boolean;
  /** Queries by location. */
  geo: boolean;
  /** One write fans out to many readers (feeds, notifications). */
  fanout: boolean;
  /** Stores user content (files, media). */
  blobs: boolean;
  /** Mostly static or cacheable content served to many: a CDN earns its keep. */
  cdn: boolean;
  /** Downstream consumers need an ordered, replayable log of events. */
  eventLog: boolean;
  /** Every change must be traceable (ledger, audit trail). */
  audit: boolean;
  /** Serves several customer organisations with isolated data. */
  multiTenant: boolean;
  /** Processes personal data about its users. */
  personalData: boolean;
  /** Sorted rankings updated in real time. */
  ranking: boolean;
  /** The history of changes is the product (double-entry ledger): an append-only, replayable core. */
  ledger?: boolean;
}

export interface ArchetypeFlowStep {
  /** Participant roles: client, edge, gateway, app, realtime, cache, db, queue, worker, search, object, tsdb, external. */
  from: string;
  to: string;
  message: string;
  async?: boolean;
}

export interface Archetype {
  id: string;
  name: string;
  description: string;
  /** Lower-case words and phrases that identify the archetype in a brief, with weights. */
  keywords: Array<[phrase: string, weight: number]>;
  /** Bounded contexts, in dependency order (identity first). */
  domains: string[];
  defaults: ArchetypeDefaults;
  traits: ArchetypeTraits;
  entities: ArchetypeEntity[];
  /** Extra non-CRUD operations, e.g. `POST /payments/{id}/refunds`. */
  actions: Array<{ entity: string; name: string; method: 'POST'; purpose: string; operationId: string }>;
  realtime: Array<{ name: string; entity: string; direction: 'send' | 'receive' | 'both'; purpose: string }>;
  events: Array<{ name: string; entity: string; purpose: string }>;
  mainFlow: { title: string; steps: ArchetypeFlowStep[] };
  functional: Array<{ text: string; priority: 'must' | 'should' | 'could' }>;
  failureModes: Array<{ failure: string; impact: string; mitigation: string; detection: string }>;
}
