import type { Command } from 'commander';
import { ArchieError } from '../../errors.js';
import { action, numberFlag } from '../_run.js';

interface DesignFlags {
  out?: string;
  force?: boolean;
  text?: boolean;
  format?: string;
  listArchetypes?: boolean;
  rpsPerInstance?: string;
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
    .option('--format <format>', 'what to print without --out: md (default) or json')
    .option('--text', 'treat the argument as brief text even if it looks like a file path')
    .option('--rps-per-instance <n>', 'measured requests/s one API instance (1 vCPU) sustains; overrides the default')
    .option('--list-archetypes', 'list the kinds of system archie recognises and exit')
    .addHelpText('after', '\nExamples:\n  archie design "real-time chat for 2M daily users, team of 6, GDPR"\n  archie design examples/chat.yaml --out out/chat\n  archie design brief.yaml --json > design.json')
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
