import { describe, expect, it } from 'vitest';
import { classifyConnectError } from '../../src/diagnose/_connect-error.js';
import { parseTarget } from '../../src/diagnose/_url.js';

const target = parseTarget('postgres://app:hunter22@db.example.com:5432/shop', {});
const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('connection failures are classified', () => {
  it.each([
    ['refused', err('connect ECONNREFUSED 10.0.0.1:5432', 'ECONNREFUSED'), 'refused'],
    ['refused on every address', Object.assign(new AggregateError([err('a', 'ECONNREFUSED'), err('b', 'ECONNREFUSED')]), { code: 'ECONNREFUSED' }), 'refused'],
    ['wrong password', err('password authentication failed for user "app"', '28P01'), 'auth'],
    ['no such role', err('role "app" does not exist', '28000'), 'auth'],
    ['server requires TLS', err('no pg_hba.conf entry for host "1.2.3.4", user "app", database "shop", no encryption', '28000'), 'tls'],
    ['unknown database', err('database "shop" does not exist', '3D000'), 'unknown-database'],
    ['driver timeout', err('Connection terminated due to connection timeout'), 'timeout'],
    ['socket timeout', err('connect ETIMEDOUT', 'ETIMEDOUT'), 'timeout'],
    ['self-signed certificate', err('self-signed certificate', 'DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    ['server without TLS', err('The server does not support SSL connections'), 'tls'],
    ['DNS', err('getaddrinfo ENOTFOUND db.example.com', 'ENOTFOUND'), 'host-not-found'],
    ['full', err('sorry, too many clients already', '53300'), 'too-many-connections'],
    ['starting up', err('the database system is starting up', '57P03'), 'unavailable'],
    ['MySQL greeting in answer to the SSL request', err('There was an error establishing an SSL connection'), 'not-postgres'],
    ['a message type PostgreSQL never sends', err('received invalid response: 4a'), 'not-postgres'],
    ['something else', err('unexpected message'), 'other'],
  ] as const)('%s', (_n, e, reason) => {
    const c = classifyConnectError(e, target, 10_000);
    expect(c.reason).toBe(reason);
    expect(c.code).toBe('CONNECT');
    expect(c.path).toBe('postgres://app:***@db.example.com:5432/shop');
    expect(JSON.stringify(c.toJSON())).not.toContain('hunter22');
    expect(c.hint ?? c.reason).toBeTruthy();
  });

  it('scrubs the password if the driver ever echoes it', () => {
    const c = classifyConnectError(err('bad login hunter22 for app'), target, 10_000);
    expect(c.message).not.toContain('hunter22');
  });
});
