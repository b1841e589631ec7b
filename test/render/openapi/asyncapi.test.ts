import specs from '@asyncapi/specs';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Design } from '../../../src/model/design.js';
import { asyncApiDocument, renderAsyncApi } from '../../../src/render/openapi/index.js';
import { loadExamples, type Example } from '../../../scripts/update-golden.js';

// CommonJS default exports, typed as their namespace under NodeNext.
const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => v as Obj;

function resolve(doc: Obj, ref: string): unknown {
  let node: unknown = doc;
  for (const k of ref.slice(2).split('/')) {
    expect(node && typeof node === 'object' && k in (node as Obj), `${ref} resolves`).toBe(true);
    node = (node as Obj)[k];
  }
  return node;
}

function refs(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) for (const x of v) refs(x, out);
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && typeof x === 'string') out.push(x);
      else refs(x, out);
    }
  }
  return out;
}

let examples: Example[] = [];
let chat: Design;
beforeAll(async () => {
  ({ examples } = await loadExamples());
  chat = examples.find((e) => e.name === 'chat')!.design;
});

describe('asyncapi.yaml', () => {
  it('is valid against the AsyncAPI 3.0.0 JSON Schema (@asyncapi/specs) for every example with real-time channels or events', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(specs.schemasWithoutId['3.0.0'] as object);
    let checked = 0;
    for (const ex of examples) {
      const text = renderAsyncApi(ex.design);
      const api = ex.design.api;
      expect(text === null, ex.file).toBe(api.realtime.length === 0 && api.events.length === 0);
      if (text === null) continue;
      const doc = parse(text) as Obj;
      expect(doc).toEqual(JSON.parse(JSON.stringify(asyncApiDocument(ex.design))));
      const ok = validate(doc);
      expect(validate.errors ?? [], ex.file).toEqual([]);
      expect(ok).toBe(true);
      for (const r of refs(doc)) resolve(doc, r);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('describes every real-time channel over WebSocket and every event on its broker, with entity payloads', () => {
    const doc = asyncApiDocument(chat) as Obj;
    const messages = obj(obj(doc.components).messages);
    const schemas = obj(obj(doc.components).schemas);
    const byName = new Map(Object.values(messages).map((m) => [obj(m).name as string, obj(m)]));
    expect(chat.api.realtime.length).toBeGreaterThan(0);
    expect(chat.api.events.length).toBeGreaterThan(0);
    expect(obj(obj(doc.servers).realtime).protocol).toBe('wss');
    const operations = Object.values(obj(doc.operations)).map(obj);
    for (const r of chat.api.realtime) {
      const channel = Object.values(obj(doc.channels)).map(obj).find((c) => c.address === r.address)!;
      expect(channel, r.name).toBeDefined();
      const msg = [...Object.values(messages)].map(obj).find((m) => m.name === r.name && obj(obj(m.payload).properties).type !== undefined)!;
      expect(obj(obj(obj(msg.payload).properties).data).$ref).toBe(`#/components/schemas/${r.entity}`);
      const actions = operations.filter((o) => (o.messages as { $ref: string }[]).some((m) => m.$ref.endsWith(`/Realtime${r.name.split(/[^A-Za-z0-9]+/).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}`))).map((o) => o.action);
      const want = r.direction === 'both' ? ['receive', 'send'] : r.direction === 'receive' ? ['send'] : ['receive'];
      expect(actions.sort(), r.name).toEqual(want);
    }
    for (const ev of chat.api.events) {
      const msg = byName.get(ev.name);
      expect(msg, ev.name).toBeDefined();
      const eventMsg = Object.values(messages).map(obj).find((m) => m.name === ev.name && m.headers !== undefined)!;
      expect(obj(eventMsg.payload).$ref).toBe(`#/components/schemas/${ev.entity}`);
      const channel = Object.values(obj(doc.channels)).map(obj).find((c) => c.address === ev.channel)!;
      const server = obj(resolve(doc, (channel.servers as { $ref: string }[])[0]!.$ref));
      expect(server.protocol).toBe('amqp');
    }
    for (const e of chat.entities.filter((x) => [...chat.api.realtime, ...chat.api.events].some((c) => c.entity === x.name))) {
      expect(Object.keys(obj(obj(schemas[e.name]).properties))).toEqual(e.fields.map((f) => f.name));
    }
  });

  it('is null for a design with neither real-time channels nor events', () => {
    const d = structuredClone(chat);
    d.api.realtime = [];
    d.api.events = [];
    expect(renderAsyncApi(d)).toBeNull();
  });

  it('names the event whose entity is missing', () => {
    const d = structuredClone(chat);
    d.api.events[0]!.entity = 'Ghost';
    expect(() => renderAsyncApi(d)).toThrow(/event message\.created.*Ghost/);
  });
});
