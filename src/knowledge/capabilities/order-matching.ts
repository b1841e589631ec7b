import { n } from '../../plan/decisions/_util.js';
import { assumed, cite, peakRate, ps, statedMax } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Orders/s one single-threaded matching core sustains with its journal (LMAX-style, conservative). */
export const ORDERS_PER_ENGINE = 200_000;

interface MatchNumbers {
  orders: Reading;
  symbols: Reading;
  p99Ms: number;
}

/** An exchange's order book: matching buy and sell orders in strict arrival order. */
export const orderMatching: Capability<MatchNumbers> = {
  id: 'order-matching',
  name: 'Order matching engine',
  evidence: {
    terms: [
      ['stock exchange', 2], ['matching engine', 2], ['order book', 2], ['order matching', 2], ['crypto exchange', 2], ['limit order', 1.5], ['market order', 1.5],
      ['exchange', 0.4], ['trading', 0.6], ['bid', 0.4], ['ask', 0.2], ['securities', 0.6], ['trading pairs', 1], ['nasdaq', 1.5], ['nyse', 1.5],
    ],
    operations: [/\b(?:trade|bid|quote|limit order|market order)\b/],
  },
  decision: {
    id: 'matching-engine',
    title: 'Matching engine',
    question: 'Where and how are orders matched against the order book, in one deterministic order?',
    numbers(input) {
      return {
        orders: peakRate(input, /\b(?:orders?|trades?|bids?|quotes?)\b/, 'write'),
        symbols:
          statedMax(input, String.raw`# (?:symbols|instruments|tickers|stocks|securities|markets|trading pairs|books)`) ??
          assumed(input, 'capabilities.order-matching.symbols', 'Symbols traded', 1000, 'symbols', 'a mid-sized venue; the brief does not say', '"1,000 symbols"'),
        p99Ms: input.ctx.req.latency.p99Ms.value,
      };
    },
    options: [
      {
        option: 'One in-memory, single-threaded matching engine for all symbols behind a sequencer, with an event-sourced journal',
        when: (x) =>
          x.orders.value <= ORDERS_PER_ENGINE
            ? { verdict: 'chosen', reason: `${ps(x.orders, 'orders')} at peak fit one core (${n(ORDERS_PER_ENGINE)} per second): one sequence, no cross-engine coordination` }
            : { verdict: 'rejected', reason: `${ps(x.orders, 'orders')} at peak exceed one core's ${n(ORDERS_PER_ENGINE)} per second` },
      },
      {
        option: 'In-memory single-threaded engines partitioned by symbol, each behind its own sequencer and journal',
        when: (x) =>
          x.orders.value > ORDERS_PER_ENGINE
            ? { verdict: 'chosen', reason: `${ps(x.orders, 'orders')} at peak need ${n(Math.ceil(x.orders.value / ORDERS_PER_ENGINE))} engines; an order book never spans two, so symbols partition cleanly` }
            : { verdict: 'viable', reason: `the step once the peak passes ${n(ORDERS_PER_ENGINE)} orders per second` },
      },
      {
        option: 'Order book in a database, matched in transactions with row locks',
        when: (x) => ({ verdict: 'rejected', reason: `a lock and a commit per match cost milliseconds and contend on the best price; the target is ${n(x.p99Ms)} ms p99 and the order must be deterministic` }),
      },
    ],
    rationale: (x) =>
      `Orders arrive ${cite(x.orders, '/s')} at peak across ${cite(x.symbols)} symbols. The sequencer stamps every order with a gap-free sequence number; the engine consumes them in that order on one thread, ` +
      `matching price-time priority in memory in microseconds (no locks, no I/O on the hot path). Every sequenced input is appended to a replicated journal before it is acknowledged (event sourcing): ` +
      `a hot standby replays the same journal and takes over deterministically, and market data and trade reports are published from the engine's output events. Risk checks run before the sequencer.`,
    wouldChange: (x) =>
      x.orders.value > ORDERS_PER_ENGINE
        ? `Below ${n(ORDERS_PER_ENGINE)} orders per second at peak (now ${n(x.orders.value)}) one engine would hold every book.`
        : `Above ${n(ORDERS_PER_ENGINE)} orders per second at peak (now ${n(x.orders.value)}) calls for engines partitioned by symbol.`,
    drivers: ['workload.operations', 'latency.p99Ms'],
    significant: true,
  },
};
