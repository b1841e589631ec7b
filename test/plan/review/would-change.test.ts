import { describe, expect, it } from 'vitest';
import { chosenNames, wouldChange } from '../../../src/plan/review/rules/would-change.js';
import { planned, ruleTable } from './_fixtures.js';

ruleTable(wouldChange, [
  {
    name: '4,341 instances on a PaaS whose own threshold for Kubernetes is 20',
    brief: 'examples/saas-migration.txt',
    seed: (d) => {
      const x = d.decisions.find((y) => y.id === 'deployment')!;
      x.chosen = 'Containers on Azure Container Apps';
      x.considered = x.considered.map((o) => ({ ...o, verdict: o.option.startsWith('Container PaaS') ? 'chosen' : o.verdict === 'chosen' ? 'viable' : o.verdict }));
      x.thresholds = [{ figure: 'fleet-instances', above: 20, at: 'current', leadsTo: 'Kubernetes' }];
      d.capacity.figures.find((f) => f.id === 'fleet-instances')!.current = 4341;
    },
    places: ['decisions.deployment.wouldChange', 'capacity.figures.fleet-instances'],
    message: /above 20 would change the choice to Kubernetes.*already 4,341/,
  },
  {
    name: 'CQRS is chosen and then named as what would change the choice',
    brief: 'examples/chat.yaml',
    seed: (d) => {
      const x = d.decisions.find((y) => y.id === 'data-pattern')!;
      x.considered = x.considered.map((o) => ({ ...o, verdict: o.option.startsWith('CQRS') ? 'chosen' : o.verdict === 'chosen' ? 'viable' : o.verdict }));
      x.chosen = 'CRUD writes with CQRS read models for the hot read paths';
      x.wouldChange = 'Read paths that indexes cannot serve at the target latency would call for CQRS read models.';
    },
    places: ['decisions.data-pattern.wouldChange', 'decisions.data-pattern.chosen'],
    message: /chose "cqrs"/,
  },
  {
    name: 'Keycloak is chosen and "would favour self-hosted Keycloak" is what would change it',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.decisions.find((y) => y.id === 'auth')!.wouldChange = 'Over ~200k monthly users the managed provider\'s per-user price would favour self-hosted Keycloak.'; },
    places: ['decisions.auth.wouldChange', 'decisions.auth.chosen'],
    message: /keycloak/,
  },
  {
    name: 'a threshold leads to the option already chosen',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.decisions.find((y) => y.id === 'messaging')!.thresholds = [{ figure: 'queue-peak', above: 1e9, at: 'current', leadsTo: 'RabbitMQ' }]; },
    places: ['decisions.messaging.thresholds', 'decisions.messaging.chosen'],
    message: /names RabbitMQ as what would change it/,
  },
]);

describe('chosenNames', () => {
  it('names the chosen options and the head of the chosen text', async () => {
    const d = await planned('examples/payments.yaml');
    expect(chosenNames(d.decisions.find((x) => x.id === 'auth')!)).toContain('keycloak');
    expect(chosenNames(d.decisions.find((x) => x.id === 'architecture-style')!)).toContain('microservices');
  });
});
