import { describe, expect, it } from 'vitest';
import { DECISIONS } from '../../src/plan/decisions/index.js';
import { decision, designOf } from './_helpers.js';

/** Each row: a brief, a decision id, and a pattern the chosen option must match. */
const TABLE: Array<[brief: string, id: string, chosen: RegExp]> = [
  ['chat app for 20k daily users, a solo developer', 'architecture-style', /^Monolith$/],
  ['chat app for 2M daily users, team of 6', 'architecture-style', /^Modular monolith$/],
  ['chat app for 20M daily users, team of 60 engineers with an SRE team', 'architecture-style', /^Microservices$/],
  ['an internal reporting backend: 5 requests per second on average, 20x at peak, team of 4', 'architecture-style', /^Serverless$/],
  ['chat app for 200k daily users', 'primary-database', /^PostgreSQL$/],
  ['chat app for 2M daily users', 'primary-database', /^PostgreSQL, sharded by messages\.conversation_id \(Citus\)$/],
  ['chat app for 5M daily users with 200,000 writes per second, team of 40', 'primary-database', /Cassandra/],
  ['a backend for my app with 300 daily users, read:write 1:1', 'cache', /^No cache/],
  ['chat app for 2M daily users', 'cache', /^Redis/],
  ['chat app for 2M daily users', 'messaging', /^RabbitMQ$/],
  ['chat app for 5M daily users with 40,000 writes per second', 'messaging', /Kafka/],
  ['chat app for 2M daily users', 'realtime', /WebSocket/],
  ['chat app for 20k daily users, team of 2 with no ops experience', 'deployment', /PaaS|App Runner|Cloud Run|Container Apps/],
  ['chat app for 2M daily users, team of 30 with a platform team', 'deployment', /Kubernetes/],
  ['chat app for 2M daily users on GCP, team of 30', 'deployment', /GKE/],
  ['chat app for 100k daily users, 99.9% uptime', 'topology', /^One region/],
  ['chat app for 100k daily users, 99.95% uptime', 'topology', /warm standby/],
  ['chat app for 100k daily users, 99.99% uptime', 'topology', /^Active-active/],
  ['chat app for 1M daily users in the EU and US, four nines', 'topology', /Active-active/],
  ['chat app for 5k daily users', 'search', /PostgreSQL full-text/],
  ['chat app for 2M daily users', 'search', /OpenSearch|Meilisearch/],
  ['chat app for 20k monthly active users', 'auth', /Cognito/],
  ['chat app for 4M daily users', 'auth', /Keycloak/],
  ['chat app for 4M daily users on Azure', 'auth', /Keycloak/],
  ['chat app for 100k daily users with p99 < 100 ms', 'reliability', /Timeout budget/],
];

describe('decisions', () => {
  it.each(TABLE)('%s → %s', (brief, id, chosen) => {
    expect(decision(designOf(brief), id).chosen).toMatch(chosen);
  });

  it('every decision lists its options with verdicts and reasons, and says what would change it', () => {
    for (const brief of ['chat app for 2M daily users, team of 6, GDPR', 'a backend for my app with 300 daily users']) {
      const d = designOf(brief);
      for (const x of d.decisions) {
        expect(x.considered.length, x.id).toBeGreaterThanOrEqual(2);
        expect(x.considered.some((o) => o.verdict === 'chosen'), x.id).toBe(true);
        for (const o of x.considered) expect(o.reason.length, `${x.id}: ${o.option}`).toBeGreaterThan(10);
        expect(x.wouldChange.length, x.id).toBeGreaterThan(10);
        expect(x.drivers.length, x.id).toBeGreaterThan(0);
      }
    }
  });

  it('rationales quote the numbers that drove them', () => {
    const d = designOf('chat app for 2M daily users, team of 6');
    for (const id of ['architecture-style', 'primary-database', 'cache', 'messaging', 'realtime', 'search', 'deployment', 'auth', 'topology', 'reliability']) {
      expect(decision(d, id).rationale, id).toMatch(/\d/);
    }
    expect(decision(d, 'primary-database').rationale).toMatch(/writes\/s/);
    expect(decision(d, 'architecture-style').rationale).toMatch(/team of 6/);
  });

  it('decision ids are unique and every module is exercised by the chat example or skips itself', () => {
    const ids = DECISIONS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const d = designOf('chat app for 2M daily users, team of 6');
    const taken = new Set(d.decisions.map((x) => x.id));
    for (const m of DECISIONS) {
      if (!taken.has(m.id)) expect(['timeseries', 'geo-index', 'ranking']).toContain(m.id);
    }
  });

  it('significant decisions get ADRs, numbered in order', () => {
    const d = designOf('chat app for 2M daily users, team of 6');
    const sig = d.decisions.filter((x) => x.significant).map((x) => x.id);
    expect(d.adrs.map((a) => a.decisionId)).toEqual(sig);
    expect(d.adrs.map((a) => a.number)).toEqual(sig.map((_, i) => i + 1));
  });
});
