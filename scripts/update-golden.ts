/**
 * Regenerate the golden files of the contract renderers (OpenAPI/AsyncAPI, SQL, ADRs) from the
 * example briefs: `npm run golden`. Review `git diff test/render` before committing: a golden file
 * changes only when the output is meant to change. Tests never write these files.
 *
 * Examples whose brief cannot be designed yet are skipped and listed.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { design } from '../src/design.js';
import { isArchieError } from '../src/errors.js';
import { renderAdrs } from '../src/render/adr/index.js';
import { renderAsyncApi, renderOpenApi } from '../src/render/openapi/index.js';
import { renderInitMigration, renderSchemaSql } from '../src/render/sql/index.js';
import type { Design } from '../src/model/design.js';

/** The golden files of one example, by format folder, relative to test/render/<format>/golden/<example>/. */
export function goldenFiles(d: Design): Record<'openapi' | 'sql' | 'adr', Map<string, string>> {
  const openapi = new Map<string, string>([['openapi.yaml', renderOpenApi(d)]]);
  const asyncapi = renderAsyncApi(d);
  if (asyncapi !== null) openapi.set('asyncapi.yaml', asyncapi);
  const sql = new Map<string, string>([
    ['schema.sql', renderSchemaSql(d)],
    ['0001_init.sql', renderInitMigration(d)],
  ]);
  const adr = new Map<string, string>();
  for (const [path, text] of renderAdrs(d)) adr.set(path.replace(/^adr\//, ''), text);
  return { openapi, sql, adr };
}

/** `chat.yaml` → `chat`. */
export function exampleName(file: string): string {
  return file.replace(/\.(ya?ml|json|txt|md)$/i, '');
}

export interface Example {
  /** File name in examples/, e.g. `chat.yaml`. */
  file: string;
  /** Golden folder name, e.g. `chat`. */
  name: string;
  design: Design;
}

/**
 * Design every brief in examples/ (paths relative to `root`). Briefs archie cannot design yet
 * (an ArchieError, e.g. an archetype still to come) are returned in `skipped`; anything else throws.
 */
export async function loadExamples(root = process.cwd()): Promise<{ examples: Example[]; skipped: string[] }> {
  const files = (await readdir(join(root, 'examples'))).filter((f) => /\.(ya?ml|json|txt|md)$/i.test(f)).sort();
  const examples: Example[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    try {
      examples.push({ file, name: exampleName(file), design: await design(join(root, 'examples', file)) });
    } catch (e) {
      if (!isArchieError(e)) throw e;
      skipped.push(`${file}: ${e.message}`);
    }
  }
  return { examples, skipped };
}

async function main(): Promise<void> {
  const root = process.cwd();
  const { examples, skipped } = await loadExamples(root);
  for (const { file, name, design: d } of examples) {
    for (const [format, files] of Object.entries(goldenFiles(d))) {
      const dir = join(root, 'test', 'render', format, 'golden', name);
      await rm(dir, { recursive: true, force: true });
      for (const [path, text] of files) {
        const target = join(dir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, text);
      }
    }
    console.log(`golden: ${file} → test/render/{openapi,sql,adr}/golden/${name}/`);
  }
  for (const s of skipped) console.log(`skipped ${s}`);
  console.log('Review the changes with: git diff --stat test/render && git diff test/render');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
