/**
 * Peers that do not behave: a PostgreSQL whose replies stall halfway (a proxy in front of the real
 * server that stops forwarding in the middle of a row), one that announces a message of 2 GB and
 * then sends nothing more or far too much, one that stalls during the handshake, and a server that
 * is not PostgreSQL at all (a MySQL greeting on the port). Each run ends by itself with a
 * classified error and no password in it; none hangs (each test is bounded by vitest's timeout).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, DiagnoseConnectError } from '../../src/diagnose/index.js';
import { Session } from '../../src/diagnose/_session.js';
import { parseTarget } from '../../src/diagnose/_url.js';
import { createScratch, PG_HOST, PG_PORT, PG_USER, type Scratch } from './_db.js';

const SECRET = 'h0stile-Peer-pw';
let db: Scratch;
const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  db = await createScratch('hostile', { pgStatStatements: false });
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await db?.drop();
});

async function listen(onConnection: (client: net.Socket) => void): Promise<number> {
  const server = net.createServer((c) => {
    sockets.add(c);
    c.on('error', () => undefined);
    onConnection(c);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

/**
 * A TCP proxy to the real server that forwards everything until the first DataRow of a reply,
 * then hands that message to `tamper`, which decides what (if anything) the client still gets.
 */
function stallingProxy(tamper: (client: net.Socket, row: Buffer) => void): Promise<number> {
  return listen((client) => {
    const upstream = net.connect(PG_PORT, PG_HOST);
    sockets.add(upstream);
    upstream.on('error', () => undefined);
    client.on('data', (d) => upstream.write(d));
    let pending = Buffer.alloc(0);
    let stalled = false;
    upstream.on('data', (d: Buffer) => {
      if (stalled) return;
      pending = Buffer.concat([pending, d]);
      // Server messages: a type byte and an int32 length that counts itself.
      while (pending.length >= 5) {
        const len = pending.readInt32BE(1);
        if (pending.length < 1 + len) return;
        const msg = pending.subarray(0, 1 + len);
        pending = pending.subarray(1 + len);
        if (msg[0] === 0x44 /* DataRow */) {
          stalled = true;
          tamper(client, msg);
          return;
        }
        client.write(msg);
      }
    });
  });
}

async function failure(url: string, options: Parameters<typeof diagnose>[1] = {}): Promise<DiagnoseConnectError> {
  const e = await diagnose(url, { statementTimeoutMs: 200, connectTimeoutMs: 1500, ...options }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DiagnoseConnectError);
  const err = e as DiagnoseConnectError;
  expect(`${err.describe()} ${JSON.stringify(err.toJSON())}`).not.toContain(SECRET);
  return err;
}

const via = (port: number): string => `postgres://${PG_USER}:${SECRET}@127.0.0.1:${port}/${db.name}?sslmode=disable`;

describe('a server that stops answering', () => {
  it('mid-reply: half a row, then silence; archie cuts the connection after its own deadline', async () => {
    const port = await stallingProxy((client, row) => client.write(row.subarray(0, 3)));
    const err = await failure(via(port));
    expect(err.reason).toBe('stalled');
    expect(err.message).toMatch(/no reply from the server within \d+ s .*archie closed the connection/);
    expect(err.path).toBe(`postgres://${PG_USER}:***@127.0.0.1:${port}/${db.name}?sslmode=disable`);
  });

  it('a 2 GB length header and then nothing', async () => {
    const port = await stallingProxy((client) => {
      const head = Buffer.alloc(5);
      head[0] = 0x44;
      head.writeInt32BE(0x7ffffff0, 1);
      client.write(Buffer.concat([head, Buffer.alloc(100, 1)]));
    });
    expect((await failure(via(port))).reason).toBe('stalled');
  });

  it('a 2 GB length header followed by an endless stream: cut at the reply size limit', async () => {
    const port = await stallingProxy((client) => {
      const head = Buffer.alloc(5);
      head[0] = 0x44;
      head.writeInt32BE(0x7ffffff0, 1);
      client.write(head);
      const chunk = Buffer.alloc(64 * 1024, 7);
      // Bounded: at most 64 MB, stopping as soon as archie hangs up.
      let sent = 0;
      const pump = (): void => {
        while (!client.destroyed && sent < 1024 && client.write(chunk)) sent++;
        if (!client.destroyed && sent < 1024) client.once('drain', pump);
      };
      pump();
    });
    const target = parseTarget(via(port), {});
    const session = await Session.open(target, { statementTimeoutMs: 60_000, lockTimeoutMs: 1000, connectTimeoutMs: 5000, auditLocks: false, jitOff: true, catalogSearchPath: true, maxReplyBytes: 4 * 1024 * 1024 });
    try {
      const e = await session.query('probe', 'SELECT 1 AS one').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DiagnoseConnectError);
      expect((e as DiagnoseConnectError).reason).toBe('stalled');
      expect((e as Error).message).toMatch(/more than 4 MB in answer to one statement/);
      // The session stays closed: no statement is sent on a connection archie cut.
      await expect(session.query('again', 'SELECT 1')).rejects.toBeInstanceOf(DiagnoseConnectError);
    } finally {
      await session.close();
    }
  });

  it('during the handshake: an authentication message that never ends is a connect timeout', async () => {
    const port = await listen((c) => {
      c.once('data', () => {
        const head = Buffer.alloc(9);
        head[0] = 0x52; // Authentication
        head.writeInt32BE(0x7ffffff0, 1);
        c.write(head);
      });
    });
    const err = await failure(via(port), { connectTimeoutMs: 400 });
    expect(err.reason).toBe('timeout');
  });
});

describe('a server that is not PostgreSQL', () => {
  // The first packet a MySQL server sends on every connection (protocol 10, version 8.0.36).
  const greeting = Buffer.from('4a0000000a382e302e3336000b00000028585e5b2a0b0e1700ffffff0200ffdf15000000000000000000005a3f0e7d125c63342e4f2a4a0063616368696e675f736861325f70617373776f726400', 'hex');

  it.each(['prefer', 'disable', 'require'])('a MySQL greeting (sslmode=%s) says "not PostgreSQL", not TLS', async (mode) => {
    const port = await listen((c) => c.write(greeting));
    const err = await failure(`postgres://${PG_USER}:${SECRET}@127.0.0.1:${port}/${db.name}?sslmode=${mode}`);
    expect(err.reason).toBe('not-postgres');
    expect(err.message).toBe(`127.0.0.1:${port} answered, but not as PostgreSQL does: is this the right host and port?`);
    expect(err.hint).toMatch(/3306 is MySQL's/);
  });
});
