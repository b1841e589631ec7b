import { describe, expect, it } from 'vitest';
import { reviewSql } from '../../../src/review/sql/index.js';
import { compareMigrationPaths, isDownMigration } from '../../../src/review/sql/order.js';
import { SourceText } from '../../../src/review/sql/source.js';
import { rule as createIndex } from '../../../src/review/rules/sql/create-index-concurrently.js';
import { rule as dropTable } from '../../../src/review/rules/sql/drop-table.js';

describe('SourceText', () => {
  it('maps UTF-8 byte offsets to lines and UTF-16 columns', () => {
    const text = 'ab\n-- é 😀 x\nSELECT';
    const s = new SourceText(text);
    const bytes = Buffer.from(text, 'utf8');
    expect(s.position(bytes.indexOf('x'))).toEqual({ line: 2, column: 9 });
    expect(s.position(bytes.indexOf('SELECT'))).toEqual({ line: 3, column: 1 });
    expect(s.position(0)).toEqual({ line: 1, column: 1 });
    expect(s.sliceBytes(bytes.indexOf('é'), bytes.indexOf('x'))).toBe('é 😀 ');
  });

  it('treats CRLF line ends as one line break', () => {
    const s = new SourceText('a\r\nb');
    expect(s.position(3)).toEqual({ line: 2, column: 1 });
  });
});

describe('migration order', () => {
  it('compares numbers as numbers, file by file', () => {
    const names = ['m/0010_y.sql', 'm/0002_x.sql', 'm/V1.1__fix.sql', 'm/V1__init.sql', 'm/V2__more.sql', 'a/9_z.sql'];
    expect([...names].sort(compareMigrationPaths)).toEqual(['a/9_z.sql', 'm/0002_x.sql', 'm/0010_y.sql', 'm/V1__init.sql', 'm/V1.1__fix.sql', 'm/V2__more.sql']);
  });

  it('recognises down migrations', () => {
    expect(isDownMigration('db/000001_init.down.sql')).toBe(true);
    expect(isDownMigration('migrations/2024-01-01-000000_init/down.sql')).toBe(true);
    expect(isDownMigration('sql/U2__undo.sql')).toBe(true);
    expect(isDownMigration('sqitch/revert/orders.sql')).toBe(true);
    expect(isDownMigration('db/000001_init.up.sql')).toBe(false);
    expect(isDownMigration('db/0003_shutdown.sql')).toBe(false);
  });
});

describe('reviewSql robustness', () => {
  it('reports a syntax error with its line and column (multi-byte text before it) and reviews the other files', async () => {
    const result = await reviewSql(
      [
        { path: 'm/0001.sql', text: "-- café\nSELECT 'ünïcödé';\nCREATE TABL x;" },
        { path: 'm/0002.sql', text: 'CREATE INDEX ON orders (x);' },
      ],
      [createIndex],
    );
    expect(result.errors).toEqual([{ file: 'm/0001.sql', message: 'SQL syntax error: syntax error at or near "TABL"', line: 3, column: 8 }]);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['sql/create-index-concurrently']);
  });

  it('accepts empty and comment-only files', async () => {
    const result = await reviewSql([
      { path: 'm/0001.sql', text: '' },
      { path: 'm/0002.sql', text: '-- nothing yet\n/* still nothing */\n' },
    ]);
    expect(result).toEqual({ findings: [], errors: [], files: ['m/0001.sql', 'm/0002.sql'] });
  });

  it('keeps down migrations and dbmate down sections out of the history', async () => {
    const result = await reviewSql(
      [
        { path: 'db/0001_a.up.sql', text: 'CREATE TABLE a (id bigint PRIMARY KEY);' },
        { path: 'db/0001_a.down.sql', text: 'DROP TABLE a;' },
        { path: 'db/0002_b.sql', text: '-- migrate:up\nCREATE TABLE b (id bigint PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE legacy;\n' },
      ],
      [dropTable],
    );
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('reviews PL/pgSQL bodies and DO blocks without tripping on them', async () => {
    const result = await reviewSql([
      {
        path: 'm/0001.sql',
        text: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;\nDO $$ BEGIN RAISE NOTICE 'hi; there'; END $$;",
      },
    ]);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});

describe('syntax error positions', () => {
  it('counts the error cursor in characters, astral ones included', async () => {
    const result = await reviewSql([{ path: 'm/0001.sql', text: "SELECT '😀😀';\n  CREATE TABL x;" }]);
    expect(result.errors[0]).toMatchObject({ line: 2, column: 10 });
  });
});

describe('psql scripts', () => {
  it('reviews pg_dump output with backslash meta-commands, keeping positions', async () => {
    const dump = [
      '--',
      '-- PostgreSQL database dump',
      '--',
      '\\restrict Zk3xQ',
      "SET statement_timeout = 0;",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "CREATE FUNCTION public.f() RETURNS text LANGUAGE sql AS $$",
      '\\notacommand inside a body',
      '$$;',
      'CREATE TABLE public.events (at timestamp);',
      '\\unrestrict Zk3xQ',
      '',
    ].join('\n');
    const result = await reviewSql([{ path: 'db/structure.sql', text: dump }]);
    expect(result.errors).toEqual([]);
    const ts = result.findings.find((f) => f.ruleId === 'sql/prefer-timestamptz');
    expect(ts?.location).toMatchObject({ line: 10, column: 32 });
  });

  it('still reports a syntax error when a backslash line sits inside a statement body that is broken', async () => {
    const result = await reviewSql([{ path: 'x.sql', text: "SELECT 'unterminated\n\\x\n" }]);
    expect(result.errors).toHaveLength(1);
  });
});

describe('one broken statement', () => {
  it('hides only itself: the other statements of the file are reviewed, every broken one is reported', async () => {
    const result = await reviewSql([
      { path: 'm/0001.sql', text: 'CREATE INDEX ON orders (a);\nALTER TABLE orders ADD COLUMN note text\nALTER TABLE orders DROP COLUMN x;\nCREATE INDEX ON orders (b);\nSELEC 1;\n' },
    ], [createIndex]);
    expect(result.errors).toEqual([
      { file: 'm/0001.sql', message: 'SQL syntax error: syntax error at or near "ALTER"', line: 3, column: 1 },
      { file: 'm/0001.sql', message: 'SQL syntax error: syntax error at or near "SELEC"', line: 5, column: 1 },
    ]);
    expect(result.findings.map((f) => (f.location.kind === 'file' ? f.location.line : 0))).toEqual([1, 4]);
  });

  it('reports an unterminated string once, with its position', async () => {
    const result = await reviewSql([{ path: 'm/0001.sql', text: "CREATE INDEX ON orders (a);\nSELECT 'open" }], [createIndex]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 2 });
  });
});

describe('line ends', () => {
  it('counts a lone CR as a line break, as editors do', async () => {
    const s = new SourceText('a\rb\r\nc\nd');
    expect(s.position(2)).toEqual({ line: 2, column: 1 });
    expect(s.position(5)).toEqual({ line: 3, column: 1 });
    expect(s.position(7)).toEqual({ line: 4, column: 1 });
    const result = await reviewSql([{ path: 'm/0001.sql', text: 'SELECT 1;\rCREATE INDEX ON orders (a);' }], [createIndex]);
    expect(result.findings[0]?.location).toMatchObject({ line: 2, column: 1 });
  });
});
