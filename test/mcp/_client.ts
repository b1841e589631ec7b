import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { CLI, ROOT } from '../cli/_run.js';

export interface ConnectOptions {
  env?: Record<string, string>;
  /** The folder the server is started in (default: the repository). */
  cwd?: string;
  /** Folders the client grants as MCP roots; without it the client does not declare the roots capability. */
  roots?: string[];
}

export interface TestClient extends Client {
  /** Change the granted roots and tell the server (notifications/roots/list_changed). */
  setRoots(dirs: string[]): Promise<void>;
}

/** The SDK's own client talking to `node dist/cli.js mcp` over stdio, as Claude Code or Cursor would. */
export async function connect(options: ConnectOptions | Record<string, string> = {}): Promise<TestClient> {
  const o: ConnectOptions = 'env' in options || 'cwd' in options || 'roots' in options ? (options as ConnectOptions) : { env: options as Record<string, string> };
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp'],
    cwd: o.cwd ?? ROOT,
    stderr: 'pipe',
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1', ...o.env },
  });
  let roots = o.roots ?? [];
  const client = new Client({ name: 'archie-test', version: '1.0.0' }, o.roots ? { capabilities: { roots: { listChanged: true } } } : {}) as TestClient;
  if (o.roots) {
    client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((d) => ({ uri: pathToFileURL(d).href, name: d })) }));
  }
  client.setRoots = async (dirs: string[]) => {
    roots = dirs;
    await client.sendRootsListChanged();
  };
  await client.connect(transport);
  return client;
}

export function text(result: unknown): string {
  const content = (result as { content: Array<{ type: string; text?: string }> }).content;
  return content.map((c) => c.text ?? '').join('\n');
}

/** The size of a tool result as the bound counts it: characters of the text plus the structured JSON, ÷ 4. */
export function tokens(result: unknown): number {
  const r = result as { structuredContent?: unknown };
  return Math.ceil((text(result).length + (r.structuredContent === undefined ? 0 : JSON.stringify(r.structuredContent).length)) / 4);
}
