import { TECHNOLOGIES } from '../../knowledge/technologies.js';
import type { DecisionModule } from '../context.js';
import { n, options } from './_util.js';

/** PostgreSQL unless the write rate is beyond what sharding a few primaries handles and nothing needs transactions across rows. */
export const primaryDatabase: DecisionModule = {
  id: 'primary-database',
  title: 'Primary database',
  question: 'Which database is the system of record?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    const peakWrites = ctx.load.peakWrites;
    const perPrimary = ctx.limits.pgWritesPerPrimary.value;
    const primariesNeeded = Math.ceil(peakWrites / perPrimary);
    const needsTransactions = t.money || t.contention;
    const wideColumn = primariesNeeded > 4 && !needsTransactions;
    const choice = wideColumn ? 'Apache Cassandra' : 'PostgreSQL';
    return {
      considered: options([
        ['PostgreSQL', wideColumn ? 'viable' : 'chosen', `ACID transactions, partial/composite/GIN indexes, JSONB and full-text search in one engine; one primary takes ~${n(perPrimary)} writes/s (${ctx.limits.pgWritesPerPrimary.source})`],
        ['MySQL', 'viable', 'equally proven for OLTP, but lacks partial and GIN indexes the access patterns use'],
        ['Apache Cassandra / ScyllaDB', wideColumn ? 'chosen' : 'rejected', wideColumn ? `peak ${n(peakWrites)} writes/s needs ${primariesNeeded} PostgreSQL primaries; a wide-column store scales writes linearly by adding nodes` : `peak ${n(peakWrites)} writes/s fits ${primariesNeeded} PostgreSQL primar${primariesNeeded === 1 ? 'y' : 'ies'}; query-first modelling and no transactions would cost more than they save`],
        ['MongoDB', 'rejected', 'document model adds nothing the relational schema with JSONB lacks, and multi-document transactions are weaker'],
        ['DynamoDB', ctx.req.cloud.value === 'aws' ? 'viable' : 'rejected', 'serverless scaling, but access patterns must be fixed up front and ad-hoc queries and joins are out'],
      ]),
      chosen: choice,
      rationale: wideColumn
        ? `At peak the system writes ${n(peakWrites)} rows/s, ${primariesNeeded}× what one PostgreSQL primary sustains, and no operation needs a multi-row transaction, so a wide-column store that scales writes by adding nodes is cheaper to run than ${primariesNeeded} hand-sharded primaries.`
        : `Peak writes of ${n(peakWrites)}/s are ${n((peakWrites / perPrimary) * 100)}% of one PostgreSQL primary's ~${n(perPrimary)} writes/s${needsTransactions ? ', and the domain needs multi-row transactions (money or limited stock)' : ''}. PostgreSQL covers the relational model, the indexes the access patterns need and ${t.fullTextSearch ? 'basic full-text search' : 'JSON attributes'} in one well-understood engine. ${TECHNOLOGIES.postgresql.weaknesses}`,
      wouldChange: wideColumn
        ? 'A need for cross-row transactions, or write rates falling under ~4 primaries, would bring the choice back to PostgreSQL.'
        : `Sustained peak writes above ~${n(perPrimary * 4)}/s (4 primaries) with no need for transactions would favour Cassandra/ScyllaDB; AWS-only serverless with fixed access patterns would make DynamoDB viable.`,
      drivers: ['capacity.peak-write-rps', 'limits.pgWritesPerPrimary', 'archetype.traits.money', 'archetype.traits.contention'],
      significant: true,
    };
  },
};
