import { describe, expect, it } from 'vitest';
import { parseTarget, redactText, redactUrl } from '../../src/diagnose/_url.js';
import { sslAttempts } from '../../src/diagnose/_session.js';

describe('connection URLs', () => {
  it.each([
    ['postgres://app:pw@db.internal:6432/shop', { host: 'db.internal', port: 6432, database: 'shop', user: 'app', password: 'pw', local: false, redacted: 'postgres://app:***@db.internal:6432/shop' }],
    ['postgresql://app@127.0.0.1/shop?sslmode=require', { host: '127.0.0.1', port: 5432, sslMode: 'require', local: true, redacted: 'postgres://app@127.0.0.1:5432/shop?sslmode=require'.replace(':5432', '') }],
    ['postgres://u:p%40ss%3Aword@h/db', { password: 'p@ss:word', redacted: 'postgres://u:***@h/db' }],
    ['postgres://u@h/db?password=secret', { password: 'secret', redacted: 'postgres://u@h/db?password=***' }],
    ['postgres:///shop?host=%2Fvar%2Frun%2Fpostgresql', { host: '/var/run/postgresql', socket: true, local: true, database: 'shop' }],
    ['postgres://u@[::1]:5433/db', { host: '::1', port: 5433, local: true }],
  ] as const)('%s', (url, expected) => {
    expect(parseTarget(url, {})).toMatchObject(expected);
  });

  it('falls back to the libpq environment', () => {
    expect(parseTarget('postgres://', { PGHOST: 'envhost', PGPORT: '7000', PGUSER: 'envuser', PGDATABASE: 'envdb', PGPASSWORD: 'envpw' })).toMatchObject({
      host: 'envhost',
      port: 7000,
      user: 'envuser',
      database: 'envdb',
      password: 'envpw',
    });
  });

  it.each(['mysql://u:pw@h/db', 'postgres://u:pw@h:0/db', 'postgres://u:pw@h/db?sslmode=maybe', 'postgres://u:pw@h/db?foo=1'])('rejects %s without echoing the password', (url) => {
    expect(() => parseTarget(url, {})).toThrow();
    try {
      parseTarget(url, {});
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(':pw@');
    }
  });

  it('redacts passwords in any URL, query string or keyword string', () => {
    expect(redactUrl('failed: postgres://a:b@h/d, mysql://x:y@z/w, ?password=p&sslpassword=q, password=kw')).toBe(
      'failed: postgres://a:***@h/d, mysql://x:***@z/w, ?password=***&sslpassword=***, password=***',
    );
    expect(redactText('auth for p@ss:word failed', ['p@ss:word'])).toBe('auth for *** failed');
  });

  it('follows libpq sslmode semantics, prefer falling back to plain', () => {
    const t = (mode: string) => parseTarget(`postgres://u@h/db?sslmode=${mode}`, {});
    expect(sslAttempts(t('disable'))).toEqual([false]);
    expect(sslAttempts(t('prefer'))).toEqual([{ rejectUnauthorized: false }, false]);
    expect(sslAttempts(t('require'))).toEqual([{ rejectUnauthorized: false }]);
    expect(sslAttempts(t('verify-full'))).toEqual([{ rejectUnauthorized: true }]);
    expect(sslAttempts(parseTarget('postgres://u@/db?host=/tmp', {}))).toEqual([false]);
  });
});
