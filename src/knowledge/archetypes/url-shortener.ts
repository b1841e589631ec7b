import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const LINK = '6e4d2c1b-0a9f-4e8d-8c7b-5a4f3e2d1c0b';

export const urlShortener: Archetype = {
  id: 'url-shortener',
  name: 'URL shortener',
  description: 'Turns long URLs into short codes, redirects visitors with very low latency, and counts clicks per link.',
  keywords: [
    ['url shortener', 3], ['url-shortener', 3], ['url shortening', 3], ['link shortener', 3], ['link shortening', 3], ['shorten', 3],
    ['shortened url', 3], ['short url', 3], ['short link', 3], ['short-link', 3], ['shortlink', 3], ['bit.ly', 3],
    ['bitly', 3], ['tinyurl', 3], ['vanity url', 2], ['custom alias', 2], ['branded link', 2], ['qr code', 1], ['click', 1],
  ],
  domains: ['identity', 'links', 'stats'],
  // "Users" are mostly anonymous visitors following links. Redirects outnumber new links ~100:1
  // (the usual design figure; Bitly has reported ~40:1 at its scale). A link row is ~500 bytes
  // (a ~100-character URL, code, owner, timestamps, indexes). Redirect traffic follows a Zipf
  // curve, so a small cache serves ~90 % of lookups. Links are kept five years.
  defaults: {
    dau: 500_000, dauOverMau: 0.25, concurrencyRatio: 0.01, requestsPerUserPerDay: 4, peakFactor: 5,
    readWriteRatio: 100, recordBytes: 500, responseBytes: 500, requestBytes: 300,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 1_825, growthPerMonth: 0.04,
    // Every link ever shared breaks while the service is down, so four nines and a tight p99.
    availability: 0.9999, p99Ms: 100, cacheHitRate: 0.9,
    appRpsPerInstance: { value: 1_500, reason: 'a redirect is one cache lookup and a 301 with no body: several times cheaper than a JSON API request doing 1–3 queries' },
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: false, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: true, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An account that creates and manages links.', domain: 'identity',
      // Only link creators have accounts: ~5 % of monthly visitors.
      softDelete: true, rows: { perUser: 0.05 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown in the dashboard.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'plan', type: 'enum', description: 'Plan, which sets link and custom-alias quotas.', values: ['free', 'pro', 'enterprise'], example: 'free', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Link', table: 'links', resource: 'links', description: 'A short code and the URL it redirects to.', domain: 'links',
      softDelete: true, rows: { writeShare: 0.9 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'code', type: 'short-text', description: 'Short code: 7 random base62 characters (3.5 trillion codes) or a custom alias.', unique: true, maxLength: 32, example: 'aZ3kP9q', distinct: 'unique' },
        { name: 'target_url', type: 'text', description: 'Where the code redirects.', maxLength: 2_048, example: 'https://example.com/articles/2026/01/a-very-long-slug?utm_source=newsletter', distinct: 'high' },
        { name: 'owner_id', type: 'uuid', description: 'Creator; empty for anonymous links.', nullable: true, references: 'User', onDelete: 'set-null', example: USER, distinct: 'high' },
        { name: 'expires_at', type: 'timestamp', description: 'After this the code answers 410 Gone.', nullable: true, example: '2027-01-01T00:00:00Z', distinct: 'high' },
        { name: 'click_count', type: 'bigint', description: 'Total clicks, rolled up from the click stream.', min: 0, serverGenerated: true, example: 1532, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'link-by-code', description: 'Resolve a code on every redirect (cache miss path).', kind: 'lookup', filters: [{ field: 'code', op: '=' }], sort: [], share: 0.95 },
        { id: 'links-of-owner', description: 'A user\'s links in the dashboard, newest first.', kind: 'list', filters: [{ field: 'owner_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.045 },
        { id: 'expired-links', description: 'Links past their expiry, oldest first, for the clean-up job.', kind: 'range', filters: [{ field: 'expires_at', op: '<=' }], sort: [{ field: 'expires_at', direction: 'asc' }], limit: 1_000, share: 0.005 },
      ],
    },
    {
      name: 'ClickStat', table: 'click_stats', resource: 'stats', description: 'Clicks of one link on one day, aggregated from the click stream.', domain: 'stats',
      // One row per link per day it was clicked: about ten link-days per monthly visitor over the
      // retention window. Raw clicks live in the event log, not in a table.
      parent: 'Link', readOnly: true, rows: { perUser: 10 },
      fields: [
        { name: 'link_id', type: 'uuid', description: 'Link counted.', references: 'Link', onDelete: 'cascade', example: LINK, distinct: 'high' },
        { name: 'day', type: 'date', description: 'UTC day.', example: '2026-01-15', distinct: 'medium' },
        { name: 'clicks', type: 'bigint', description: 'Redirects served that day.', min: 0, example: 312, distinct: 'high' },
        { name: 'unique_visitors', type: 'bigint', description: 'Distinct visitors (by salted IP hash) that day.', min: 0, example: 250, distinct: 'high' },
        { name: 'top_countries', type: 'json', description: 'Clicks per country code, top ten.', example: '{"GB":120,"US":98}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'stats-of-link', description: 'Daily clicks of a link from a start date, newest first.', kind: 'range', filters: [{ field: 'link_id', op: '=' }, { field: 'day', op: '>=' }], sort: [{ field: 'day', direction: 'desc' }], limit: 366, share: 1 },
      ],
    },
  ],
  actions: [
    { entity: 'Link', name: 'disable', method: 'POST', purpose: 'Stop redirecting a link (owner request or abuse takedown).', operationId: 'disableLink' },
    { entity: 'Link', name: 'report', method: 'POST', purpose: 'Report a link as phishing, malware or spam.', operationId: 'reportLink' },
  ],
  realtime: [],
  events: [
    { name: 'link.clicked', entity: 'Link', purpose: 'Click stream (time, code, referrer host, country, hashed IP) aggregated into daily stats without slowing the redirect.' },
    { name: 'link.created', entity: 'Link', purpose: 'Check the target against malware and phishing lists before it spreads.' },
  ],
  mainFlow: {
    title: 'Follow a short link',
    steps: [
      { from: 'client', to: 'app', message: 'GET /{code}' },
      { from: 'app', to: 'cache', message: 'GET link:{code}' },
      { from: 'app', to: 'db', message: 'on a miss: SELECT target_url, expires_at WHERE code = $1; then cache it' },
      { from: 'app', to: 'queue', message: 'publish link.clicked (buffered, fire-and-forget)', async: true },
      { from: 'app', to: 'client', message: '302 Found, Location: target_url' },
      { from: 'queue', to: 'worker', message: 'aggregate clicks per link per day', async: true },
      { from: 'worker', to: 'db', message: 'UPSERT click_stats; bump click_count', async: true },
    ],
  },
  functional: [
    { text: 'Create a short link for a URL, optionally with a custom alias and an expiry', priority: 'must' },
    { text: 'Redirect a short link to its target quickly and reliably', priority: 'must' },
    { text: 'Codes are unique and not guessable in sequence', priority: 'must' },
    { text: 'Owners list, edit and disable their links', priority: 'should' },
    { text: 'Daily click statistics per link (clicks, unique visitors, countries)', priority: 'should' },
    { text: 'Links to malware or phishing are blocked', priority: 'should' },
    { text: 'QR codes for links', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Cache cluster lost or a viral link\'s key evicted', impact: 'Redirects fall through to the database at 100x the write rate; latency and error rate climb.', mitigation: 'Replicated cache, request coalescing per code, a small in-process LRU for the hottest codes, negative caching of unknown codes, read replicas.', detection: 'Cache hit ratio below 90 %; database reads per second.' },
    { failure: 'Code collision or enumeration', impact: 'A new link overwrites or clashes with an old one; sequential codes let scrapers walk private links.', mitigation: 'Random 7+ character base62 codes with a unique constraint and retry on conflict (or a counter passed through a bijective scramble); rate-limit 404s per IP.', detection: 'Unique-violation retries and 404 rate per client.' },
    { failure: 'Short links used for phishing or malware', impact: 'Browsers and mail providers block the whole short domain; every customer\'s links stop working.', mitigation: 'Check targets against threat lists at creation and periodically, an interstitial warning for suspicious links, a fast takedown path.', detection: 'Abuse reports and the domain\'s status in safe-browsing lists.' },
    { failure: 'Click pipeline backlog', impact: 'Statistics lag; redirects are unaffected.', mitigation: 'The redirect never waits for click logging: buffered asynchronous publish, drop and count when the buffer is full.', detection: 'Consumer lag on the click stream.' },
  ],
};
