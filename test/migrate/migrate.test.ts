import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/errors.js';
import { migrate, MigrationPlanSchema, renderMigrationText } from '../../src/migrate/index.js';
import { archie } from '../cli/_run.js';

const SOLIDUS = 'test/migrate/fixtures/solidus-api.oas.yml';
const tmp = () => mkdtempSync(join(tmpdir(), 'archie-migrate-'));

describe('archie migrate on a real monolith (Solidus, Rails e-commerce)', async () => {
  const plan = await migrate({ openapi: SOLIDUS });
  const ctx = (id: string) => plan.contexts.find((c) => c.id === id)!;
  const members = (id: string) => ctx(id).members.map((m) => m.unit).sort();

  it('is a valid, deterministic plan over every operation', async () => {
    expect(MigrationPlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.source).toMatchObject({ kind: 'openapi', operations: 178, paths: 106 });
    expect(plan.contexts.reduce((n, c) => n + c.operations, 0)).toBe(178);
    expect(JSON.stringify(await migrate({ openapi: SOLIDUS }))).toBe(JSON.stringify(plan));
  });

  it('groups endpoints into contexts a reviewer recognises', () => {
    expect(members('products')).toEqual(['Classifications', 'Images', 'Product properties', 'Products', 'Variants']);
    expect(members('orders')).toEqual(['Addresses', 'Checkouts', 'Coupon codes', 'Line items', 'Orders']);
    expect(members('stock-locations')).toEqual(['Stock items', 'Stock locations', 'Stock movements']);
    expect(members('users')).toEqual(['Address books', 'Credit cards', 'Users']);
    expect(members('countries')).toEqual(['Countries', 'States']);
    expect(members('shipments')).toEqual(['Inventory units', 'Shipments']);
    // Payments live under /orders/{n}/payments but have their own lifecycle (authorize, capture, void…): a context of their own.
    expect(members('payments')).toEqual(['Payments']);
    expect(ctx('checkouts')).toBeUndefined();
    expect(ctx('orders').members.find((m) => m.unit === 'Checkouts')!.reason).toMatch(/order-big/);
    expect(ctx('products').owns).toEqual(expect.arrayContaining(['product', 'variant', 'image']));
    expect(plan.sharedKernel).toEqual(['pagination-data']);
  });

  it('extracts identity first, then the least coupled, and the core last', () => {
    expect(plan.order[0]).toBe('users');
    expect(ctx('users').identity).toBe(true);
    const coupling = plan.order.slice(1).map((id) => ctx(id).coupling);
    expect([...coupling].sort((a, b) => a - b)).toEqual(coupling);
    expect(plan.order.at(-1)).toBe('orders');
    expect(ctx('orders').references.map((r) => r.to)).toEqual(expect.arrayContaining(['products', 'payments', 'shipments']));
  });

  it('routes by longest prefix, phase by phase', () => {
    expect(plan.phases[0]!.facade).toEqual([{ pattern: '/**', methods: ['*'], target: 'monolith' }]);
    const payments = plan.phases.find((p) => p.context === 'payments')!;
    expect(payments.facade).toEqual(expect.arrayContaining([
      { pattern: '/orders/*/payments/**', methods: ['*'], target: 'payments' },
      { pattern: '/checkouts/*/payments/**', methods: ['*'], target: 'payments' },
    ]));
    // Orders is still in the monolith then: no /orders rule yet.
    expect(payments.facade.some((r) => r.pattern === '/orders/**')).toBe(false);
    const last = plan.phases.at(-1)!;
    expect(last.facade.find((r) => r.pattern === '/orders/**')?.target).toBe('orders');
    // More specific rules come first.
    const idx = (p: string) => last.facade.findIndex((r) => r.pattern === p);
    expect(idx('/orders/*/payments/**')).toBeLessThan(idx('/orders/**'));
    for (const ph of plan.phases.slice(1)) {
      expect(ph.data.map((d) => d.step)).toEqual(['expand', 'migrate', 'switch', 'contract']);
      expect(ph.verification.length).toBeGreaterThanOrEqual(3);
      expect(ph.rollback.join(' ')).toMatch(/point of no return/);
    }
    expect(renderMigrationText(plan)).toContain('### Phase 1: Extract Users');
  });
});

describe('archie migrate from a brief', () => {
  it('plans the saas example from its design: identity first', async () => {
    const plan = await migrate({ brief: 'examples/saas-migration.txt' });
    expect(plan.source.kind).toBe('brief');
    expect(plan.order[0]).toBe('identity');
    expect(plan.phases[0]!.verification[0]).toMatch(/legacy Rails monolith/);
    expect(plan.warnings).toEqual([]);
  });
  it('warns when the brief describes no existing system', async () => {
    const plan = await migrate({ brief: 'a url shortener for 1M daily users', text: true });
    expect(plan.warnings.join(' ')).toMatch(/does not describe an existing system/);
  });
});

describe('bad input', () => {
  it.each([
    ['no paths', '{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{}}', 'INVALID', /has no paths/],
    ['no operations', '{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{"/a":{}}}', 'INVALID', /no operations/],
    ['not OpenAPI', '{"hello":"world"}', 'INPUT', /not an OpenAPI document/],
    ['not JSON or YAML', 'openapi: [unclosed', 'INPUT', /cannot parse/],
  ])('%s', async (_n, content, code, re) => {
    const file = join(tmp(), 'api.yaml');
    writeFileSync(file, content);
    const e = await migrate({ openapi: file }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArchieError);
    expect((e as ArchieError).code).toBe(code);
    expect((e as ArchieError).message).toMatch(re);
  });
  it('needs exactly one source', async () => {
    await expect(migrate({})).rejects.toThrow(/nothing to migrate/);
    await expect(migrate({ openapi: SOLIDUS, brief: 'x' })).rejects.toThrow(/not both/);
  });
  it('the CLI exits 2 with the message for an OpenAPI document without paths', () => {
    const file = join(tmp(), 'empty.json');
    writeFileSync(file, '{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{}}');
    const r = archie(['migrate', '--openapi', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no paths[\s\S]*hint:/);
    const ok = archie(['migrate', '--openapi', SOLIDUS, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).order[0]).toBe('users');
  });
});
