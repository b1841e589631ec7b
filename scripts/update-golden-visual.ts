/**
 * Regenerate the golden files of the visual and deployment renderers (diagrams, deploy/) from the
 * example briefs: `node --import tsx scripts/update-golden-visual.ts`. Review
 * `git diff test/render/diagrams test/render/deploy` before committing: a golden file changes only
 * when the output is meant to change. Tests never write these files.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { design } from '../src/design.js';
import type { Design } from '../src/model/design.js';
import { renderDiagramFiles } from '../src/render/diagrams/index.js';
import { renderDeployFiles } from '../src/render/deploy/index.js';

/** Golden files of one design by format folder, relative to test/render/<format>/golden/<example>/. */
export function visualGoldenFiles(d: Design): Record<'diagrams' | 'deploy', Map<string, string>> {
  return {
    diagrams: new Map(renderDiagramFiles(d).map(([p, t]) => [p.replace(/^diagrams\//, ''), t])),
    deploy: new Map(renderDeployFiles(d).map(([p, t]) => [p.replace(/^deploy\//, ''), t])),
  };
}

/** The example briefs, sorted: `chat.yaml` → name `chat`. */
export async function exampleBriefs(root = process.cwd()): Promise<Array<{ file: string; name: string }>> {
  const files = (await readdir(join(root, 'examples'))).filter((f) => /\.(ya?ml|json|txt|md)$/i.test(f)).sort();
  return files.map((file) => ({ file, name: file.replace(/\.(ya?ml|json|txt|md)$/i, '') }));
}

async function main(): Promise<void> {
  const root = process.cwd();
  for (const { file, name } of await exampleBriefs(root)) {
    const d = await design(join(root, 'examples', file));
    for (const [format, files] of Object.entries(visualGoldenFiles(d))) {
      const dir = join(root, 'test', 'render', format, 'golden', name);
      await rm(dir, { recursive: true, force: true });
      for (const [path, text] of files) {
        const target = join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
    }
    console.log(`golden: ${file} → test/render/{diagrams,deploy}/golden/${name}/`);
  }
  console.log('Review the changes with: git diff --stat test/render/diagrams test/render/deploy');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
