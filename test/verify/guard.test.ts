import { beforeAll, describe, expect, it } from 'vitest';
import { refusedStatements } from '../../src/verify/_guard.js';
import { loadParser, parseSqlFile } from '../../src/verify/_sql.js';

beforeAll(async () => {
  await loadParser();
});

const refusals = (sql: string) => {
  const parsed = parseSqlFile(sql);
  if (!parsed.ok) throw new Error(parsed.message);
  return refusedStatements(parsed.statements).map((r) => ({ index: r.index, line: r.statement.line, reason: r.reason }));
};

describe('the statement guard', () => {
  it.each([
    'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email citext UNIQUE NOT NULL)',
    'CREATE EXTENSION IF NOT EXISTS pgcrypto',
    'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"',
    "CREATE TYPE status AS ENUM ('a', 'b')",
    'CREATE INDEX CONCURRENTLY t_email ON t (email)',
    'ALTER TABLE t ADD CONSTRAINT c CHECK (id > 0) NOT VALID',
    "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
    'CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + 1 $$',
    'DO $$ BEGIN PERFORM 1; END $$',
    'BEGIN; COMMIT',
    "SET search_path TO public; SET statement_timeout = 0; SET client_min_messages = warning",
    "COMMENT ON TABLE t IS 'x'",
    'GRANT SELECT ON t TO PUBLIC',
    'CREATE VIEW v AS SELECT now()',
    'VACUUM ANALYZE t',
  ])('lets a schema statement through: %s', (sql) => {
    expect(refusals(sql)).toEqual([]);
  });

  it.each([
    ["COPY t TO PROGRAM 'id'", /PROGRAM runs a shell command/],
    ["COPY t TO '/tmp/x'", /COPY TO a file/],
    ['COPY t FROM STDIN', /streams data/],
    ["ALTER SYSTEM SET fsync = off", /ALTER SYSTEM/],
    ["LOAD 'plugin'", /shared library/],
    ['CHECKPOINT', /whole server/],
    ['CREATE ROLE r', /creates a role/],
    ['CREATE USER u', /creates a role/],
    ['ALTER ROLE postgres NOSUPERUSER', /changes a role/],
    ["ALTER ROLE r SET work_mem = '1GB'", /role's settings/],
    ['DROP ROLE r', /drops a role/],
    ['GRANT pg_execute_server_program TO r', /role membership/],
    ['CREATE DATABASE d', /creates a database/],
    ['DROP DATABASE d', /drops a database/],
    ["CREATE TABLESPACE s LOCATION '/tmp'", /tablespace/],
    ['CREATE EXTENSION dblink', /"dblink"/],
    ['CREATE EXTENSION postgres_fdw', /"postgres_fdw"/],
    ['CREATE EXTENSION file_fdw', /"file_fdw"/],
    ['CREATE LANGUAGE plperlu', /"plperlu"/],
    ["CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'lib', 'sym'", /language "c"/],
    ["DO LANGUAGE plpython3u $$ import os $$", /language "plpython3u"/],
    ["CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw", /another server/],
    ["CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p", /connects to another server/],
    ['CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()', /event trigger/],
    ["PREPARE TRANSACTION 'x'", /prepared transaction/],
    ['SET ROLE postgres', /switches to another role/],
    ["SET SESSION AUTHORIZATION postgres", /switches to another role/],
    ["SELECT pg_read_file('/etc/passwd')", /pg_read_file/],
    ["CREATE TABLE x AS SELECT lo_import('/etc/passwd') AS oid", /lo_import/],
    ['SELECT pg_terminate_backend(1)', /pg_terminate_backend/],
    ['SELECT pg_catalog.pg_reload_conf()', /pg_reload_conf/],
    ["CREATE VIEW v AS SELECT * FROM dblink('host=x', 'select 1') AS t(a int)", /dblink/],
  ])('refuses %s', (sql, reason) => {
    const r = refusals(sql);
    expect(r).toHaveLength(1);
    expect(r[0]!.reason).toMatch(reason);
  });

  it('reports every refused statement with its position in the file', () => {
    expect(refusals('CREATE TABLE t (id int);\n\nDROP DATABASE d;\nCREATE INDEX i ON t (id);\n  ALTER SYSTEM SET fsync = off;').map(({ index, line }) => ({ index, line }))).toEqual([
      { index: 2, line: 3 },
      { index: 4, line: 5 },
    ]);
  });
});
