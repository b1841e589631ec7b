import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  InitializeRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  PingRequestSchema,
  ReadResourceRequestSchema,
  type CallToolResult,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { ArchieError, isArchieError } from '../errors.js';
import { VERSION } from '../version.js';
import { parseArguments, received } from './_args.js';
import { PageSchema, paginate } from './_page.js';
import { Roots } from './_roots.js';
import { LineTransport, type Screen } from './_stdio.js';
import type { AnyTool, ToolContext } from './_tool.js';
import { ARCHITECT_PROTOCOL, architectProtocol } from './prompts.js';
import { RESOURCES } from './resources.js';
import { TOOLS } from './tools/index.js';

/**
 * archie as an MCP server: the same library calls as the CLI, behind tools with JSON Schema inputs
 * and structured outputs, the knowledge base as resources, and the architect's protocol as a
 * prompt. Errors the caller can act on (an ArchieError, arguments that do not fit a tool's schema,
 * a path outside the allowed folders) are tool results with `isError: true` that name the problem
 * and the fix, as the 2025-11-25 specification asks; unknown tools, resources and prompts, and
 * requests that do not fit their method, are protocol errors (InvalidParams). Every result is
 * kept under MAX_RESULT_TOKENS by the pager. Nothing a tool throws stops the server.
 */

const STANDARD_FORMATS = new Set(['date-time', 'date', 'time', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'uuid', 'regex']);

/** JSON Schema (draft-07, what MCP clients validate with) without zod-only formats such as `starts_with`. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { target: 'draft-7', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete s.$schema;
  const clean = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(clean);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.format === 'string' && !STANDARD_FORMATS.has(o.format)) delete o.format;
      Object.values(o).forEach(clean);
    }
  };
  clean(s);
  return s;
}

const CURSOR = z.string().min(1).max(200).optional().describe('page.nextCursor of the previous result, with the same other arguments, for the next page');

/** The request schemas of the methods archie serves, to answer a malformed request readably. */
const REQUESTS: Record<string, z.ZodType> = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
  'resources/list': ListResourcesRequestSchema,
  'resources/templates/list': ListResourceTemplatesRequestSchema,
  'resources/read': ReadResourceRequestSchema,
  'prompts/list': ListPromptsRequestSchema,
  'prompts/get': GetPromptRequestSchema,
};

/** Before dispatch: a request whose params do not fit its method gets -32602 naming the field, not a validator dump. */
export const screenRequest: Screen = (message: JSONRPCMessage) => {
  const m = message as { method: string; params?: unknown };
  const schema = REQUESTS[m.method];
  if (!schema) return null;
  const parsed = schema.safeParse({ method: m.method, ...(m.params !== undefined && { params: m.params }) });
  if (parsed.success) return null;
  const problems = parsed.error.issues.map((i) => {
    const at = ['params', ...i.path.slice(1).map(String)].join('.');
    let v: unknown = m.params;
    for (const p of i.path.slice(1)) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
    if (i.code === 'invalid_type') return `${at} must be ${i.expected === 'record' ? 'an object' : `a ${i.expected}`}, got ${received(v)}`;
    if (i.code === 'unrecognized_keys') return `${at}: unknown field(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    return `${at}: ${i.message}`;
  });
  const example = m.method === 'tools/call' ? ' A call looks like {"name": "capacity", "arguments": {"dau": "2M"}}.' : '';
  return { code: ErrorCode.InvalidParams, message: `invalid ${m.method} request: ${[...new Set(problems)].join('; ')}.${example}` };
};

/** Largest error text: a message quoting a huge input must not flood the context either. */
const MAX_ERROR_CHARS = 8_000;

function errorResult(text: string): CallToolResult {
  const shown = text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS)}… (${(text.length - MAX_ERROR_CHARS).toLocaleString('en-US')} more characters cut)` : text;
  return { content: [{ type: 'text', text: shown }], isError: true };
}

export interface ServerOptions {
  /** Where tools may read and write; by default the client's roots, else the current folder. */
  roots?: Roots;
  /** Largest page in characters (tests use smaller pages to see paging). */
  maxChars?: number;
}

export function createServer(tools: readonly AnyTool[] = TOOLS, options: ServerOptions = {}): Server {
  const server = new Server(
    { name: 'archie', title: 'archie — the backend architect', version: VERSION },
    {
      capabilities: { tools: {}, resources: {}, prompts: {} },
      instructions:
        'archie designs backends from numbers: call `capacity` and `design` instead of estimating, `verify` and `review` to check artifacts, `scale` for growth, `migrate` for leaving a monolith, `diagnose` for a live PostgreSQL. ' +
        'The prompt `architect-protocol` walks through the whole process; archie://knowledge/* resources hold the limits, prices and trade-offs to cite.',
    },
  );
  const roots = options.roots ?? new Roots();
  roots.attach(server);
  const byName = new Map(tools.map((t) => [t.name, { tool: t, input: t.input.extend({ cursor: CURSOR }), output: t.output.extend({ page: PageSchema }) }]));
  const listed = [...byName.values()].map(({ tool: t, input, output }) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: jsonSchema(input, 'input') as { type: 'object' },
    outputSchema: jsonSchema(output, 'output') as { type: 'object' },
    annotations: t.annotations,
  }));
  const ctx: ToolContext = {
    path: (arg, value, kind) => roots.check(arg, value, kind),
    async brief(arg, value, text) {
      if (text || /\s/.test(value.trim())) return { value, text: true };
      try {
        return { value: await roots.check(arg, value.trim(), 'file', ' (read as a file path: it has no spaces)'), text: false };
      } catch (e) {
        if (e instanceof ArchieError && e.code === 'USAGE' && e.hint) {
          throw new ArchieError(e.code, e.message, { cause: e, hint: `${e.hint}; to give the brief as text, write it as a sentence${arg === 'brief' ? ' (or pass "text": true where the tool takes it)' : ''}` });
        }
        throw e;
      }
    },
  };

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const entry = byName.get(request.params.name);
    if (!entry) throw new McpError(ErrorCode.InvalidParams, `unknown tool "${request.params.name}"; archie's tools are ${[...byName.keys()].join(', ')}`);
    const { tool, input } = entry;
    const parsed = parseArguments<Record<string, unknown>>(tool.name, input, request.params.arguments ?? {});
    if (!parsed.ok) return errorResult(parsed.message);
    const { cursor, ...args } = parsed.data as { cursor?: string };
    try {
      const output = await tool.run(args, ctx);
      if (parsed.notes.length) output.notes = [...(output.notes ?? []), `Arguments read: ${parsed.notes.join('; ')}.`];
      const { text, structured } = paginate(output, { tool: tool.name, cursor, ...(options.maxChars !== undefined && { maxChars: options.maxChars }) });
      return { content: [{ type: 'text', text }], structuredContent: structured };
    } catch (e) {
      if (isArchieError(e)) return errorResult(`${e.code}: ${e.describe()}`);
      // A bug, not the caller's fault: report it as a failed call and keep serving.
      return errorResult(`internal error in ${tool.name}: ${(e as Error)?.message ?? String(e)} (this is a bug in archie; please report it)`);
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, () => ({
    resources: RESOURCES.map((r) => ({ uri: r.uri, name: r.name, title: r.title, description: r.description, mimeType: r.mimeType })),
  }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
    resourceTemplates: [{ uriTemplate: 'archie://knowledge/archetypes/{id}', name: 'archetype', title: 'One archetype', description: 'Entities, access patterns, events and failure modes of one kind of system', mimeType: 'application/json' }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => {
    const r = RESOURCES.find((x) => x.uri === request.params.uri);
    if (!r) throw new McpError(ErrorCode.InvalidParams, `unknown resource "${request.params.uri}"; list them with resources/list (archie://knowledge/...)`);
    return { contents: [{ uri: r.uri, mimeType: r.mimeType, text: r.read() }] };
  });

  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [ARCHITECT_PROTOCOL] }));
  server.setRequestHandler(GetPromptRequestSchema, (request) => {
    if (request.params.name !== ARCHITECT_PROTOCOL.name) throw new McpError(ErrorCode.InvalidParams, `unknown prompt "${request.params.name}"; archie has ${ARCHITECT_PROTOCOL.name}`);
    const args = request.params.arguments ?? {};
    return {
      description: ARCHITECT_PROTOCOL.description,
      messages: [{ role: 'user', content: { type: 'text', text: architectProtocol({ ...(args.brief !== undefined && { brief: args.brief }), ...(args.existing !== undefined && { existing: args.existing }) }) } }],
    };
  });
  return server;
}

/**
 * Serve over stdio until the client disconnects. Credentials for `diagnose` come only from the URL
 * a client passes: libpq-style environment variables are removed and PGPASSWORD is set empty,
 * which also stops the driver from reading ~/.pgpass. stdout is the protocol channel, so anything
 * a library prints goes to stderr.
 */
export async function serveStdio(): Promise<void> {
  for (const key of Object.keys(process.env)) if (/^PG[A-Z_]*$/.test(key)) delete process.env[key];
  process.env.PGPASSWORD = '';
  console.log = console.error;
  console.info = console.error;
  const server = createServer();
  const transport = new LineTransport(process.stdin, process.stdout, { screen: screenRequest });
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
