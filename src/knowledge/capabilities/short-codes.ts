import { growthAt } from '../../plan/context.js';
import { n } from '../../plan/decisions/_util.js';
import { averageRate, cite, says } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Codes in use may fill at most this share of the code space (guessing a live code stays unlikely). */
export const MAX_FILL = 0.1;
const ALPHABET = 62;

/** 3.5 trillion, 218 trillion: code spaces outgrow the B suffix. */
function big(v: number): string {
  return v >= 1e12 ? `${Number((v / 1e12).toPrecision(3))} trillion` : n(v);
}

interface ShortCodeNumbers {
  creates: Reading;
  retentionDays: number;
  /** Codes alive at once: creations over the retention period at the one-year rate. */
  records: number;
  length: number;
  unguessable: string | null;
  sameCodeForSameUrl: string | null;
  multiRegion: boolean;
}

/** The shortest code length whose space keeps `records` below MAX_FILL of it (never below 6). */
export function codeLength(records: number): number {
  let len = 6;
  while (ALPHABET ** len * MAX_FILL < records) len++;
  return len;
}

/** Short codes that stand for a long value (a URL, a paste): how each code is minted. */
export const shortCodes: Capability<ShortCodeNumbers> = {
  id: 'short-codes',
  name: 'Short-code generation and redirect',
  evidence: {
    terms: [
      ['url shortener', 2], ['link shortener', 2], ['shorten*', 1], ['short url', 1], ['short link', 1], ['short code', 1], ['tinyurl', 1.5],
      ['bit.ly', 1.5], ['bitly', 1.5], ['pastebin', 1], ['vanity url', 0.6], ['redirect', 0.4], ['alias', 0.3],
    ],
    operations: [/\b(?:shorten|short|link|url|paste)\b/],
  },
  decision: {
    id: 'short-code-generation',
    title: 'Short-code generation',
    question: 'How is each short code minted so that it is unique, short and cheap to create?',
    numbers(input) {
      const creates = averageRate(input, /\b(?:shorten|short|link|url|paste|create)\b/, 'write');
      const retentionDays = input.ctx.req.scale.retentionDays.value;
      const records = creates.value * growthAt(input.ctx.req, 12) * 86_400 * retentionDays;
      return {
        creates,
        retentionDays,
        records,
        length: codeLength(records),
        unguessable: says(input, 'unguessable', 'not (?:be )?guessable', 'non-guessable', 'hard to guess', 'unpredictable', 'not (?:be )?predictable', 'enumerat', 'private links?', 'secret links?'),
        sameCodeForSameUrl: says(input, 'same (?:short )?(?:code|url|link) for the same', 'deduplicat', 'idempotent shorten'),
        multiRegion: input.ctx.req.geography.multiRegion,
      };
    },
    options: [
      {
        option: 'Counter + base62: each app instance leases a block of 1,000 ids from a database sequence and encodes them in base62',
        when: (x) =>
          x.unguessable
            ? { verdict: 'rejected', reason: `consecutive codes are guessable, and the brief asks for "${x.unguessable}"` }
            : x.sameCodeForSameUrl
              ? { verdict: 'viable', reason: 'unique and collision-free, but the same long URL would get a new code each time' }
              : { verdict: 'chosen', reason: `no collisions and no lookup before insert; one sequence round trip per 1,000 codes${x.multiRegion ? ', and each region leases from its own id range' : ''}` },
      },
      {
        option: 'Pre-generated key service: random codes generated offline, handed to app instances in batches and marked used',
        when: (x) =>
          x.unguessable && !x.sameCodeForSameUrl
            ? { verdict: 'chosen', reason: `random codes are not guessable ("${x.unguessable}") and never collide at mint time; the key store keeps ${n(x.records)} used keys` }
            : { verdict: 'viable', reason: 'random, collision-free codes, at the cost of running and backing up a key store' },
      },
      {
        option: 'Hash of the long URL (truncated to the code length) + collision check and retry',
        when: (x) =>
          x.sameCodeForSameUrl
            ? { verdict: 'chosen', reason: `the same long URL must give the same code ("${x.sameCodeForSameUrl}"); at ${(100 * x.records / ALPHABET ** x.length).toFixed(2)}% fill a retry is rare` }
            : { verdict: 'rejected', reason: `every create needs a uniqueness lookup, and collisions grow with the ${n(x.records)} codes alive` },
      },
    ],
    rationale: (x) =>
      `Codes are created ${cite(x.creates, '/s')} and kept ${n(x.retentionDays)} days, so about ${big(x.records)} codes are alive at the one-year rate. ` +
      `Keeping them below ${MAX_FILL * 100}% of the code space needs ${x.length} base62 characters (62^${x.length} = ${big(ALPHABET ** x.length)}). ` +
      `The redirect reads the code from a cache in front of the store and answers 301 (cacheable) or 302 (counted).`,
    wouldChange: (x) =>
      `More than ${big(ALPHABET ** x.length * MAX_FILL)} live codes needs ${x.length + 1} characters` +
      (x.sameCodeForSameUrl
        ? '; dropping the one-code-per-URL requirement favours a counter or a key service, which never collide.'
        : x.unguessable
          ? '; if codes may be guessable, a counter + base62 is simpler.'
          : '; a requirement that codes be unguessable calls for the pre-generated key service, and one code per long URL for hash + retry.'),
    drivers: ['workload.operations', 'scale.retentionDays', 'growthPerMonth', 'geography.multiRegion'],
    significant: true,
  },
};
