import type { DecisionModule } from '../context.js';
import { n, options, quote } from './_util.js';

/** Nearby-search for moving things. */
export const geo: DecisionModule = {
  id: 'geo-index',
  title: 'Geospatial index',
  question: 'How are "nearby" queries over moving positions answered?',
  decide(ctx) {
    if (!ctx.archetype.traits.geo) return null;
    const updates = ctx.load.peakWrites;
    return {
      considered: options([
        ['Redis GEO (geohash sorted sets) for live positions + geohash column in PostgreSQL for history', 'chosen', 'in-memory radius queries in milliseconds at high update rates; history stays relational'],
        ['PostGIS', 'viable', 'rich spatial SQL, but every position update would be a row write with index maintenance on the primary'],
        ['Uber H3 hexagon ids', 'viable', 'uniform cells for pricing/supply maps; adds a library, same storage question'],
      ]),
      chosen: 'Redis GEO for live positions; geohash prefix index in PostgreSQL for history',
      rationale: `Positions change ${n(updates)} times/s at peak; keeping only the latest position per driver in memory and querying by radius avoids turning every update into a durable indexed write.`,
      wouldChange: 'Complex polygons (zones, geofences) would add PostGIS for those queries.',
      drivers: ['archetype.traits.geo', 'capacity.peak-write-rps'],
      significant: false,
      quotes: [quote('peak-write-rps', updates)],
      thresholds: [],
    };
  },
};
