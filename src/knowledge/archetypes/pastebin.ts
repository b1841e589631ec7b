import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const PASTE = '2c3d4e5f-6a7b-4c8d-9e0f-a1b2c3d4e5f6';

export const pastebin: Archetype = {
  id: 'pastebin',
  name: 'Paste / text and code sharing',
  description: 'People paste text or code, get an unguessable link to share it, and pastes expire or are read once.',
  keywords: [
    ['pastebin', 3], ['paste', 3], ['hastebin', 3], ['gist', 3], ['code snippet', 3], ['snippet', 2], ['burn after read', 3],
    ['burn-after-read', 3], ['burn after reading', 3], ['share code', 2], ['share text', 2], ['code sharing', 2], ['text sharing', 2],
    ['share logs', 2], ['stack trace', 2], ['syntax highlighting', 2],
  ],
  domains: ['identity', 'pastes', 'moderation'],
  // Pastes are written once and read a few times: 5:1 to 10:1 in the usual designs (we take 10:1).
  // An average paste is ~10 KB. Pastes stay in PostgreSQL (TOAST compresses text well) up to a
  // 512 KB limit, so there are no blobs; public pastes are immutable and cache well at the CDN.
  defaults: {
    dau: 100_000, dauOverMau: 0.2, concurrencyRatio: 0.02, requestsPerUserPerDay: 6, peakFactor: 3,
    readWriteRatio: 10, recordBytes: 10_000, responseBytes: 12_000, requestBytes: 10_000,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 1_825, growthPerMonth: 0.03,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.8,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: false, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: true, eventLog: false, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An account; most pastes are anonymous.', domain: 'identity',
      softDelete: true, rows: { perUser: 0.1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'username', type: 'short-text', description: 'Public name for the profile page.', unique: true, maxLength: 32, example: 'ada', distinct: 'unique' },
        { name: 'plan', type: 'enum', description: 'Plan, which sets size and private-paste limits.', values: ['free', 'pro'], example: 'free', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 0.5 },
        { id: 'user-by-username', description: 'Open a public profile page.', kind: 'lookup', filters: [{ field: 'username', op: '=' }], sort: [], share: 0.5 },
      ],
    },
    {
      name: 'Paste', table: 'pastes', resource: 'pastes', description: 'A shared paste: its link, visibility and lifetime.', domain: 'pastes',
      // Deleted pastes are deleted for real: people paste secrets by mistake and expect them gone.
      rows: { writeShare: 0.8 }, rateLimitPerMinute: 20,
      fields: [
        { name: 'slug', type: 'short-text', description: 'Unguessable public id in the URL (8 random base62 characters).', unique: true, maxLength: 16, serverGenerated: true, example: 'Xk29fQa7', distinct: 'unique' },
        { name: 'author_id', type: 'uuid', description: 'Author; empty for anonymous pastes.', nullable: true, references: 'User', onDelete: 'set-null', example: USER, distinct: 'high' },
        { name: 'title', type: 'short-text', description: 'Optional title.', nullable: true, maxLength: 200, example: 'nginx.conf for staging', distinct: 'high' },
        { name: 'visibility', type: 'enum', description: 'Listed publicly, reachable by link only, or author only.', values: ['public', 'unlisted', 'private'], example: 'unlisted', distinct: 'low' },
        { name: 'expires_at', type: 'timestamp', description: 'When the paste disappears; empty for never.', nullable: true, example: '2026-02-01T00:00:00Z', distinct: 'high' },
        { name: 'burn_after_read', type: 'boolean', description: 'Delete the paste after its first view.', example: false, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'paste-by-slug', description: 'Open a paste from its link (cache and CDN miss path).', kind: 'lookup', filters: [{ field: 'slug', op: '=' }], sort: [], share: 0.9 },
        { id: 'pastes-of-author', description: 'A user\'s pastes, newest first.', kind: 'list', filters: [{ field: 'author_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.05 },
        { id: 'recent-public-pastes', description: 'The "recent pastes" page.', kind: 'list', filters: [{ field: 'visibility', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.04 },
        { id: 'expired-pastes', description: 'Pastes past expiry, oldest first, for the clean-up job.', kind: 'range', filters: [{ field: 'expires_at', op: '<=' }], sort: [{ field: 'expires_at', direction: 'asc' }], limit: 1_000, share: 0.01 },
      ],
    },
    {
      name: 'PasteRevision', table: 'paste_revisions', resource: 'revisions', description: 'The content of a paste; editing adds a revision.', domain: 'pastes',
      // Every paste has a first revision; edits add ~20 % more.
      parent: 'Paste', readOnly: true, rows: { writeShare: 0.95 },
      fields: [
        { name: 'paste_id', type: 'uuid', description: 'Paste.', references: 'Paste', onDelete: 'cascade', example: PASTE, distinct: 'high' },
        { name: 'content', type: 'text', description: 'The pasted text, up to 512 KB.', maxLength: 524_288, personal: true, example: 'server {\n  listen 80;\n}', distinct: 'high' },
        { name: 'language', type: 'short-text', description: 'Syntax for highlighting.', maxLength: 32, example: 'nginx', distinct: 'low' },
        { name: 'size_bytes', type: 'integer', description: 'Size of the content.', min: 0, max: 524_288, example: 24, distinct: 'high' },
        { name: 'content_sha256', type: 'short-text', description: 'Hash of the content, for abuse block lists and de-duplication.', maxLength: 64, serverGenerated: true, example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'revisions-of-paste', description: 'Revisions of a paste, newest first (the first is the current content).', kind: 'list', filters: [{ field: 'paste_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.95 },
        { id: 'revisions-by-hash', description: 'Find pastes with content known to be abusive (block-listed hash).', kind: 'list', filters: [{ field: 'content_sha256', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.05 },
      ],
    },
    {
      name: 'AbuseReport', table: 'abuse_reports', resource: 'reports', description: 'A report that a paste leaks credentials or personal data, spreads malware, or infringes.', domain: 'moderation',
      parent: 'Paste', rows: { writeShare: 0.01 }, rateLimitPerMinute: 10,
      fields: [
        { name: 'paste_id', type: 'uuid', description: 'Paste reported.', references: 'Paste', onDelete: 'cascade', example: PASTE, distinct: 'high' },
        { name: 'reason', type: 'enum', description: 'Why it was reported.', values: ['credentials', 'personal-data', 'malware', 'spam', 'copyright', 'other'], example: 'credentials', distinct: 'low' },
        { name: 'details', type: 'text', description: 'Reporter\'s note.', nullable: true, maxLength: 1_000, example: 'Contains an AWS secret key.', distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Moderation state.', values: ['open', 'actioned', 'dismissed'], example: 'open', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'open-reports', description: 'The moderation queue, oldest first.', kind: 'list', filters: [{ field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.8 },
        { id: 'reports-of-paste', description: 'Reports about one paste.', kind: 'list', filters: [{ field: 'paste_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.2 },
      ],
    },
  ],
  actions: [
    { entity: 'Paste', name: 'fork', method: 'POST', purpose: 'Copy a paste into a new paste owned by the caller.', operationId: 'forkPaste' },
  ],
  realtime: [],
  events: [
    { name: 'paste.created', entity: 'Paste', purpose: 'Scan new content for leaked secrets and malware and take it down quickly.' },
    { name: 'report.created', entity: 'AbuseReport', purpose: 'Put the report in front of a moderator and hide the paste when reports pile up.' },
  ],
  mainFlow: {
    title: 'Create a paste and open its link',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/pastes (content, expiry, visibility)' },
      { from: 'gateway', to: 'app', message: 'rate-limited request (stricter for anonymous callers)' },
      { from: 'app', to: 'db', message: 'INSERT paste and first revision in one transaction' },
      { from: 'app', to: 'queue', message: 'publish paste.created', async: true },
      { from: 'app', to: 'client', message: '201 Created with the link' },
      { from: 'queue', to: 'worker', message: 'secret and malware scan', async: true },
      { from: 'client', to: 'edge', message: 'GET /p/{slug}' },
      { from: 'edge', to: 'app', message: 'on a CDN miss (private and burn-after-read pastes are never cached)' },
      { from: 'app', to: 'cache', message: 'paste:{slug}' },
      { from: 'app', to: 'db', message: 'on a miss: paste by slug and its newest revision' },
      { from: 'app', to: 'edge', message: '200 with Cache-Control no longer than the expiry' },
    ],
  },
  functional: [
    { text: 'Paste text or code and get a short, unguessable link', priority: 'must' },
    { text: 'Pastes expire after a chosen time or after the first read', priority: 'must' },
    { text: 'Public, unlisted and private visibility', priority: 'must' },
    { text: 'Syntax highlighting by language', priority: 'should' },
    { text: 'Report pastes; moderators take them down quickly', priority: 'should' },
    { text: 'Accounts list their pastes and edit them with revision history', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Abuse: credential dumps, doxxing, malware hosting', impact: 'Legal takedown requests and the domain blocked by browsers and mail filters.', mitigation: 'Stricter rate limits for anonymous pastes, secret and malware scanning on create, hash block lists, a fast takedown path that also purges the CDN.', detection: 'Report volume and scanner hits per hour.' },
    { failure: 'An expired, deleted or burned paste is still served from the CDN or cache', impact: 'Content the author meant to remove stays readable.', mitigation: 'Cache-Control never beyond expires_at, no-store for private and burn-after-read pastes, CDN purge on delete.', detection: 'Synthetic check that fetches a deliberately expired paste.' },
    { failure: 'Expiry clean-up falls behind', impact: 'Expired rows pile up; storage and vacuum work grow.', mitigation: 'Reads check expires_at so correctness never depends on the clean-up; an index on expires_at and batched deletes in a worker.', detection: 'Count of rows past expiry.' },
  ],
};
