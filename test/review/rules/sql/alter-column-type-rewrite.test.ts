import { describe, expect, it } from 'vitest';
import { classifyTypeChange, rule } from '../../../../src/review/rules/sql/alter-column-type-rewrite.js';
import type { SqlType } from '../../../../src/review/sql/ast.js';
import { testSqlRule } from '../_sql-tester.js';

const history = (first: string, second: string) => ({
  files: [
    { path: 'm/0001.sql', text: first },
    { path: 'm/0002.sql', text: second },
  ],
});

testSqlRule(rule, {
  valid: [
    { name: 'varchar widened', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(50));', 'ALTER TABLE t ALTER COLUMN s TYPE varchar(100);') },
    { name: 'varchar to text', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(50));', 'ALTER TABLE t ALTER COLUMN s TYPE text;') },
    { name: 'varchar limit removed', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s character varying(50));', 'ALTER TABLE t ALTER COLUMN s TYPE varchar;') },
    { name: 'numeric precision widened', ...history('CREATE TABLE t (id bigint PRIMARY KEY, n numeric(10,2));', 'ALTER TABLE t ALTER COLUMN n TYPE numeric(12,2);') },
    { name: 'cidr to inet', ...history('CREATE TABLE t (id bigint PRIMARY KEY, c cidr);', 'ALTER TABLE t ALTER COLUMN c TYPE inet;') },
    { name: 'timestamp to timestamptz in UTC', ...history('CREATE TABLE t (id bigint PRIMARY KEY, at timestamp);', "SET TIME ZONE 'UTC';\nALTER TABLE t ALTER COLUMN at TYPE timestamptz;") },
    { name: 'unknown old type, target reachable for free', code: 'ALTER TABLE t ALTER COLUMN s TYPE text;' },
    { name: 'table new in this file', code: 'CREATE TABLE t (id int PRIMARY KEY);\nALTER TABLE t ALTER COLUMN id TYPE bigint;' },
    { name: 'varchar to text with USING col::text, as Django writes it', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(50));', 'ALTER TABLE t ALTER COLUMN s TYPE text USING "s"::text;') },
    { name: 'varchar widened with USING col::varchar(n)', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(50));', 'ALTER TABLE t ALTER COLUMN s TYPE varchar(255) USING s::varchar(255);') },
    { name: 'unknown old type, USING a plain cast to text', code: 'ALTER TABLE t ALTER COLUMN s TYPE text USING s::text;' },
    { name: 'type changed twice, second is a widening', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s text);\n', 'SELECT 1;') },
  ],
  invalid: [
    { name: 'int to bigint', ...history('CREATE TABLE t (id int PRIMARY KEY);', 'ALTER TABLE t ALTER COLUMN id TYPE bigint;'), errors: [{ file: 'm/0002.sql', line: 1, column: 15, message: 'ALTER COLUMN id TYPE bigint (was integer) on existing table t' }] },
    { name: 'unknown old type, target needs a rewrite', code: 'ALTER TABLE t ALTER COLUMN id TYPE bigint;', errors: [{ line: 1, column: 15 }] },
    { name: 'varchar narrowed', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(100));', 'ALTER TABLE t ALTER COLUMN s TYPE varchar(50);'), errors: [{ file: 'm/0002.sql', line: 1, column: 15 }] },
    { name: 'text to varchar(n)', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s text);', 'ALTER TABLE t ALTER COLUMN s TYPE varchar(20);'), errors: [{ file: 'm/0002.sql', line: 1, column: 15 }] },
    { name: 'numeric scale changed', ...history('CREATE TABLE t (id bigint PRIMARY KEY, n numeric(10,2));', 'ALTER TABLE t ALTER COLUMN n TYPE numeric(12,4);'), errors: [{ file: 'm/0002.sql', line: 1, column: 15 }] },
    { name: 'timestamptz outside UTC', ...history('CREATE TABLE t (id bigint PRIMARY KEY, at timestamp);', 'ALTER TABLE t ALTER COLUMN at TYPE timestamptz;'), errors: [{ file: 'm/0002.sql', line: 1, column: 15, message: 'unless the session TimeZone is UTC' }] },
    { name: 'int to bigint with USING col::bigint is still a rewrite', ...history('CREATE TABLE t (id int PRIMARY KEY);', 'ALTER TABLE t ALTER COLUMN id TYPE bigint USING id::bigint;'), errors: [{ file: 'm/0002.sql', line: 1, column: 15, message: 'is not a binary-compatible change' }] },
    { name: 'timestamptz in UTC before PostgreSQL 12', ...history('CREATE TABLE t (id bigint PRIMARY KEY, at timestamp);', "SET TIME ZONE 'UTC';\nALTER TABLE t ALTER COLUMN at TYPE timestamptz;"), options: { pgVersion: 11 }, errors: [{ file: 'm/0002.sql', line: 2, column: 15 }] },
    { name: 'USING a cast to another type than the target', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(10));', 'ALTER TABLE t ALTER COLUMN s TYPE text USING s::varchar(5);'), errors: [{ file: 'm/0002.sql', line: 1, column: 15, message: 'with USING' }] },
    { name: 'USING that computes a value rewrites', ...history('CREATE TABLE t (id bigint PRIMARY KEY, s varchar(10));', 'ALTER TABLE t ALTER COLUMN s TYPE text USING trim(s);'), errors: [{ file: 'm/0002.sql', line: 1, column: 15, message: 'with USING' }] },
    {
      name: 'second subcommand of a multi-command ALTER',
      ...history('CREATE TABLE t (id bigint PRIMARY KEY, a int, s varchar(10));', 'ALTER TABLE ONLY public.t\n  ALTER COLUMN s TYPE varchar(20),\n  ALTER COLUMN a TYPE bigint;'),
      errors: [{ file: 'm/0002.sql', line: 3, column: 3 }],
    },
    {
      name: 'old type follows a rename',
      ...history('CREATE TABLE t (id bigint PRIMARY KEY, qty int);\nALTER TABLE t RENAME COLUMN qty TO quantity;', 'ALTER TABLE t ALTER COLUMN quantity TYPE bigint;'),
      errors: [{ file: 'm/0002.sql', line: 1, column: 15, message: '(was integer)' }],
    },
  ],
});

describe('classifyTypeChange', () => {
  const t = (name: string, mods: number[] = []): SqlType => ({ name, schema: null, mods, array: false, location: 0 });
  it.each([
    [t('varchar', [10]), t('varchar', [20]), false, 'none'],
    [t('varchar', [20]), t('varchar', [10]), false, 'rewrite'],
    [t('varbit', [8]), t('varbit', [16]), false, 'none'],
    [t('timestamp', [3]), t('timestamp', [6]), false, 'none'],
    [t('numeric', [10, 2]), t('numeric'), false, 'none'],
    [t('numeric'), t('numeric', [10, 2]), false, 'rewrite'],
    [t('int4'), t('int8'), false, 'rewrite'],
    [t('timestamp'), t('timestamptz'), true, 'none'],
    [t('bpchar', [2]), t('text'), false, 'rewrite'],
    [undefined, t('text'), false, 'unknown'],
    [undefined, t('int8'), false, 'rewrite'],
  ] as const)('%o → %o (utc %s) is %s', (from, to, utc, expected) => {
    expect(classifyTypeChange(from, to, utc)).toBe(expected);
  });
});
