import { LIMITS } from '../limits.js';
import { n } from '../../plan/decisions/_util.js';
import { cite, peakRate, ps, says, statedMax } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Share of one PostgreSQL primary's writes that counter upserts may take (hot keys contend on one row). */
const DB_SHARE = 0.2;

interface AggNumbers {
  events: Reading;
  windowMinutes: Reading;
  lateMinutes: Reading;
  pgWrites: number;
  kafkaPerBroker: number;
}

/** Counting events (clicks, views, impressions) per key in time windows, exactly once. */
export const streamAggregation: Capability<AggNumbers> = {
  id: 'stream-aggregation',
  name: 'Windowed stream aggregation (exactly-once)',
  evidence: {
    terms: [
      ['ad click', 2], ['click aggregation', 2], ['click counting', 2], ['count clicks', 1.5], ['clicks', 0.6], ['click events', 1], ['impressions', 0.8],
      ['aggregat*', 0.5], ['count*', 0.4], ['stream processing', 1.5], ['real-time analytics', 1], ['exactly-once', 0.8], ['windowed', 1], ['tumbling window', 1.5],
      ['in the last minute', 0.6], ['per minute', 0.3], ['flink', 1.5], ['kafka streams', 1.5], ['view counts', 1], ['counts per', 0.6],
    ],
    operations: [/\b(?:click|impression|view event|ad event)\b/],
  },
  decision: {
    id: 'stream-aggregation',
    title: 'Windowed aggregation of the event stream',
    question: 'How are events counted per key and time window, exactly once, at the event rate?',
    numbers(input) {
      const events = peakRate(input, /\b(?:click|impression|view|event|play)\b/, 'write');
      const window = statedMax(input, String.raw`(?:last|past|every|per) # ?(?:minutes?|mins?)`);
      const late = statedMax(input, String.raw`# ?(?:minutes?|mins?) late`, String.raw`late (?:by|up to) # ?(?:minutes?|mins?)`);
      return {
        events,
        windowMinutes: window ?? { value: 1, source: says(input, 'last minute', 'per minute', 'every minute') ? 'stated' : 'assumed', from: 'the usual grain for live counts' },
        lateMinutes: late ?? { value: 5, source: 'assumed', from: 'assumed: mobile clients buffer events while offline' },
        pgWrites: input.ctx.limits.pgWritesPerPrimary.value,
        kafkaPerBroker: LIMITS.kafkaMsgsPerBroker.value,
      };
    },
    options: [
      {
        option: 'Counter rows upserted in the database per (key, window), deduplicated by event id',
        when: (x) =>
          x.events.value <= x.pgWrites * DB_SHARE
            ? { verdict: 'chosen', reason: `${ps(x.events, 'events')} at peak fit within ${DB_SHARE * 100}% of one primary (${n(x.pgWrites)} writes/s); a unique event id makes a retry a no-op` }
            : { verdict: 'rejected', reason: `${ps(x.events, 'events')} at peak is beyond ${n(x.pgWrites * DB_SHARE)} upserts per second on one primary, and popular keys contend on one row` },
      },
      {
        option: 'Kafka Streams in the aggregation service: tumbling windows in RocksDB state stores, processing.guarantee=exactly_once_v2',
        when: (x) =>
          x.events.value > x.pgWrites * DB_SHARE && x.events.value <= x.kafkaPerBroker
            ? { verdict: 'chosen', reason: `${ps(x.events, 'events')} at peak, within one broker's ${n(x.kafkaPerBroker)} msg/s: a library in the service, no cluster to run` }
            : { verdict: 'viable', reason: x.events.value > x.kafkaPerBroker ? 'works, but rebalancing large window state across instances is slow at this rate' : 'more machinery than this rate needs' },
      },
      {
        option: 'Apache Flink on Kafka: event-time tumbling windows, watermarks with allowed lateness, checkpoints + transactional sink for exactly-once',
        when: (x) =>
          x.events.value > x.kafkaPerBroker
            ? { verdict: 'chosen', reason: `${ps(x.events, 'events')} at peak exceed one broker (${n(x.kafkaPerBroker)} msg/s): Flink scales the windows across task slots and restores them from checkpoints` }
            : { verdict: 'viable', reason: 'the full stream processor; more than this rate needs' },
      },
      {
        option: 'Hourly batch (Spark or SQL over the raw events)',
        when: () => ({ verdict: 'rejected', reason: 'counts would be an hour old; kept as the reconciliation job, not the serving path' }),
      },
    ],
    rationale: (x) =>
      `Events arrive ${cite(x.events, '/s')} at peak, counted by event time in tumbling windows of ${cite(x.windowMinutes, ' min')}. ` +
      `Events late by up to ${cite(x.lateMinutes, ' min')} update their window (watermark + allowed lateness); later ones go to a side output for the batch. ` +
      `Raw events are kept in object storage, and a daily reconciliation batch recounts them and corrects any window that differs. Counts per window go to an OLAP store (ClickHouse or Druid) that serves top-N queries per filter.`,
    wouldChange: (x) =>
      x.events.value <= x.pgWrites * DB_SHARE
        ? `Above ${n(x.pgWrites * DB_SHARE)} events per second at peak (now ${n(x.events.value)}) calls for Kafka Streams; above ${n(x.kafkaPerBroker)} for Flink.`
        : x.events.value <= x.kafkaPerBroker
          ? `Above ${n(x.kafkaPerBroker)} events per second at peak (now ${n(x.events.value)}) calls for Flink; below ${n(x.pgWrites * DB_SHARE)} counters in the database would do.`
          : `Below ${n(x.kafkaPerBroker)} events per second at peak (now ${n(x.events.value)}) Kafka Streams inside the service would do, with no cluster to run.`,
    drivers: ['workload.operations', 'limits.pg-writes-per-primary', 'limits.kafka-msgs-per-broker'],
    significant: true,
  },
};
