/**
 * The data generator on a hand-written schema: foreign keys (composite, self, undeclared), CHECK
 * constraints, enums, unique columns and a partitioned table without a default partition are all
 * honoured; foreign keys are skewed; timestamps spread over months; the rows are the same every run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateData, type GenerateResult } from '../../src/verify/_datagen.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/verify/_pglite.js';
import { resetEmbeddedPostgres } from '../../src/verify/_pglite.js';

const SCHEMA = `
CREATE TYPE plan_tier AS ENUM ('free', 'team', 'enterprise');
CREATE TABLE tenants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug varchar(40) NOT NULL UNIQUE,
  tier plan_tier NOT NULL,
  parent_id bigint REFERENCES tenants (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
  tenant_id bigint NOT NULL REFERENCES tenants (id),
  number int NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
  total numeric(12, 2) NOT NULL CHECK (total >= 0 AND total <= 5000),
  note text CHECK (note IS NULL OR char_length(note) <= 30),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL CHECK (updated_at >= created_at),
  PRIMARY KEY (tenant_id, number)
);
CREATE TABLE order_events (
  id uuid NOT NULL,
  tenant_id bigint NOT NULL,
  order_number int NOT NULL,
  happened_at timestamptz NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (id, happened_at),
  FOREIGN KEY (tenant_id, order_number) REFERENCES orders (tenant_id, number)
) PARTITION BY RANGE (happened_at);
CREATE TABLE order_events_2026_01 PARTITION OF order_events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE order_events_2026_02 PARTITION OF order_events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01');
CREATE INDEX order_events_body_idx ON order_events USING gin (to_tsvector('simple', body));
CREATE INDEX orders_status_idx ON orders (status) WHERE status = 'pending';
`;

let pg: EmbeddedPostgres;
let first: GenerateResult;

async function load(): Promise<GenerateResult> {
  await resetEmbeddedPostgres(pg);
  await pg.db.exec(`DROP TYPE IF EXISTS plan_tier; ${SCHEMA}`);
  return generateData(pg.db, { rows: 5_000 });
}

async function one<T>(sql: string): Promise<T> {
  return (await pg.db.query<T>(sql)).rows[0]!;
}

beforeAll(async () => {
  pg = await startEmbeddedPostgres();
  first = await load();
});

afterAll(async () => {
  await pg?.db.close();
});

describe('generated rows', () => {
  it('fill every table, the partitioned one within its partitions', async () => {
    expect(Object.fromEntries(first.counts)).toEqual({ tenants: 1_000, orders: expect.any(Number), order_events: 1_000 });
    // Composite keys drawn from skewed references repeat; the repeats are dropped, most rows stay.
    expect(first.counts.get('orders')!).toBeGreaterThan(900);
    const r = await one<{ lo: Date; hi: Date }>('SELECT min(happened_at) AS lo, max(happened_at) AS hi FROM order_events');
    expect(r.lo.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-01-01T00:00:00Z'));
    expect(r.hi.getTime()).toBeLessThan(Date.parse('2026-03-01T00:00:00Z'));
  });

  it('respect CHECK constraints and enums, with the first value most common', async () => {
    const statuses = (await pg.db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM orders GROUP BY 1 ORDER BY 2 DESC')).rows;
    expect(statuses[0]!.status).toBe('pending');
    expect(statuses.map((s) => s.status).sort()).toEqual(['cancelled', 'paid', 'pending', 'shipped']);
    const tiers = (await pg.db.query<{ tier: string }>('SELECT tier::text AS tier FROM tenants GROUP BY 1 ORDER BY count(*) DESC')).rows.map((r) => r.tier);
    expect(tiers).toEqual(['free', 'team', 'enterprise']);
    expect(await one('SELECT min(total)::float8 AS lo, max(total)::float8 AS hi, max(char_length(note)) AS note FROM orders')).toMatchObject({ lo: expect.any(Number), note: expect.any(Number) });
    const bad = await one<{ n: number }>('SELECT count(*)::int AS n FROM orders WHERE total < 0 OR total > 5000 OR updated_at < created_at OR char_length(note) > 30');
    expect(bad.n).toBe(0);
  });

  it('skew foreign keys (a few parents own many children) and spread timestamps over months', async () => {
    const s = await one<{ top: number; median: number }>(
      'SELECT max(n) AS top, percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS median FROM (SELECT tenant_id, count(*)::int AS n FROM orders GROUP BY 1) x',
    );
    expect(s.top).toBeGreaterThan(20 * s.median);
    const months = await one<{ n: number }>("SELECT count(DISTINCT date_trunc('month', created_at))::int AS n FROM orders");
    expect(months.n).toBeGreaterThanOrEqual(5);
    const roots = await one<{ n: number }>('SELECT count(*)::int AS n FROM tenants WHERE parent_id IS NULL');
    expect(roots.n).toBeGreaterThan(0);
    expect(roots.n).toBeLessThan(1_000);
  });

  it('keep every index and constraint of the schema', async () => {
    const idx = (await pg.db.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('orders', 'order_events', 'tenants') ORDER BY 1")).rows.map((r) => r.name);
    expect(idx).toEqual(expect.arrayContaining(['order_events_body_idx', 'order_events_pkey', 'orders_pkey', 'orders_status_idx', 'tenants_pkey', 'tenants_slug_key']));
    const fks = await one<{ n: number }>("SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND conparentid = 0 AND connamespace = 'public'::regnamespace");
    expect(fks.n).toBe(3);
  });

  it('are the same on every run', async () => {
    const digest = async (): Promise<string> =>
      (await one<{ d: string }>("SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) AS d FROM (SELECT * FROM orders) t")).d;
    const before = await digest();
    await load();
    expect(await digest()).toBe(before);
  });
});
