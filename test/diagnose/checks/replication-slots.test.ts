import { describe, expect, it } from 'vitest';
import { evaluateSlots, type SlotFact } from '../../../src/diagnose/checks/replication-slots.js';
import { T } from '../_fixtures.js';

const GB = 1024 ** 3;
const slot = (o: Partial<SlotFact> = {}): SlotFact => ({ name: 'old_replica', type: 'physical', plugin: null, database: null, active: false, temporary: false, walStatus: 'reserved', retainedBytes: 0, xminAge: null, catalogXminAge: null, ...o });

describe('replication-slots', () => {
  it.each([
    ['inactive, little WAL', slot({ retainedBytes: 10 * 1024 ** 2 }), null],
    ['inactive, 2 GB of WAL', slot({ retainedBytes: 2 * GB }), 'warning'],
    ['inactive, 20 GB of WAL', slot({ retainedBytes: 20 * GB }), 'error'],
    ['active with a big backlog: its consumer is connected', slot({ active: true, retainedBytes: 20 * GB }), null],
    ['inactive physical slot holding back VACUUM everywhere', slot({ xminAge: 5_000_000 }), 'warning'],
    ['temporary slot', slot({ temporary: true, retainedBytes: 20 * GB }), null],
    ['invalidated', slot({ walStatus: 'lost', active: false }), 'warning'],
  ] as const)('%s', (_n, s, expected) => {
    expect(evaluateSlots([s], 'shop', T)[0]?.severity ?? null).toBe(expected);
  });

  it('an inactive logical slot: restart the consumer first, dropping it costs the consumer a fresh snapshot', () => {
    const [f] = evaluateSlots([slot({ name: 'cdc', type: 'logical', plugin: 'pgoutput', database: 'shop', retainedBytes: 2 * GB, catalogXminAge: 5000 })], 'shop', T);
    expect(f?.fix?.code).toBe("SELECT pg_drop_replication_slot('cdc');");
    expect(f?.fix?.description).toMatch(/^Its consumer .* stopped reading: restart it\. Drop the slot only if nothing will read it again/);
    expect(f?.message).toContain('holds back VACUUM of the system catalogs');
    expect(f?.message).not.toContain('in every table');
  });
});
