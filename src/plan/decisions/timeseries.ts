import { LIMITS } from '../../knowledge/limits.js';
import type { DecisionModule } from '../context.js';
import { n, options } from './_util.js';

/** A time-series engine when measurements arrive continuously and are queried by time range. */
export const timeseries: DecisionModule = {
  id: 'timeseries',
  title: 'Time-series store',
  question: 'Where do continuous measurements go?',
  decide(ctx) {
    if (!ctx.archetype.traits.timeSeries) return null;
    const peak = ctx.load.peakWrites;
    const perNode = LIMITS.tsdbRowsPerNode.value;
    return {
      considered: options([
        ['TimescaleDB', 'chosen', `hypertables partition by time automatically, compress old chunks ~10×, continuous aggregates for dashboards; plain SQL; ~${n(perNode)} rows/s per node`],
        ['InfluxDB', 'viable', 'purpose-built, but a second query language and less relational joining with device metadata'],
        ['Plain PostgreSQL partitions', 'viable', 'works, but retention, compression and rollups would be hand-built'],
        ['Cassandra', 'rejected', `needed only far beyond ${n(perNode)} rows/s per node; range aggregations are awkward`],
      ]),
      chosen: 'TimescaleDB',
      rationale: `Measurements arrive at ${n(ctx.load.avgWrites)} rows/s on average and ${n(peak)} rows/s at peak (${n((peak / perNode) * 100)}% of one node). They are read by device and time range and rolled up for dashboards, which hypertables and continuous aggregates serve in SQL, next to the relational device data.`,
      wouldChange: `Sustained ingest above ~${n(perNode * 3)} rows/s would call for multi-node sharding or a wide-column store.`,
      drivers: ['capacity.peak-write-rps', 'archetype.traits.timeSeries'],
      significant: true,
    };
  },
};
