import { LIMITS } from '../../knowledge/limits.js';
import type { DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/** A time-series engine when measurements arrive continuously and are queried by time range. */
export const timeseries: DecisionModule = {
  id: 'timeseries',
  title: 'Time-series store',
  question: 'Where do continuous measurements go?',
  decide(ctx) {
    if (!ctx.archetype.traits.timeSeries) return null;
    const peak = ctx.load.peakWrites;
    const perNode = LIMITS.tsdbRowsPerNode.value;
    const primaries = Math.max(1, Math.ceil(peak / perNode));
    const sharded = primaries > 3;
    return {
      considered: options([
        [sharded ? `TimescaleDB, sharded by device id across ${primaries} primaries` : 'TimescaleDB', 'chosen', `hypertables partition by time automatically, compress old chunks ~10×, continuous aggregates for dashboards; plain SQL; ~${n(perNode)} rows/s per node${sharded ? '; the application routes each device to its shard' : ''}`],
        ['InfluxDB', 'viable', 'purpose-built, but a second query language and less relational joining with device metadata'],
        ['Plain PostgreSQL partitions', 'viable', 'works, but retention, compression and rollups would be hand-built'],
        ['Cassandra', sharded ? 'viable' : 'rejected', sharded ? 'scales ingest by adding nodes, but range aggregations and dashboards would need a second, analytical store' : `needed only far beyond what TimescaleDB nodes ingest (~${n(perNode)} rows/s each); range aggregations are awkward`],
      ]),
      chosen: sharded ? `TimescaleDB, sharded by device id across ${primaries} primaries` : 'TimescaleDB',
      rationale: `Measurements arrive at ${n(ctx.load.avgWrites * 86_400)} rows a day and ${n(peak)} rows/s at peak (${n((peak / perNode) * 100)}% of one node's ~${n(perNode)} rows/s). They are read by device and time range and rolled up for dashboards, which hypertables and continuous aggregates serve in SQL, next to the relational device data.` +
        (sharded ? ` One node cannot take that ingest, so devices are split by id across ${primaries} TimescaleDB primaries (each with an HA replica); a device's readings stay on one shard, and fleet-wide dashboards read per-shard continuous aggregates.` : ''),
      wouldChange: sharded
        ? 'Queries across all devices at full resolution (not per device or per aggregate) would call for a column store such as ClickHouse fed from the stream.'
        : `Sustained ingest above ~${n(perNode * 3)} rows/s would call for sharding by device id or a wide-column store.`,
      drivers: ['capacity.peak-write-rps', 'archetype.traits.timeSeries'],
      significant: true,
      quotes: [quote('writes-per-day', ctx.load.avgWrites * 86_400), quote('peak-write-rps', peak), quote('limits.tsdb-rows-per-node', perNode), ...(sharded ? [quote('tsdb-nodes', 2 * primaries)] : [])],
      thresholds: sharded ? [] : [threshold('peak-write-rps', perNode * 3, 'sharding by device id or a wide-column store')],
    };
  },
};
