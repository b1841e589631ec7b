import { quotedFigures } from '../../../src/plan/review/rules/quoted-figures.js';
import { ruleTable } from './_fixtures.js';

ruleTable(quotedFigures, [
  {
    name: 'the queue decision says 3,333 msg/s while the capacity table says 1,667',
    brief: 'examples/chat.yaml',
    seed: (d) => {
      const q = d.decisions.find((x) => x.id === 'messaging')!.quotes.find((y) => y.figure === 'queue-peak')!;
      q.value = q.value * 2;
    },
    places: ['decisions.messaging.rationale', 'capacity.figures.queue-peak'],
    message: /3,333.*1,667/,
  },
  {
    name: 'a decision quotes a figure the capacity plan does not have',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.decisions.find((x) => x.id === 'primary-database')!.quotes.push({ figure: 'db-shards-we-imagined', value: 3, at: 'current' }); },
    places: ['decisions.primary-database.quotes', 'capacity.figures.db-shards-we-imagined'],
    message: /has no db-shards-we-imagined/,
  },
  {
    name: 'the regions decision quotes a one-region availability the Availability section does not say',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.capacity.availability.oneRegion = 0.9994; },
    places: ['decisions.topology.rationale', 'capacity.availability.oneRegion'],
    message: /availability\.oneRegion/,
  },
  {
    name: 'the database decision quotes a one-year write rate the table does not have',
    brief: 'examples/chat.yaml',
    seed: (d) => { d.capacity.figures.find((f) => f.id === 'peak-write-rps')!.oneYear *= 3; },
    places: ['decisions.primary-database.rationale', 'capacity.figures.peak-write-rps'],
    message: /at 1 year/,
  },
]);
