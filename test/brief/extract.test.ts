import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFromText } from '../../src/brief/extract.js';

type Expect = Record<string, number | string | boolean | Array<string | number> | undefined>;

/** What people write → what archie reads. Values are compared with a relative tolerance. */
const CASES: Array<[string, Expect]> = [
  ['Design a real-time chat system for 2M daily users, team of 6, GDPR', { dau: 2e6, teamSize: 6, regulations: ['GDPR'] }],
  ['100k requests/minute with 10x at peak', { avgRps: 100_000 / 60, peakFactor: 10 }],
  ['about 2M/day', {}],
  ['2M requests/day', { avgRps: 2e6 / 86_400 }],
  ['5k rps at peak', { peakRps: 5000 }],
  ['peak of 50,000 req/s', { peakRps: 50_000 }],
  ['3,000 writes per second', { writesPerSecond: 3000 }],
  ['read:write 100:1', { readWriteRatio: 100 }],
  ['a 10:1 read/write ratio', { readWriteRatio: 10 }],
  ['read-heavy workload', { readWriteRatio: 20 }],
  ['each message is about 1 KB', { recordBytes: 1000 }],
  ['images of 2 MB', { blobBytes: 2e6 }],
  ['we already have 2 TB of data', { initialDataBytes: 2e12 }],
  ['keep 3 years of history', { retentionDays: 1095 }],
  ['retain readings for 90 days', { retentionDays: 90 }],
  ['sub-100ms latency', { latencyUnlabelledMs: 100 }],
  ['p99 < 200 ms', { p99Ms: 200 }],
  ['p95 under 150ms', { p95Ms: 150 }],
  ['median latency below 40 ms', { p50Ms: 40 }],
  ['99.99% uptime', { availability: 0.9999 }],
  ['four nines of availability', { availability: 0.9999 }],
  ['three nines', { availability: 0.999 }],
  ['99.95% SLA', { availability: 0.9995 }],
  ['99.9999% durability and 99.99% availability', { availability: 0.9999 }],
  ['durability of 99.999999999% and 99.9% uptime', { availability: 0.999 }],
  ['We expect to add 100 PB of data per year', { dataBytesPerDay: 100e15 / 365, initialDataBytes: undefined }],
  ['2 TB of new files a month', { dataBytesPerDay: 2e12 / 30 }],
  ['a p99 of 300 milliseconds', { p99Ms: 300 }],
  ['p99 < 1 s', { p99Ms: 1000 }],
  ['p99 order-to-ack under 1 ms', { p99Ms: 1 }],
  ['traffic tripling every year', { growthPerMonth: 3 ** (1 / 12) - 1 }],
  ['50% annual growth', { growthPerMonth: 1.5 ** (1 / 12) - 1 }],
  ['traffic spikes to 50x the average', { peakFactor: 50 }],
  ['doubling every 6 months', { growthPerMonth: 2 ** (1 / 6) - 1 }],
  ['growing 10% per month', { growthPerMonth: 0.1 }],
  ['team of three engineers', { teamSize: 3 }],
  ['we are 12 developers', { teamSize: 12 }],
  ['a solo developer', { teamSize: 1 }],
  ['budget of $5,000 per month', { budgetUsdPerMonth: 5000 }],
  ['$2k/month', { budgetUsdPerMonth: 2000 }],
  ['$24k/year', { budgetUsdPerMonth: 2000 }],
  ['launch in 3 months', { timelineWeeks: 13 }],
  ['MVP in 6 weeks', { timelineWeeks: 6 }],
  ['HIPAA and SOC 2', { regulations: ['HIPAA', 'SOC 2'] }],
  ['PCI-DSS compliant checkout', { regulations: ['PCI-DSS'] }],
  ['users in the EU and US', { regions: ['eu', 'us'], multiRegion: true }],
  ['deployed globally', { multiRegion: true }],
  ['on GCP', { cloud: 'gcp' }],
  ['must run on Azure', { cloud: 'azure' }],
  ['migrate from our legacy Rails monolith', { existingSystem: 'legacy Rails monolith' }],
  ['plan over 3 years', { horizonsMonths: [36] }],
  ['10M users', { mau: 10e6 }],
  ['500k monthly active users', { mau: 500_000 }],
  ['200k concurrent connections', { concurrentUsers: 200_000 }],
  ['50k devices reporting every 10 seconds', { dau: 50_000, requestsPerUserPerDay: 8640 }],
  ['each user sends 40 messages a day', { requestsPerUserPerDay: 40 }],
];

function read(input: ReturnType<typeof extractFromText>, key: string): unknown {
  const v = (input as unknown as Record<string, unknown>)[key];
  if (key === 'regulations') return (v as Array<{ value: string }>).map((x) => x.value);
  if (key === 'horizonsMonths') return (v as Array<{ value: number }>).map((x) => x.value);
  return (v as { value: unknown } | undefined)?.value;
}

describe('extractFromText', () => {
  it.each(CASES)('%s', (text, expected) => {
    const got = extractFromText(text);
    for (const [key, want] of Object.entries(expected)) {
      const v = read(got, key);
      if (typeof want === 'number') expect(v as number).toBeCloseTo(want, 3);
      else expect(v).toEqual(want);
    }
  });

  it('keeps the words it read as the quote', () => {
    const got = extractFromText('We expect 2M daily users and p99 < 200 ms.');
    expect(got.dau?.quote).toBe('2M daily users');
    expect(got.p99Ms?.quote).toBe('p99 < 200 ms');
  });

  it('does not read money as a request rate', () => {
    const got = extractFromText('budget $5,000 per month');
    expect(got.avgRps).toBeUndefined();
  });

  it('flags surveillance briefs for refusal', () => {
    expect(extractFromText('Track all citizens with street cameras').refusal).toBeDefined();
    expect(extractFromText('collect the location of people without their consent').refusal).toBeDefined();
    expect(extractFromText('A chat app for 2M users').refusal).toBeUndefined();
  });

  it('reads functional statements with their priority', () => {
    const got = extractFromText('Users must be able to reset passwords. Admins should see audit logs.');
    expect(got.functional.map((f) => [f.value, f.priority])).toEqual([
      ['Users must be able to reset passwords', 'must'],
      ['Admins should see audit logs', 'should'],
    ]);
  });
});

describe('extractFromText properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        extractFromText(s);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on text built from brief vocabulary', () => {
    const word = fc.constantFrom('2M', '100k', 'users', 'daily', 'per', 'second', 'rps', 'peak', '10x', 'p99', '<', 'ms', '99.9%', 'team', 'of', '$2k', '/month', 'keep', 'years', 'GDPR', 'EU', 'read:write', '10:1', 'KB', 'doubling', 'every', '6', 'months');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), (ws) => {
        extractFromText(ws.join(' '));
      }),
      { numRuns: 500 },
    );
  });

  it('reads daily users written in any magnitude notation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(['k', 1e3], ['M', 1e6], [' million', 1e6], ['', 1]), (n, [suffix, mult]) => {
        const got = extractFromText(`a service for ${n}${suffix} daily users`);
        expect(got.dau?.value).toBeCloseTo(n * (mult as number), 6);
      }),
      { numRuns: 200 },
    );
  });

  it('converts request rates in any period to per-second', () => {
    const periods: Array<[string, number]> = [['second', 1], ['minute', 60], ['hour', 3600], ['day', 86_400]];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(...periods), (n, [p, secs]) => {
        const got = extractFromText(`it handles ${n} requests per ${p}`);
        expect(got.avgRps?.value).toBeCloseTo(n / secs, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('reads thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_999_999 }), (n) => {
        const got = extractFromText(`${n.toLocaleString('en-US')} monthly active users`);
        expect(got.mau?.value).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
