import { z } from 'zod';
import { AssumptionSchema, OpenQuestionSchema, ProvenanceSchema, RequirementsSchema } from './requirements.js';

import { SCHEMA_VERSION } from './version.js';

/**
 * The design: the one model every renderer reads (design.json). Nothing is decided in a renderer;
 * if an output needs a fact, the planner puts it here. Bump SCHEMA_VERSION on any breaking change.
 * Fields added since version 1 carry defaults, so a design.json written before them still reads
 * (and `archie verify` says it predates the review).
 */
export { SCHEMA_VERSION };

const num = z.number().finite();

// ---------------------------------------------------------------- decisions

export const ConsideredOptionSchema = z.object({
  option: z.string(),
  verdict: z.enum(['chosen', 'viable', 'rejected']),
  reason: z.string(),
});

/**
 * A number a decision's rationale quotes, with the place of the design it names: a capacity figure
 * (`queue-peak`), a per-node limit (`limits.pg-writes-per-primary`) or an availability value
 * (`availability.oneRegion`, `availability.composite`). The review checks that they agree.
 */
export const QuoteSchema = z.object({
  figure: z.string(),
  value: num,
  /** The horizon the value was read at (limits and availability are `current`). */
  at: z.enum(['current', 'sixMonths', 'oneYear']),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** "What would change it" in numbers: the choice becomes `leadsTo` once `figure` passes `above`. */
export const ThresholdSchema = z.object({
  figure: z.string(),
  above: num,
  at: z.enum(['current', 'sixMonths', 'oneYear']),
  /** The option the decision would move to (a considered option's name, or its first words). */
  leadsTo: z.string(),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

export const DecisionSchema = z.object({
  /** Stable id of the decision module, e.g. `architecture-style`. */
  id: z.string(),
  title: z.string(),
  question: z.string(),
  considered: z.array(ConsideredOptionSchema).min(1),
  chosen: z.string(),
  /** Why, quoting the numbers that drove it. */
  rationale: z.string(),
  /** What in the requirements would change the choice. */
  wouldChange: z.string(),
  /** Requirement paths and capacity ids this decision read. */
  drivers: z.array(z.string()),
  /** Significant enough for its own ADR. */
  significant: z.boolean(),
  /** The numbers the rationale quotes and the figure each one names. */
  quotes: z.array(QuoteSchema).default([]),
  /** The numeric conditions of `wouldChange`; none may already hold while the choice stands. */
  thresholds: z.array(ThresholdSchema).default([]),
});
export type Decision = z.infer<typeof DecisionSchema>;

// ---------------------------------------------------------------- runtime (deployment facts)

export const EnvVarSchema = z.object({
  name: z.string(),
  /** `config`: a non-secret value in a ConfigMap; `secret`: a reference to a secret, never a value. */
  source: z.enum(['config', 'secret']),
  /** Config value, or the secret's key name. */
  value: z.string(),
  description: z.string(),
  /**
   * For secrets: the variable through which the program reads the secret from a mounted file
   * (e.g. `POSTGRES_PASSWORD_FILE`), or null when the image only reads the value itself.
   */
  fileVariable: z.string().nullable(),
});
export type EnvVar = z.infer<typeof EnvVarSchema>;

export const RuntimeSchema = z.object({
  image: z.string(),
  port: z.number().int().min(1).max(65535),
  /** HTTP path for liveness and readiness, or null where a command checks health. */
  healthPath: z.string().nullable(),
  readyPath: z.string().nullable(),
  /** Container health command (compose healthcheck) for stores. */
  healthCommand: z.array(z.string()).nullable(),
  /** Arguments the container needs beyond its image's default (e.g. MinIO's `server /data`). */
  command: z.array(z.string()).nullable(),
  env: z.array(EnvVarSchema),
  replicas: z.object({ min: z.number().int().min(1), max: z.number().int().min(1) }),
  resources: z.object({
    cpuRequestMillis: z.number().int().positive(),
    cpuLimitMillis: z.number().int().positive(),
    memoryRequestMiB: z.number().int().positive(),
    memoryLimitMiB: z.number().int().positive(),
  }),
  /** Data directory to persist, for stores. */
  volumePath: z.string().nullable(),
  /** HPA target CPU utilisation, percent. */
  targetCpuPercent: z.number().int().min(10).max(95),
});
export type Runtime = z.infer<typeof RuntimeSchema>;

// ---------------------------------------------------------------- components and stores

export const ComponentKindSchema = z.enum(['client', 'cdn', 'load-balancer', 'gateway', 'service', 'realtime', 'worker', 'identity']);
export type ComponentKind = z.infer<typeof ComponentKindSchema>;

export const ComponentSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  kind: ComponentKindSchema,
  technology: z.string(),
  purpose: z.string(),
  scaling: z.string(),
  /** Bounded contexts served by this component (modules of a monolith, or one per service). */
  domains: z.array(z.string()),
  /** Ids of components and data stores it calls. */
  dependsOn: z.array(z.string()),
  /** Deployed by us (null for clients and managed edge services). */
  runtime: RuntimeSchema.nullable(),
  /** Monthly availability of one instance or of the managed service, as a fraction. */
  sla: num,
});
export type Component = z.infer<typeof ComponentSchema>;

export const DataStoreKindSchema = z.enum(['relational', 'cache', 'queue', 'stream', 'pubsub', 'search', 'object', 'timeseries', 'wide-column', 'document', 'graph']);
export type DataStoreKind = z.infer<typeof DataStoreKindSchema>;

export const DataStoreSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string(),
  kind: DataStoreKindSchema,
  technology: z.string(),
  /** The managed offering on the chosen cloud. */
  managed: z.string(),
  useCase: z.string(),
  consistency: z.enum(['strong', 'eventual']),
  consistencyReason: z.string(),
  /** Entities (tables, keys, topics) it holds. */
  holds: z.array(z.string()),
  scaling: z.string(),
  runtime: RuntimeSchema.nullable(),
  sla: num,
  /** Nodes in the highly available set (primary + replicas, cluster nodes). */
  nodes: z.number().int().min(1),
  /**
   * Where `nodes` comes from: `factor` × the capacity figure's launch value. Null for stores the
   * provider scales (object storage, SQS) or that run as one node by design.
   */
  sizing: z.object({ figure: z.string(), factor: num }).nullable().default(null),
});
export type DataStore = z.infer<typeof DataStoreSchema>;

// ---------------------------------------------------------------- entities

export const FieldTypeSchema = z.enum(['uuid', 'text', 'short-text', 'integer', 'bigint', 'decimal', 'money', 'boolean', 'timestamp', 'date', 'json', 'enum', 'double', 'bytes']);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const FieldSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  type: FieldTypeSchema,
  description: z.string(),
  nullable: z.boolean(),
  /** Part of the primary key. */
  primaryKey: z.boolean(),
  unique: z.boolean(),
  /** Foreign key target: entity name (its primary key). */
  references: z.string().nullable(),
  /**
   * Whether the reference is declared as a FOREIGN KEY constraint. False when the target is a
   * partitioned table (PostgreSQL requires the partition key in the referenced unique key) or lives
   * in another store; the column is still indexed and the relationship still drawn.
   */
  referenceEnforced: z.boolean(),
  onDelete: z.enum(['cascade', 'restrict', 'set-null']).nullable(),
  /** Allowed values for `enum`. */
  values: z.array(z.string()).nullable(),
  /** Upper bound on text length / numeric range as CHECK constraints. */
  maxLength: z.number().int().positive().nullable(),
  min: num.nullable(),
  max: num.nullable(),
  /** Personal data (GDPR Art. 4): marked in the schema, encrypted or minimised per the design. */
  personal: z.boolean(),
  /** Written by the server only (ids, timestamps, computed fields): readOnly in the API. */
  serverGenerated: z.boolean(),
  /** Example value for API docs. */
  example: z.union([z.string(), num, z.boolean()]),
  /** How many distinct values to expect, for generated test data and index selectivity. */
  distinct: z.enum(['unique', 'high', 'medium', 'low']),
});
export type Field = z.infer<typeof FieldSchema>;

export const IndexSchema = z.object({
  name: z.string(),
  /** Columns in order, or an expression for GIN/expression indexes. */
  columns: z.array(z.object({ field: z.string(), direction: z.enum(['asc', 'desc']) })),
  expression: z.string().nullable(),
  method: z.enum(['btree', 'gin', 'brin', 'gist']),
  unique: z.boolean(),
  /** Partial-index predicate (SQL), e.g. `deleted_at IS NULL`. */
  where: z.string().nullable(),
  /** Access pattern ids this index serves (empty for FK-support indexes). */
  serves: z.array(z.string()),
  reason: z.string(),
});
export type Index = z.infer<typeof IndexSchema>;

export const AccessPatternSchema = z.object({
  id: z.string(),
  description: z.string(),
  kind: z.enum(['by-key', 'list', 'range', 'search', 'lookup', 'top-n']),
  /** Equality filters, then at most one range/text filter. */
  filters: z.array(z.object({ field: z.string(), op: z.enum(['=', '>=', '<=', 'match', 'prefix']) })),
  sort: z.array(z.object({ field: z.string(), direction: z.enum(['asc', 'desc']) })),
  limit: z.number().int().positive().nullable(),
  /** The query it stands for, with $n parameters, as the API would run it. */
  sql: z.string(),
  /** Example parameter values for the query (for EXPLAIN in verify). */
  params: z.array(z.union([z.string(), num, z.boolean()])),
  /** Name of the index that serves it. */
  index: z.string(),
  /** Share of this entity's reads, 0..1. */
  share: num,
});
export type AccessPattern = z.infer<typeof AccessPatternSchema>;

export const EntitySchema = z.object({
  /** Singular PascalCase name, e.g. `Message`. */
  name: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
  /** snake_case plural table name. */
  table: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** kebab-case plural API resource, e.g. `messages`. */
  resource: z.string().regex(/^[a-z][a-z0-9-]*$/),
  description: z.string(),
  /** The bounded context that owns it. */
  domain: z.string(),
  /** Data store id holding it. */
  store: z.string(),
  fields: z.array(FieldSchema).min(1),
  indexes: z.array(IndexSchema),
  accessPatterns: z.array(AccessPatternSchema),
  softDelete: z.boolean(),
  /** Append-heavy time-ordered rows: range-partitioned by this field per month. */
  partitionBy: z.string().nullable(),
  /** Rows expected now and after a year, from the capacity plan. */
  rows: z.object({ current: num, oneYear: num }),
  /** Exposed through the public API. */
  exposed: z.boolean(),
  /** Parent resource for nested routes (e.g. messages under conversations). */
  parent: z.string().nullable(),
});
export type Entity = z.infer<typeof EntitySchema>;

// ---------------------------------------------------------------- API

export const RateLimitSchema = z.object({
  requests: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
  scope: z.enum(['user', 'client', 'ip']),
});
export type RateLimit = z.infer<typeof RateLimitSchema>;

export const EndpointSchema = z.object({
  operationId: z.string().regex(/^[a-z][A-Za-z0-9]*$/),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  path: z.string().startsWith('/'),
  purpose: z.string(),
  entity: z.string(),
  kind: z.enum(['list', 'get', 'create', 'update', 'delete', 'search', 'action']),
  rateLimit: RateLimitSchema,
  /** OAuth2 scopes required; empty only when `public`. */
  scopes: z.array(z.string()),
  public: z.boolean(),
  /** Needs an Idempotency-Key header (unsafe and not naturally idempotent). */
  idempotencyKey: z.boolean(),
  /** Fields usable as filters and sort keys on lists. */
  filters: z.array(z.string()),
  sorts: z.array(z.string()),
  /** HTTP error statuses the operation documents. */
  errors: z.array(z.number().int()),
  /** Access pattern served, if any. */
  accessPattern: z.string().nullable(),
});
export type Endpoint = z.infer<typeof EndpointSchema>;

export const RealtimeChannelSchema = z.object({
  name: z.string(),
  protocol: z.enum(['websocket', 'sse']),
  address: z.string(),
  direction: z.enum(['send', 'receive', 'both']),
  entity: z.string(),
  purpose: z.string(),
});

export const EventSchema = z.object({
  name: z.string(),
  channel: z.string(),
  producer: z.string(),
  consumers: z.array(z.string()),
  entity: z.string(),
  purpose: z.string(),
});

export const ApiSchema = z.object({
  version: z.string(),
  basePath: z.string(),
  style: z.enum(['REST', 'GraphQL', 'gRPC']),
  errorFormat: z.literal('application/problem+json'),
  auth: z.object({
    scheme: z.literal('oauth2'),
    tokenUrl: z.string(),
    authorizationUrl: z.string(),
    scopes: z.array(z.object({ name: z.string(), description: z.string() })),
  }),
  endpoints: z.array(EndpointSchema),
  realtime: z.array(RealtimeChannelSchema),
  events: z.array(EventSchema),
});
export type Api = z.infer<typeof ApiSchema>;

// ---------------------------------------------------------------- capacity

export const HorizonValueSchema = z.object({ months: z.number().int().positive(), value: num });

export const CapacityFigureSchema = z.object({
  id: z.string(),
  group: z.enum(['load', 'bandwidth', 'storage', 'cache', 'compute', 'database', 'messaging', 'realtime', 'users']),
  label: z.string(),
  unit: z.string(),
  current: num,
  sixMonths: num,
  oneYear: num,
  /** Horizons stated in the brief beyond a year. */
  horizons: z.array(HorizonValueSchema),
  /** The formula in words and symbols, naming inputs by id. */
  formula: z.string(),
  /** Ids of requirements or figures it uses. */
  inputs: z.array(z.string()),
});
export type CapacityFigure = z.infer<typeof CapacityFigureSchema>;

export const ConventionSchema = z.object({ id: z.string(), label: z.string(), value: num, unit: z.string(), note: z.string() });

export const AvailabilitySchema = z.object({
  target: num,
  /**
   * Each element of the request path in one region: its single-node SLA, the redundancy that lifts
   * it, and `correlated`, the availability of what takes every node down at once (a bad deploy of
   * a fleet; 1 for a managed service, whose SLA already counts it). effective = (1 − (1 − sla)^nodes) × correlated.
   */
  chain: z.array(z.object({ id: z.string(), name: z.string(), sla: num, nodes: z.number().int().min(1), correlated: num.default(1), effective: num })),
  /** Regions serving the request path, and how the second one takes over. */
  regions: z.number().int().min(1).default(1),
  strategy: z.enum(['one-region', 'active-passive', 'active-active']).default('one-region'),
  /** Availability of the path in one region: Π effective. */
  oneRegion: num.default(0),
  /** Share of a region's downtime still felt with the other region (failover time, blips too short to fail over). */
  stillFelt: num.default(1),
  composite: num,
  meetsTarget: z.boolean(),
  errorBudgetMinutesPerMonth: num,
  compositeDowntimeMinutesPerMonth: num,
  formula: z.string(),
});

/** A per-node working limit the plan sized against, with where it comes from. */
export const NodeLimitSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: num,
  unit: z.string(),
  source: z.string(),
  /** How to state a measured value instead, or null when it is not overridable. */
  override: z.string().nullable(),
});

export const CapacitySchema = z.object({
  conventions: z.array(ConventionSchema),
  /** Per-node limits used by the formulas (stated ones say so in `source`). */
  limits: z.array(NodeLimitSchema),
  figures: z.array(CapacityFigureSchema),
  availability: AvailabilitySchema,
});
export type Capacity = z.infer<typeof CapacitySchema>;

// ---------------------------------------------------------------- the rest of the document

export const FailureModeSchema = z.object({
  component: z.string(),
  failure: z.string(),
  impact: z.string(),
  mitigation: z.string(),
  detection: z.string(),
});

export const SloSchema = z.object({ id: z.string(), sli: z.string(), objective: z.string(), window: z.string(), alert: z.string(), provenance: ProvenanceSchema });

export const SecurityItemSchema = z.object({
  id: z.string(),
  category: z.string(),
  item: z.string(),
  detail: z.string(),
  reference: z.string(),
});

export const CostLineSchema = z.object({
  item: z.string(),
  target: z.string(),
  quantity: num,
  unit: z.string(),
  unitPriceUsd: num,
  monthlyUsd: num,
  /**
   * Where the quantity comes from: max(floor, figure × factor + offset) with the capacity figure at
   * the line's horizon. Null for fixed items (a control plane, a load balancer).
   */
  basis: z.object({ figure: z.string(), factor: num, offset: num, floor: num }).nullable().default(null),
  /** The quantity's formula in words. */
  formula: z.string().default(''),
});
export type CostLine = z.infer<typeof CostLineSchema>;

/** One change a cheaper variant makes to the preferred design, and what it gives up. */
export const CostChangeSchema = z.object({
  part: z.string(),
  from: z.string(),
  to: z.string(),
  savesUsd: num,
  givesUp: z.string(),
});

export const CostVariantSchema = z.object({
  id: z.string(),
  name: z.string(),
  changes: z.array(CostChangeSchema).min(1),
  lines: z.array(CostLineSchema),
  totalMonthlyUsd: num,
  oneYearMonthlyUsd: num,
  /** Whether it fits the stated budget at launch. */
  fits: z.boolean(),
  /** Composite availability of the variant's request path. */
  availability: num,
  note: z.string(),
});
export type CostVariant = z.infer<typeof CostVariantSchema>;

export const CostSchema = z.object({
  currency: z.literal('USD'),
  priceTable: z.object({ name: z.string(), asOf: z.string(), source: z.string() }),
  lines: z.array(CostLineSchema),
  totalMonthlyUsd: num,
  sixMonthsMonthlyUsd: num.default(0),
  oneYearMonthlyUsd: num,
  /** The lines at 6 months and 1 year of growth, priced from the capacity figures at those horizons. */
  horizons: z.array(z.object({ at: z.enum(['sixMonths', 'oneYear']), lines: z.array(CostLineSchema), totalMonthlyUsd: num })).default([]),
  budgetUsdPerMonth: num.nullable(),
  withinBudget: z.boolean().nullable(),
  /** Cheaper variants of the design (when it exceeds the stated budget), each with what it gives up. */
  variants: z.array(CostVariantSchema).default([]),
  note: z.string(),
});
export type Cost = z.infer<typeof CostSchema>;

export const EscalationSchema = z.object({ topic: z.string(), reason: z.string(), trigger: z.string() });

export const AdrSchema = z.object({
  number: z.number().int().positive(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  status: z.enum(['Proposed', 'Accepted']),
  decisionId: z.string(),
  context: z.string(),
  decision: z.string(),
  options: z.array(z.object({ option: z.string(), verdict: z.string(), reason: z.string() })),
  consequences: z.object({ positive: z.array(z.string()), negative: z.array(z.string()) }),
});
export type Adr = z.infer<typeof AdrSchema>;

export const PhaseSchema = z.object({
  name: z.string(),
  fromWeek: z.number().int().min(1),
  toWeek: z.number().int().min(1),
  goals: z.array(z.string()),
  exitCriteria: z.string(),
});

export const MigrationPhaseSchema = z.object({
  name: z.string(),
  steps: z.array(z.string()),
  verification: z.string(),
  rollback: z.string(),
});

export const FlowSchema = z.object({
  id: z.string(),
  title: z.string(),
  steps: z.array(z.object({ from: z.string(), to: z.string(), message: z.string(), async: z.boolean() })),
});
export type Flow = z.infer<typeof FlowSchema>;

// ---------------------------------------------------------------- review

/** One row of the requirements traceability: what in the design meets a stated requirement. */
export const TraceSchema = z.object({
  /** FR-n, NFR-n, or a constraint (`budget`, `timeline`). */
  requirement: z.string(),
  text: z.string(),
  kind: z.enum(['functional', 'non-functional', 'constraint']),
  /** Places of the design that meet it: `component:api`, `decision:cache`, `endpoint:createMessage`, `figure:peak-rps`, … */
  metBy: z.array(z.string()),
  verdict: z.enum(['met', 'at-risk', 'not-met']),
  reason: z.string(),
  /** For at-risk and not-met rows: what would meet it. */
  wouldMeet: z.string().nullable(),
});
export type Trace = z.infer<typeof TraceSchema>;

export const ReviewSchema = z.object({
  /** The coherence rules the design was checked against (each compares two places of the design). */
  rules: z.array(z.object({ id: z.string(), summary: z.string() })),
  /** Contradictions the planner met while planning and how it resolved each one. */
  resolutions: z.array(z.object({ rule: z.string(), found: z.string(), resolution: z.string() })),
});
export type Review = z.infer<typeof ReviewSchema>;

/** A capability the brief needs (src/knowledge/capabilities), with the words and operations that showed it. */
export const DesignCapabilitySchema = z.object({
  id: z.string(),
  name: z.string(),
  matched: z.array(z.string()),
});
export type DesignCapability = z.infer<typeof DesignCapabilitySchema>;

export const DesignSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  generator: z.object({ name: z.literal('archie'), version: z.string() }),
  title: z.string(),
  summary: z.string(),
  requirements: RequirementsSchema,
  assumptions: z.array(AssumptionSchema),
  openQuestions: z.array(OpenQuestionSchema),
  warnings: z.array(z.string()),
  /** Short labels of the headline choices, e.g. { style: 'Modular monolith', ... }. */
  overview: z.object({
    style: z.string(),
    communication: z.string(),
    dataPattern: z.string(),
    deployment: z.string(),
    apiContract: z.string(),
    reliability: z.string(),
    observability: z.string(),
    migrationStrategy: z.string(),
  }),
  decisions: z.array(DecisionSchema),
  /** The capabilities the brief activated; each adds its central decision to `decisions`. */
  capabilities: z.array(DesignCapabilitySchema).default([]),
  components: z.array(ComponentSchema),
  dataStores: z.array(DataStoreSchema),
  entities: z.array(EntitySchema),
  api: ApiSchema,
  flows: z.array(FlowSchema),
  capacity: CapacitySchema,
  failureModes: z.array(FailureModeSchema),
  slos: z.array(SloSchema),
  security: z.array(SecurityItemSchema),
  cost: CostSchema,
  escalations: z.array(EscalationSchema),
  adrs: z.array(AdrSchema),
  roadmap: z.array(PhaseSchema),
  migration: z.object({ strategy: z.string(), phases: z.array(MigrationPhaseSchema) }).nullable(),
  nextSteps: z.array(z.string()),
  /** The architect's review: the rules checked and the contradictions resolved. */
  review: ReviewSchema.default({ rules: [], resolutions: [] }),
  /** One row per stated requirement, functional and non-functional, with its verdict. */
  traceability: z.array(TraceSchema).default([]),
});
export type Design = z.infer<typeof DesignSchema>;

export { ProvenanceSchema };
