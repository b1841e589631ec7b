import { planEntities } from '../entities.js';
import { describeCosts, describeKeys, shardKeys } from '../shard-keys.js';
import { TECHNOLOGIES } from '../../knowledge/technologies.js';
import { LIMITS } from '../../knowledge/limits.js';
import { planCapacity, postgresWriteShare } from '../capacity.js';
import type { DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/**
 * PostgreSQL unless the write rate within a year is beyond what sharding a few primaries handles
 * and nothing needs transactions across rows. It reads the capacity plan's own figures (write
 * rows, primaries needed now and in a year), so the decision, the capacity table and the cost say
 * one number: when a year of growth needs more than one primary, PostgreSQL is sharded from the start.
 */
export const primaryDatabase: DecisionModule = {
  id: 'primary-database',
  title: 'Primary database',
  question: 'Which database is the system of record?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    // The write figures do not depend on later decisions (cache, broker), so they are final here.
    const cap = planCapacity(ctx);
    // Measurements that go to the time-series store are not written to PostgreSQL: its own figure then.
    const rowsFigure = cap.figures.some((f) => f.id === 'db-peak-writes-postgres') ? 'db-peak-writes-postgres' : cap.figures.some((f) => f.id === 'db-rows-written-peak') ? 'db-rows-written-peak' : 'peak-write-rps';
    const pgShare = postgresWriteShare(ctx.archetype);
    const rows = cap.get(rowsFigure);
    const primaries = cap.get('db-write-primaries');
    const data = cap.get('db-data');
    const perPrimary = ctx.limits.pgWritesPerPrimary.value;
    const perNodeGb = LIMITS.pgStoragePerNode.value;
    const writeShardsYear = Math.ceil(rows.oneYear / perPrimary);
    const needsTransactions = t.money || t.contention;
    const wideColumn = writeShardsYear > 4 && !needsTransactions;
    const sharded = !wideColumn && primaries.oneYear > 1;
    // The key is the column the heaviest tables' reads filter on (the redirect's short code, a chat's
    // conversation), from the entities' access patterns; a tenant column wins where every query has one.
    const keys = sharded ? shardKeys(planEntities(ctx, (e) => (e.store === 'timeseries' && t.timeSeries ? 'timescaledb' : 'postgres')), { multiTenant: t.multiTenant, atomic: needsTransactions }) : [];
    const key = keys[0] ? `${keys[0].table}.${keys[0].field}` : t.multiTenant ? 'tenant id' : 'user id';
    const keyCosts = describeCosts(keys);
    const choice = wideColumn ? 'Apache Cassandra' : sharded ? `PostgreSQL, sharded by ${key} (Citus)` : 'PostgreSQL';
    const rowsWord = rowsFigure === 'peak-write-rps' ? 'writes' : 'row writes';
    // "of the 7,500/s at peak (13,469/s after a year), the 1% that are not measurements": the figures the capacity plan holds, then PostgreSQL's share.
    const pgNote = rowsFigure === 'db-peak-writes-postgres' ? ` (the ${n(pgShare * 100)}% of writes that are not measurements; those go to the time-series store)` : '';
    const why: string[] = [];
    if (Math.ceil(rows.oneYear / perPrimary) > 1) why.push(`${n(rows.oneYear)} ${rowsWord}/s at peak after a year (${n((rows.oneYear / perPrimary) * 100)}% of one primary's ~${n(perPrimary)})`);
    if (Math.ceil(data.oneYear / perNodeGb) > 1) why.push(`${n(data.oneYear)} GB of data after a year, where one node holds ~${n(perNodeGb)} GB`);
    const rationale = wideColumn
      ? `At peak the system writes ${n(rows.current)} rows/s now and ${n(rows.oneYear)} rows/s after a year${pgNote}, ${writeShardsYear}× what one PostgreSQL primary sustains, and no operation needs a multi-row transaction, so a wide-column store that scales writes by adding nodes is cheaper to run than ${writeShardsYear} hand-sharded primaries.`
      : sharded
        ? `Peak ${rowsWord} of ${n(rows.current)}/s${pgNote} are ${n((rows.current / perPrimary) * 100)}% of one PostgreSQL primary's ~${n(perPrimary)} ${rowsWord}/s; the capacity plan needs ${primaries.current} write primar${primaries.current === 1 ? 'y' : 'ies'} at launch and ${primaries.oneYear} within a year (${why.join('; ')}). ` +
          `${needsTransactions ? 'The domain needs multi-row transactions (money or limited stock), so ' : ''}PostgreSQL stays the engine but is sharded from the start (Citus distributed tables)${keys.length > 0 ? `, each table by the column its reads filter on: ${describeKeys(keys)}` : ` by ${key}`}; primaries are added as the data grows instead of a migration later.${keyCosts.length > 0 ? ` The cost of the keys: ${keyCosts.join('; ')}.` : ''}`
        : `Peak ${rowsWord} of ${n(rows.current)}/s${pgNote} are ${n((rows.current / perPrimary) * 100)}% of one PostgreSQL primary's ~${n(perPrimary)} ${rowsWord}/s (${n(rows.oneYear)}/s after a year)${needsTransactions ? ', and the domain needs multi-row transactions (money or limited stock)' : ''}. PostgreSQL covers the relational model, the indexes the access patterns need and ${t.fullTextSearch ? 'basic full-text search' : 'JSON attributes'} in one well-understood engine. ${TECHNOLOGIES.postgresql.weaknesses}`;
    return {
      considered: options([
        ['PostgreSQL', wideColumn ? 'viable' : 'chosen', `ACID transactions, partial/composite/GIN indexes, JSONB and full-text search in one engine; one primary takes ~${n(perPrimary)} writes/s (${ctx.limits.pgWritesPerPrimary.source})${sharded ? `; sharded by ${key} with Citus past one primary` : ''}`],
        ['MySQL', 'viable', 'equally proven for OLTP, but lacks partial and GIN indexes the access patterns use'],
        ['Apache Cassandra / ScyllaDB', wideColumn ? 'chosen' : 'rejected', wideColumn ? `${n(rows.oneYear)} ${rowsWord}/s at peak within a year needs ${writeShardsYear} PostgreSQL primaries; a wide-column store scales writes linearly by adding nodes` : needsTransactions ? 'no multi-row transactions, and the domain moves money or limited stock' : `${n(rows.oneYear)} ${rowsWord}/s at peak within a year fits ${writeShardsYear} PostgreSQL primar${writeShardsYear === 1 ? 'y' : 'ies'}${sharded && primaries.oneYear > writeShardsYear ? ' on writes (the other shards hold the data)' : ''}; query-first modelling and no transactions would cost more than they save`],
        ['MongoDB', 'rejected', 'document model adds nothing the relational schema with JSONB lacks, and multi-document transactions are weaker'],
        ['DynamoDB', ctx.req.cloud.value === 'aws' ? 'viable' : 'rejected', 'serverless scaling, but access patterns must be fixed up front and ad-hoc queries and joins are out'],
      ]),
      chosen: choice,
      rationale,
      wouldChange: wideColumn
        ? 'A need for cross-row transactions, or write rates falling under ~4 primaries, would bring the choice back to PostgreSQL.'
        : needsTransactions
          ? 'Writes beyond what a handful of sharded primaries take would call for a distributed SQL database (CockroachDB, YugabyteDB, Spanner) that keeps transactions; AWS-only serverless with fixed access patterns would make DynamoDB viable.'
          : `Sustained peak writes above ~${n(perPrimary * 4)}/s (4 primaries) with no need for transactions would favour Cassandra/ScyllaDB; AWS-only serverless with fixed access patterns would make DynamoDB viable.`,
      drivers: ['capacity.peak-write-rps', 'capacity.db-write-primaries', 'limits.pgWritesPerPrimary', 'archetype.traits.money', 'archetype.traits.contention'],
      significant: true,
      quotes: [
        quote(rowsFigure, rows.current),
        quote(rowsFigure, rows.oneYear, 'oneYear'),
        quote('limits.pg-writes-per-primary', perPrimary),
        ...(sharded ? [quote('db-write-primaries', primaries.current), quote('db-write-primaries', primaries.oneYear, 'oneYear')] : []),
        ...(sharded && Math.ceil(data.oneYear / perNodeGb) > 1 ? [quote('db-data', data.oneYear, 'oneYear')] : []),
      ],
      thresholds: !wideColumn && !needsTransactions ? [threshold(rowsFigure, perPrimary * 4, 'Apache Cassandra', 'oneYear')] : [],
    };
  },
};
