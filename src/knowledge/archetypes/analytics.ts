import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const PROJECT = '8b9c0d1e-2f3a-4b4c-9d5e-7f8a9b0c1d2e';

export const analytics: Archetype = {
  id: 'analytics',
  name: 'Product analytics / event tracking',
  description: 'SDKs send user events from web and mobile apps; they are ingested through a stream, stored by time, and queried as trends, funnels and retention.',
  keywords: [
    ['product analytics', 3], ['event tracking', 3], ['track events', 3], ['tracking events', 3], ['user events', 2], ['clickstream', 3],
    ['event ingestion', 3], ['events pipeline', 2], ['event pipeline', 2], ['mixpanel', 3], ['amplitude', 3], ['posthog', 3],
    ['google analytics', 3], ['segment.io', 3], ['tracking pixel', 3], ['funnel', 3], ['cohort', 2], ['analytics', 2], ['page view', 2],
    ['pageview', 2], ['heatmap', 2], ['session replay', 2], ['a/b test', 2], ['user behavior', 2], ['user behaviour', 2],
    ['web analytics', 1], ['referrer', 1], ['kpi', 1], ['conversion', 1], ['screen view', 2], ['user journey', 2], ['retention chart', 2],
  ],
  domains: ['identity', 'projects', 'ingestion', 'reporting'],
  // "Users" are the tracked end users. An active end user produces ~60 events a day (SDKs batch
  // them; each event counts as a write). Ingestion dwarfs querying: ~1 read per 50 events. An
  // event with its properties is ~600 bytes before columnar compression. Event-level data is kept
  // two years (GA4 keeps 2 or 14 months; Mixpanel and Amplitude keep years) for year-over-year
  // comparisons.
  defaults: {
    dau: 200_000, dauOverMau: 0.3, concurrencyRatio: 0.05, requestsPerUserPerDay: 60, peakFactor: 3,
    readWriteRatio: 0.02, recordBytes: 600, responseBytes: 30_000, requestBytes: 600,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 730, growthPerMonth: 0.05,
    // Dashboards repeat the same queries; results are cached per time bucket. p99 is for
    // pre-aggregated charts; ad-hoc queries over raw events take longer and run asynchronously.
    availability: 0.999, p99Ms: 500, cacheHitRate: 0.6,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: false, timeSeries: true, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: true, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An analyst or engineer using the dashboards.', domain: 'identity',
      // About one analyst per 10,000 tracked end users.
      softDelete: true, rows: { perUser: 0.0001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown on shared reports.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'role', type: 'enum', description: 'What the user may do.', values: ['admin', 'analyst', 'viewer'], example: 'analyst', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Project', table: 'projects', resource: 'projects', description: 'A tracked product (app or site) with its ingestion key and settings.', domain: 'projects',
      softDelete: true, rows: { perUser: 0.00001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'owner_id', type: 'uuid', description: 'Account that owns the project.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'name', type: 'short-text', description: 'Project name.', maxLength: 120, example: 'Checkout web app', distinct: 'high' },
        { name: 'write_key', type: 'short-text', description: 'Public key the SDKs send with events (write-only).', unique: true, maxLength: 64, serverGenerated: true, example: 'wk_9f2c4e7a1b3d5f60', distinct: 'unique' },
        { name: 'timezone', type: 'short-text', description: 'IANA time zone for day boundaries in reports.', maxLength: 64, example: 'Europe/Berlin', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'project-by-write-key', description: 'Authenticate an ingestion batch (cached).', kind: 'lookup', filters: [{ field: 'write_key', op: '=' }], sort: [], share: 0.8 },
        { id: 'projects-of-owner', description: 'Projects an account owns.', kind: 'list', filters: [{ field: 'owner_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.2 },
      ],
    },
    {
      name: 'Event', table: 'events', resource: 'events', description: 'One tracked action of an end user, with its properties.', domain: 'ingestion',
      store: 'timeseries', partitioned: true, parent: 'Project', rows: { writeShare: 0.99 }, rateLimitPerMinute: 600,
      fields: [
        { name: 'project_id', type: 'uuid', description: 'Project it was sent to.', references: 'Project', onDelete: 'cascade', example: PROJECT, distinct: 'low' },
        { name: 'name', type: 'short-text', description: 'Event name.', maxLength: 128, example: 'checkout_completed', distinct: 'medium' },
        { name: 'distinct_id', type: 'short-text', description: 'End-user or anonymous device id.', maxLength: 128, personal: true, example: 'u_48213', distinct: 'high' },
        { name: 'properties', type: 'json', description: 'Event properties (no personal data by policy; a block list strips known fields).', example: '{"plan":"pro","amount":49,"platform":"ios"}', distinct: 'high' },
        { name: 'occurred_at', type: 'timestamp', description: 'Client time of the event (created_at is the ingestion time).', example: '2026-01-15T10:00:00Z', distinct: 'high' },
        { name: 'insert_id', type: 'short-text', description: 'SDK-generated id to drop retried duplicates within the de-duplication window.', maxLength: 64, example: 'e-01HZX3K9', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'event-trend', description: 'Occurrences of an event from a start time, bucketed by hour or day (trend and funnel steps).', kind: 'range', filters: [{ field: 'project_id', op: '=' }, { field: 'name', op: '=' }, { field: 'occurred_at', op: '>=' }], sort: [{ field: 'occurred_at', direction: 'asc' }], limit: 10_000, share: 0.6 },
        { id: 'events-of-person', description: 'An end user\'s activity timeline, newest first.', kind: 'list', filters: [{ field: 'project_id', op: '=' }, { field: 'distinct_id', op: '=' }], sort: [{ field: 'occurred_at', direction: 'desc' }], limit: 100, share: 0.25 },
        { id: 'live-events', description: 'The latest events of a project (live view, SDK debugging).', kind: 'list', filters: [{ field: 'project_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.15 },
      ],
    },
    {
      name: 'Profile', table: 'profiles', resource: 'profiles', description: 'What is known about one end user: traits set by identify calls.', domain: 'ingestion',
      parent: 'Project', rows: { perUser: 1 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'project_id', type: 'uuid', description: 'Project.', references: 'Project', onDelete: 'cascade', example: PROJECT, distinct: 'low' },
        { name: 'distinct_id', type: 'short-text', description: 'End-user id the events carry.', maxLength: 128, personal: true, example: 'u_48213', distinct: 'high' },
        { name: 'email', type: 'short-text', description: 'Email, when the product identifies the user.', nullable: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'high' },
        { name: 'traits', type: 'json', description: 'Profile properties (plan, signup date, country).', personal: true, example: '{"plan":"pro","country":"DE"}', distinct: 'high' },
        { name: 'last_seen_at', type: 'timestamp', description: 'Time of the latest event.', serverGenerated: true, example: '2026-01-15T10:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'profile-by-distinct-id', description: 'Resolve a profile during ingestion and on the person page.', kind: 'lookup', filters: [{ field: 'project_id', op: '=' }, { field: 'distinct_id', op: '=' }], sort: [], share: 0.7 },
        { id: 'recently-seen-profiles', description: 'Most recently active end users of a project.', kind: 'list', filters: [{ field: 'project_id', op: '=' }], sort: [{ field: 'last_seen_at', direction: 'desc' }], limit: 50, share: 0.2 },
        { id: 'profile-by-email', description: 'Find an end user by email (support, erasure requests).', kind: 'lookup', filters: [{ field: 'project_id', op: '=' }, { field: 'email', op: '=' }], sort: [], share: 0.1 },
      ],
    },
    {
      name: 'Report', table: 'reports', resource: 'reports', description: 'A saved trend, funnel or retention query shown on dashboards.', domain: 'reporting',
      parent: 'Project', softDelete: true, rows: { perUser: 0.001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'project_id', type: 'uuid', description: 'Project queried.', references: 'Project', onDelete: 'cascade', example: PROJECT, distinct: 'low' },
        { name: 'owner_id', type: 'uuid', description: 'Author.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'name', type: 'short-text', description: 'Report title.', maxLength: 200, example: 'Checkout funnel, last 30 days', distinct: 'high' },
        { name: 'kind', type: 'enum', description: 'Type of analysis.', values: ['trend', 'funnel', 'retention', 'paths'], example: 'funnel', distinct: 'low' },
        { name: 'query', type: 'json', description: 'Events, filters, breakdowns and date range.', example: '{"steps":["cart_viewed","checkout_started","checkout_completed"],"window":"30d"}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'reports-of-project', description: 'Saved reports of a project, recently edited first.', kind: 'list', filters: [{ field: 'project_id', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 50, share: 1 },
      ],
    },
  ],
  actions: [
    { entity: 'Report', name: 'run', method: 'POST', purpose: 'Run a saved query for a date range; results are cached per time bucket.', operationId: 'runReport' },
    { entity: 'Profile', name: 'forget', method: 'POST', purpose: 'Erase an end user\'s profile and events (GDPR right to erasure).', operationId: 'forgetProfile' },
    { entity: 'Project', name: 'rotate-write-key', method: 'POST', purpose: 'Issue a new ingestion key after a leak or abuse.', operationId: 'rotateProjectWriteKey' },
  ],
  realtime: [],
  events: [
    { name: 'event.ingested', entity: 'Event', purpose: 'The ingestion stream: enrichment (geo-IP, user agent, identity merge), storage in batches, roll-ups, warehouse export; replayable after a bad deploy.' },
    { name: 'profile.forgotten', entity: 'Profile', purpose: 'Erase the person from every store and export, and record the erasure.' },
  ],
  mainFlow: {
    title: 'Track events and chart them',
    steps: [
      { from: 'client', to: 'gateway', message: 'SDK sends POST /v1/projects/{id}/events (batch of up to 100, gzip, write key)' },
      { from: 'gateway', to: 'app', message: 'per-key rate limit' },
      { from: 'app', to: 'cache', message: 'project by write key' },
      { from: 'app', to: 'queue', message: 'produce the batch to the events stream, keyed by distinct_id' },
      { from: 'app', to: 'client', message: '202 Accepted' },
      { from: 'queue', to: 'worker', message: 'validate, de-duplicate by insert_id, enrich, merge identities', async: true },
      { from: 'worker', to: 'tsdb', message: 'batched INSERT into the events hypertable; continuous aggregates refresh', async: true },
      { from: 'client', to: 'gateway', message: 'analyst: POST /v1/projects/{id}/reports/{rid}/run' },
      { from: 'app', to: 'cache', message: 'cached result for (query, time bucket)?' },
      { from: 'app', to: 'tsdb', message: 'on a miss: query the hourly aggregate' },
      { from: 'app', to: 'client', message: 'chart series' },
    ],
  },
  functional: [
    { text: 'Accept batched events from web, mobile and server SDKs and never lose accepted events', priority: 'must' },
    { text: 'Trend charts of any event over a chosen period, broken down by a property', priority: 'must' },
    { text: 'Funnels and retention cohorts across events', priority: 'must' },
    { text: 'Erase an end user\'s data on request (GDPR), and respect consent', priority: 'must' },
    { text: 'Saved reports on shared dashboards', priority: 'should' },
    { text: 'A per-user activity timeline', priority: 'should' },
    { text: 'Live event view for debugging an SDK integration', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Ingestion spike or slow consumers', impact: 'Dashboards go stale; in the worst case the stream\'s retention is exceeded and events are lost.', mitigation: 'The stream absorbs spikes, SDKs batch and retry with backoff, consumers autoscale on lag; dashboards show data freshness.', detection: 'Consumer lag and the data-freshness SLI.' },
    { failure: 'An expensive query over months of raw events', impact: 'It starves ingestion and other users\' dashboards.', mitigation: 'Serve charts from continuous aggregates, statement timeouts and per-project query concurrency limits, heavy ad-hoc queries on a replica.', detection: 'Slow query log and database CPU.' },
    { failure: 'SDK retries send duplicates', impact: 'Counts and conversion rates are inflated.', mitigation: 'De-duplicate on insert_id within a time window in the stream consumer.', detection: 'Duplicate rate per SDK version.' },
    { failure: 'Personal data in event properties, or tracking without consent', impact: 'Regulatory exposure (GDPR, ePrivacy) and costly clean-up across stores.', mitigation: 'Consent checks in the SDKs, IP truncation, a property block list at ingestion, an erasure job with an audit record.', detection: 'Scans of properties for email and phone patterns; erasure SLA.' },
  ],
};
