import { deploymentPlatform } from '../../../src/plan/review/rules/deployment-platform.js';
import { ruleTable } from './_fixtures.js';

const toPaas = (d: Parameters<Parameters<typeof ruleTable>[1][number]['seed']>[0], rationale: string) => {
  const x = d.decisions.find((y) => y.id === 'deployment')!;
  x.chosen = 'Containers on AWS App Runner / ECS Fargate';
  x.rationale = rationale;
  d.overview.deployment = x.chosen;
};

ruleTable(deploymentPlatform, [
  {
    name: '4,341 instances "fit a PaaS" while 20+ instances justify Kubernetes',
    brief: 'examples/chat.yaml',
    seed: (d) => {
      toPaas(d, 'A 6-person team gets autoscaling without running a cluster; 4,341 instances at peak fit a PaaS.');
      d.capacity.figures.find((f) => f.id === 'fleet-instances')!.current = 4341;
    },
    places: ['decisions.deployment.rationale', 'capacity.figures.fleet-instances'],
    message: /4341 instances fit a PaaS/,
  },
  {
    name: 'a PaaS for a large fleet and a team that could run Kubernetes',
    brief: 'examples/chat.yaml',
    seed: (d) => toPaas(d, 'A PaaS is simpler.'),
    places: ['decisions.deployment.chosen', 'capacity.figures.fleet-instances'],
    message: /medium operations maturity/,
  },
  {
    name: 'the overview names another platform than the decision',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.overview.deployment = 'Virtual machines'; },
    places: ['overview.deployment', 'decisions.deployment.chosen'],
    message: /Virtual machines/,
  },
]);
