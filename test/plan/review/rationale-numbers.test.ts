import { rationaleNumbers } from '../../../src/plan/review/rules/rationale-numbers.js';
import { ruleTable } from './_fixtures.js';

ruleTable(rationaleNumbers, [
  {
    name: 'a rationale states a rate no figure has (3,333 msg/s beside a 1,667 msg/s table)',
    brief: 'examples/chat.yaml',
    seed: (d) => { const x = d.decisions.find((y) => y.id === 'messaging')!; x.rationale = x.rationale.replace(/Peak event rate is [\d,]+ msg\/s/, 'Peak event rate is 3,333 msg/s'); },
    places: ['decisions.messaging.rationale', 'decisions.messaging.quotes'],
    message: /"3,333 msg\/s".*queue-peak/,
  },
  {
    name: 'an option\'s reason states a made-up write rate',
    brief: 'examples/payments.yaml',
    seed: (d) => { d.decisions.find((y) => y.id === 'primary-database')!.considered[1]!.reason = 'takes 123,457 writes/s on one node'; },
    places: ['decisions.primary-database.considered.1.reason', 'decisions.primary-database.quotes'],
    message: /123,457 writes\/s/,
  },
]);
