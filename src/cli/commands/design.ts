import type { Command } from 'commander';
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchieError, isArchieError } from '../../errors.js';
import type { Design } from '../../model/design.js';
import { action, numberFlag } from '../_run.js';
import type { Output } from '../_output.js';

interface DesignFlags {
  out?: string;
  force?: boolean;
  text?: boolean;
  format?: string;
  listArchetypes?: boolean;
  rpsPerInstance?: string;
  explain?: boolean;
}

/** Where a design goes on a terminal when no --out is given: ./archie-design/<slug of the title>. */
export const DEFAULT_ROOT = 'archie-design';

/** A folder name from a title: lower-case ASCII words joined by dashes, at most 60 characters. */
export function titleSlug(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 60) {
    const cut = slug.lastIndexOf('-', 60);
    slug = slug.slice(0, cut > 20 ? cut : 60).replace(/-+$/, '');
  }
  return slug || 'design';
}

/** Whether a folder's manifest says archie wrote it (then archie may overwrite its own files there). */
async function archieWrote(dir: string): Promise<boolean> {
  const { MANIFEST } = await import('../../util/fs.js');
  try {
    const path = join(dir, MANIFEST);
    const s = await lstat(path);
    if (!s.isFile() || s.size > 4 * 1024 * 1024) return false;
    const m = JSON.parse(await readFile(path, 'utf8')) as { tool?: unknown; files?: unknown };
    return m.tool === 'archie' && typeof m.files === 'object' && m.files !== null;
  } catch {
    return false;
  }
}

/** Columns to lay terminal text out in: the terminal's, at most 100 (100 when not a terminal). */
function columns(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : undefined;
  return cols && cols > 0 ? Math.max(40, Math.min(100, cols)) : 100;
}

/**
 * On a terminal with no --out, --format or --json: write the full design to
 * ./archie-design/<slug>/ and print the summary a person reads first. A folder that archie did not
 * write is never written into; then the summary is still printed and the run fails with the reason.
 */
async function summarise(out: Output, d: Design): Promise<number> {
  const { renderArtifacts } = await import('../../render/index.js');
  const { writeDirAtomic } = await import('../../util/fs.js');
  const { renderSummary } = await import('../../render/summary.js');
  const dir = `${DEFAULT_ROOT}/${titleSlug(d.title)}`;
  let written: Awaited<ReturnType<typeof writeDirAtomic>> | null = null;
  let failure: ArchieError | null = null;
  try {
    written = await writeDirAtomic(dir, renderArtifacts(d), { force: await archieWrote(dir) });
  } catch (e) {
    if (!isArchieError(e)) throw e;
    failure = e;
  }
  out.result(renderSummary(d, { style: out.c, width: columns(), folder: written && { dir, files: written.written } }));
  for (const k of written?.kept ?? []) out.warn(`kept ${dir}/${k}: archie wrote it for an earlier design and it was changed since; the new design no longer has it`);
  if (failure) {
    throw new ArchieError(failure.code, `the full design was not written to ${dir}/: ${failure.message}`, {
      hint: `${failure.code === 'EXISTS' ? 'archie writes there only into a new or empty folder, or one it wrote before; ' : ''}choose another folder with --out DIR (e.g. --out ~/designs/${titleSlug(d.title)}), or print the whole document here with --format md`,
      cause: failure,
    });
  }
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function register(program: Command): void {
  program
    .command('design')
    .description('design a system from a brief: free text, a YAML/JSON brief file, or - for stdin')
    .argument('[brief...]', 'the brief text (quoted or not), or a path to brief.yaml / brief.json')
    .option('-o, --out <dir>', 'write ARCHITECTURE.md, design.json and the artifacts into this directory')
    .option('-f, --force', "overwrite the files archie wrote in --out before (files archie did not write are never touched)")
    .option('--format <format>', 'what to print without --out: md or json (default: md when piped; on a terminal a summary, with the full design written to ./archie-design/<title>/)')
    .option('--explain', 'print what archie understood of the brief (actors, operations and their rates, stated facts, assumptions, unread clauses) instead of the design; with --json as JSON')
    .option('--text', 'treat the argument as brief text even if it looks like a file path')
    .option('--rps-per-instance <n>', 'measured requests/s one API instance (1 vCPU) sustains; overrides the default')
    .option('--list-archetypes', 'list the kinds of system archie recognises and exit')
    .addHelpText('after', '\nExamples:\n  archie design "real-time chat for 2M daily users, team of 6, GDPR"\n  archie design examples/chat.yaml --out out/chat\n  archie design brief.yaml --json > design.json\n  archie design "URL shortener, 100M new links a month, 10:1 reads" --explain')
    .action(
      action(async (out, words: string[], flags: DesignFlags) => {
        const { ARCHETYPES, generic } = await import('../../knowledge/archetypes/index.js');
        if (flags.listArchetypes) {
          const list = [...ARCHETYPES, generic].map((a) => ({ id: a.id, name: a.name, description: a.description }));
          out.result(out.json ? JSON.stringify(list, null, 2) : list.map((a) => `${a.id.padEnd(16)} ${a.name}: ${a.description}`).join('\n'));
          return 0;
        }
        if (flags.format !== undefined && flags.format !== 'md' && flags.format !== 'json') throw new ArchieError('USAGE', `--format must be md or json, got "${flags.format}"`);
        if (out.json && flags.format === 'md') throw new ArchieError('USAGE', '--json and --format md ask for two different outputs', { hint: 'drop one: --json (or --format json) prints design.json, --format md prints the Markdown document' });
        if (flags.explain && flags.out) throw new ArchieError('USAGE', '--explain prints what archie read in the brief and writes no files, so it does not take --out', { hint: 'drop --out to see the explanation, or drop --explain to write the design' });
        if (flags.explain && flags.format === 'md') throw new ArchieError('USAGE', '--explain prints text, or JSON with --json; it has no Markdown form', { hint: 'drop --format md (or use --format json)' });
        let brief = words.join(' ').trim();
        if (brief === '-') brief = await readStdin();
        if (!brief) {
          throw new ArchieError('USAGE', 'no brief given', {
            hint: 'pass the brief as text (archie design "chat for 2M daily users") or a file (archie design brief.yaml); see archie design --help',
          });
        }
        const limits: Record<string, number> = {};
        const rps = numberFlag('rps-per-instance', flags.rpsPerInstance, { min: 1, max: 1_000_000 });
        if (rps !== undefined) limits.appRpsPerInstance = rps;
        const { design } = await import('../../design.js');
        out.progress('reading the brief and planning the design');
        const d = await design(brief, { text: Boolean(flags.text) || words.length > 1, limits });
        for (const w of d.warnings) out.warn(w);
        if (flags.explain) {
          const { explainJson, renderExplain } = await import('../../render/explain.js');
          out.result(out.json || flags.format === 'json' ? `${JSON.stringify(explainJson(d), null, 2)}\n` : renderExplain(d, { style: out.c, width: columns() }));
          return 0;
        }
        // The terminal decides: a person gets the summary (and the folder), a pipe the whole document.
        if (!flags.out && flags.format === undefined && !out.json && process.stdout.isTTY) return summarise(out, d);
        const { renderArtifacts, renderDesignJson } = await import('../../render/index.js');
        if (flags.out) {
          const files = renderArtifacts(d);
          const { writeDirAtomic } = await import('../../util/fs.js');
          const written = await writeDirAtomic(flags.out, files, { force: Boolean(flags.force) });
          for (const k of written.kept) out.warn(`kept ${k}: archie wrote it for an earlier design and it was changed since; the new design no longer has it`);
          if (out.json) out.result(JSON.stringify({ out: flags.out, files: written.written, removed: written.removed, kept: written.kept, summary: d.summary }, null, 2));
          else {
            const removed = written.removed.length ? `\nremoved ${written.removed.length} file${written.removed.length === 1 ? '' : 's'} of the earlier design that this one no longer has:\n${written.removed.map((f) => `  ${f}`).join('\n')}` : '';
            out.result(`${d.summary}\nwrote ${written.written.length} files to ${flags.out}:\n${written.written.map((f) => `  ${f}`).join('\n')}${removed}`);
          }
          return 0;
        }
        if (out.json || flags.format === 'json') out.result(renderDesignJson(d));
        else {
          const { renderMarkdown } = await import('../../render/markdown.js');
          out.result(renderMarkdown(d));
        }
        return 0;
      }),
    );
}
