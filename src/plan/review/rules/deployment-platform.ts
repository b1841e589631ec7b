import { KUBERNETES_FLEET } from '../../decisions/deployment.js';
import type { CoherenceRule, Contradiction } from '../_types.js';
import { valueOf } from '../_values.js';

/** The deployment platform agrees with the fleet it runs and the team that runs it. */
export const deploymentPlatform: CoherenceRule = {
  id: 'deployment-platform',
  summary: 'the deployment platform fits the fleet size and the team\'s operations maturity',
  check(d) {
    const out: Contradiction[] = [];
    const x = d.decisions.find((y) => y.id === 'deployment');
    if (!x) return out;
    const fleet = valueOf(d, 'fleet-instances');
    const k8s = x.chosen.includes('Kubernetes');
    const functions = d.overview.style === 'Serverless';
    const ops = d.requirements.team.opsMaturity.value;
    if (!k8s && !functions && fleet !== undefined && fleet > KUBERNETES_FLEET) {
      if (ops !== 'low') {
        out.push({ rule: this.id, places: ['decisions.deployment.chosen', 'capacity.figures.fleet-instances'], message: `${fleet} instances run on a PaaS although the team has ${ops} operations maturity and ${KUBERNETES_FLEET}+ instances is where the design says Kubernetes pays for itself`, fix: 'run the fleet on Kubernetes, or say why a PaaS still fits' });
      }
      if (/fit a PaaS|within the ~\d+ instances/i.test(x.rationale)) {
        out.push({ rule: this.id, places: ['decisions.deployment.rationale', 'capacity.figures.fleet-instances'], message: `the deployment decision says ${fleet} instances fit a PaaS, while ${KUBERNETES_FLEET}+ instances is its own threshold for Kubernetes`, fix: 'say that the fleet is past the threshold and why the PaaS stands' });
      }
    }
    if (k8s && ops === 'low' && d.overview.style !== 'Microservices') {
      out.push({ rule: this.id, places: ['decisions.deployment.chosen', 'requirements.team.opsMaturity'], message: 'Kubernetes is chosen for a team with low operations maturity', fix: 'start on a container PaaS' });
    }
    if (d.overview.deployment !== x.chosen) {
      out.push({ rule: this.id, places: ['overview.deployment', 'decisions.deployment.chosen'], message: `the overview says "${d.overview.deployment}", the decision "${x.chosen}"`, fix: 'one value for the deployment platform' });
    }
    return out;
  },
};
