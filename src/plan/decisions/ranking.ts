import type { DecisionModule } from '../context.js';
import { n, options, quote } from './_util.js';

/** Real-time rankings. */
export const ranking: DecisionModule = {
  id: 'ranking',
  title: 'Ranking store',
  question: 'How are rankings kept current and read cheaply?',
  decide(ctx) {
    if (!ctx.archetype.traits.ranking) return null;
    return {
      considered: options([
        ['Redis sorted sets (ZADD/ZREVRANGE)', 'chosen', 'O(log n) updates and rank reads; top-N in microseconds'],
        ['SQL ORDER BY score with an index', 'viable', 'fine for small boards; rank-of-player queries need a count over the index'],
        ['Periodic batch ranking', 'rejected', 'rankings would lag by the batch interval'],
      ]),
      chosen: 'Redis sorted sets, with scores persisted in PostgreSQL',
      rationale: `Scores change ${n(ctx.load.peakWrites)} times/s at peak and players read their rank constantly; sorted sets answer both in O(log n) while PostgreSQL keeps the durable record to rebuild from.`,
      wouldChange: 'Boards of a few thousand entries could rank in SQL alone.',
      drivers: ['archetype.traits.ranking'],
      significant: false,
      quotes: [quote('peak-write-rps', ctx.load.peakWrites)],
      thresholds: [],
    };
  },
};
