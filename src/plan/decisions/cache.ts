import { LIMITS } from '../../knowledge/limits.js';
import type { DecisionModule } from '../context.js';
import { n, options, pct, quote, threshold } from './_util.js';

/** Redis when reads are heavy enough to matter, or when the design needs its data structures (pub/sub, sorted sets, rate limits). */
export const cache: DecisionModule = {
  id: 'cache',
  title: 'Cache',
  question: 'What is cached, where, for how long, and how is it invalidated?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    const ratio = ctx.req.scale.readWriteRatio.value;
    const hit = ctx.archetype.defaults.cacheHitRate;
    const peakReads = ctx.load.peakReads;
    const needsStructures = t.realtime || t.ranking || t.geo;
    // Below ~50 reads/s a cache buys nothing the database's own buffer cache does not already give.
    const readFloor = ratio >= 3 ? 50 : 500;
    const worth = needsStructures || peakReads >= readFloor;
    if (!worth) {
      return {
        considered: options([
          ['No cache', 'chosen', `peak reads of ${n(peakReads)}/s are well within one database node (~${n(LIMITS.pgReadsPerNode.value)}/s)`],
          ['Redis', 'viable', 'adds a moving part and invalidation bugs for little gain at this load'],
        ]),
        chosen: 'No cache (rate-limit counters in the gateway)',
        rationale: `Reads peak at ${n(peakReads)} reads/s with ${n(ratio)} reads per write: the database serves them from memory within the latency target, so a cache would only add invalidation risk.`,
        wouldChange: ratio >= 3
          ? 'Peak reads above ~50/s (reads outnumber writes 3:1 or more here), or a need for pub/sub, sorted sets or geo queries, would make a Redis cache-aside layer worth it.'
          : 'Peak reads above ~500/s, read:write above 3:1 with more than ~50 reads/s, or a need for pub/sub, sorted sets or geo queries, would make a Redis cache-aside layer worth it.',
        drivers: ['capacity.peak-read-rps', 'scale.readWriteRatio'],
        significant: false,
        quotes: [quote('peak-read-rps', peakReads), quote('limits.pg-reads-per-node', LIMITS.pgReadsPerNode.value)],
        thresholds: [threshold('peak-read-rps', readFloor, 'Redis')],
      };
    }
    const ttl = t.realtime ? 60 : t.cdn ? 3600 : 300;
    const uses = ['hot entities (cache-aside)'];
    if (t.realtime) uses.push('presence and pub/sub fan-out between real-time nodes');
    if (t.ranking) uses.push('sorted-set leaderboards');
    if (t.geo) uses.push('geo index of live positions');
    uses.push('rate-limit counters', 'idempotency keys (24 h)');
    return {
      considered: options([
        ['Redis', 'chosen', 'sub-millisecond reads plus the structures the design uses (pub/sub, sorted sets, TTL keys, atomic counters)'],
        ['Memcached', needsStructures ? 'rejected' : 'viable', needsStructures ? 'plain key/value only: no pub/sub, sorted sets or geo' : 'multi-threaded and simple, but no replication'],
        ['In-process cache only', 'rejected', 'each instance would hold its own copy: low hit rates and stale reads across instances'],
        ['No cache', 'rejected', `${n(peakReads)} reads/s at peak with a ${pct(hit)} hot-set hit rate would otherwise all reach the database${needsStructures ? '; and the design needs its data structures' : ''}`],
      ]),
      chosen: `Redis: ${uses.join(', ')}; TTL ${ttl} s, delete-on-write invalidation`,
      rationale: `Reads outnumber writes ${n(ratio)}:1 and peak at ${n(peakReads)} reads/s. With the expected ${pct(hit)} hit rate on the hot set, the database sees ${n(peakReads * (1 - hit))} reads/s instead.${needsStructures ? ` The design also needs Redis's structures (${uses.slice(1, -2).join(', ')}).` : ''} Entries expire after ${ttl} s and are deleted when the owning record is written (cache-aside with delete-on-write), so a stale read lasts at most one TTL even if an invalidation is lost.`,
      wouldChange: 'A read:write ratio near 1:1 or data that must never be stale would drop the entity cache (keeping Redis only for counters and pub/sub).',
      drivers: ['scale.readWriteRatio', 'capacity.peak-read-rps', 'archetype.defaults.cacheHitRate'],
      significant: false,
      quotes: [quote('peak-read-rps', peakReads), quote('db-peak-reads', peakReads * (1 - hit))],
      thresholds: [],
    };
  },
};
