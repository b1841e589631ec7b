import { ArchieError } from '../../errors.js';
import type { DataStore, Design, Entity } from '../../model/design.js';
import { fieldSchema, type Schema } from './_schema.js';
import { toYaml, type YamlValue } from '../_yaml.js';
import { oneLine, PUBLICATION } from './openapi.js';

/**
 * asyncapi.yaml (AsyncAPI 3.0) for the design's real-time channels (`d.api.realtime`, served over
 * WebSocket to clients) and its events (`d.api.events`, on the message broker between the
 * backend's components). The document describes the backend: `send` is what it pushes or
 * publishes, `receive` what it accepts or consumes.
 */

type Ref = { $ref: string };
const ref = (path: string): Ref => ({ $ref: path });

/** AsyncAPI protocol names for broker technologies. */
const PROTOCOLS: [RegExp, string][] = [
  [/rabbitmq|amazon mq/i, 'amqp'],
  [/kafka|redpanda|msk/i, 'kafka'],
  [/nats/i, 'nats'],
  [/redis/i, 'redis'],
  [/sqs/i, 'sqs'],
  [/sns/i, 'sns'],
  [/mqtt|mosquitto|emqx/i, 'mqtt'],
  [/pulsar/i, 'pulsar'],
  [/pub\/?sub/i, 'googlepubsub'],
];

function protocolOf(store: DataStore): string {
  for (const [re, p] of PROTOCOLS) if (re.test(store.technology)) return p;
  throw new ArchieError('INVALID', `cannot describe events on ${store.technology} (store ${store.id}) in AsyncAPI: no known protocol`, {
    hint: 'use a broker archie knows (RabbitMQ, Kafka, NATS, Redis, SQS/SNS, MQTT, Pulsar)',
  });
}

/** `message.created` → `MessageCreated`. */
function pascal(s: string): string {
  return s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/** A key AsyncAPI accepts for channels, operations and components (`^[\w\d.\-_]+$`). */
function key(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
}

function entitySchema(e: Entity): Schema {
  const properties: Schema = {};
  for (const f of e.fields) properties[f.name] = fieldSchema(f);
  return { type: 'object', description: e.description, required: e.fields.map((f) => f.name), properties };
}

/** The broker store that carries an event: the one that lists it, else the only messaging store. */
function brokerFor(d: Design, event: string): DataStore | undefined {
  const messaging = d.dataStores.filter((s) => s.kind === 'queue' || s.kind === 'stream' || s.kind === 'pubsub');
  return messaging.find((s) => s.holds.includes(event)) ?? messaging[0];
}

/** The asyncapi.yaml document as a plain object, or null when the design has no realtime channels or events. */
export function asyncApiDocument(d: Design): Schema | null {
  const api = d.api;
  if (api.realtime.length === 0 && api.events.length === 0) return null;
  const entities = new Map(d.entities.map((e) => [e.name, e]));
  const entity = (name: string, where: string): Entity => {
    const e = entities.get(name);
    if (!e) throw new ArchieError('INVALID', `${where} carries entity "${name}", which the design does not define`, { hint: 'regenerate design.json with archie design' });
    return e;
  };

  const servers: Schema = {};
  const channels: Schema = {};
  const operations: Schema = {};
  const messages: Schema = {};
  const schemas: Schema = {};
  const useSchema = (e: Entity): Ref => {
    schemas[e.name] ??= entitySchema(e);
    return ref(`#/components/schemas/${e.name}`);
  };

  // ---------------------------------------------------------------- real-time (WebSocket)
  const scopesNeeded = new Set<string>();
  const realtimeAddresses = [...new Set(api.realtime.map((r) => r.address))];
  const host = new URL(PUBLICATION.server.url).host;
  if (api.realtime.length > 0) {
    servers.realtime = {
      host,
      protocol: 'wss',
      title: 'Real-time endpoint',
      description: 'WebSocket connections from clients. Every frame is a JSON object whose `type` names the message and whose `data` holds it. Authenticate with an OAuth2 access token when connecting.',
      security: [ref('#/components/securitySchemes/oauth2')],
    };
  }
  for (const address of realtimeAddresses) {
    const chanKey = realtimeAddresses.length === 1 ? 'realtime' : key(`realtime${address}`);
    const chanMessages: Schema = {};
    for (const r of api.realtime.filter((x) => x.address === address)) {
      const e = entity(r.entity, `real-time channel ${r.name}`);
      const msgKey = key(`Realtime${pascal(r.name)}`);
      messages[msgKey] = {
        name: r.name,
        title: r.name,
        summary: r.purpose,
        contentType: 'application/json',
        payload: {
          type: 'object',
          required: ['type', 'data'],
          additionalProperties: false,
          properties: { type: { type: 'string', const: r.name }, data: useSchema(e) },
        },
      };
      chanMessages[msgKey] = ref(`#/components/messages/${msgKey}`);
      // What a client needs to see or make this data: the scopes of the entity's read or write endpoints.
      const wants: string[] = [];
      if (r.direction !== 'send') wants.push('get', 'list');
      if (r.direction !== 'receive') wants.push('create', 'update');
      for (const ep of api.endpoints) if (ep.entity === e.name && wants.includes(ep.kind)) for (const s of ep.scopes) scopesNeeded.add(s);
      const opRef = [ref(`#/channels/${chanKey}/messages/${msgKey}`)];
      if (r.direction === 'receive' || r.direction === 'both') {
        operations[key(`push${pascal(r.name)}`)] = { action: 'send', channel: ref(`#/channels/${chanKey}`), summary: `Push ${r.name} to connected clients`, description: r.purpose, messages: opRef };
      }
      if (r.direction === 'send' || r.direction === 'both') {
        operations[key(`accept${pascal(r.name)}`)] = { action: 'receive', channel: ref(`#/channels/${chanKey}`), summary: `Accept ${r.name} from connected clients`, description: r.purpose, messages: opRef };
      }
    }
    channels[chanKey] = {
      address,
      title: `Real-time connection ${address}`,
      description: 'One WebSocket connection per client carries all real-time messages; the `type` member tells them apart.',
      servers: [ref('#/servers/realtime')],
      messages: chanMessages,
    };
  }

  // ---------------------------------------------------------------- events (broker)
  for (const ev of api.events) {
    const e = entity(ev.entity, `event ${ev.name}`);
    const store = brokerFor(d, ev.name);
    let serverKey: string | undefined;
    if (store) {
      serverKey = key(store.id);
      servers[serverKey] ??= {
        host: store.runtime ? `${store.id}:${store.runtime.port}` : store.id,
        protocol: protocolOf(store),
        title: store.name,
        description: `${store.technology} (${store.managed} in production): ${store.useCase}`,
      };
    }
    const chanKey = key(`events.${ev.channel}`);
    const msgKey = key(`Event${pascal(ev.name)}`);
    messages[msgKey] = {
      name: ev.name,
      title: ev.name,
      summary: ev.purpose,
      contentType: 'application/json',
      headers: {
        type: 'object',
        required: ['event_id', 'occurred_at'],
        properties: {
          event_id: { type: 'string', format: 'uuid', description: 'Unique id of this event: consumers drop duplicates by it (delivery is at least once).' },
          occurred_at: { type: 'string', format: 'date-time', description: 'When the change happened.' },
          correlation_id: { type: 'string', maxLength: 128, description: 'X-Correlation-ID of the API request that caused the event.' },
        },
      },
      correlationId: { description: 'The correlation ID of the originating request.', location: '$message.header#/correlation_id' },
      payload: useSchema(e),
    };
    const chan = (channels[chanKey] ??= {
      address: ev.channel,
      title: `Event channel ${ev.channel}`,
      description: `Events on ${store ? store.technology : 'the message broker'}; internal to the backend.`,
      ...(serverKey && { servers: [ref(`#/servers/${serverKey}`)] }),
      messages: {},
    }) as { messages: Schema };
    chan.messages[msgKey] = ref(`#/components/messages/${msgKey}`);
    const opRef = [ref(`#/channels/${chanKey}/messages/${msgKey}`)];
    operations[key(`publish${pascal(ev.name)}`)] = {
      action: 'send',
      channel: ref(`#/channels/${chanKey}`),
      summary: `${ev.producer} publishes ${ev.name}`,
      description: ev.purpose,
      messages: opRef,
    };
    if (ev.consumers.length > 0) {
      operations[key(`consume${pascal(ev.name)}`)] = {
        action: 'receive',
        channel: ref(`#/channels/${chanKey}`),
        summary: `${ev.consumers.join(' and ')} consume${ev.consumers.length === 1 ? 's' : ''} ${ev.name}`,
        description: `Consumers: ${ev.consumers.join(', ')}. Delivery is at least once: handlers drop duplicates by event_id.`,
        messages: opRef,
      };
    }
  }

  const availableScopes: Schema = {};
  for (const s of api.auth.scopes) availableScopes[s.name] = s.description;
  const components: Schema = { messages, schemas };
  if (api.realtime.length > 0) {
    components.securitySchemes = {
      oauth2: {
        type: 'oauth2',
        description: 'OAuth 2.0 access token, sent when the WebSocket connection opens.',
        flows: {
          authorizationCode: { authorizationUrl: api.auth.authorizationUrl, tokenUrl: api.auth.tokenUrl, availableScopes },
          clientCredentials: { tokenUrl: api.auth.tokenUrl, availableScopes },
        },
        scopes: [...scopesNeeded].sort(),
      },
    };
  }
  const parts = [api.realtime.length > 0 && 'real-time messages pushed to and accepted from clients over WebSocket', api.events.length > 0 && 'events exchanged between the backend\'s components on the message broker'].filter(Boolean);
  return {
    asyncapi: '3.0.0',
    info: {
      title: `${d.title} real-time and events`,
      version: api.version,
      description: `${parts.join('; and ')}. Generated by archie ${d.generator.version} from design.json (schemaVersion ${d.schemaVersion}).`.replace(/^./, (c) => c.toUpperCase()),
      contact: { ...PUBLICATION.contact },
      license: { ...PUBLICATION.license },
    },
    defaultContentType: 'application/json',
    servers,
    channels,
    operations,
    components: components as YamlValue,
  };
}

/**
 * asyncapi.yaml for a design with real-time channels or events; null when it has neither.
 *
 * @example
 * ```ts
 * const text = renderAsyncApi(d);
 * if (text) files.set('asyncapi.yaml', text);
 * ```
 */
export function renderAsyncApi(d: Design): string | null {
  const doc = asyncApiDocument(d);
  return doc ? `# AsyncAPI description of ${oneLine(d.title)}, generated by archie ${d.generator.version} from design.json.\n${toYaml(doc)}` : null;
}
