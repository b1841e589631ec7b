import type { Adr, Decision, Design } from '../model/design.js';
import type { PlanContext } from './context.js';

/** One MADR-style record per significant decision, numbered in decision order. */
export function planAdrs(decisions: Decision[]): Adr[] {
  return decisions
    .filter((d) => d.significant)
    .map((d, i) => ({
      number: i + 1,
      slug: d.id,
      title: `${d.title}: ${d.chosen.split(/[;(]/)[0]!.trim()}`,
      status: 'Proposed' as const,
      decisionId: d.id,
      context: `${d.question} ${d.rationale}`,
      decision: `We choose ${d.chosen}.`,
      options: d.considered.map((o) => ({ option: o.option, verdict: o.verdict, reason: o.reason })),
      consequences: {
        positive: d.considered.filter((o) => o.verdict === 'chosen').map((o) => `${o.option}: ${o.reason}`),
        negative: [
          ...d.considered.filter((o) => o.verdict === 'viable').map((o) => `We forgo ${o.option} (${o.reason}).`),
          `Revisit when: ${d.wouldChange}`,
        ],
      },
    }));
}

/** Phases from foundations to launch hardening, fitted to the stated timeline when there is one. */
export function planRoadmap(ctx: PlanContext, design: Pick<Design, 'components' | 'dataStores' | 'entities'>): Design['roadmap'] {
  const domains = ctx.archetype.domains;
  const core = domains.filter((d) => d !== 'identity');
  const stores = design.dataStores.map((s) => s.technology);
  const phases = [
    { name: 'Foundations', weight: 2, goals: ['CI/CD with lint, tests, `archie review` and `archie verify` on every change', `Environments and infrastructure as code for ${stores.join(', ')}`, 'Observability baseline: structured logs with request ids, traces, SLO dashboards', 'Identity provider, token validation and the RBAC scope model'], exit: 'A hello-world request goes through the edge, is authenticated, traced and deployed by the pipeline to staging and production.' },
    { name: 'Core domain', weight: 3, goals: [`Schema migration 0001 and the ${core.slice(0, 2).join(' and ') || 'core'} modules`, 'CRUD and list endpoints with cursor pagination, validation, problem+json errors, idempotency keys', 'Contract tests against openapi.yaml'], exit: 'The main flow works end to end in staging with seeded data; p95 under target in a smoke load test.' },
    { name: 'Scale and async paths', weight: 2, goals: [...(design.dataStores.some((s) => s.kind === 'cache') ? ['Cache-aside with delete-on-write invalidation, rate limits in Redis'] : []), ...(design.dataStores.some((s) => s.name === 'Message broker') ? ['Transactional outbox, event consumers with retries and dead-letter queues'] : []), ...(ctx.archetype.traits.realtime ? ['Real-time gateway with fan-out and reconnect/backfill'] : []), ...(design.dataStores.some((s) => s.kind === 'search') ? ['Search indexing from change events'] : []), 'Autoscaling policies and PodDisruptionBudgets'].slice(0, 5), exit: 'A load test at the 1-year peak from Capacity Planning meets the SLOs with one zone drained.' },
    { name: 'Hardening and launch', weight: 2, goals: ['Security review against the checklist; penetration test of the public API', 'Backups restored in a drill; failover rehearsed', 'Runbooks for each failure mode; on-call rotation; alert tuning', ...(ctx.req.regulations.length ? [`Compliance evidence for ${ctx.req.regulations.map((r) => r.value).join(', ')}`] : [])], exit: 'Launch checklist signed off; error budget policy agreed.' },
  ];
  const totalWeight = phases.reduce((a, p) => a + p.weight, 0);
  const totalWeeks = Math.max(8, Math.min(52, ctx.req.timelineWeeks?.value ?? 12));
  let week = 1;
  return phases.map((p, i) => {
    const len = i === phases.length - 1 ? totalWeeks - week + 1 : Math.max(1, Math.round((p.weight / totalWeight) * totalWeeks));
    const from = week;
    const to = Math.max(from, from + len - 1);
    week = to + 1;
    return { name: p.name, fromWeek: from, toWeek: to, goals: p.goals, exitCriteria: p.exit };
  });
}

/** Strangler fig off an existing system: facade first, then identity, then the least coupled contexts. */
export function planMigration(ctx: PlanContext): Design['migration'] {
  const existing = ctx.req.existingSystem;
  if (!existing) return null;
  const contexts = ctx.archetype.domains.filter((d) => d !== 'identity');
  return {
    strategy: 'Strangler fig behind a routing facade, data moved by expand-and-contract',
    phases: [
      { name: 'Facade', steps: [`Put the edge gateway in front of ${existing.description}; route 100% of traffic to it unchanged`, 'Add request logging and tracing at the facade to learn real usage per route'], verification: 'No change in error rate or latency at the facade for a week.', rollback: 'Point DNS back at the old system.' },
      { name: 'Identity first', steps: ['Move sign-in to the new identity provider; the old system accepts the new tokens (or a session bridge)', 'Migrate user records with a backfill and dual writes during the cut-over'], verification: 'Reconciliation job shows user counts and hashes equal; sign-in success rate unchanged.', rollback: 'Facade routes sign-in back to the old system; dual writes kept the old store current.' },
      ...contexts.map((c) => ({
        name: `Extract ${c}`,
        steps: [`Build the ${c} module against the new schema (expand: new tables alongside the old)`, `Backfill ${c} data, then dual-write from the old system (or CDC) while reads stay old`, 'Shadow-read: compare new and old responses for a sample of traffic', `Switch the facade route for ${c} endpoints to the new system; stop old writes (contract)`],
        verification: 'Shadow comparison mismatch rate below 0.1% for a week; SLOs met on the new path.',
        rollback: 'Facade routes back to the old endpoints; dual writes kept the old data current until the contract step.',
      })),
      { name: 'Decommission', steps: ['Freeze the old system read-only, archive its data per the retention policy', 'Remove dual writes and the old routes'], verification: 'No traffic to the old system for 30 days.', rollback: 'Restore from the archive (kept for the retention period).' },
    ],
  };
}

export function planNextSteps(ctx: PlanContext, design: Pick<Design, 'openQuestions' | 'escalations' | 'cost'>): string[] {
  const steps: string[] = [];
  if (design.openQuestions.length > 0) steps.push(`Answer the ${design.openQuestions.length} open question(s) and rerun archie with the answers; the design and numbers update.`);
  if (design.escalations.length > 0) steps.push(`Get decisions on the ${design.escalations.length} escalation(s), starting with ${design.escalations[0]!.topic.toLowerCase()}.`);
  steps.push('Review the ADRs with the team and mark them Accepted or amend them.');
  steps.push('Run `archie verify` on the generated artifacts in CI so the schema, indexes, OpenAPI and manifests stay proven as they change.');
  steps.push('Load-test the main flow at the 1-year peak from the capacity plan and replace the assumed per-instance throughput with the measured one.');
  if (ctx.req.existingSystem) steps.push('Inventory the existing system\'s endpoints (`archie migrate` on its OpenAPI) to confirm the extraction order.');
  steps.push('Start phase 1 of the roadmap.');
  return steps;
}
