import { databaseShards } from '../../../src/plan/review/rules/database-shards.js';
import { ruleTable } from './_fixtures.js';

ruleTable(databaseShards, [
  {
    name: '12 shards in a year while the database decision says single writer and the cost has one pair',
    brief: 'examples/chat.yaml',
    seed: (d) => {
      const x = d.decisions.find((y) => y.id === 'primary-database')!;
      x.chosen = 'PostgreSQL';
      x.rationale = 'Peak writes of 1,667/s are 33% of one PostgreSQL primary. Single writer; write scaling past one primary needs sharding.';
    },
    places: ['decisions.primary-database.chosen', 'capacity.figures.db-write-primaries'],
    message: /needs 12 write primaries within a year/,
  },
  {
    name: '"single writer" beside a plan that needs several primaries',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.decisions.find((y) => y.id === 'primary-database')!.rationale += ' Single writer.'; },
    places: ['decisions.primary-database.rationale', 'capacity.figures.db-write-primaries'],
    message: /single writer/,
  },
  {
    name: 'the one-year cost prices one primary pair for 12 shards',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.cost.horizons.find((h) => h.at === 'oneYear')!.lines.find((l) => /Multi-AZ/.test(l.item))!.quantity = 2; },
    places: ['cost.horizons.oneYear', 'capacity.figures.db-write-primaries'],
    message: /prices 2 PostgreSQL instances, but 12 write primaries need 24/,
  },
  {
    name: 'sharding planned where one primary serves the year',
    brief: 'examples/saas-migration.txt',
    seed: (d) => { d.decisions.find((y) => y.id === 'primary-database')!.chosen = 'PostgreSQL, sharded by tenant id (Citus)'; },
    places: ['decisions.primary-database.chosen', 'capacity.figures.db-write-primaries'],
    message: /one write primary for the year/,
  },
]);
