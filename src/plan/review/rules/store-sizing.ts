import type { CoherenceRule, Contradiction } from '../_types.js';
import { valueOf } from '../_values.js';

const NODE_UNITS = new Set(['instances', 'nodes', 'brokers']);

/** Each store's node count is what its sizing figure says, and the cost prices that many nodes. */
export const storeSizing: CoherenceRule = {
  id: 'store-sizing',
  summary: 'each data store runs the nodes its capacity figure needs, and the cost prices that many',
  check(d) {
    const out: Contradiction[] = [];
    for (const s of d.dataStores) {
      if (!s.sizing) continue;
      const v = valueOf(d, s.sizing.figure);
      if (v === undefined) {
        out.push({ rule: this.id, places: [`dataStores.${s.id}.sizing`, `capacity.figures.${s.sizing.figure}`], message: `${s.name} (${s.technology}) is sized by ${s.sizing.figure}, which the capacity plan does not have`, fix: 'size the store from a figure of the capacity plan' });
        continue;
      }
      const expected = Math.round(v * s.sizing.factor);
      if (s.nodes !== expected) {
        out.push({ rule: this.id, places: [`dataStores.${s.id}.nodes`, `capacity.figures.${s.sizing.figure}`], message: `${s.name} (${s.technology}) runs ${s.nodes} nodes; ${s.sizing.figure} needs ${expected}`, fix: `set the store's nodes from ${s.sizing.figure}` });
      }
      const priced = d.cost.lines.filter((l) => l.target === s.id && NODE_UNITS.has(l.unit)).reduce((a, l) => a + l.quantity, 0);
      if (priced !== s.nodes) {
        out.push({ rule: this.id, places: [`dataStores.${s.id}.nodes`, `cost.lines[target=${s.id}]`], message: `${s.name} (${s.technology}) runs ${s.nodes} nodes, but the cost prices ${priced}`, fix: 'price the store from the same figure its node count comes from' });
      }
    }
    return out;
  },
};
