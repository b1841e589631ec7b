import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, text } from './_client.js';

/** The text of a resource content (archie serves text, never blobs). */
function textOf(c: { text?: unknown; blob?: unknown }): string {
  if (typeof c.text !== 'string') throw new Error('expected a text resource');
  return c.text;
}

const PG = 'postgresql://postgres@127.0.0.1:5432/postgres';

describe('archie mcp over stdio (SDK client)', () => {
  let client: Client;
  beforeAll(async () => {
    client = await connect({ PGPASSWORD: 'from-the-environment', PGUSER: 'nobody-from-env' });
  });
  afterAll(async () => {
    await client?.close();
  });

  it('lists the seven tools with JSON Schema inputs and outputs, paging and honest annotations', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['capacity', 'design', 'diagnose', 'migrate', 'review', 'scale', 'verify']);
    for (const t of tools) {
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type).toBe('object');
      expect(t.description!.length).toBeGreaterThan(40);
      expect((t.inputSchema as { additionalProperties?: unknown }).additionalProperties).toBe(false);
    }
    const scale = tools.find((t) => t.name === 'scale')!;
    expect(scale.inputSchema.required).toEqual(['factor']);
    for (const t of tools) {
      expect(Object.keys(t.inputSchema.properties ?? {})).toContain('cursor');
      expect((t.outputSchema as { required?: string[] }).required).toContain('page');
    }
    // design writes files, and with force overwrites its own earlier ones; every other tool only reads.
    const design = tools.find((t) => t.name === 'design')!;
    expect(design.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    for (const t of tools.filter((x) => x.name !== 'design')) expect(t.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  });

  it('lists knowledge resources an agent can cite, and reads them', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    for (const u of ['archie://knowledge/archetypes', 'archie://knowledge/technologies', 'archie://knowledge/limits', 'archie://knowledge/limits.md', 'archie://knowledge/prices', 'archie://knowledge/failure-modes', 'archie://knowledge/archetypes/chat']) {
      expect(uris).toContain(u);
    }
    const limits = await client.readResource({ uri: 'archie://knowledge/limits' });
    const list = JSON.parse((limits.contents[0] as { text: string }).text) as Array<{ id: string; value: number; source: string }>;
    expect(list.find((l) => l.id === 'pg-writes-per-primary')).toMatchObject({ value: 5000 });
    expect(list.every((l) => l.source.length > 10)).toBe(true);
    const prices = JSON.parse(textOf((await client.readResource({ uri: 'archie://knowledge/prices' })).contents[0]!));
    expect(prices.table.asOf).toMatch(/^\d{4}-\d{2}$/);
    const md = (await client.readResource({ uri: 'archie://knowledge/technologies.md' })).contents[0]!;
    expect(md.mimeType).toBe('text/markdown');
    expect(textOf(md)).toContain('| PostgreSQL 16 |');
    await expect(client.readResource({ uri: 'archie://knowledge/nope' })).rejects.toThrow(/unknown resource/);
  });

  it('offers the architect-protocol prompt naming a tool at each step', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['architect-protocol']);
    const p = await client.getPrompt({ name: 'architect-protocol', arguments: { brief: 'chat for 2M daily users' } });
    const t = (p.messages[0]!.content as { text: string }).text;
    const order = ['1. Understand', '2. Analyse', '3. Design', '4. Document', '5. Review', '6. Plan'].map((s) => t.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const tool of ['`capacity`', '`design`', '`verify`', '`review`', '`scale`', '`migrate`', '`diagnose`']) expect(t).toContain(tool);
  });

  it('calls capacity with flags and returns the planner\'s figures', async () => {
    const r = await client.callTool({ name: 'capacity', arguments: { dau: '2M', peakFactor: 3, readWrite: '4:1' } });
    expect(r.isError).toBeFalsy();
    const s = r.structuredContent as { figures: Array<{ id: string; current: number; formula: string }> };
    const peak = s.figures.find((f) => f.id === 'peak-rps')!;
    expect(peak.current).toBeGreaterThan(0);
    expect(peak.formula).toMatch(/peak factor/);
    expect(text(r)).toContain('Peak requests/s');
  });

  it('reviews a file and migrates the Solidus monolith', async () => {
    const rv = await client.callTool({ name: 'review', arguments: { paths: ['test/migrate/fixtures/solidus-api.oas.yml'], maxFindings: 5 } });
    expect(rv.isError).toBeFalsy();
    const s = rv.structuredContent as { summary: { files: number }; findings: unknown[]; omitted: number };
    expect(s.summary.files).toBe(1);
    expect(s.findings.length).toBeLessThanOrEqual(5);
    const m = await client.callTool({ name: 'migrate', arguments: { openapi: 'test/migrate/fixtures/solidus-api.oas.yml' } });
    expect(m.isError).toBeFalsy();
    expect((m.structuredContent as { order: string[] }).order[0]).toBe('users');
  });

  it('diagnoses the local PostgreSQL with the URL alone and never shows a password', async () => {
    const ok = await client.callTool({ name: 'diagnose', arguments: { url: 'postgresql://postgres:Hunter2-secret@127.0.0.1:5432/postgres', checks: ['connections', 'settings'] } });
    expect(ok.isError).toBeFalsy();
    expect(JSON.stringify(ok)).not.toContain('Hunter2-secret');
    expect((ok.structuredContent as { target: { url: string } }).target.url).toBe('postgres://postgres:***@127.0.0.1:5432/postgres');
    const q = await client.callTool({ name: 'diagnose', arguments: { url: PG, query: 'SELECT relname FROM pg_class WHERE oid = 1259' } });
    expect(q.isError).toBeFalsy();
    expect((q.structuredContent as { mode: string }).mode).toBe('explain');
    // A refused connection: the error is a tool result, with the password scrubbed from it.
    const bad = await client.callTool({ name: 'diagnose', arguments: { url: 'postgresql://postgres:Hunter2-secret@127.0.0.1:1/postgres', checks: ['connections'] } });
    expect(bad.isError).toBe(true);
    expect(text(bad)).toMatch(/CONNECT/);
    expect(JSON.stringify(bad)).not.toContain('Hunter2-secret');
    const keyFile = await client.callTool({ name: 'diagnose', arguments: { url: `${PG}?sslkey=/home/me/.ssh/id` } });
    expect(keyFile.isError).toBe(true);
    expect(text(keyFile)).toMatch(/only with the user and password in the URL/);
  });

  it('answers an unknown tool with an InvalidParams protocol error naming the tools', async () => {
    const e = await client.callTool({ name: 'nope', arguments: {} }).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(McpError);
    expect((e as McpError).code).toBe(-32602);
    expect((e as McpError).message).toMatch(/unknown tool "nope"; archie's tools are capacity, design/);
  });

  it.each([
    ['scale', { brief: 'examples/chat.yaml', factor: 0 }, /USAGE: factor must be positive[\s\S]*hint:/],
    ['scale', { brief: 'examples/chat.yaml', factor: 1e9 }, /above the maximum of 10,000/],
    ['scale', { dir: 'test/mcp/no-such-dir', factor: 3 }, /design folder not found/],
    ['migrate', {}, /nothing to migrate/],
    ['review', { paths: ['test/mcp/no-such-file.yaml'] }, /no-such-file\.yaml(: no such file| does not exist)/],
    ['design', { brief: 'a system for mass surveillance of citizens', text: true }, /REFUSED/],
  ])('returns %s archie errors as isError results with the hint', async (name, args, re) => {
    const r = await client.callTool({ name, arguments: args });
    expect(r.isError).toBe(true);
    expect(text(r)).toMatch(re);
    // The server is still serving.
    expect((await client.listTools()).tools.length).toBe(7);
  });
});
