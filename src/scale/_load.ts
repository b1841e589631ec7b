import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ArchieError } from '../errors.js';
import { DesignSchema, SCHEMA_VERSION, type Design } from '../model/design.js';
import { MiB, readTextFile } from '../util/input.js';
import { parseJson } from '../util/parse.js';

/** Where design.json is: the file itself, or inside the folder `archie design --out` wrote. */
async function designJsonPath(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? join(path, 'design.json') : path;
  } catch {
    throw new ArchieError('INPUT', 'design folder not found', {
      path,
      hint: 'pass the folder written by `archie design --out DIR` (or its design.json), or use --brief',
    });
  }
}

/**
 * Read and validate a design.json. A file of another schemaVersion is refused with a VERSION error
 * rather than half-read: the numbers would silently mean something else.
 */
export async function loadDesign(path: string): Promise<{ design: Design; file: string }> {
  const file = await designJsonPath(path);
  let text: string;
  try {
    text = await readTextFile(file, { maxBytes: 64 * MiB, what: 'design.json' });
  } catch (e) {
    if (e instanceof ArchieError && /not found/.test(e.message) && file !== path) {
      throw new ArchieError('INPUT', 'no design.json in this folder', {
        path,
        hint: 'write one with `archie design <brief> --out DIR`, or pass --brief to scale a brief directly',
      });
    }
    throw e;
  }
  const value = parseJson(text, { path: file, label: 'design.json', hint: 'regenerate it with `archie design --out`' });
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('schemaVersion' in value)) {
    throw new ArchieError('INVALID', 'not an archie design.json (no schemaVersion)', { path: file, hint: 'pass the design.json written by `archie design --out`' });
  }
  const version = (value as { schemaVersion: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new ArchieError('VERSION', `schemaVersion ${JSON.stringify(version)} is not the one this archie reads (${SCHEMA_VERSION})`, {
      path: file,
      hint: 'regenerate the design with this version of archie (archie design <brief> --out DIR --force), or use the archie version that wrote it',
    });
  }
  const parsed = DesignSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map(String).join('.') || '(root)';
    throw new ArchieError('INVALID', `does not match the design model at ${at}: ${issue.message}`, {
      path: file,
      hint: 'the file was edited or truncated; regenerate it with `archie design --out`',
    });
  }
  return { design: parsed.data, file };
}
