import { createRequire } from 'node:module';
import type Compromise from 'compromise';
import pluralize from 'pluralize';

/**
 * English word forms for the brief reader, from maintained libraries rather than hand-written
 * tables: the singular and plural of a noun from pluralize ("buses" → "bus", "companies" →
 * "company", "person" → "people"), the base form of a verb and the value of numbers written in words
 * from compromise ("does" → "do", "exchanging" → "exchange", "two million", "forty-five").
 *
 * compromise builds its lexicon when loaded, about 0.45 s, which would double a one-brief CLI run.
 * Verb forms whose base the spelling decides ("sending", "running", "making", "updates") are
 * therefore taken by rule, and compromise is asked only where a dictionary is needed ("creating"
 * or "treating", "changing" or "pinging"); test/brief/lexicon.test.ts holds the rule to
 * compromise's own answer over its lexicon's verbs.
 *
 * Each function is called on one word or a short phrase, many times per brief with the same words:
 * results are memoised (both libraries are deterministic, so the cache only saves time).
 */

type Nlp = typeof Compromise;
let loaded: Nlp | undefined;
/**
 * compromise, loaded on first use through its single-file CommonJS build: the ESM entry resolves
 * hundreds of modules (about twice the start-up time), and commands that read no brief never pay.
 */
function nlp(text: string): ReturnType<Nlp> {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp;
  return loaded(text);
}

const memo = <T>(fn: (s: string) => T): ((s: string) => T) => {
  const cache = new Map<string, T>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = fn(s);
      if (cache.size > 20_000) cache.clear();
      cache.set(s, v);
    }
    return v as T;
  };
};

/** Words whose final s is their own, that compromise would otherwise cut ("SMS" is not a plural). */
const OWN_S = /(?:ss|us|is|sms|news|series|species|gps|os|aws|dns)$/;
/** Mass nouns, the same in both numbers. */
const MASS = /^(?:data|metadata|media|feedback|traffic|information|software|hardware|equipment|staff|telemetry|inventory|analytics)$/;

const VOWEL = /[aeiou]/;
const syllables = (w: string): number => (w.match(/[aeiouy]+/g) ?? []).length;

/**
 * The base of a verb stem left by cutting "-ing" or "-ed", where the spelling decides it; null where
 * only a dictionary can ("chang" → change, "ping" → ping; "creat" → create, "treat" → treat).
 */
function baseOfStem(stem: string): string | null {
  if (stem.length < 3 || !VOWEL.test(stem)) return null;
  const last = stem.at(-1)!;
  const prev = stem.at(-2)!;
  const one = syllables(stem) === 1;
  if (stem.endsWith('ee')) return stem;
  if (last === prev && !VOWEL.test(last)) {
    // "running" → run, "logging" → log, "cancelling" → cancel; "calling", "telling", "passing",
    // "buzzing" keep the pair.
    if (last === 'l') return one || /(?:[tsyfw]|sh|sm|sp)ell$/.test(stem) ? stem : /ell$/.test(stem) ? stem.slice(0, -1) : null;
    if (/[sz]/.test(last)) return stem;
    if (/[fdc]/.test(last)) return null;
    return stem.slice(0, -1);
  }
  // "producing" → produce, "placing" → place; "panicking" is not a rule's.
  if (last === 'c') return /[aeou]c$/.test(stem) ? `${stem}e` : null;
  if (/[szg]/.test(last) || /(?:th|ast|ach|y[^aeiou]|ve[nr])$/.test(stem) || (!one && /ick$/.test(stem)) || /(?:qu|ou|ui|ua|ia|io|ie)[a-z]$/.test(stem)) return null;
  if (last === 'v' || (last === 'u' && prev !== 'q')) return `${stem}e`;
  if (VOWEL.test(last) || last === 'y') return /[aeo]$/.test(stem) ? null : stem;
  if (/[wx]/.test(last)) return stem;
  if (!VOWEL.test(prev)) {
    // Two consonants: "sending", "checking"; a consonant and l is a dropped e ("handling" → handle).
    if (last === 'l') return /[rwl]$/.test(stem.slice(0, -1)) ? stem : `${stem}e`;
    if (last === 'r' && prev !== 'r') return null;
    return stem;
  }
  const before = stem.at(-3);
  if (before !== undefined && VOWEL.test(before)) {
    // Two vowels and a consonant keep their spelling ("reading", "viewing", "waiting"), but "ea" + t
    // does not ("creating", "treating").
    if (/ea[tk]$/.test(stem) || (/[aeiou]{2}t$/.test(stem) && !/(?:ai|ee|oo|oa)t$/.test(stem))) return null;
    return stem;
  }
  // One vowel between consonants: a one-syllable stem lost its e ("making", "storing"; a doubled
  // consonant would have marked "running").
  if (one) return `${stem}e`;
  if (/(?:at|ut|ur|ir|in|ar|id|ud|od|ib|ok)$/.test(stem)) return `${stem}e`;
  if (/(?:er|en|op|itor)$/.test(stem)) return stem;
  return null;
}

export function regularLemma(w: string): string | null {
  if (/^(?:is|was|are|were|been|being)$/.test(w)) return 'be';
  if (/^(?:has|had|having)$/.test(w)) return 'have';
  if (/^(?:does|did|doing)$/.test(w)) return 'do';
  if (/^(?:goes|went|going)$/.test(w)) return 'go';
  if (w.endsWith('ing') && w.length > 4) return baseOfStem(w.slice(0, -3));
  if (w.endsWith('ied') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/^(?:(?:n|f|s|sp|br|bl|h|w|d)eed|proceed|exceed|succeed|embed|shed|bed|wed|red)$/.test(w)) return w;
  if (w.endsWith('eed')) return null;
  // "updated" → update: the e belongs to the base whenever the stem alone would want one.
  if (w.endsWith('ed') && w.length > 3) return baseOfStem(w.slice(0, -2));
  if (w.endsWith('ies') && w.length > 4) return /[^aeiou]ies$/.test(w) ? `${w.slice(0, -3)}y` : null;
  if (/(?:oes|aches|[^aeiou][aiu]ses)$/.test(w)) return null;
  if (/(?:ch|sh|x|ss|zz)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('es')) return w.slice(0, -1);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w.endsWith('s') ? null : w;
}

/** The singular of a lower-case noun: "buses" → "bus", "e-bikes" → "e-bike", "people" → "person". */
export const singularNoun = memo((word: string): string => {
  const w = word.toLowerCase();
  if (OWN_S.test(w) || MASS.test(w) || !/[a-z]/.test(w)) return w;
  // pluralize reads "caches" as the plural of "cach" and "cookies" of "cooky".
  if (/(?:aches|ookies)$/.test(w)) return w.slice(0, -1);
  return pluralize.singular(w);
});

/** The plural of a lower-case noun: "bus" → "buses", "company" → "companies", "person" → "people". */
export const pluralNoun = memo((word: string): string => {
  const w = word.toLowerCase();
  if (w === 'people' || MASS.test(w)) return w;
  if (OWN_S.test(w) && !/(?:us|ss|is)$/.test(w)) return w;
  return pluralize.plural(w);
});

/** The base form of a verb in any form: "does" → "do", "checking" → "check", "uploaded" → "upload". */
export const verbLemma = memo((word: string): string => {
  const w = word.toLowerCase();
  const regular = regularLemma(w);
  if (regular !== null) return regular;
  const doc = nlp(w);
  doc.tag('Verb');
  const out = doc.verbs().toInfinitive().text().toLowerCase();
  // compromise adds an e after a stem that is itself an -ing word ("pinging" → "pinge", "bringing").
  if (!out || /\s/.test(out)) return w;
  const stem = w.endsWith('ing') ? w.slice(0, -3) : '';
  if (stem.endsWith('ing') && out === `${stem}e`) return stem;
  return out;
});

const UNIT = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const SCALE = 'hundred|thousand|million|billion|trillion';
/**
 * Regex source for a number in words: "forty", "two million", "three hundred thousand",
 * "twenty-five", "a hundred", "half a million", "a dozen". A lone "a" or "one" of a phrase such as
 * "one of them" is the caller's to exclude.
 */
export const WORD_NUMBER_SRC = String.raw`(?:(?:a|half\s+a)\s+(?:dozen|${SCALE})(?:\s+(?:${SCALE}))?|(?:${UNIT})(?:-(?:${UNIT}))?(?:\s+(?:and\s+)?(?:(?:${UNIT})(?:-(?:${UNIT}))?|${SCALE}))*)`;
const WORD_NUMBER = new RegExp(`^${WORD_NUMBER_SRC}$`, 'iu');

const UNIT_VALUE: Record<string, number> = Object.fromEntries(
  UNIT.split('|').map((w, i) => [w, i < 19 ? i + 1 : (i - 17) * 10]),
);
const SCALE_VALUE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * The value of a phrase WORD_NUMBER has already accepted, by the place-value rule: units and tens
 * add up, "hundred" multiplies the group being built, a larger scale closes the group ("three
 * hundred twenty thousand" = (3 × 100 + 20) × 1,000). The grammar leaves nothing else to decide;
 * test/brief/lexicon.test.ts holds this to compromise's number parser over generated phrases, and
 * compromise is not loaded for it (its 0.45 s start-up was half of a CLI run on "two million users").
 */
function placeValue(t: string): number | null {
  let total = 0;
  let group = 0;
  for (const word of t.replace(/^half a /, 'a ').split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'a') group = Math.max(group, 1);
    else if (word === 'dozen') group = (group || 1) * 12;
    else if (word in UNIT_VALUE) group += UNIT_VALUE[word]!;
    else if (word === 'hundred') group = (group || 1) * 100;
    else if (word in SCALE_VALUE) {
      const scale = SCALE_VALUE[word]!;
      // "a million billion": a scale after a larger group multiplies the whole (rare, but grammatical).
      if (total > 0 && total < scale && group === 0) total *= scale;
      else {
        total += (group || 1) * scale;
      }
      group = 0;
    } else return null;
  }
  const v = total + group;
  return /^half a /.test(t) ? v / 2 : v;
}

/** The value of a number written in words, or null: "two million" → 2,000,000, "a dozen" → 12. */
export const wordNumber = memo((text: string): number | null => {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!WORD_NUMBER.test(t)) return null;
  const v = placeValue(t);
  return v !== null && Number.isFinite(v) && v > 0 ? v : null;
});

/** compromise's reading of a number phrase: the reference placeValue is tested against. */
export function wordNumberByCompromise(text: string): number | null {
  const values = nlp(text.trim().toLowerCase()).numbers().get() as unknown[];
  const v = values.length === 1 ? values[0] : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
