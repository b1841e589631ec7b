import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isArchieError } from '../errors.js';
import { MiB, readTextFile } from '../util/input.js';
import type { Design } from '../model/design.js';
import type { Evidence } from './report.js';
import type { EmbeddedPostgres } from './_pglite.js';
import type { GenerateResult } from './_datagen.js';
import { parseYamlFile, type YamlFile } from './_yaml.js';
import { loadParser, parseSqlFile, type SqlParse } from './_sql.js';

export interface VerifyOptions {
  /** A real PostgreSQL to apply the schema to as well (a scratch database is created and dropped). */
  databaseUrl?: string;
  /** Run only these checks (ids). */
  only?: readonly string[];
  /** Rows generated in each main table for the EXPLAIN checks (default 100,000). */
  rows?: number;
  /** How long one statement of the folder's SQL may run before it is stopped (default 20 s). */
  statementTimeoutMs?: number;
  /** Progress messages (one line each) while checks run. */
  onProgress?: (message: string) => void;
  /** Chromium executable for the report check (default /usr/bin/chromium). */
  chromiumPath?: string;
  /** Write the report check's screenshots here (for people and tests); none by default. */
  screenshotDir?: string;
  /**
   * An embedded PostgreSQL to reuse (from `startEmbeddedPostgres`), for callers that verify many
   * folders: it is emptied before use and left running. By default each run starts its own.
   */
  embedded?: EmbeddedPostgres;
}

export type FileRead = { ok: true; rel: string; text: string } | { ok: false; rel: string; missing: boolean; message: string };

export type DesignLoad = { ok: true; design: Design } | { ok: false; evidence: Evidence[]; wrongVersion?: boolean };

/** Outcome of applying schema.sql to the embedded PostgreSQL, shared by the checks that need the tables. */
export type SchemaApply = { ok: true; pg: EmbeddedPostgres; statements: number; evidence: Evidence[] } | { ok: false; reason: string; evidence: Evidence[] };

const MAX_FILE = 64 * MiB;

/** Rows in each main table for the EXPLAIN checks. */
export const DEFAULT_ROWS = 100_000;

export type GeneratedData = { ok: true; pg: EmbeddedPostgres; result: GenerateResult; ms: number } | { ok: false; reason: string };

/**
 * State shared by the checks of one verify run: files read once, the design parsed once, the SQL
 * parser loaded once, and one embedded PostgreSQL started on first use and closed at the end.
 */
export class VerifyContext {
  readonly tools = new Map<string, string>();
  private readonly files = new Map<string, Promise<FileRead>>();
  private readonly yamls = new Map<string, Promise<YamlFile | FileRead>>();
  private designLoad: Promise<DesignLoad> | undefined;
  private embedded: Promise<EmbeddedPostgres> | undefined;
  private schema: Promise<SchemaApply> | undefined;
  private data: Promise<GeneratedData> | undefined;
  private sqlParses = new Map<string, Promise<SqlParse | FileRead>>();
  /** Cleanups run when the verify run ends (close databases and browsers). */
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(
    /** Absolute path of the design folder. */
    readonly root: string,
    readonly options: VerifyOptions,
  ) {}

  progress(message: string): void {
    this.options.onProgress?.(message);
  }

  /** Read a file of the design folder (relative POSIX path); never throws. */
  read(rel: string): Promise<FileRead> {
    let p = this.files.get(rel);
    if (!p) {
      p = readTextFile(join(this.root, ...rel.split('/')), { maxBytes: MAX_FILE, what: rel, allowEmpty: false })
        .then((text): FileRead => ({ ok: true, rel, text }))
        .catch((e: unknown): FileRead => {
          const message = isArchieError(e) ? e.message : (e as Error).message;
          return { ok: false, rel, missing: /not found/.test(message), message };
        });
      this.files.set(rel, p);
    }
    return p;
  }

  /** Files directly under a folder of the design folder, sorted; empty when it does not exist. */
  async list(relDir: string, suffixes: readonly string[]): Promise<string[]> {
    try {
      const entries = await readdir(join(this.root, ...relDir.split('/')), { withFileTypes: true });
      return entries
        .filter((e) => e.isFile() && suffixes.some((s) => e.name.endsWith(s)))
        .map((e) => posix.join(relDir, e.name))
        .sort();
    } catch {
      return [];
    }
  }

  /** Read and parse a YAML file; a FileRead (not ok) when it cannot be read. */
  yaml(rel: string): Promise<YamlFile | FileRead> {
    let p = this.yamls.get(rel);
    if (!p) {
      p = this.read(rel).then((f) => (f.ok ? parseYamlFile(f.text, rel) : f));
      this.yamls.set(rel, p);
    }
    return p;
  }

  /** Parse a SQL file with the PostgreSQL parser. */
  sql(rel: string): Promise<SqlParse | FileRead> {
    let p = this.sqlParses.get(rel);
    if (!p) {
      p = this.read(rel).then(async (f) => {
        if (!f.ok) return f;
        await loadParser();
        return parseSqlFile(f.text);
      });
      this.sqlParses.set(rel, p);
    }
    return p;
  }

  /** design.json parsed and validated (once per run). */
  design(): Promise<DesignLoad> {
    this.designLoad ??= import('./_design.js').then(({ loadDesign }) => loadDesign(this));
    return this.designLoad;
  }

  /** schema.sql applied to the embedded PostgreSQL (once per run). */
  appliedSchema(): Promise<SchemaApply> {
    this.schema ??= import('./_schema.js').then(({ applySchemaEmbedded }) => applySchemaEmbedded(this));
    return this.schema;
  }

  /** Generated rows in the applied schema (once per run). */
  generatedData(): Promise<GeneratedData> {
    this.data ??= (async (): Promise<GeneratedData> => {
      const applied = await this.appliedSchema();
      if (!applied.ok) return { ok: false, reason: `${applied.reason} (see the schema-pglite check)` };
      const load = await this.design();
      const { generateData } = await import('./_datagen.js');
      const t0 = performance.now();
      try {
        const result = await generateData(applied.pg.db, {
          ...(load.ok && { design: load.design }),
          rows: this.options.rows ?? DEFAULT_ROWS,
          onProgress: (m) => this.progress(m),
        });
        return { ok: true, pg: applied.pg, result, ms: performance.now() - t0 };
      } catch (e) {
        return { ok: false, reason: (e as Error).message };
      }
    })();
    return this.data;
  }

  /** Parse schema.sql and start the embedded PostgreSQL with the extensions it creates; errors surface later, in the checks. */
  async warmUp(): Promise<void> {
    try {
      const parsed = await this.sql('schema.sql');
      if ('statements' in parsed && parsed.ok) {
        const { createdExtensions } = await import('./_schema.js');
        const { embeddedExtensions } = await import('./_pglite.js');
        await this.embeddedPostgres(embeddedExtensions(createdExtensions(parsed.statements)).available);
      }
    } catch {
      // the schema check reports it
    }
  }

  /** The embedded PostgreSQL, started on first use with the extensions given then. */
  embeddedPostgres(extensions: readonly string[]): Promise<EmbeddedPostgres> {
    this.embedded ??= import('./_pglite.js').then(async ({ startEmbeddedPostgres, resetEmbeddedPostgres }) => {
      const given = this.options.embedded;
      // A reused instance that an earlier run had to terminate (a runaway statement) is replaced by one of this run's own.
      if (given && given.db.alive()) {
        await resetEmbeddedPostgres(given);
        this.tools.set('PostgreSQL (embedded)', given.version);
        return given;
      }
      const pg = await startEmbeddedPostgres(extensions);
      this.tools.set('PostgreSQL (embedded)', pg.version);
      this.onCleanup(() => pg.db.close());
      return pg;
    });
    return this.embedded;
  }

  onCleanup(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch {
        // Closing is best effort: the run's verdict is already known.
      }
    }
  }
}

/** Evidence for a file that could not be read. */
export function unreadable(f: Extract<FileRead, { ok: false }>, what?: string): Evidence {
  return {
    subject: f.rel,
    ok: false,
    file: f.rel,
    message: f.missing ? `${f.rel} is missing${what ? `: ${what}` : ''}` : f.message,
  };
}

export function isFileRead(v: unknown): v is FileRead {
  return typeof v === 'object' && v !== null && 'rel' in v && 'ok' in v;
}
