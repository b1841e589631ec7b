import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/model/design.js';
import { costBasis } from '../../../src/plan/review/rules/cost-basis.js';
import { designOf } from '../_helpers.js';
import { ruleTable } from './_fixtures.js';

ruleTable(costBasis, [
  {
    name: 'three OpenSearch nodes priced at $280 whatever the documents',
    brief: 'examples/chat.yaml',
    seed: (d) => { const l = d.cost.lines.find((x) => x.target === 'opensearch')!; l.quantity = 3; l.monthlyUsd = Math.round(3 * l.unitPriceUsd * 100) / 100; },
    places: ['cost.lines', 'capacity.figures.search-nodes'],
    message: /prices 3 nodes; search-nodes \(\d+\) gives \d+/,
  },
  {
    name: 'Cognito priced at a fixed MAU count',
    brief: 'examples/iot-telemetry.txt',
    seed: (d) => { d.cost.lines.find((x) => x.target === 'identity')!.basis = null; },
    places: ['cost.lines', 'capacity.figures'],
    message: /fixed .* MAU, though it grows with the load/,
  },
  {
    name: 'a line whose monthly price is not quantity × unit price',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.cost.lines[0]!.monthlyUsd += 100; },
    places: ['cost.lines.0', 'cost.lines.0.monthlyUsd'],
    message: /is not \$/,
  },
  {
    name: 'the one-year total is not the sum of its lines',
    brief: 'examples/ecommerce.yaml',
    seed: (d) => { d.cost.oneYearMonthlyUsd -= 500; },
    places: ['cost.horizons.oneYear', 'cost.oneYearMonthlyUsd'],
    message: /the oneYear lines add up/,
  },
]);

/** Cost lines of a design by target and item prefix (sizes in the item name change with the load). */
function byTarget(d: Design): Map<string, Design['cost']['lines'][number]> {
  return new Map(d.cost.lines.map((l) => [`${l.target}: ${l.item.replace(/\b(db|cache)\.[a-z0-9.]+/g, '').replace(/\(Amazon MQ [a-z-]+\)/, '')}`, l]));
}

describe('cost lines follow the load', () => {
  // The fixed items are the only lines allowed to stay the same at 100 times the load.
  const FIXED = /^(platform: Kubernetes control plane|edge: Load balancer|platform: NAT gateways|standby-region: (Standby region: load balancer|Standby region: 2 warm API instances)|meilisearch: )/;
  it.each([
    ['chat app for 20k daily users, team of 6, GDPR', 'chat app for 2M daily users, team of 6, GDPR'],
    ['an online store with 10k daily users and product search, team of 8', 'an online store with 1M daily users and product search, team of 8'],
    ['a payments ledger for 5k daily users, team of 20 with an SRE team', 'a payments ledger for 500k daily users, team of 20 with an SRE team'],
  ])('%s → 100×: every line but the fixed items grows', (small, large) => {
    const a = byTarget(designOf(small));
    const b = byTarget(designOf(large));
    const constant: string[] = [];
    for (const [key, l] of a) {
      const m = b.get(key);
      if (!m || FIXED.test(key)) continue;
      // A node count may stay at its floor while the larger load still fits the floor's nodes.
      const atFloor = m.basis !== null && m.quantity === m.basis.floor;
      if (m.quantity <= l.quantity && m.monthlyUsd <= l.monthlyUsd && !atFloor) constant.push(`${key} ${l.quantity} → ${m.quantity}`);
    }
    expect(constant).toEqual([]);
  });

  it('search nodes, brokers and identity grow with documents, message rate and users', () => {
    const small = designOf('chat app for 200k daily users, team of 6');
    const large = designOf('chat app for 20M daily users, team of 6');
    const nodes = (d: Design, id: string) => d.dataStores.find((s) => s.id === id)?.nodes ?? 0;
    expect(nodes(large, 'opensearch')).toBeGreaterThan(nodes(small, 'opensearch'));
    const brokers = (d: Design) => d.dataStores.find((s) => s.name === 'Message broker')!;
    expect(brokers(large).nodes).toBeGreaterThanOrEqual(brokers(small).nodes);
    const idp = (d: Design) => d.cost.lines.find((l) => l.target === 'identity')!;
    expect(idp(large).monthlyUsd).toBeGreaterThan(idp(small).monthlyUsd);
  });
});
