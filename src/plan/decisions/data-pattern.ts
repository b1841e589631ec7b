import type { DecisionModule } from '../context.js';
import { n, options } from './_util.js';

/** CRUD by default; an append-only event log where history is the product (ledgers, audit); CQRS where reads dwarf writes and need other shapes. */
export const dataPattern: DecisionModule = {
  id: 'data-pattern',
  title: 'Data pattern',
  question: 'Plain CRUD, CQRS with read models, or event sourcing?',
  decide(ctx) {
    const t = ctx.archetype.traits;
    const ratio = ctx.req.scale.readWriteRatio.value;
    const eventSourced = Boolean(t.ledger);
    const cqrs = !eventSourced && (t.fanout || (ratio >= 50 && t.fullTextSearch));
    const choice = eventSourced
      ? 'Event-sourced core (append-only entries) with CRUD for reference data'
      : cqrs
        ? 'CRUD writes with CQRS read models for the hot read paths'
        : t.audit
          ? 'CRUD with an append-only audit log'
          : 'CRUD';
    return {
      considered: options([
        ['CRUD', !eventSourced && !cqrs ? 'chosen' : 'viable', t.audit ? 'simplest; changes that must be traceable are also appended to an audit-log table in the same transaction' : 'simplest; the database is the source of truth and reads query it directly'],
        ['CQRS (separate read models)', cqrs ? 'chosen' : 'rejected', cqrs ? `reads outnumber writes ${n(ratio)}:1 and need other shapes (${t.fanout ? 'per-user feeds/inboxes' : 'search indexes'}) than the write model` : `at ${n(ratio)} reads per write, indexes on the write model serve the reads; a second model would double the work`],
        ['Event sourcing', eventSourced ? 'chosen' : 'rejected', eventSourced ? 'every change must be kept and replayable; balances are derived from immutable entries' : t.audit ? 'traceability is needed, but an audit log gives it without making every read a projection' : 'no requirement to rebuild past states; replay and schema evolution of events add cost for nothing'],
      ]),
      chosen: choice,
      rationale: eventSourced
        ? 'A ledger needs an immutable history: entries are appended, never updated, and balances are projections that can be rebuilt and reconciled.'
        : cqrs
          ? `Reads outnumber writes ${n(ratio)}:1 and the hot reads have a different shape from the writes, so they are served from read models updated by events.`
          : `Reads (${n(ratio)} per write) are served by indexes on the same tables; nothing in the requirements needs history replay or separate read models.`,
      wouldChange: eventSourced
        ? 'A ledger whose history no one needs to replay (balances only, kept by a regulator elsewhere) could drop to CRUD with an audit log; read paths the projections cannot serve at the target latency would add dedicated read models.'
        : cqrs
          ? `Reads that indexes on the write model serve at the target latency (fewer than ~50 reads per write, no per-user feeds) would make the read models unnecessary: plain CRUD.`
          : 'Audit or regulatory requirements to reconstruct past states would call for event sourcing; read paths that indexes cannot serve at the target latency would call for CQRS read models.',
      drivers: ['archetype.traits', 'scale.readWriteRatio'],
      significant: eventSourced || cqrs,
      quotes: [],
      thresholds: [],
    };
  },
};
