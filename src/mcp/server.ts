import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  GetPromptRequestSchema,
  ListPromptsRequestSchema,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { isArchieError } from '../errors.js';
import { VERSION } from '../version.js';
import type { AnyTool } from './_tool.js';
import { ARCHITECT_PROTOCOL, architectProtocol } from './prompts.js';
import { RESOURCES } from './resources.js';
import { TOOLS } from './tools/index.js';

/**
 * archie as an MCP server: the same library calls as the CLI, behind tools with JSON Schema inputs
 * and structured outputs, the knowledge base as resources, and the architect's protocol as a
 * prompt. Errors a user can act on (ArchieError) are tool results with `isError: true`; arguments
 * that do not match a tool's schema, unknown tools, resources and prompts are protocol errors
 * (InvalidParams) naming the problem. Nothing a tool throws stops the server.
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

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const at = i.path.length ? i.path.map(String).join('.') : '(arguments)';
      if (i.code === 'unrecognized_keys') return `unknown argument(s) ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${at}: ${i.message}`;
    })
    .join('; ');
}

function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

export function createServer(tools: readonly AnyTool[] = TOOLS): Server {
  const server = new Server(
    { name: 'archie', title: 'archie — the backend architect', version: VERSION },
    {
      capabilities: { tools: {}, resources: {}, prompts: {} },
      instructions:
        'archie designs backends from numbers: call `capacity` and `design` instead of estimating, `verify` and `review` to check artifacts, `scale` for growth, `migrate` for leaving a monolith, `diagnose` for a live PostgreSQL. ' +
        'The prompt `architect-protocol` walks through the whole process; archie://knowledge/* resources hold the limits, prices and trade-offs to cite.',
    },
  );
  const byName = new Map(tools.map((t) => [t.name, t]));
  const listed = tools.map((t) => ({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: jsonSchema(t.input, 'input') as { type: 'object' },
    outputSchema: jsonSchema(t.output, 'output') as { type: 'object' },
    ...(t.annotations && { annotations: t.annotations }),
  }));

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));

  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const tool = byName.get(request.params.name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool "${request.params.name}"; archie's tools are ${[...byName.keys()].join(', ')}`);
    const parsed = tool.input.safeParse(request.params.arguments ?? {});
    if (!parsed.success) throw new McpError(ErrorCode.InvalidParams, `invalid arguments for ${tool.name}: ${describeIssues(parsed.error)}`);
    try {
      const { structured, text } = await tool.run(parsed.data);
      return { content: [{ type: 'text', text }], structuredContent: structured as Record<string, unknown> };
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
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  await server.connect(transport);
  await closed;
}
