import { describe, expect, it } from 'vitest';

import { design } from '../../src/design.js';
import { CAPABILITIES } from '../../src/knowledge/capabilities/index.js';
import { codeLength } from '../../src/knowledge/capabilities/short-codes.js';
import type { Design } from '../../src/model/design.js';
import { MATCH_THRESHOLD } from '../../src/plan/capabilities.js';

const cache = new Map<string, Promise<Design>>();
function designOf(brief: string): Promise<Design> {
  if (!cache.has(brief)) cache.set(brief, design(brief, { text: true }));
  return cache.get(brief)!;
}

/** Each brief and exactly the capabilities it must activate; worded differently on purpose. */
const BRIEFS: Array<[brief: string, capabilities: string[]]> = [
  // fan-out feed
  ['Design Twitter: 150M daily users post 2 tweets a day and follow 200 accounts on average; celebrities have 30M followers.', ['feed-fanout']],
  ['A photo-sharing app like Instagram where people follow friends and scroll a home feed of their posts, 5 million daily users.', ['feed-fanout']],
  ['News feed for a professional network: members see updates from connections in a timeline, 20M daily users.', ['feed-fanout']],
  ['Design Twitter', ['feed-fanout']],
  // short codes
  ['Build a URL shortener: 100 million new links a day, redirects must be fast, links kept 5 years.', ['short-codes']],
  ['Service like bit.ly that turns long URLs into short links, 10k creations per second at peak.', ['short-codes']],
  ['We need to shorten marketing URLs for SMS campaigns, 2M short codes per month, custom aliases allowed.', ['short-codes']],
  // unique ids
  ['Distributed unique ID generator: 64-bit ids, sortable by time, 100,000 IDs per second across 40 servers.', ['unique-ids']],
  ['A Snowflake-like service handing out globally unique identifiers to our microservices.', ['unique-ids']],
  ['ID generation for a sharded database: every shard needs unique ids without a central sequence, 5,000 ids a second.', ['unique-ids']],
  // video calls
  ['Global video conferencing like Zoom: 3M daily users, meetings of up to 100 participants.', ['video-calls']],
  ['One-on-one video calls for a telehealth app, doctors and patients, 50,000 calls a day.', ['video-calls']],
  ['WebRTC group calls for gaming communities with screen sharing, 200k daily users.', ['video-calls']],
  // geo dispatch
  ['Ride-hailing app like Uber: 1M drivers send their location every 4 seconds, 10M riders.', ['geo-dispatch']],
  ['Food delivery marketplace: customers order from restaurants, 30,000 couriers share their location every 5 seconds and customers track them live.', ['geo-dispatch']],
  ['Find nearby restaurants and shops within a radius, like Yelp, 200M businesses, 5,000 searches per second.', ['geo-dispatch']],
  // stream aggregation
  ['Ad click aggregation: 1 billion clicks per day, top 100 most clicked ads in the last minute, counts exact for billing.', ['stream-aggregation']],
  ['Count video views in real time per video and country with exactly-once processing, 50,000 view events per second.', ['stream-aggregation']],
  ['Real-time analytics that aggregates impressions per campaign in tumbling windows, 20k events per second.', ['stream-aggregation']],
  // collaborative editing
  ['Google Docs clone: several people edit the same document at once, 10M users.', ['collaborative-editing']],
  ['A collaborative design tool like Figma for 2M users, with live cursors, works offline too.', ['collaborative-editing']],
  ['A wiki with real-time collaboration: up to 50 concurrent editors per document see each other\'s changes.', ['collaborative-editing']],
  // order matching
  ['Stock exchange matching engine: 1 billion orders per day, latency in microseconds.', ['order-matching']],
  ['Crypto exchange with an order book per trading pair, limit orders and market orders, 200 trading pairs.', ['order-matching']],
  ['Order matching for an electricity trading venue: bids and asks matched continuously, 5,000 orders per second.', ['order-matching']],
  // rate limiting
  ['Distributed rate limiter in front of our public APIs: 2 posts per second per user, 10 accounts per day per IP.', ['rate-limiting']],
  ['Throttle API clients per key and return 429 when they exceed their quota, 50,000 requests per second.', ['rate-limiting']],
  ['Token bucket based API quota service for 10,000 tenants.', ['rate-limiting']],
  // web crawling
  ['Web crawler that downloads 1 billion pages a month for a search engine, respecting robots.txt.', ['web-crawling']],
  ['Scrape product pages from 5,000 retailer sites every night, politely.', ['web-crawling']],
  ['A spider that crawls the news web every hour and dedups articles by content.', ['web-crawling']],
  // unrelated: no capability
  ['A distributed message queue whose delivery guarantee is configurable: at-most-once, at-least-once or exactly-once, 1M messages per second.', []],
  ['Turn-by-turn navigation like Google Maps: phones send GPS location updates every few seconds, 100M daily users.', ['geo-dispatch']],
  ['An internal HR tool for 500 employees to request leave and approve it.', []],
  ['A recipe blog with 20,000 monthly readers, comments and a newsletter.', []],
  ['IoT telemetry: 100,000 sensors report temperature every minute, dashboards and alerts.', []],
  ['An online store selling shoes, 50,000 daily visitors, cart and checkout with Stripe.', []],
  ['Hotel booking: rooms, availability calendar, reservations and payments for 300 hotels.', []],
];

describe('matchCapabilities through design()', () => {
  it.each(BRIEFS)('%s', async (brief, expected) => {
    const d = await designOf(brief);
    expect(d.capabilities.map((c) => c.id).sort()).toEqual([...expected].sort());
    for (const c of d.capabilities) expect(c.matched.length).toBeGreaterThan(0);
    for (const id of expected) {
      const cap = CAPABILITIES.find((c) => c.id === id)!;
      expect(d.decisions.map((x) => x.id)).toContain(cap.decision.id);
    }
  });

  it('every capability is matched by 3+ briefs and absent from 3+ unrelated ones', () => {
    for (const cap of CAPABILITIES) {
      expect(BRIEFS.filter(([, ids]) => ids.includes(cap.id)).length, cap.id).toBeGreaterThanOrEqual(3);
      expect(BRIEFS.filter(([, ids]) => ids.length === 0).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('keeps the words that matched and needs the threshold, not one weak word', async () => {
    const d = await designOf('Design Twitter: 150M daily users post 2 tweets a day and follow 200 accounts on average; celebrities have 30M followers.');
    expect(d.capabilities[0]!.matched).toEqual(expect.arrayContaining(['twitter', 'tweets']));
    // "feed" alone (0.4) or "exchange" alone (0.4) is below the threshold.
    expect(MATCH_THRESHOLD).toBeGreaterThan(0.8);
    const weak = await designOf('A pet feed shop where customers exchange loyalty points, 2,000 daily users.');
    expect(weak.capabilities).toEqual([]);
  });

  it('a negated term is not evidence', async () => {
    const d = await designOf('A team task tracker for 200 people; no video calls, no crawler, no rate limiter needed.');
    expect(d.capabilities).toEqual([]);
  });
});

/** [brief, decision id, the chosen option starts with]: pairs straddle a threshold. */
const FLIPS: Array<[brief: string, decision: string, chosen: string]> = [
  // fan-out: pushed up to 10,000 followers, hybrid above
  ['Social network for 50,000 daily users; each user has 150 followers, the largest account has 8,000 followers.', 'feed-fanout', 'Fan-out on write'],
  ['Social network for 50,000 daily users; each user has 150 followers, the largest account has 12,000 followers.', 'feed-fanout', 'Hybrid'],
  // video: mesh up to 4 participants, SFU above; MCU when streams must be mixed
  ['Video calls for tutoring, 20,000 daily users, calls of up to 4 participants.', 'call-media-topology', 'Mesh'],
  ['Video calls for tutoring, 20,000 daily users, calls of up to 5 participants.', 'call-media-topology', 'SFU'],
  ['Video conferencing for 20,000 daily users, meetings of up to 30 participants, with phone dial-in.', 'call-media-topology', 'MCU'],
  // ids: sequence blocks up to 1,000/s, Snowflake above, UUIDv7 past 1,024 generators
  ['Unique ID generator: 200 IDs per second for one service.', 'unique-id-generation', 'Database sequence'],
  ['Unique ID generator: 20,000 IDs per second across 50 servers.', 'unique-id-generation', 'Snowflake'],
  ['Unique ID generator: 20,000 IDs per second across 2,000 servers.', 'unique-id-generation', 'UUIDv7'],
  // short codes: counter unless codes must be unguessable
  ['URL shortener, 1 million new links per day.', 'short-code-generation', 'Counter + base62'],
  ['URL shortener, 1 million new links per day; codes must not be guessable.', 'short-code-generation', 'Pre-generated key service'],
  // geo: Redis GEO up to 50,000 updates/s, H3 shards above; static points in the database
  ['Ride-hailing app: 20,000 drivers send their location every 4 seconds.', 'geo-index-dispatch', 'Redis GEO'],
  ['Design a food delivery app', 'geo-index-dispatch', 'Redis GEO'],
  ['Find nearby restaurants within a radius, like Yelp; 500 searches/s at peak.', 'geo-index-dispatch', 'Geohash column'],
  ['Find nearby restaurants and shops within a radius, like Yelp, 200M businesses, 50,000 searches per second.', 'geo-index-dispatch', 'In-memory quadtree'],
  ['Ride-hailing app: 10 million drivers send their location every 4 seconds.', 'geo-index-dispatch', 'H3'],
  // stream aggregation: DB counters, Kafka Streams, Flink by event rate
  ['Ad click counting: 10 million clicks per day, counts per minute.', 'stream-aggregation', 'Counter rows'],
  ['Ad click counting: 200 million clicks per day, counts per minute.', 'stream-aggregation', 'Kafka Streams'],
  ['Ad click counting: 2 billion clicks per day, counts per minute.', 'stream-aggregation', 'Apache Flink'],
  // collaborative editing: OT online, CRDT offline
  ['Collaborative editing of documents like Google Docs, 1M users, online only.', 'edit-convergence', 'Operational transformation'],
  ['Collaborative editing of documents like Google Docs, 1M users, editing offline on planes.', 'edit-convergence', 'CRDT'],
  // matching: one engine up to 200,000 orders/s at peak, partitioned by symbol above
  ['Stock exchange matching engine, 100 million orders per day.', 'matching-engine', 'One in-memory'],
  ['Stock exchange matching engine, 20 billion orders per day.', 'matching-engine', 'In-memory single-threaded engines partitioned by symbol'],
  // rate limiting: token bucket, or a sliding window when the limit must never be exceeded
  ['Rate limiter for our API, 2,000 requests per second.', 'rate-limiting', 'Token bucket'],
  ['Rate limiter for our API, 2,000 requests per second; clients must never exceed their limit.', 'rate-limiting', 'Sliding window counter'],
  // crawler: Bloom filter in memory until it outgrows a node
  ['Web crawler for 1 billion pages.', 'crawl-frontier', 'URL frontier with a Bloom filter'],
  ['Web crawler for 100 billion pages.', 'crawl-frontier', 'URL frontier with the seen-URL set in a sharded'],
];

describe('each central decision flips at its threshold', () => {
  it.each(FLIPS)('%s → %s: %s', async (brief, id, chosen) => {
    const d = await designOf(brief);
    const dec = d.decisions.find((x) => x.id === id);
    expect(dec, `${id} in ${d.decisions.map((x) => x.id).join(', ')}`).toBeDefined();
    expect(dec!.chosen.startsWith(chosen), dec!.chosen).toBe(true);
    expect(dec!.considered.filter((o) => o.verdict === 'chosen').map((o) => o.option)).toEqual([dec!.chosen]);
    expect(dec!.considered.length).toBeGreaterThanOrEqual(3);
    expect(dec!.rationale).toMatch(/\d/);
    expect(dec!.wouldChange.length).toBeGreaterThan(20);
    // What would change it never names the option already chosen as where it would go.
    const head = dec!.chosen.split(/[(:;,]/)[0]!.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(dec!.wouldChange).not.toMatch(new RegExp(`(?:calls? for|favou?rs?) (?:an? |the )?${head}`, 'i'));
  });

  it('the short-code length grows with the codes alive', () => {
    expect(codeLength(1e6)).toBe(6);
    expect(codeLength(0.1 * 62 ** 6)).toBe(6);
    expect(codeLength(0.1 * 62 ** 6 + 1)).toBe(7);
    expect(codeLength(0.1 * 62 ** 7 + 1)).toBe(8);
  });

  it('states the code length in the rationale from the records', async () => {
    const small = (await designOf('URL shortener, 1 million new links per day.')).decisions.find((x) => x.id === 'short-code-generation')!;
    const large = (await designOf('Build a URL shortener: 100 million new links a day, redirects must be fast, links kept 5 years.')).decisions.find((x) => x.id === 'short-code-generation')!;
    const len = (r: string) => Number(/needs (\d+) base62 characters/.exec(r)?.[1]);
    expect(len(large.rationale)).toBeGreaterThan(len(small.rationale));
  });

  it('a rate limiter asked to limit accurately keeps the token bucket: accuracy comes from the shared counters', async () => {
    const d = await designOf('Server-side rate limiter for our distributed API; it should limit accurately and add little latency.');
    expect(d.decisions.find((x) => x.id === 'rate-limiting')!.chosen).toMatch(/^Token bucket/);
  });

  it('positions that are only tracked get the geo index without dispatch', async () => {
    const d = await designOf('Turn-by-turn navigation like Google Maps: phones send GPS location updates every few seconds, 100M daily users.');
    const geo = d.decisions.find((x) => x.id === 'geo-index-dispatch')!;
    expect(geo.rationale).not.toMatch(/Dispatch/);
    const ride = (await designOf('Ride-hailing app like Uber: 1M drivers send their location every 4 seconds, 10M riders.')).decisions.find((x) => x.id === 'geo-index-dispatch')!;
    expect(ride.rationale).toMatch(/Dispatch searches/);
  });

  it('an assumed number is listed in the assumptions', async () => {
    const d = await designOf('WebRTC group calls for gaming communities with screen sharing, 200k daily users.');
    expect(d.assumptions.map((a) => a.field)).toContain('capabilities.video-calls.participants');
  });
});
