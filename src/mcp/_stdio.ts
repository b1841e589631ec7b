import process from 'node:process';
import type { Readable, Writable } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage, type RequestId } from '@modelcontextprotocol/sdk/types.js';

/**
 * The stdio transport of `archie mcp`: one JSON-RPC message per line, as the MCP stdio transport
 * specifies, but hardened where the SDK's StdioServerTransport gives up. A line longer than
 * MAX_MESSAGE_BYTES is skipped as it streams in (never buffered whole) and answered with a JSON-RPC
 * error; a line that is not JSON gets -32700, JSON that is not a JSON-RPC 2.0 message gets -32600,
 * and a request whose params do not fit its method (see `screen`) gets -32602 with a readable
 * message. In every case the server keeps serving. A closed stdout (the client went away) ends the
 * transport quietly instead of crashing on EPIPE.
 */

/** Largest message archie reads. Its largest argument is a 64 KiB brief; 1 MiB leaves room for 1,000 long paths. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** A JSON-RPC error to send instead of dispatching a message, or null to dispatch it. */
export type Screen = (message: JSONRPCMessage) => { code: number; message: string } | null;

export interface LineTransportOptions {
  maxMessageBytes?: number;
  screen?: Screen;
}

/** Bytes of an oversized line kept to find its request id (the SDK writes `id` last, others first). */
const KEEP = 512;

const ID_AT_START = /^\s*\{\s*(?:"jsonrpc"\s*:\s*"2\.0"\s*,\s*)?"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")\s*[,}]/;
const ID_AT_END = /[,{]\s*"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")\s*\}\s*$/;

/** The id of a request we could not read whole: found at the line's start or end, else null. */
export function salvageId(head: string, tail: string): RequestId | null {
  const m = ID_AT_START.exec(head) ?? ID_AT_END.exec(tail);
  if (!m) return null;
  try {
    const v: unknown = JSON.parse(m[1]!);
    return typeof v === 'number' || typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

function idOf(value: unknown): RequestId | null {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as { id?: unknown }).id;
    if ((typeof id === 'number' && Number.isInteger(id)) || typeof id === 'string') return id;
  }
  return null;
}

function isRequest(message: JSONRPCMessage): message is JSONRPCMessage & { id: RequestId; method: string } {
  return 'method' in message && 'id' in message;
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private readonly max: number;
  private readonly screen: Screen | undefined;
  private chunks: Buffer[] = [];
  private bytes = 0;
  /** Set while skipping the rest of an oversized line. */
  private skipping: { head: string; tail: Buffer; bytes: number } | null = null;
  private closed = false;

  constructor(
    private readonly stdin: Readable = process.stdin,
    private readonly stdout: Writable = process.stdout,
    options: LineTransportOptions = {},
  ) {
    this.max = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
    this.screen = options.screen;
  }

  private readonly onData = (chunk: Buffer): void => {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(0x0a, start);
      const end = nl === -1 ? chunk.length : nl;
      this.take(chunk.subarray(start, end));
      if (nl === -1) break;
      this.endLine();
      start = nl + 1;
    }
  };

  private readonly onEnd = (): void => {
    // A last message without its newline is still a message.
    if (this.bytes > 0 || this.skipping) this.endLine();
    void this.close();
  };

  private readonly onStdinError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onStdoutError = (error: NodeJS.ErrnoException): void => {
    // The client closed its end: nobody is listening, so stop quietly.
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') void this.close();
    else this.onerror?.(error);
  };

  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (this.skipping) {
      this.skipping.bytes += part.length;
      this.skipping.tail = Buffer.concat([this.skipping.tail, part]).subarray(-KEEP);
      return;
    }
    if (this.bytes + part.length > this.max) {
      const head = Buffer.concat([...this.chunks, part.subarray(0, KEEP)]).subarray(0, KEEP);
      this.skipping = { head: head.toString('utf8'), tail: Buffer.from(part.subarray(-KEEP)), bytes: this.bytes + part.length };
      this.chunks = [];
      this.bytes = 0;
      return;
    }
    this.chunks.push(Buffer.from(part));
    this.bytes += part.length;
  }

  private endLine(): void {
    if (this.skipping) {
      const { head, tail, bytes } = this.skipping;
      this.skipping = null;
      this.reply(salvageId(head, tail.toString('utf8')), ErrorCode.InvalidRequest,
        `message too large: ${size(bytes)}, above archie's limit of ${size(this.max)} per message; it was skipped. ` +
          'Pass files by path instead of their contents, and keep a brief under 64 KiB.');
      return;
    }
    const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.bytes = 0;
    if (line.trim() === '') return;
    this.dispatch(line);
  }

  private dispatch(line: string): void {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      this.reply(null, ErrorCode.ParseError, `Parse error: the line is not JSON (${(e as Error).message}). Send one JSON-RPC 2.0 message per line, as UTF-8 JSON.`);
      return;
    }
    if (Array.isArray(value)) {
      this.reply(null, ErrorCode.InvalidRequest, 'Invalid Request: JSON-RPC batches are not supported by MCP; send one message per line.');
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      const v = value as Record<string, unknown> | null;
      // Only a request gets an answer; a broken response or notification has nobody waiting for one.
      const id = v && typeof v === 'object' && 'method' in v ? idOf(v) : null;
      const what = v === null || typeof v !== 'object' ? `a JSON ${v === null ? 'null' : typeof v}` : v.jsonrpc !== '2.0' ? 'an object without "jsonrpc": "2.0"' : 'an object that is neither a request, a notification nor a response';
      this.reply(id, ErrorCode.InvalidRequest, `Invalid Request: got ${what}. A JSON-RPC 2.0 request is {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}.`);
      return;
    }
    const message = parsed.data;
    if (this.screen && isRequest(message)) {
      const problem = this.screen(message);
      if (problem) {
        this.reply(message.id, problem.code, problem.message);
        return;
      }
    }
    try {
      this.onmessage?.(message);
    } catch (e) {
      this.onerror?.(e as Error);
    }
  }

  private reply(id: RequestId | null, code: number, message: string): void {
    // MCP's error response leaves out the id when the request's id could not be read (JSON-RPC 2.0 used null).
    void this.send({ jsonrpc: '2.0', ...(id !== null && { id }), error: { code, message } } as JSONRPCMessage);
  }

  async start(): Promise<void> {
    this.stdin.on('data', this.onData);
    this.stdin.on('end', this.onEnd);
    this.stdin.on('error', this.onStdinError);
    this.stdout.on('error', this.onStdoutError);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.resolve();
    // Resolved once written (or failed: a closed stdout is handled by onStdoutError), so a send never hangs.
    return new Promise((resolve) => {
      this.stdout.write(`${JSON.stringify(message)}\n`, () => resolve());
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stdin.off('data', this.onData);
    this.stdin.off('end', this.onEnd);
    this.stdin.off('error', this.onStdinError);
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.chunks = [];
    this.skipping = null;
    this.onclose?.();
  }
}
