import type { DecisionModule } from '../context.js';
import { n, options } from './_util.js';

/**
 * The reliability toolkit with numbers derived from the latency target: a timeout budget that
 * fits inside p99, retries only where safe, and isolation so one slow dependency cannot take the
 * rest down.
 */
export const reliability: DecisionModule = {
  id: 'reliability',
  title: 'Reliability patterns',
  question: 'Which timeouts, retries and isolation mechanisms protect the request path?',
  decide(ctx) {
    const p99 = ctx.req.latency.p99Ms.value;
    const dbTimeout = Math.max(20, Math.round(p99 * 0.4));
    const cacheTimeout = Math.max(5, Math.round(p99 * 0.05));
    const edgeTimeout = Math.max(1000, p99 * 5);
    return {
      considered: options([
        ['Timeout budget', 'chosen', `edge ${n(edgeTimeout)} ms; database ${n(dbTimeout)} ms; cache ${n(cacheTimeout)} ms: each call gets a share of the p99 target of ${n(p99)} ms`],
        ['Retries with exponential backoff and full jitter', 'chosen', 'at most 2 retries, base 50 ms, cap 1 s, only for idempotent operations and only on timeouts/5xx/429 with Retry-After'],
        ['Idempotency keys', 'chosen', 'every unsafe POST accepts an Idempotency-Key; the first response is stored 24 h and replayed for duplicates'],
        ['Circuit breakers', 'chosen', 'per dependency: open after 50% failures over 20 calls in 10 s, half-open after 30 s; cache and search fail open (degrade), the database fails closed (503 + Retry-After)'],
        ['Bulkheads', 'chosen', 'separate connection pools and worker concurrency per dependency so a slow one cannot exhaust the rest'],
        ['Dead-letter queues', 'chosen', 'after 5 delivery attempts a message moves to a DLQ with its error; alert on DLQ depth; replay tool'],
        ['Load shedding', 'chosen', 'reject with 503 when in-flight requests exceed 2× the instance\'s capacity rather than queueing past the timeout'],
        ['Retries without jitter', 'rejected', 'synchronised retries turn a blip into a thundering herd'],
      ]),
      chosen: 'Timeout budget, jittered retries on idempotent calls, idempotency keys, circuit breakers, bulkheads, dead-letter queues, load shedding, graceful degradation',
      rationale: `The p99 target of ${n(p99)} ms sets the budget: a database call may take at most ${n(dbTimeout)} ms and a cache call ${n(cacheTimeout)} ms before the request fails fast. Writes carry idempotency keys so a client or the broker may retry safely; consumers dead-letter poison messages instead of blocking their queue.`,
      wouldChange: 'A looser latency target would allow longer timeouts and more retries; synchronous calls between services would add per-call deadlines propagated in headers.',
      drivers: ['latency.p99Ms'],
      significant: false,
      quotes: [],
      thresholds: [],
    };
  },
};
