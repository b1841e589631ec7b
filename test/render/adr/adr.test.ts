import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Design } from '../../../src/model/design.js';
import { adrPath, renderAdrs } from '../../../src/render/adr/index.js';
import { goldenFiles, loadExamples, type Example } from '../../../scripts/update-golden.js';

let examples: Example[] = [];
let chat: Design;
beforeAll(async () => {
  ({ examples } = await loadExamples());
  chat = examples.find((e) => e.name === 'chat')!.design;
});

/** The MADR 3.0 sections, in order (Decision Drivers only when the decision lists drivers). */
const SECTIONS = ['## Context and Problem Statement', '## Considered Options', '## Decision Outcome', '### Consequences', '## Pros and Cons of the Options', '## More Information'];

describe('ADR golden files', () => {
  it('matches the reviewed golden files for every example that has them (npm run golden regenerates them)', () => {
    expect(existsSync('test/render/adr/golden/chat/README.md')).toBe(true);
    let compared = 0;
    for (const ex of examples) {
      const dir = join('test/render/adr/golden', ex.name);
      if (!existsSync(dir)) continue;
      const files = goldenFiles(ex.design).adr;
      expect(readdirSync(dir).sort(), dir).toEqual([...files.keys()].sort());
      for (const [name, text] of files) expect(text, `${ex.file} → adr/${name} differs from ${dir}/${name}; if intended, run npm run golden and review the diff`).toBe(readFileSync(join(dir, name), 'utf8'));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('renderAdrs', () => {
  it('writes one MADR record per decision record and an index that links each', () => {
    for (const ex of examples) {
      const d = ex.design;
      const files = renderAdrs(d);
      expect([...files.keys()], ex.file).toEqual([...d.adrs].sort((a, b) => a.number - b.number).map(adrPath).concat(d.adrs.length > 0 ? ['adr/README.md'] : []));
      const index = files.get('adr/README.md') ?? '';
      for (const a of d.adrs) {
        const text = files.get(adrPath(a))!;
        expect(adrPath(a)).toMatch(/^adr\/\d{4}-[a-z0-9-]+\.md$/);
        expect(text.startsWith(`---\nstatus: ${a.status.toLowerCase()}\n---\n\n# ${a.title}\n`), adrPath(a)).toBe(true);
        const at = SECTIONS.map((s) => text.indexOf(`\n${s}\n`));
        expect(at.every((i) => i > 0), `${adrPath(a)} has every MADR section`).toBe(true);
        expect([...at].sort((x, y) => x - y)).toEqual(at);
        for (const o of a.options) expect(text).toContain(`\n* ${o.option}\n`);
        const chosen = a.options.find((o) => o.verdict === 'chosen');
        if (chosen) expect(text).toContain(`Chosen option: "${chosen.option}", because`);
        expect(text).toContain(`\`${a.decisionId}\``);
        expect(index).toContain(`(${adrPath(a).slice(4)})`);
        expect(text).not.toMatch(/[ \t]+$/m);
      }
    }
  });

  it('is deterministic and ignores the order of the records in the design', () => {
    const shuffled = structuredClone(chat);
    shuffled.adrs.reverse();
    expect([...renderAdrs(shuffled)]).toEqual([...renderAdrs(chat)]);
  });

  it('refuses two records with the same number', () => {
    const d = structuredClone(chat);
    d.adrs[1]!.number = d.adrs[0]!.number;
    expect(() => renderAdrs(d)).toThrow(/two ADRs are numbered/);
  });
});
