import { createRequire } from 'node:module';
import type Compromise from 'compromise';

/**
 * English word forms for the brief reader, from compromise (a maintained English NLP library)
 * rather than hand-written suffix rules: the singular of a noun ("buses" → "bus", "companies" →
 * "company"), its plural, the base form of a verb ("does" → "do", "logging" → "log"), and the value
 * of numbers written in words ("two million", "Three hundred", "forty-five").
 *
 * Each function is called on one word or a short phrase, many times per brief with the same words:
 * results are memoised (compromise is deterministic, so the cache only saves time).
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

/**
 * Regular forms need no dictionary: "photos" → "photo", "cities" → "city", "links" → "link". Loading
 * compromise costs about 0.3 s, so it is asked only about the forms a suffix rule can get wrong
 * ("buses", "analyses", "leaves", "children", "does", "logging"). Null: ask compromise.
 */
function regularSingular(w: string): string | null {
  if (!w.endsWith('s')) return /(?:men|ren|ice|eople|ia|ae|i)$/.test(w) ? null : w;
  if (/(?:ss|us|is|es|ves|xs)$/.test(w)) return /[^aeiou]ies$/.test(w) ? `${w.slice(0, -3)}y` : null;
  return w.slice(0, -1);
}
function regularPlural(w: string): string | null {
  if (w === 'person') return 'people';
  if (/(?:[^u]ss|[^aeiou]x|ch|sh)$/.test(w)) return `${w}es`;
  if (/(?:s|x|z|o|f|fe|us|is|man|child|foot|tooth|mouse)$/.test(w)) return null;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}
function regularLemma(w: string): string | null {
  if (/(?:ing|ed|es|ies)$/.test(w) || /^(?:is|was|has|does|goes)$/.test(w)) return null;
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w.endsWith('s') ? null : w;
}

/** The singular of a lower-case noun: "buses" → "bus", "e-bikes" → "e-bike", "people" → "person". */
export const singularNoun = memo((word: string): string => {
  const w = word.toLowerCase();
  if (OWN_S.test(w) || MASS.test(w) || !/[a-z]/.test(w)) return w;
  const regular = /\s/.test(w) ? null : regularSingular(w);
  if (regular !== null) return regular;
  const doc = nlp(w);
  doc.tag('Plural');
  const out = doc.nouns().toSingular().text().toLowerCase();
  return out && !/\s/.test(out) === !/\s/.test(w) ? out : w;
});

/** The plural of a lower-case noun: "bus" → "buses", "company" → "companies", "person" → "people". */
export const pluralNoun = memo((word: string): string => {
  const w = word.toLowerCase();
  if (w === 'people' || MASS.test(w)) return w;
  if (OWN_S.test(w) && !/(?:us|ss|is)$/.test(w)) return w;
  const last = w.split(/\s+/).at(-1)!;
  const regular = regularPlural(last);
  if (regular !== null) return `${w.slice(0, w.length - last.length)}${regular}`;
  const doc = nlp(w);
  doc.tag('Noun');
  const out = doc.nouns().toPlural().text().toLowerCase();
  return out || w;
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

/** The value of a number written in words, or null: "two million" → 2,000,000, "a dozen" → 12. */
export const wordNumber = memo((text: string): number | null => {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!WORD_NUMBER.test(t)) return null;
  if (t === 'a dozen') return 12;
  const values = nlp(t).numbers().get() as unknown[];
  const v = values.length === 1 ? values[0] : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
});
