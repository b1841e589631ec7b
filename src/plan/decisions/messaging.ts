import { LIMITS } from '../../knowledge/limits.js';
import { chosen, type DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/** RabbitMQ for work queues, Kafka for ordered replayable high-throughput streams, SQS when AWS-native serverless, NATS when lightweight. */
export const messaging: DecisionModule = {
  id: 'messaging',
  title: 'Queue or stream',
  question: 'Which broker carries asynchronous work and events?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    // One event per write, as the capacity plan counts them (queue-peak): fan-out copies are made by
    // the consumers (feeds) or by pub/sub between real-time nodes, not by the broker.
    const peak = ctx.load.peakWrites;
    const serverless = chosen(ctx, 'architecture-style') === 'Serverless';
    const aws = ctx.req.cloud.value === 'aws';
    const rabbitLimit = LIMITS.rabbitMsgsPerNode.value;
    let choice: 'Apache Kafka' | 'RabbitMQ' | 'Amazon SQS/SNS';
    if (t.eventLog || peak > rabbitLimit) choice = 'Apache Kafka';
    else if (serverless && aws) choice = 'Amazon SQS/SNS';
    else choice = 'RabbitMQ';
    const why: Record<typeof choice, string> = {
      'Apache Kafka': t.eventLog
        ? `Consumers need an ordered log they can replay (${ctx.archetype.events.map((e) => e.name).join(', ') || 'events'}); Kafka keeps it for days, partitioned by key, at ${n(peak)} msg/s peak.`
        : `Peak of ${n(peak)} msg/s is beyond one RabbitMQ node (~${n(rabbitLimit)}/s); Kafka partitions scale it horizontally.`,
      RabbitMQ: `Peak event rate is ${n(peak)} msg/s, ${n((peak / rabbitLimit) * 100)}% of one RabbitMQ node's ~${n(rabbitLimit)} persistent msg/s. The work is task-style (notify, index, deliver) with per-message acknowledgement, retries and dead-lettering, which RabbitMQ does natively; no consumer needs to replay history.`,
      'Amazon SQS/SNS': `The functions already run on AWS; SQS queues trigger them directly with no broker to run, and ${n(peak)} msg/s peak is far inside standard-queue limits.`,
    };
    return {
      considered: options([
        ['RabbitMQ', choice === 'RabbitMQ' ? 'chosen' : 'viable', 'work queues with acks, routing, dead-letter exchanges'],
        ['Apache Kafka', choice === 'Apache Kafka' ? 'chosen' : 'rejected', choice === 'Apache Kafka' ? 'ordered, partitioned, replayable log' : `no replay requirement; ${n(peak)} msg/s does not need partitioned throughput, and Kafka's operational weight would not pay off`],
        ['Amazon SQS/SNS', choice === 'Amazon SQS/SNS' ? 'chosen' : aws ? 'viable' : 'rejected', aws ? 'fully managed, DLQs built in; ties the code to AWS APIs' : 'the design is not AWS-native'],
        ['NATS JetStream', 'viable', 'very light and fast; smaller ecosystem for work-queue semantics (retries, DLQ) than RabbitMQ'],
        ['Redis Streams / pub-sub', 'rejected', 'pub/sub drops messages with no subscriber; streams lack dead-lettering; fine for live fan-out, not for durable work'],
      ]),
      chosen: choice,
      rationale: why[choice],
      wouldChange: choice === 'Apache Kafka'
        ? (t.eventLog ? 'If no consumer needed replay and rates stayed under ~20k msg/s, RabbitMQ would be simpler.' : 'If rates fell under ~20k msg/s and no consumer needed replay, RabbitMQ would be simpler.')
        : `A need to replay events into new consumers, or sustained rates above ~${n(rabbitLimit)} msg/s, would favour Kafka.`,
      drivers: ['capacity.queue-peak', 'archetype.traits.eventLog', 'architecture-style', 'cloud'],
      significant: true,
      quotes: [quote('queue-peak', peak), ...(choice === 'Apache Kafka' && t.eventLog ? [] : [quote('limits.rabbit-msgs-per-node', rabbitLimit)])],
      thresholds: choice === 'Apache Kafka' ? [] : [threshold('queue-peak', rabbitLimit, 'Apache Kafka')],
    };
  },
};
