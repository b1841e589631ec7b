import type { CoherenceRule, Contradiction } from '../_types.js';
import { valueOf } from '../_values.js';

/**
 * When the capacity plan needs more than one write primary within a year, the database decision
 * plans the shards (it does not say "single writer") and the cost prices a primary pair per shard.
 */
export const databaseShards: CoherenceRule = {
  id: 'database-shards',
  summary: 'write primaries the capacity plan needs are the shards the database decision plans and the cost prices',
  check(d) {
    const out: Contradiction[] = [];
    const x = d.decisions.find((y) => y.id === 'primary-database');
    const year = valueOf(d, 'db-write-primaries', 'oneYear');
    if (!x || year === undefined || !x.chosen.startsWith('PostgreSQL')) return out;
    const sharded = /shard/i.test(x.chosen);
    if (year > 1 && !sharded) {
      out.push({ rule: this.id, places: ['decisions.primary-database.chosen', 'capacity.figures.db-write-primaries'], message: `the capacity plan needs ${year} write primaries within a year, but the database decision chose ${x.chosen} with no sharding`, fix: 'shard PostgreSQL by its tenant or user key (or choose a store that scales writes), and price a primary pair per shard' });
    }
    if (year > 1 && /single writer/i.test(x.rationale)) {
      out.push({ rule: this.id, places: ['decisions.primary-database.rationale', 'capacity.figures.db-write-primaries'], message: `the database decision calls PostgreSQL a single writer while the capacity plan needs ${year} write primaries within a year`, fix: 'say how the writes are split across primaries' });
    }
    if (year <= 1 && sharded) {
      out.push({ rule: this.id, places: ['decisions.primary-database.chosen', 'capacity.figures.db-write-primaries'], message: `the database decision shards PostgreSQL, but the capacity plan needs one write primary for the year`, fix: 'keep one primary until the plan needs more' });
    }
    for (const h of d.cost.horizons) {
      const need = valueOf(d, 'db-write-primaries', h.at) ?? 1;
      const pairs = h.lines.filter((l) => l.target === 'postgres' && /Multi-AZ/.test(l.item)).reduce((a, l) => a + l.quantity, 0);
      if (pairs > 0 && pairs !== 2 * need) {
        out.push({ rule: this.id, places: [`cost.horizons.${h.at}`, 'capacity.figures.db-write-primaries'], message: `at ${h.at === 'oneYear' ? '1 year' : '6 months'} the cost prices ${pairs} PostgreSQL instances, but ${need} write primaries need ${2 * need} (each with its standby)`, fix: 'price the primary pairs from db-write-primaries at each horizon' });
      }
    }
    return out;
  },
};
