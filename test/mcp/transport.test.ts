import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../cli/_run.js';

/**
 * The stdio transport with raw bytes, as a broken or hostile client would send them: the server
 * answers every unreadable line with a JSON-RPC error and keeps serving.
 */

interface Reply {
  jsonrpc: string;
  id?: number | string;
  result?: Record<string, unknown>;
  error?: { code: number; message: string };
}

class Raw {
  readonly proc: ChildProcessWithoutNullStreams;
  private buf = '';
  private readonly replies: Reply[] = [];
  private waiting: Array<() => void> = [];
  exit: Promise<number | null>;

  constructor() {
    this.proc = spawn(process.execPath, [CLI, 'mcp'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stdout.on('data', (d: string) => {
      this.buf += d;
      for (let i = this.buf.indexOf('\n'); i >= 0; i = this.buf.indexOf('\n')) {
        this.replies.push(JSON.parse(this.buf.slice(0, i)) as Reply);
        this.buf = this.buf.slice(i + 1);
      }
      for (const w of this.waiting.splice(0)) w();
    });
    this.proc.stderr.resume();
    this.exit = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
  }

  write(data: string | Buffer): void {
    this.proc.stdin.write(data);
  }

  send(message: unknown): void {
    this.write(`${JSON.stringify(message)}\n`);
  }

  /** The next reply in arrival order. */
  async next(): Promise<Reply> {
    while (this.replies.length === 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.replies.shift()!;
  }

  async call(id: number, method: string, params: Record<string, unknown> = {}): Promise<Reply> {
    this.send({ jsonrpc: '2.0', id, method, params });
    for (;;) {
      const r = await this.next();
      if (r.id === id) return r;
    }
  }
}

describe('archie mcp stdio transport, raw', () => {
  let raw: Raw;
  beforeAll(async () => {
    raw = new Raw();
    const init = await raw.call(0, 'initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } });
    expect(init.result?.protocolVersion).toBe('2025-11-25');
    raw.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  });
  afterAll(() => {
    raw.proc.kill();
  });

  it.each([
    ['a line that is not JSON', '{"jsonrpc": "2.0", "id": 1, "method": ', -32700, /Parse error: the line is not JSON/],
    ['a JSON string', '"tools/list"', -32600, /Invalid Request: got a JSON string/],
    ['a batch', '[{"jsonrpc": "2.0", "id": 1, "method": "ping"}]', -32600, /batches are not supported/],
    ['an object without jsonrpc', '{"id": 1, "method": "tools/list"}', -32600, /without "jsonrpc": "2.0"/],
    ['binary garbage', '\u0000\u0001\u00ff\u00fe', -32700, /Parse error/],
  ])('answers %s with %i and keeps serving', async (_what, line, code, re) => {
    raw.write(`${line}\n`);
    const r = await raw.next();
    expect(r.error?.code).toBe(code);
    expect(r.error?.message).toMatch(re);
    expect((await raw.call(2, 'ping')).result).toEqual({});
  });

  it.each([
    ['resources/read', { uri: 5 }, /invalid resources\/read request: params\.uri must be a string, got the number 5/],
    ['tools/call', { name: 'scale', arguments: 'factor 10' }, /params\.arguments must be an object, got the string "factor 10"/],
    ['tools/call', { arguments: {} }, /params\.name must be a string, got nothing/],
    ['prompts/get', { name: 'architect-protocol', arguments: { brief: 5 } }, /params\.arguments\.brief must be a string/],
  ])('answers a malformed %s request with a readable -32602', async (method, params, re) => {
    const r = await raw.call(3, method, params);
    expect(r.error?.code).toBe(-32602);
    expect(r.error?.message).toMatch(re);
    expect(r.error?.message).not.toMatch(/"code":|"path":\[/);
  });

  it.each([
    ['12 MiB (above the SDK transport\'s 10 MiB)', 12 * 1024 * 1024],
    ['50 MB', 50 * 1000 * 1000],
  ])('skips a %s line, answers it with an error carrying its id, and keeps serving', async (_what, bytes) => {
    // Sent in pieces, as a pipe delivers it: the server must not buffer it whole.
    const head = '{"jsonrpc":"2.0","method":"tools/call","params":{"name":"design","arguments":{"brief":"';
    const tail = '"}},"id":41}\n';
    raw.write(head);
    const piece = Buffer.alloc(1024 * 1024, 'x');
    for (let n = head.length + tail.length; n < bytes; n += piece.length) raw.write(piece);
    raw.write(tail);
    const r = await raw.next();
    expect(r.id).toBe(41);
    expect(r.error?.code).toBe(-32600);
    expect(r.error?.message).toMatch(/message too large: [\d.]+ MiB, above archie's limit of 1\.0 MiB/);
    const list = await raw.call(42, 'tools/list');
    expect((list.result?.tools as unknown[]).length).toBe(7);
  });

  it('reads a request that arrives one byte at a time', async () => {
    const line = `${JSON.stringify({ jsonrpc: '2.0', id: 43, method: 'ping' })}\n`;
    for (const ch of line) raw.write(ch);
    expect(await raw.next()).toEqual({ jsonrpc: '2.0', id: 43, result: {} });
  });

  it('exits 0 when the client closes stdin', async () => {
    const r = new Raw();
    r.proc.stdin.end();
    expect(await r.exit).toBe(0);
  });
});
