import { LIMITS } from '../limits.js';
import { n } from '../../plan/decisions/_util.js';
import { actorCount, assumed, cite, operation, peakRate, ps, says } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Share of one Redis primary's operations the position writes may take (the rest serve the searches). */
const REDIS_SHARE = 0.5;
/** When a brief has moving couriers but no rate: the share of concurrent users who are couriers, and their update interval. */
const MOVER_SHARE = 0.1;
const UPDATE_SECONDS = 4;

interface GeoNumbers {
  updates: Reading;
  /** Whether positions move (location updates or drivers/couriers in the workload). */
  moving: boolean;
  /** Whether jobs are dispatched to the moving things (drivers, couriers), not only tracked. */
  dispatch: boolean;
  fleet: Reading | null;
  searches: Reading;
  redisOps: number;
  pgReads: number;
}

const UPDATE = /\b(?:location|position|gps|ping|heartbeat|coordinates)\b/;
const FLEET = /\b(?:driver|courier|dasher|rider|vehicle|car|truck|scooter|bike)s?\b/;

/** Nearby search over positions and dispatch of the nearest available driver or courier. */
export const geoDispatch: Capability<GeoNumbers> = {
  id: 'geo-dispatch',
  name: 'Geo index and dispatch',
  evidence: {
    terms: [
      ['ride hailing', 2], ['ride sharing', 2], ['ridesharing', 2], ['uber', 1.5], ['lyft', 1.5], ['taxi', 1], ['food delivery', 1.5],
      ['doordash', 1.5], ['deliveroo', 1.5], ['courier*', 0.8], ['drivers', 0.6], ['dispatch*', 0.8], ['nearby', 0.8], ['near me', 1], ['location update', 1.5],
      ['live location', 1.5], ['gps', 0.8], ['geohash', 1.5], ['quadtree', 1.5], ['geospatial', 1.5], ['within a radius', 1], ['proximity', 1], ['yelp', 1],
      ['track the driver', 1], ['real-time tracking', 0.8],
    ],
    operations: [UPDATE],
  },
  decision: {
    id: 'geo-index-dispatch',
    title: 'Geo index and dispatch',
    question: 'Which index answers "who is near this point" at the position update rate, and how is the nearest available one dispatched?',
    numbers(input) {
      const op = operation(input, UPDATE, 'write');
      const fleet = actorCount(input, FLEET);
      // Couriers, drivers and vehicles move even when the brief gives no update rate.
      const movers = says(input, 'couriers?', 'drivers?', 'ride[- ]?(?:hailing|sharing)', 'food delivery', 'taxis?', 'live location', 'real-time tracking', 'track(?:ing)? (?:the )?(?:driver|courier|order|vehicle)', 'fleets?', 'vehicles?', 'dispatch');
      const moving = op !== null || fleet !== null || movers !== null;
      const concurrent = input.ctx.req.scale.concurrentUsers.value;
      const updates: Reading = op
        ? { value: op.peak, source: 'workload', from: `the workload's "${op.name}"`, figure: `op-${op.id}-peak` }
        : moving
          ? assumed(input, 'capabilities.geo-dispatch.updates', 'Position updates at peak', Math.ceil((concurrent * MOVER_SHARE) / UPDATE_SECONDS), 'updates/s', `"${movers ?? 'drivers'}" move: ${MOVER_SHARE * 100}% of the ${n(concurrent)} concurrent users taken as drivers or couriers, each sending its position every ${UPDATE_SECONDS} s`, '"drivers send their location every 4 seconds"')
          : { value: 0, source: 'derived', from: 'no position updates in the workload' };
      return {
        updates,
        moving,
        dispatch: fleet !== null || movers !== null,
        fleet,
        searches: peakRate(input, /\b(?:nearby|search|find|match|request|order|ride)\b/, 'read'),
        redisOps: LIMITS.redisOpsPerNode.value,
        pgReads: input.ctx.limits.pgReadsPerNode.value,
      };
    },
    options: [
      {
        option: 'Redis GEO: latest position per driver or device in a geohash-scored sorted set (GEOADD, GEOSEARCH by radius), sharded by city',
        when: (x) =>
          !x.moving
            ? { verdict: 'viable', reason: 'fast radius search, but the points do not move: an index in the database serves them without a second store' }
            : x.updates.value <= x.redisOps * REDIS_SHARE
              ? { verdict: 'chosen', reason: `${ps(x.updates, 'position updates')} at peak fit within ${REDIS_SHARE * 100}% of one Redis primary (${n(x.redisOps)} ops/s); each update overwrites one member` }
              : { verdict: 'viable', reason: `${ps(x.updates, 'updates')} at peak is more than one Redis primary's ${n(x.redisOps * REDIS_SHARE)} budget: it needs sharding by cell, which H3 gives` },
      },
      {
        option: 'H3 hexagonal cells (resolution 8–9) as keys of in-memory driver sets, sharded across dispatch nodes by cell',
        when: (x) =>
          x.moving && x.updates.value > x.redisOps * REDIS_SHARE
            ? { verdict: 'chosen', reason: `${ps(x.updates, 'updates')} at peak exceed one node (${n(x.redisOps * REDIS_SHARE)}); equal-area cells shard evenly and a k-ring search covers the radius` }
            : { verdict: 'viable', reason: 'uniform cells also serve surge pricing and supply maps; not needed for the index at this rate' },
      },
      {
        option: 'In-memory quadtree of the points, rebuilt periodically and replicated to read nodes',
        when: (x) =>
          !x.moving && x.searches.value > x.pgReads
            ? { verdict: 'chosen', reason: `static points searched ${ps(x.searches)} at peak, more than one database node (${n(x.pgReads)}/s): a quadtree in each search node answers from memory` }
            : { verdict: x.moving ? 'rejected' : 'viable', reason: x.moving ? 'rebuilding or rebalancing the tree on every position update is costly' : 'fast for static points, not needed at this search rate' },
      },
      {
        option: 'Geohash column (or PostGIS) in the primary database',
        when: (x) =>
          !x.moving && x.searches.value <= x.pgReads
            ? { verdict: 'chosen', reason: `static points searched ${ps(x.searches)} at peak, within one database node (${n(x.pgReads)}/s): a geohash prefix or GiST index serves them` }
            : { verdict: x.moving ? 'rejected' : 'viable', reason: x.moving ? `${ps(x.updates, 'position updates')} would each be an indexed durable write` : `${ps(x.searches, 'searches')} exceed one database node` },
      },
    ],
    rationale: (x) =>
      x.moving
        ? `Positions arrive ${cite(x.updates, '/s')}${x.fleet ? ` from ${cite(x.fleet)}` : ''}; only the latest position of each is kept in memory (history goes to a log or a time-partitioned table), so an update is an overwrite, not a durable indexed write. ` +
          (x.dispatch ? `Dispatch searches the rider's cell and its neighbours (${cite(x.searches, '/s')} at peak), ranks available drivers by ETA, offers the job (a trip or a delivery) to one at a time with a 15-second timeout, and reserves the driver or courier with a compare-and-set on its state so two jobs never take the same one. ` +
            `Live tracking pushes the assigned driver's position to the rider over WebSocket.` : `Nearby searches read the cell and its neighbours (${cite(x.searches, '/s')} at peak).`)
        : `Points do not move; searches arrive ${cite(x.searches, '/s')} at peak against ${n(x.pgReads)} reads/s per database node.`,
    wouldChange: (x) =>
      x.moving
        ? x.updates.value > x.redisOps * REDIS_SHARE
          ? `Position updates below ${n(x.redisOps * REDIS_SHARE)} per second at peak (now ${n(x.updates.value)}) would fit one Redis GEO set per city; zones and geofences add PostGIS polygons.`
          : `Position updates above ${n(x.redisOps * REDIS_SHARE)} per second at peak (now ${n(x.updates.value)}) call for H3 cells sharded across nodes; zones and geofences add PostGIS polygons.`
        : x.searches.value > x.pgReads
          ? `Searches below ${n(x.pgReads)} per second would fit the database's geohash index; moving points call for Redis GEO.`
          : `Searches above ${n(x.pgReads)} per second call for an in-memory quadtree; moving points call for Redis GEO.`,
    drivers: ['workload.operations', 'workload.actors', 'limits.redis-ops-per-node'],
    significant: true,
  },
};
