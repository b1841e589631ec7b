import { formatNumber, formatPercent } from '../../brief/units.js';
import type { Design } from '../../model/design.js';
import { lowerFirst } from '../decisions/_util.js';
import { KUBERNETES_FLEET } from '../decisions/deployment.js';

/**
 * How the planner settled the tensions a design of this shape meets (two places that would
 * otherwise disagree), in words for the Review section. Each entry is read off the design itself.
 */
export function planResolutions(d: Design): Design['review']['resolutions'] {
  const out: Design['review']['resolutions'] = [];
  const fig = (id: string) => d.capacity.figures.find((f) => f.id === id);
  const db = d.decisions.find((x) => x.id === 'primary-database');
  const primaries = fig('db-write-primaries');
  if (db && primaries && primaries.oneYear > 1 && db.chosen.startsWith('PostgreSQL')) {
    out.push({
      rule: 'database-shards',
      found: `The capacity plan needs ${primaries.oneYear} PostgreSQL write primaries within a year (${primaries.current} at launch); one primary is a single writer.`,
      resolution: `The database decision shards PostgreSQL from the start (${db.chosen}); the data store runs ${d.dataStores.find((s) => s.id === 'postgres')?.nodes ?? 0} nodes at launch and the cost prices a primary and standby per shard at each horizon.`,
    });
  }
  const a = d.capacity.availability;
  const topo = d.decisions.find((x) => x.id === 'topology');
  if (topo && a.strategy !== 'one-region') {
    out.push({
      rule: 'availability',
      found: `One region composes to ${formatPercent(a.oneRegion, 3)} (a fleet is counted down together by a bad deploy, the database at its SLA)${a.oneRegion < a.target ? `, short of the ${formatPercent(a.target, 3)} target` : ''}.`,
      resolution: `The regions decision takes the composed figure: ${topo.chosen.toLowerCase()}, ${formatPercent(a.composite, 3)} composite${a.meetsTarget ? ', meeting the target' : ', still short of the target: said as not met in the traceability, with what would meet it'}.`,
    });
  } else if (!a.meetsTarget) {
    out.push({ rule: 'availability', found: `The request path composes to ${formatPercent(a.composite, 3)}, short of the ${formatPercent(a.target, 3)} target.`, resolution: 'Said as not met in the traceability, with what would meet it.' });
  }
  const dep = d.decisions.find((x) => x.id === 'deployment');
  const fleet = fig('fleet-instances');
  if (dep && fleet && fleet.current > KUBERNETES_FLEET && !dep.chosen.includes('Kubernetes')) {
    out.push({
      rule: 'deployment-platform',
      found: `${formatNumber(fleet.current)} instances run at peak, past the ~${KUBERNETES_FLEET} where Kubernetes usually pays for itself, and the team's operations maturity is ${d.requirements.team.opsMaturity.value}.`,
      resolution: 'The deployment stays on a container PaaS and says why; operations capacity for a cluster, not the fleet size, is named as what would change it.',
    });
  }
  const c = d.cost;
  if (c.withinBudget === false) {
    const v = c.variants.find((x) => x.id === 'budget');
    out.push({
      rule: 'budget',
      found: `The preferred design costs $${formatNumber(c.totalMonthlyUsd, 0)}/month against the stated budget of $${formatNumber(c.budgetUsdPerMonth ?? 0)}/month.`,
      resolution: v
        ? `${v.fits ? 'A variant that fits' : 'The smallest variant archie can build'} is priced beside it ($${formatNumber(v.totalMonthlyUsd, 0)}/month: ${v.changes.map((x) => lowerFirst(x.part)).join(', ')}), each change with what it gives up; the choice is escalated.`
        : 'No economy applies; the choice is escalated.',
    });
  }
  return out;
}
