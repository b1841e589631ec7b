import { n } from '../../plan/decisions/_util.js';
import { cite, peakRate, ps, says, statedMax } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Snowflake layout: 41 bits of milliseconds, 10 bits of generator id, 12 bits of sequence. */
export const SNOWFLAKE_GENERATORS = 1024;
export const SNOWFLAKE_PER_MS = 4096;
/** Up to this peak a database sequence handing out blocks of ids is the simplest thing that works. */
export const SEQUENCE_BLOCKS_MAX_PER_SECOND = 1_000;

interface IdNumbers {
  rate: Reading;
  /** All requests at peak, which the generator count is derived from when the brief gives none. */
  peakRps: Reading;
  generators: Reading;
  multiRegion: boolean;
  uuidAsked: string | null;
}

/** Unique ids minted by many machines without a coordinating round trip per id. */
export const uniqueIds: Capability<IdNumbers> = {
  id: 'unique-ids',
  name: 'Unique ID generation',
  evidence: {
    terms: [
      ['id generator', 2], ['id generation', 2], ['unique id', 0.6], ['unique ids', 0.8], ['unique identifiers', 0.8], ['globally unique', 1], ['distributed id', 1.5],
      ['snowflake', 1.5], ['uuid', 0.6], ['ids per second', 1.5], ['ids a second', 1.5], ['sortable id', 1], ['64-bit id', 1], ['ticket server', 1],
    ],
    operations: [/\b(?:ids?|identifiers?)\b/],
  },
  decision: {
    id: 'unique-id-generation',
    title: 'Unique ID generation',
    question: 'How are unique, roughly time-ordered ids minted at the required rate by every generator?',
    numbers(input) {
      const rate = peakRate(input, /\b(?:ids?|identifiers?|generate|produce)\b/, 'write');
      const stated = statedMax(input, String.raw`# (?:id )?(?:servers|machines|nodes|instances|generators|workers|hosts|app servers)`);
      const instances = Math.max(1, Math.ceil(input.ctx.load.peakRps / input.ctx.limits.appRpsPerInstance.value));
      const generators: Reading = stated ?? { value: instances, source: 'derived', from: `one per app instance: ${n(input.ctx.load.peakRps)} req/s at peak ÷ ${n(input.ctx.limits.appRpsPerInstance.value)} per instance` };
      const peakRps: Reading = { value: input.ctx.load.peakRps, source: 'derived', from: 'all requests at peak', figure: 'peak-rps' };
      return { rate, peakRps, generators, multiRegion: input.ctx.req.geography.multiRegion, uuidAsked: says(input, 'uuid', '128-bit', 'no coordination') };
    },
    options: [
      {
        option: 'Snowflake-style 64-bit ids: 41-bit millisecond timestamp, 10-bit generator id, 12-bit sequence',
        when: (x) => {
          const perMs = x.rate.value / Math.max(1, x.generators.value) / 1000;
          if (x.uuidAsked) return { verdict: 'viable', reason: `64-bit and sortable, but the brief asks for "${x.uuidAsked}"` };
          if (x.generators.value > SNOWFLAKE_GENERATORS) return { verdict: 'rejected', reason: `${n(x.generators.value)} generators exceed the ${n(SNOWFLAKE_GENERATORS)} ids 10 bits can name` };
          if (perMs > SNOWFLAKE_PER_MS) return { verdict: 'rejected', reason: `${n(perMs)} ids per millisecond per generator exceed the 12-bit sequence (${n(SNOWFLAKE_PER_MS)})` };
          if (x.rate.value <= SEQUENCE_BLOCKS_MAX_PER_SECOND && !x.multiRegion) return { verdict: 'viable', reason: 'fits, but needs generator ids assigned and clocks watched for a rate a sequence serves' };
          return { verdict: 'chosen', reason: `${n(x.generators.value)} generators fit in 10 bits and ${n(perMs)} ids/ms per generator in the 12-bit sequence; ids sort by time and fit a bigint` };
        },
      },
      {
        option: 'UUIDv7 (48-bit millisecond timestamp + 74 random bits), minted anywhere without coordination',
        when: (x) => {
          const perMs = x.rate.value / Math.max(1, x.generators.value) / 1000;
          if (x.uuidAsked) return { verdict: 'chosen', reason: `the brief asks for "${x.uuidAsked}"; UUIDv7 stays time-ordered for index locality` };
          if (x.generators.value > SNOWFLAKE_GENERATORS) return { verdict: 'chosen', reason: `${n(x.generators.value)} generators are too many to hand out Snowflake worker ids; UUIDv7 needs none` };
          if (perMs > SNOWFLAKE_PER_MS) return { verdict: 'chosen', reason: `${n(perMs)} ids per millisecond per generator overflow a 12-bit sequence; 74 random bits do not` };
          return { verdict: 'viable', reason: 'no coordination at all, but 128 bits double the key size in every index and foreign key' };
        },
      },
      {
        option: 'Database sequence handing out blocks of 1,000 ids to each generator',
        when: (x) =>
          !x.uuidAsked && x.generators.value <= SNOWFLAKE_GENERATORS && x.rate.value <= SEQUENCE_BLOCKS_MAX_PER_SECOND && !x.multiRegion
            ? { verdict: 'chosen', reason: `${ps(x.rate, 'ids')} at peak is about ${n(Math.ceil(x.rate.value / 1000))} block requests per second: no clocks or worker ids to manage` }
            : { verdict: 'rejected', reason: x.multiRegion ? 'one sequence would tie every region to one primary' : `${ps(x.rate, 'ids')} at peak makes the sequence's primary a dependency of every write; ids from different blocks do not sort by time` },
      },
    ],
    rationale: (x) =>
      `Ids are minted ${cite(x.rate, '/s')} at peak by ${cite(x.generators)} generators${x.multiRegion ? ' in several regions' : ''}, ` +
      `${n(x.rate.value / Math.max(1, x.generators.value) / 1000)} ids per millisecond each. A Snowflake id names up to ${n(SNOWFLAKE_GENERATORS)} generators and ${n(SNOWFLAKE_PER_MS)} ids per millisecond per generator; its timestamp runs 69 years from a custom epoch. ` +
      `Generator ids are leased (e.g. from ZooKeeper/etcd or the database) at start-up, and a clock that moves backwards stops minting until it catches up.`,
    wouldChange: (x) => {
      const perMs = x.rate.value / Math.max(1, x.generators.value) / 1000;
      if (x.uuidAsked || x.generators.value > SNOWFLAKE_GENERATORS || perMs > SNOWFLAKE_PER_MS) return `Up to ${n(SNOWFLAKE_GENERATORS)} generators with ${n(SNOWFLAKE_PER_MS)} ids per millisecond each, and 64-bit keys wanted, would favour Snowflake ids (half the key size).`;
      if (x.rate.value <= SEQUENCE_BLOCKS_MAX_PER_SECOND && !x.multiRegion) return `Above ${n(SEQUENCE_BLOCKS_MAX_PER_SECOND)} ids per second at peak or a second region calls for Snowflake ids; more than ${n(SNOWFLAKE_GENERATORS)} generators calls for UUIDv7.`;
      return `More than ${n(SNOWFLAKE_GENERATORS)} generators, or more than ${n(SNOWFLAKE_PER_MS)} ids per millisecond per generator, calls for UUIDv7.`;
    },
    drivers: ['workload.operations', 'geography.multiRegion', 'capacity.peak-rps'],
    significant: true,
  },
};
