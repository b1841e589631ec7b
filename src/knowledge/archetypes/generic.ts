import type { Archetype } from './_types.js';

/**
 * The fallback when a brief matches no archetype: a resource-oriented API over a relational
 * store. Its numbers are middle-of-the-road and every one of them is listed as an assumption.
 */
export const generic: Archetype = {
  id: 'generic',
  name: 'Generic web service',
  description: 'A resource-oriented API with users and the records they create, read and update.',
  keywords: [],
  domains: ['identity', 'core'],
  defaults: {
    dau: 10_000, dauOverMau: 0.3, concurrencyRatio: 0.05, requestsPerUserPerDay: 50, peakFactor: 3,
    readWriteRatio: 5, recordBytes: 1_000, responseBytes: 5_000, requestBytes: 1_000,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 1_095, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.7,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: false, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: false, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A person with an account.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 },
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown to others.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Item', table: 'items', resource: 'items', description: 'The main record users create and manage.', domain: 'core',
      softDelete: true, rows: { writeShare: 1 },
      fields: [
        { name: 'owner_id', type: 'uuid', description: 'Owner.', references: 'User', onDelete: 'restrict', example: '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f', distinct: 'high' },
        { name: 'title', type: 'short-text', description: 'Title.', maxLength: 200, example: 'Quarterly report', distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Lifecycle state.', values: ['draft', 'active', 'archived'], example: 'active', distinct: 'low' },
        { name: 'data', type: 'json', description: 'Item attributes.', nullable: true, example: '{"priority":"high"}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'items-by-owner', description: "A user's items, newest first, optionally by status.", kind: 'list', filters: [{ field: 'owner_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 1 },
      ],
    },
  ],
  actions: [],
  realtime: [],
  events: [{ name: 'item.changed', entity: 'Item', purpose: 'Let background work (emails, exports) react to changes without slowing the request.' }],
  mainFlow: {
    title: 'Create an item',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/items (Idempotency-Key)' },
      { from: 'gateway', to: 'app', message: 'authenticated request' },
      { from: 'app', to: 'db', message: 'INSERT item' },
      { from: 'app', to: 'queue', message: 'publish item.changed', async: true },
      { from: 'app', to: 'client', message: '201 Created' },
      { from: 'queue', to: 'worker', message: 'side effects (emails, indexing)', async: true },
    ],
  },
  functional: [
    { text: 'Users sign up, sign in and manage their account', priority: 'must' },
    { text: 'Users create, read, update and delete their items', priority: 'must' },
    { text: 'Lists are paged, filterable and sortable', priority: 'should' },
  ],
  failureModes: [],
};
