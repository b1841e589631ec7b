import { describe, expect, it } from 'vitest';
import { countConnections, evaluateConnections, type ConnectionNumbers } from '../../../src/diagnose/checks/connections.js';
import { session, settings, T } from '../_fixtures.js';

const base: ConnectionNumbers = { maxConnections: 100, reserved: 3, used: 10, idle: 5, inDatabase: 8, poolSize: undefined, database: 'shop' };

describe('connections', () => {
  it.each([
    ['10 of 97 in use', base, []],
    ['80 of 97 in use', { ...base, used: 80 }, ['warning max_connections']],
    ['95 of 97 in use', { ...base, used: 95 }, ['error max_connections']],
    ['40 connections, 30 idle', { ...base, used: 40, idle: 30 }, ['info max_connections']],
    ['pool of 20 with 8 in use', { ...base, poolSize: 20 }, []],
    ['pool of 10 with 8 in use', { ...base, poolSize: 10 }, ['warning pool size 10']],
    ['pool of 200 on a 97-slot server', { ...base, poolSize: 200 }, ['warning pool size 200']],
  ] as const)('%s', (_name, input, expected) => {
    const found = evaluateConnections(input as ConnectionNumbers, T).map((f) => `${f.severity} ${f.location.kind === 'object' ? f.location.name : ''}`);
    expect(found).toEqual(expected);
  });

  it('counts client backends only, includes archie itself, and the target database separately', () => {
    const activity = [
      session({ pid: 1, state: 'idle' }),
      session({ pid: 2, state: 'active', database: 'other' }),
      session({ pid: 3, backendType: 'autovacuum worker' }),
    ];
    const c = countConnections(activity, settings({ reserved_connections: '2' }), 'shop', 5);
    expect(c).toEqual({ maxConnections: 100, reserved: 5, used: 3, idle: 1, inDatabase: 1, poolSize: 5, database: 'shop' });
  });
});
