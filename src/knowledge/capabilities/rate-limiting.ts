import { LIMITS } from '../limits.js';
import { n } from '../../plan/decisions/_util.js';
import { ps, says } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Share of one Redis primary's operations the limiter's checks may take. */
const REDIS_SHARE = 0.5;
/** Bytes per limiter key in Redis (a hash of tokens + last refill, key name, overhead). */
const BYTES_PER_KEY = 120;

interface LimiterNumbers {
  checks: Reading;
  keys: number;
  redisOps: number;
  shards: number;
  strict: string | null;
}

/** Throttling clients per user, IP or endpoint across every API instance. */
export const rateLimiting: Capability<LimiterNumbers> = {
  id: 'rate-limiting',
  name: 'Rate limiting',
  evidence: {
    terms: [
      ['rate limit*', 2], ['throttl*', 1.5], ['token bucket', 2], ['leaky bucket', 2], ['sliding window', 1], ['429', 1], ['too many requests', 1.5],
      ['api quota', 1], ['quotas', 0.5], ['requests per second per user', 1.5], ['per ip', 0.6],
    ],
  },
  decision: {
    id: 'rate-limiting',
    title: 'Rate-limiting algorithm and counter store',
    question: 'Which algorithm limits each key, where do the counters live, and what does a throttled client see?',
    numbers(input) {
      const checks: Reading = { value: input.ctx.load.peakRps, source: 'derived', from: 'every request at peak', figure: 'peak-rps' };
      const redisOps = LIMITS.redisOpsPerNode.value;
      return {
        checks,
        keys: input.ctx.req.scale.dau.value,
        redisOps,
        shards: Math.max(1, Math.ceil(checks.value / (redisOps * REDIS_SHARE))),
        strict: says(input, 'exact(?:ly)?', 'strict(?:ly)?', 'no bursts?', 'smooth(?:ed)? (?:rate|outflow)', 'never exceed'),
      };
    },
    options: [
      {
        option: 'Token bucket per key (capacity = burst, refill = rate) in Redis, checked by one Lua script',
        when: (x) =>
          x.strict
            ? { verdict: 'viable', reason: `lets a full bucket burst at once, and the brief asks to limit "${x.strict}"` }
            : { verdict: 'chosen', reason: 'two fields per key, one atomic script per check, and short bursts pass as users expect' },
      },
      {
        option: 'Sliding window counter per key (current + weighted previous window) in Redis, checked by one Lua script',
        when: (x) =>
          x.strict
            ? { verdict: 'chosen', reason: `the brief asks to limit "${x.strict}": the weighted window never admits the 2× burst a fixed window allows at its edge, with two counters per key` }
            : { verdict: 'viable', reason: 'smoother than a fixed window and nearly exact; the token bucket is simpler to explain as a burst allowance' },
      },
      { option: 'Sliding window log (a sorted set of request timestamps per key)', when: (x) => ({ verdict: 'rejected', reason: `exact, but one entry per request: at ${ps(x.checks, 'checks')} the memory grows with traffic, not with keys` }) },
      { option: 'Fixed window counter (INCR + EXPIRE)', when: () => ({ verdict: 'rejected', reason: 'lets twice the limit through around a window boundary' }) },
      { option: 'Leaky bucket (a queue drained at a fixed rate)', when: () => ({ verdict: 'viable', reason: 'smooths the outflow for a downstream that needs it, but queues requests instead of answering at once' }) },
      { option: 'Counters in each API instance\'s memory only', when: () => ({ verdict: 'rejected', reason: 'each instance would allow the full limit, so the real limit grows with the instance count' }) },
    ],
    rationale: (x) =>
      `Every request is checked: ${ps(x.checks, 'checks')} at peak for about ${n(x.keys)} keys (one per daily user, plus IPs), ${n((x.keys * BYTES_PER_KEY) / 2 ** 30)} GiB at ${BYTES_PER_KEY} bytes per key. ` +
      `One Redis primary serves ${n(x.redisOps)} ops/s; at ${REDIS_SHARE * 100}% of it the checks need ${x.shards === 1 ? 'one primary with a replica' : `a Redis Cluster of ${n(x.shards)} shards, keyed by the limited key`}. ` +
      `The limiter runs as middleware in the API gateway so instances stay stateless and share the counters; the check and update are one Lua script (atomic, no locks, one round trip). ` +
      `Rules (key, limit, window) live in a YAML configuration file; a background worker loads them into a rules cache the middleware reads. A throttled request gets 429 Too Many Requests with RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset and Retry-After headers. If Redis is unreachable the middleware fails open to a local per-instance bucket and alerts.`,
    wouldChange: (x) =>
      `More than ${n(x.redisOps * REDIS_SHARE * x.shards)} checks per second at peak needs ${x.shards + 1} Redis shards (now ${n(x.checks.value)})${x.strict ? '; if short bursts were acceptable, the token bucket is simpler.' : '; a requirement to never exceed the limit calls for the sliding window counter.'}`,
    drivers: ['capacity.peak-rps', 'scale.dau', 'limits.redis-ops-per-node'],
    significant: true,
  },
};
