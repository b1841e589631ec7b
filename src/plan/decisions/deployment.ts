import { planCapacity } from '../capacity.js';
import { withSizing } from '../components.js';
import { chosen, type DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/** Fleets larger than this usually make one scheduler (Kubernetes) pay for its upkeep. */
export const KUBERNETES_FLEET = 20;

/**
 * Kubernetes when the team can run it and the fleet needs it; a PaaS for small teams; functions for
 * serverless. The fleet is the capacity plan's own count of what runs at peak (API instances,
 * real-time nodes, workers), so the rationale and the capacity table say the same number.
 */
export const deployment: DecisionModule = {
  id: 'deployment',
  title: 'Deployment platform',
  question: 'Where and how do the services run?',
  decide(ctx) {
    const style = chosen(ctx, 'architecture-style');
    const team = ctx.req.team.size.value;
    const ops = ctx.req.team.opsMaturity.value;
    const cap = style === 'Serverless' ? null : withSizing(ctx, planCapacity(ctx));
    const fleet = cap ? cap.get('fleet-instances').current : 0;
    const cloud = ctx.req.cloud.value;
    const k8s = { aws: 'Amazon EKS', gcp: 'Google GKE', azure: 'Azure AKS', any: 'Kubernetes' }[cloud];
    const paas = { aws: 'AWS App Runner / ECS Fargate', gcp: 'Google Cloud Run', azure: 'Azure Container Apps', any: 'a container PaaS' }[cloud];
    const fn = { aws: 'AWS Lambda', gcp: 'Cloud Functions', azure: 'Azure Functions', any: 'serverless functions' }[cloud];
    const smallFleet = fleet <= KUBERNETES_FLEET;
    let choice: string;
    if (style === 'Serverless') choice = `${fn} behind a managed API gateway`;
    else if (style !== 'Microservices' && (ops === 'low' || (team <= 5 && smallFleet))) choice = `Containers on ${paas}`;
    else choice = `Containers on ${k8s} (Kubernetes), Helm-free plain manifests`;
    const isK8s = choice.includes('Kubernetes');
    const what = `${n(fleet)} instance${fleet === 1 ? '' : 's'} at peak (${ctx.archetype.traits.realtime || chosen(ctx, 'messaging') ? 'API instances, real-time nodes and workers' : 'API instances'})`;
    let rationale: string;
    let wouldChange: string;
    if (style === 'Serverless') {
      rationale = 'The architecture is serverless: functions scale with the spikes and cost nothing idle.';
      wouldChange = 'A steady load or long-lived connections would move the code onto containers (a container PaaS or Kubernetes).';
    } else if (isK8s) {
      rationale = `${n(team)} engineers with ${ops} operations maturity can run a managed control plane; the fleet (${what}) benefits from one scheduler with autoscaling, health probes and disruption budgets. The same images run locally with Docker Compose.`;
      wouldChange = 'A team without operations capacity would start on a container PaaS.';
    } else if (smallFleet) {
      rationale = `A ${n(team)}-person team with ${ops} operations maturity gets autoscaling and zero-downtime deploys without running a cluster; ${what} is within the ~${KUBERNETES_FLEET} instances a PaaS handles without a scheduler of its own. The Kubernetes manifests are still produced, for when the team outgrows it.`;
      wouldChange = ops === 'low'
        ? `Operations capacity for a cluster, together with more deployables, service mesh needs or more than ${KUBERNETES_FLEET} instances, would make Kubernetes pay for itself.`
        : `More deployables, service mesh needs, or more than ${KUBERNETES_FLEET} instances would make Kubernetes pay for itself.`;
    } else {
      rationale = `The fleet (${what}) is past the ~${KUBERNETES_FLEET} instances where Kubernetes usually pays for itself, but a ${n(team)}-person team with ${ops} operations maturity would make the cluster the riskiest part of the system; ${paas} runs fleets of this size with autoscaling and zero-downtime deploys and no control plane to upgrade. The Kubernetes manifests are still produced, for when the team can run a cluster.`;
      wouldChange = 'Operations capacity for a cluster (a platform engineer or an SRE on call for it) would make Kubernetes pay for itself at this fleet size.';
    }
    return {
      considered: options([
        [`Kubernetes (${k8s})`, isK8s ? 'chosen' : 'viable', isK8s ? 'one way to run every deployable, autoscaling, probes, disruption budgets, portable across clouds' : `a cluster to upgrade and secure is a part-time job a ${n(team)}-person team with ${ops} operations maturity should not take on yet`],
        [`Container PaaS (${paas})`, !isK8s && style !== 'Serverless' ? 'chosen' : 'viable', 'containers without a cluster: autoscaling and TLS included; fewer knobs (no sidecars, limited networking)'],
        [`Functions (${fn})`, style === 'Serverless' ? 'chosen' : 'rejected', style === 'Serverless' ? 'scale to zero, pay per request' : 'steady load and long-lived connections make per-invocation pricing and cold starts a poor fit'],
        ['Virtual machines', 'rejected', 'patching, scaling and deploys by hand'],
      ]),
      chosen: choice,
      rationale,
      wouldChange,
      drivers: ['team.size', 'team.opsMaturity', 'architecture-style', 'capacity.fleet-instances'],
      significant: true,
      quotes: cap ? [quote('fleet-instances', fleet)] : [],
      thresholds: !isK8s && style !== 'Serverless' && smallFleet && ops !== 'low' ? [threshold('fleet-instances', KUBERNETES_FLEET, 'Kubernetes')] : [],
    };
  },
};
