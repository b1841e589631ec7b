import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/_run.js';
import { connect, text } from './_client.js';

/** The text of a resource content (archie serves text, never blobs). */
function textOf(c: { text?: unknown; blob?: unknown }): string {
  if (typeof c.text !== 'string') throw new Error('expected a text resource');
  return c.text;
}

/** An agent runs the architect's protocol end to end on an example brief, through MCP only. */
describe('the architect protocol end to end over MCP', () => {
  let client: Client;
  const base = mkdtempSync(join(tmpdir(), 'archie-mcp-'));
  const out = join(base, 'saas');
  const brief = 'examples/saas-migration.txt';
  beforeAll(async () => {
    // The client grants the repository (for the brief) and a scratch folder (for the design) as MCP roots.
    client = await connect({ roots: [ROOT, base] });
  });
  afterAll(async () => {
    await client?.close();
  });

  it('understand → analyse → design → document → review → plan', async () => {
    const prompt = await client.getPrompt({ name: 'architect-protocol', arguments: { brief, existing: 'a legacy Rails monolith' } });
    expect((prompt.messages[0]!.content as { text: string }).text).toContain(brief);

    // 1–2. Understand and analyse: the numbers, the assumptions and the questions to ask.
    const cap = await client.callTool({ name: 'capacity', arguments: { brief } });
    expect(cap.isError).toBeFalsy();
    const c = cap.structuredContent as { archetype: string; figures: Array<{ id: string }>; assumptions: unknown[] };
    expect(c.archetype).toBe('saas');
    expect(c.figures.map((f) => f.id)).toContain('peak-rps');
    const limits = await client.readResource({ uri: 'archie://knowledge/limits' });
    expect(textOf(limits.contents[0]!)).toContain('app-rps-per-instance');

    // 3–4. Design and document: the folder with ARCHITECTURE.md and design.json.
    const d = await client.callTool({ name: 'design', arguments: { brief, out } });
    expect(d.isError).toBeFalsy();
    const ds = d.structuredContent as { style: string; decisions: Array<{ id: string }>; out: { dir: string; files: string[] } };
    expect(ds.decisions.map((x) => x.id)).toContain('architecture-style');
    expect(ds.out.files).toContain('ARCHITECTURE.md');
    expect(readFileSync(join(out, 'design.json'), 'utf8')).toContain('"schemaVersion": 1');
    const again = await client.callTool({ name: 'design', arguments: { brief, out } });
    expect(again.isError).toBe(true);
    expect(text(again)).toMatch(/already exists[\s\S]*"force": true/);

    // 5. Review against the requirements: verify the artifacts, review them, and the headroom.
    const v = await client.callTool({ name: 'verify', arguments: { dir: out, only: ['design-json'] } });
    expect(v.isError).toBeFalsy();
    expect((v.structuredContent as { checks: Array<{ id: string }> }).checks.map((x) => x.id)).toContain('design-json');
    const rv = await client.callTool({ name: 'review', arguments: { paths: [out] } });
    expect(rv.isError).toBeFalsy();
    const sc = await client.callTool({ name: 'scale', arguments: { dir: out, factor: 10 } });
    expect(sc.isError).toBeFalsy();
    const s = sc.structuredContent as { firstBottleneck: { resource: string; saturatesAt: number }; plan: Record<string, unknown[]> };
    expect(s.firstBottleneck.saturatesAt).toBeGreaterThan(1);
    expect(Object.values(s.plan).flat().length).toBeGreaterThan(0);

    // 6. Plan: the strangler fig off the existing system described in the brief.
    const m = await client.callTool({ name: 'migrate', arguments: { brief } });
    expect(m.isError).toBeFalsy();
    const plan = m.structuredContent as { order: string[]; phases: Array<{ name: string; facade: unknown[] }> };
    expect(plan.order[0]).toBe('identity');
    expect(plan.phases[0]!.name).toMatch(/Facade/);
    expect(plan.phases.length).toBe(plan.order.length + 1);
  });
});
