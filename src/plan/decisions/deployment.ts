import { chosen, type DecisionModule } from '../context.js';
import { n, options } from './_util.js';

/** Kubernetes when the team can run it and the fleet needs it; a PaaS for small teams; functions for serverless. */
export const deployment: DecisionModule = {
  id: 'deployment',
  title: 'Deployment platform',
  question: 'Where and how do the services run?',
  decide(ctx) {
    const style = chosen(ctx, 'architecture-style');
    const team = ctx.req.team.size.value;
    const ops = ctx.req.team.opsMaturity.value;
    const instances = Math.ceil(ctx.load.peakRps / (ctx.limits.appRpsPerInstance.value * 0.6));
    const cloud = ctx.req.cloud.value;
    const k8s = { aws: 'Amazon EKS', gcp: 'Google GKE', azure: 'Azure AKS', any: 'Kubernetes' }[cloud];
    const paas = { aws: 'AWS App Runner / ECS Fargate', gcp: 'Google Cloud Run', azure: 'Azure Container Apps', any: 'a container PaaS' }[cloud];
    const fn = { aws: 'AWS Lambda', gcp: 'Cloud Functions', azure: 'Azure Functions', any: 'serverless functions' }[cloud];
    let choice: string;
    if (style === 'Serverless') choice = `${fn} behind a managed API gateway`;
    else if (style !== 'Microservices' && (ops === 'low' || (team <= 5 && instances <= 20))) choice = `Containers on ${paas}`;
    else choice = `Containers on ${k8s} (Kubernetes), Helm-free plain manifests`;
    const isK8s = choice.includes('Kubernetes');
    return {
      considered: options([
        [`Kubernetes (${k8s})`, isK8s ? 'chosen' : 'viable', isK8s ? 'one way to run every deployable, autoscaling, probes, disruption budgets, portable across clouds' : `a cluster to upgrade and secure is a part-time job a ${n(team)}-person team with ${ops} operations maturity should not take on yet`],
        [`Container PaaS (${paas})`, !isK8s && style !== 'Serverless' ? 'chosen' : 'viable', 'containers without a cluster: autoscaling and TLS included; fewer knobs (no sidecars, limited networking)'],
        [`Functions (${fn})`, style === 'Serverless' ? 'chosen' : 'rejected', style === 'Serverless' ? 'scale to zero, pay per request' : 'steady load and long-lived connections make per-invocation pricing and cold starts a poor fit'],
        ['Virtual machines', 'rejected', 'patching, scaling and deploys by hand'],
      ]),
      chosen: choice,
      rationale: style === 'Serverless'
        ? 'The architecture is serverless: functions scale with the spikes and cost nothing idle.'
        : isK8s
          ? `${n(team)} engineers with ${ops} operations maturity can run a managed control plane; the fleet (${n(instances)} app instances at peak${ctx.archetype.traits.realtime ? ' plus real-time nodes' : ''} and workers) benefits from one scheduler with autoscaling, health probes and disruption budgets. The same images run locally with Docker Compose.`
          : `A ${n(team)}-person team with ${ops} operations maturity gets autoscaling and zero-downtime deploys without running a cluster; ${n(instances)} instances at peak fit a PaaS. The Kubernetes manifests are still produced, for when the team outgrows it.`,
      wouldChange: isK8s ? 'A team without operations capacity would start on a container PaaS.' : 'More deployables, service mesh needs, or 20+ instances would make Kubernetes pay for itself.',
      drivers: ['team.size', 'team.opsMaturity', 'architecture-style', 'capacity.app-instances'],
      significant: true,
    };
  },
};
