import { chosen, type DecisionModule } from '../context.js';
import { options } from './_util.js';

/** Strong where money, stock or slots are at stake; eventual where availability and latency matter more. */
export const consistency: DecisionModule = {
  id: 'consistency',
  title: 'Consistency model',
  question: 'Which data must be strongly consistent, and where is eventual consistency acceptable?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    const strongCore = t.money || t.contention || t.audit;
    const db = chosen(ctx, 'primary-database') ?? 'PostgreSQL';
    const eventual: string[] = ['caches'];
    if (t.fullTextSearch) eventual.push('search index');
    if (t.realtime) eventual.push('presence and live delivery');
    if (t.fanout) eventual.push('feeds and fan-out copies');
    if (t.ranking) eventual.push('leaderboards');
    if (t.timeSeries) eventual.push('aggregates over telemetry');
    const strongParts = [
      ...(t.ledger ? ['balances and ledger entries'] : t.money ? ['orders and payments'] : []),
      ...(t.contention && !t.ledger ? ['stock, slots and reservations'] : []),
    ];
    const strongWhat = strongParts.length ? strongParts.join(', ') : 'the records of the system';
    return {
      considered: options([
        ['Strong (CP) everywhere', 'rejected', `caches and ${eventual.slice(1).join(', ') || 'derived copies'} would then block on the primary and lose availability for no user-visible gain`],
        [`Strong (CP) for ${strongWhat}, eventual (AP) for ${eventual.join(', ')}`, 'chosen', strongCore ? 'double spending or overselling is never acceptable; stale derived copies for a second are' : 'one source of truth with read-your-writes for the owner, derived copies allowed to lag'],
        ['Eventual (AP) everywhere', strongCore ? 'rejected' : 'viable', strongCore ? 'a lagging replica could approve a payment or booking twice' : 'simplest multi-region story, but users would not always see their own writes'],
      ]),
      chosen: `Strong for ${strongWhat} (${db.startsWith('PostgreSQL') ? `${db}${db === 'PostgreSQL' ? ' primary' : ', one primary per shard'}, ` + (t.money || t.contention ? 'SERIALIZABLE or SELECT … FOR UPDATE on contended rows' : 'READ COMMITTED with read-your-writes from the primary') : `${db}, QUORUM reads and writes`}); eventual for ${eventual.join(', ')}`,
      rationale: strongCore
        ? `The domain handles ${strongWhat}: a lost update costs money or trust, so those writes go to one primary in a transaction. Everything derived from them may lag by seconds.`
        : `Users must see their own writes, which reading from the primary after a write gives; derived data (${eventual.join(', ')}) can lag by seconds without harm, which keeps it fast and available.`,
      wouldChange: 'Active-active writes in several regions would force conflict resolution (CRDTs or per-entity home regions) for the strongly consistent data.',
      drivers: ['archetype.traits', 'primary-database'],
      significant: strongCore,
      quotes: [],
      thresholds: [],
    };
  },
};
