/**
 * Does the brief ask for a system built to watch people who have not agreed to it? archie judges
 * the purpose, not a word: who is watched, with what consent, to what end.
 *
 * A brief is refused when watching people is what the system is for and one of these holds:
 * - the people watched are a population (every citizen, all residents, a whole city);
 * - they are watched for their politics, faith, ethnicity or press work (dissidents, protesters,
 *   journalists, activists, a religious or ethnic group);
 * - it is done without their knowledge or consent (covertly, secretly, hidden);
 * - it scores people's social behaviour (a social credit or citizen score);
 * - faces are recognised in public places or crowds to identify who is there;
 * - one person tracks another (a partner, an ex) without them knowing.
 * Consent, one's own premises or fleet, and purposes such as fraud detection do not trigger it:
 * "people who opt in share their location", "fleet tracking of our vans with the drivers'
 * consent", "cameras on our own premises", "flag fraudulent card transactions".
 */

export interface PurposeJudgement {
  reason: string;
  quote: string;
}

const WATCH = String.raw`(?:track\w*|monitor\w*|surveil\w*|spy(?:ing)?\s+on|watch(?:es|ing)?\s+over|watch(?:es|ing)?|follow(?:s|ing)?\s+(?:the\s+)?movements?\s+of|locat(?:e|es|ing)|identif(?:y|ies|ying)|unmask\w*|de-?anonymi[sz]\w*|profil\w*|record\w*|log(?:s|ging)?|collect\w*|harvest\w*|intercept\w*|wiretap\w*|eavesdrop\w*|read(?:s|ing)?\s+(?:the\s+)?(?:private\s+)?messages\s+of|scor(?:e|es|ing)|rat(?:e|es|ing)|map(?:s|ping)?)`;

/** Whole populations. */
const POPULATION = String.raw`(?:(?:every|each|all(?:\s+the)?|the\s+(?:whole|entire))\s+(?:\w+\s+){0,2}?(?:citizens?|residents?|inhabitants?|people|persons?|individuals?|population|nation|country|city|town|public|civilians?|voters?|households?)(?:'s|’s)?|(?:the\s+)?(?:whole|entire|general)\s+(?:population|public)|population[- ]wide|nation[- ]wide\s+(?:citizens?|population|people)|(?:citizens?|residents?|people)\s+(?:across|throughout|of)\s+(?:the\s+)?(?:country|nation|city|region))`;

/** People watched for who they are or what they think. */
const TARGETED = String.raw`(?:political\s+)?(?:dissidents?|protesters?|protestors?|demonstrators?|journalists?|reporters?|activists?|whistle-?blowers?|opposition\s+(?:members?|figures?|supporters?|politicians?)|union\s+organi[sz]ers?|(?:religious|ethnic|sexual|racial)\s+minorit(?:y|ies)|(?:muslims?|jews?|christians?|uyghurs?|immigrants?|refugees?|migrants?|lgbt\w*|gay\s+people)|members\s+of\s+(?:a|the)\s+(?:religion|faith|ethnic\s+group|party|opposition))`;

const COVERT = String.raw`(?:covert(?:ly)?|secret(?:ly)?|in\s+secret|hidden(?:ly)?|without\s+(?:their|the\s+(?:users?'?|people'?s?|subjects?'?|employees?'?|person'?s?))?\s*(?:knowledge|consent|knowing|noticing|permission|being\s+aware)|without\s+(?:them|him|her)\s+(?:knowing|noticing)|(?:they|he|she)\s+(?:won'?t|will\s+not|do(?:es)?\s+not|don'?t)\s+(?:know|notice|find\s+out)|undetect(?:ed|able)|stealth(?:ily)?)`;

const SCORING = String.raw`(?:social\s+credit|citizen\s+scor\w*|citizens?'?\s+(?:trust(?:worthiness)?|loyalty|behaviou?r)\s+scor\w*|(?:trust(?:worthiness)?|loyalty|obedience)\s+scor\w*\s+(?:for|of)\s+(?:every|all|each)\s+(?:citizens?|residents?|people))`;

const FACE_PUBLIC = String.raw`(?:fac(?:e|ial)\s+recognition|face\s+matching|biometric\s+identification)[^.]{0,80}?(?:crowds?|public\s+(?:spaces?|places?|squares?|transport)|streets?|protests?|rall(?:y|ies)|demonstrations?|cctv|city\s+cameras?|passers-?by|pedestrians?|stadiums?)|(?:crowds?|public\s+(?:spaces?|places?)|streets?|protests?|cctv)[^.]{0,80}?(?:fac(?:e|ial)\s+recognition|identify\s+(?:every|each|all)\s+(?:face|person|one))`;

const PARTNER = String.raw`(?:my|their|his|her)\s+(?:partner|spouse|wife|husband|girlfriend|boyfriend|ex(?:-\w+)?|teenager|child(?:ren)?|employees?)`;

const re = (src: string) => new RegExp(src, 'iu');

/** Words that make watching legitimate, in the same sentence: consent, opt-in, own premises or fleet. */
const CONSENTED = /\b(?:with\s+(?:their|the\s+\w+'?s?|explicit|informed|prior)?\s*consent|who\s+(?:opt|have\s+opted|choose|chose|agree|agreed)\s+in|opt(?:s|ed)?[- ]in|opt-in|consenting|who\s+share\s+their|they\s+(?:choose|chose|agree|agreed)\s+to|our\s+own\s+(?:premises|buildings?|warehouses?|stores?|offices?|site|property|fleet|vehicles?|vans?|trucks?|servers?|machines?|devices?)|on\s+(?:our|the\s+company'?s?)\s+(?:premises|property|site)|company[- ](?:owned|issued)\s+(?:vehicles?|vans?|trucks?|devices?|laptops?)|fraud(?:ulent)?|anti-?money[- ]laundering|aml\b|chargebacks?)/iu;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 160 ? `${t.slice(0, 157)}…` : t;
}

/** The reason to refuse, or null when the brief's purpose is not to watch people against their will. */
export function judgePurpose(text: string): PurposeJudgement | null {
  for (const sentence of sentencesOf(text)) {
    const watch = re(String.raw`\b${WATCH}\b`);
    if (re(String.raw`\bmass[- ]surveillance\b`).test(sentence) && !/\b(?:against|prevent|detect(?:ing)?|resist|protect\w*\s+(?:people\s+)?from)\b/i.test(sentence)) {
      return { reason: 'it is a mass-surveillance system', quote: clip(sentence) };
    }
    if (re(SCORING).test(sentence)) return { reason: 'it scores people\'s social behaviour (a social credit score)', quote: clip(sentence) };
    if (re(FACE_PUBLIC).test(sentence) && !/\b(?:blur|blurs|blurring|anonymi[sz]\w*|redact\w*)\b/i.test(sentence)) {
      return { reason: 'it recognises faces in public places to identify the people there', quote: clip(sentence) };
    }
    if (!watch.test(sentence)) continue;
    const consented = CONSENTED.test(sentence);
    if (re(String.raw`\b${WATCH}\b[^.]{0,80}?\b${TARGETED}\b|\b${TARGETED}\b[^.]{0,60}?\b${WATCH}\b`).test(sentence) && !/\b(?:protect\w*|safety\s+of|help\w*|support\w*|secure\s+messaging\s+for|for\s+(?:journalists|activists))\b/i.test(sentence)) {
      return { reason: 'it watches people for their politics, faith, origin or press work', quote: clip(sentence) };
    }
    if (re(String.raw`\b${WATCH}\b[^.]{0,80}?\b${POPULATION}|\b${POPULATION}\b[^.]{0,60}?\b${WATCH}\b`).test(sentence) && !consented && re(String.raw`(?:location|movements?|phones?|whereabouts|calls?|messages?|communications?|behaviou?r|activit(?:y|ies)|faces?|purchases?|browsing|cameras?|cctv|video|footage|images?|photos?|biometrics?|dna|fingerprints?|every\s+move|where\s+(?:they|people)\s+go)`).test(sentence)) {
      return { reason: 'it watches a whole population', quote: clip(sentence) };
    }
    if (re(COVERT).test(sentence) && !consented) {
      return { reason: 'it watches people without their knowledge or consent', quote: clip(sentence) };
    }
    if (re(String.raw`\b${WATCH}\b[^.]{0,40}?\b${PARTNER}\b`).test(sentence) && re(COVERT).test(sentence)) {
      return { reason: 'one person tracks another without them knowing', quote: clip(sentence) };
    }
  }
  return null;
}
