/**
 * Regenerate the golden design documents (ARCHITECTURE.md and design.json) of every example brief.
 * Run it deliberately (`npx tsx scripts/update-golden-design.ts`), then review the diff: a change
 * in a golden file is a change in what archie tells its users.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { design } from '../src/design.js';
import { renderDesignJson } from '../src/render/index.js';
import { renderMarkdown } from '../src/render/markdown.js';

const root = new URL('..', import.meta.url).pathname;
for (const f of readdirSync(join(root, 'examples')).sort()) {
  const name = basename(f, extname(f));
  const d = await design(join('examples', f));
  const dir = join(root, 'test/golden/design', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ARCHITECTURE.md'), renderMarkdown(d));
  writeFileSync(join(dir, 'design.json'), renderDesignJson(d));
  console.log(`updated ${name}`);
}
