import { storeSizing } from '../../../src/plan/review/rules/store-sizing.js';
import { ruleTable } from './_fixtures.js';

ruleTable(storeSizing, [
  {
    name: 'three OpenSearch nodes whatever the corpus (the search-nodes figure says 19)',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.dataStores.find((s) => s.id === 'opensearch')!.nodes = 3; },
    places: ['dataStores.opensearch.nodes', 'capacity.figures.search-nodes'],
    message: /runs 3 nodes; search-nodes needs/,
  },
  {
    name: 'Kafka always priced at three brokers while the store runs more',
    brief: 'examples/iot-telemetry.txt',
    seed: (d) => {
      d.capacity.figures.find((f) => f.id === 'broker-nodes')!.current = 5;
      d.dataStores.find((s) => s.id === 'kafka')!.nodes = 5;
    },
    places: ['dataStores.kafka.nodes', 'cost.lines[target=kafka]'],
    message: /runs 5 nodes, but the cost prices 3/,
  },
  {
    name: 'a store sized by a figure the plan does not have',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.dataStores.find((s) => s.id === 'redis')!.sizing = { figure: 'redis-guess', factor: 2 }; },
    places: ['dataStores.redis.sizing', 'capacity.figures.redis-guess'],
    message: /redis-guess/,
  },
]);
