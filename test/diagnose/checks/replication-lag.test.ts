import { describe, expect, it } from 'vitest';
import { evaluateStandby, evaluateStandbys, type StandbyState } from '../../../src/diagnose/checks/replication-lag.js';
import { T } from '../_fixtures.js';

const MB = 1024 ** 2;
const standby = (o: Partial<StandbyState> = {}): StandbyState => ({ replayGapBytes: 0, sinceReplayS: 5, paused: false, receiver: 'streaming', receiverVisible: true, ...o });
const severities = (s: StandbyState) => evaluateStandby(s, 'shop', T).map((f) => `${f.location.kind === 'object' ? f.location.name : ''}:${f.severity}`);

describe('replication-lag on a standby', () => {
  it.each([
    ['caught up', standby(), []],
    ['an idle primary: the last commit is old but nothing waits to be replayed', standby({ sinceReplayS: 7200 }), []],
    ['2 minutes behind with WAL waiting', standby({ replayGapBytes: MB, sinceReplayS: 120 }), ['replay lag:warning']],
    ['15 minutes behind', standby({ replayGapBytes: MB, sinceReplayS: 900 }), ['replay lag:error']],
    ['1 GB of WAL not replayed', standby({ replayGapBytes: 1024 * MB, sinceReplayS: 1 }), ['replay lag:error']],
    ['replay paused', standby({ paused: true, replayGapBytes: 100 * MB, sinceReplayS: 30 }), ['WAL replay:warning', 'replay lag:warning']],
    ['not streaming', standby({ receiver: null }), ['WAL receiver:warning']],
    ['receiver hidden: not judged here (the check says it could not look)', standby({ receiver: null, receiverVisible: false }), []],
  ] as const)('%s', (_n, s, expected) => {
    expect(severities(s)).toEqual(expected);
  });

  it('a paused standby is told to resume', () => {
    const f = evaluateStandby(standby({ paused: true }), 'shop', T)[0];
    expect(f?.fix?.code).toBe('SELECT pg_wal_replay_resume();');
  });
});

describe('replication-lag on a primary', () => {
  it.each([
    ['in sync', 0, 0, null],
    ['100 MB behind', 100 * MB, 0, 'warning'],
    ['20 minutes of replay lag', 1024, 1200, 'error'],
    ['an old replay_lag after catching up (it keeps its last value)', 0, 1200, null],
  ] as const)('%s', (_n, bytes, seconds, expected) => {
    const [f] = evaluateStandbys([{ name: 'replica1', clientAddr: '10.0.0.2', state: 'streaming', replayBehindBytes: bytes, replayLagS: seconds }], 'shop', T);
    expect(f?.severity ?? null).toBe(expected);
  });
});
