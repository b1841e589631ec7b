import { describe, expect, it } from 'vitest';
import { reviewSql } from '../../../../src/review/sql/index.js';
import { rule } from '../../../../src/review/rules/sql/prefer-text.js';
import { testSqlRule } from '../_sql-tester.js';

testSqlRule(rule, {
  valid: [
    'CREATE TABLE u (email text CHECK (char_length(email) <= 320));',
    'CREATE TABLE u (email varchar);',
    {
      name: 'converted to text later',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE u (email varchar(255));' },
        { path: 'm/0002.sql', text: 'ALTER TABLE u ALTER COLUMN email TYPE text;' },
      ],
    },
  ],
  invalid: [
    { name: 'an array of varchar(n)', code: 'CREATE TABLE u (id bigint PRIMARY KEY, tags varchar(20)[]);', errors: [{ line: 1, column: 45, message: 'u.tags is varchar(20)[]' }] },
    { code: 'CREATE TABLE u (id bigint, email varchar(255) NOT NULL);', errors: [{ line: 1, column: 34, message: 'u.email is varchar(255)' }] },
    { code: 'CREATE TABLE u (name character varying(80));', errors: [{ line: 1, column: 22 }] },
    {
      name: 'named as where the type is written, even after a rename',
      files: [
        { path: 'm/0001.sql', text: 'CREATE TABLE u (mail varchar(100));' },
        { path: 'm/0002.sql', text: 'ALTER TABLE u RENAME COLUMN mail TO email;' },
      ],
      errors: [{ file: 'm/0001.sql', line: 1, column: 22, message: 'u.mail is varchar(100)' }],
    },
  ],
});

describe('sql/prefer-text fix', () => {
  it('suggests text with a named length check', async () => {
    const { findings } = await reviewSql([{ path: 'm/0001.sql', text: 'CREATE TABLE u (email varchar(255));' }], [rule]);
    expect(findings[0]?.fix?.code).toBe('email text CONSTRAINT email_length CHECK (char_length(email) <= 255)');
  });
});
