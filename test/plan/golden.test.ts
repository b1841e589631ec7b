import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { design } from '../../src/design.js';
import { renderDesignJson } from '../../src/render/index.js';
import { renderMarkdown } from '../../src/render/markdown.js';

/**
 * The design documents of the example briefs are reviewed golden files. When one changes on
 * purpose, run `npx tsx scripts/update-golden-design.ts` and review the diff.
 */
const examples = readdirSync('examples').sort();
const golden = (name: string, file: string) => join('test/golden/design', name, file);

describe('golden designs of examples/', () => {
  it.each(examples.filter((f) => existsSync(golden(basename(f, extname(f)), 'design.json'))))('%s', async (f) => {
    const name = basename(f, extname(f));
    const d = await design(join('examples', f));
    expect(renderDesignJson(d)).toBe(readFileSync(golden(name, 'design.json'), 'utf8'));
    expect(renderMarkdown(d)).toBe(readFileSync(golden(name, 'ARCHITECTURE.md'), 'utf8'));
  });

  it('every example has a golden design', () => {
    for (const f of examples) expect(existsSync(golden(basename(f, extname(f)), 'design.json')), f).toBe(true);
  });
});
