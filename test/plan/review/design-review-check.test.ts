import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderArtifacts } from '../../../src/render/index.js';
import { writeDirAtomic } from '../../../src/util/fs.js';
import { verify } from '../../../src/verify/index.js';
import { planned } from './_fixtures.js';

/** `archie verify`'s design-review check on a folder written the way `archie design --out` writes it. */
async function folder(edit?: (d: Record<string, unknown>) => void): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'archie-review-')), 'design');
  await writeDirAtomic(dir, renderArtifacts(await planned('examples/chat.yaml')));
  if (edit) {
    const path = join(dir, 'design.json');
    const d = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    edit(d);
    await writeFile(path, `${JSON.stringify(d, null, 2)}\n`);
  }
  return dir;
}

const only = async (dir: string) => (await verify(dir, { only: ['design-review'] })).checks.find((c) => c.id === 'design-review')!;

describe('verify: design-review', () => {
  it('passes on a fresh design, with one item per rule and the traceability counts', async () => {
    const c = await only(await folder());
    expect(c.status).toBe('passed');
    expect(c.summary).toMatch(/^no contradiction under 11 coherence rules; \d+ requirements traced$/);
    expect(c.evidence.find((e) => e.subject === 'requirements')!.message).toMatch(/\d+ met, \d+ at risk, \d+ not met/);
  });

  it('fails on a design.json edited to contradict itself, naming both places', async () => {
    const c = await only(await folder((d) => {
      const stores = d.dataStores as Array<{ id: string; nodes: number }>;
      stores.find((s) => s.id === 'opensearch')!.nodes = 3;
    }));
    expect(c.status).toBe('failed');
    const bad = c.evidence.filter((e) => !e.ok);
    expect(bad.map((e) => e.subject)).toContain('store-sizing');
    expect(bad.find((e) => e.subject === 'store-sizing')!.message).toMatch(/runs 3 nodes; search-nodes needs \d+ \(dataStores\.opensearch\.nodes vs capacity\.figures\.search-nodes\); fix: /);
  });

  it('fails, saying why, on a design.json written before the review step', async () => {
    const c = await only(await folder((d) => { delete d.review; delete d.traceability; }));
    expect(c.status).toBe('failed');
    expect(c.summary).toMatch(/predates the review step/);
    expect(c.hint).toMatch(/regenerate/);
  });
});
