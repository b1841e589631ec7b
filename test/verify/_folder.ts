import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { design } from '../../src/design.js';
import { renderArtifacts } from '../../src/render/index.js';
import { writeDirAtomic } from '../../src/util/fs.js';

/** A fresh design folder for an example brief, as `archie design --out DIR` writes it. */
export async function designFolder(example: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `archie-verify-${example.replace(/\W/g, '-')}-`));
  const dir = join(root, 'design');
  await writeDirAtomic(dir, renderArtifacts(await design(join('examples', example))));
  return dir;
}

/** A copy of a folder with one file changed (or removed, when `edit` returns null). */
export async function brokenCopy(source: string, rel: string, edit: (text: string) => string | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'archie-verify-broken-'));
  await cp(source, dir, { recursive: true });
  const path = join(dir, ...rel.split('/'));
  const next = edit(await readFile(path, 'utf8'));
  if (next === null) await rm(path);
  else await writeFile(path, next);
  return dir;
}

/** Replace exactly one occurrence (the test fails loudly when the artifact changed shape). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === 'string' ? text.split(from).length - 1 : (text.match(new RegExp(from.source, `${from.flags.replace('g', '')}g`)) ?? []).length;
  if (count !== 1) throw new Error(`expected exactly one match of ${String(from)}, found ${count}`);
  return text.replace(from, to);
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i + 1;
}
