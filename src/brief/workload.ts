import { pluralNoun, singularNoun, verbLemma, WORD_NUMBER_SRC, wordNumber } from './lexicon.js';
import { NUMBER_SRC, parseNumber as parseDigits, periodSeconds } from './units.js';

/** A number in digits ("2M", "1,500") or in words ("two million", "forty"). */
const parseNumber = (text: string): number | null => parseDigits(text) ?? wordNumber(text);

/**
 * The workload reader: free text → who uses the system (actors), what they do and how often
 * (operations), in the brief's own words. It reads the shapes people use to state load:
 *
 * - populations: "5M daily players", "20k couriers online", "400 tenant companies", "DAU of 5M";
 * - absolute rates: "100 million short links per day", "10,000 IDs per second", "2k rps";
 * - per-actor rates: "150M daily users, each posting 0.5 tweets a day", "every user sends 10
 *   emails and receives 40 emails a day", "opens the leaderboard about once a day",
 *   "3 requests per user per minute";
 * - intervals: "location every 5 seconds", "one request every 15 seconds";
 * - activity: "navigate about 35 minutes per week", trading hours "09:30 to 16:00";
 * - shape: "10 reads per write", "10:1 reads", fan-out ("400 friends", "10% of them online"),
 *   "each transfer updates two accounts".
 *
 * Every fact keeps the words it came from. Nothing is guessed here: turning the facts into rates
 * (and filling what is missing) is resolve's job, where every default becomes an assumption.
 */

export type ActorKind = 'daily' | 'monthly' | 'concurrent' | 'registered';
export type ActorNature = 'people' | 'devices' | 'organisations';
export type OpKind = 'write' | 'read';

export interface StatedActor {
  /** The noun as written, singular and lower-case: "player", "courier", "tenant company". */
  name: string;
  count: number;
  kind: ActorKind;
  nature: ActorNature;
  quote: string;
  /** Offset in the brief (orders facts; ties operations to the nearest actor). */
  at: number;
}

export interface StatedOperation {
  /** What is done, as a short phrase: "tweet", "short link", "open the leaderboard", "location update". */
  name: string;
  kind: OpKind;
  /** How the brief states its rate (exactly one applies). */
  rate:
    | { basis: 'absolute'; perSecond: number; peak: boolean; /** Seconds of the period the brief stated it over (86,400 for "a day"). */ period: number }
    | { basis: 'per-actor'; perDay: number }
    | { basis: 'interval'; seconds: number };
  /** The actor it belongs to (name), when the brief ties it to one. */
  actor?: string;
  /** Stated for this operation in a YAML brief: recipients, rows written, bytes stored. */
  fanout?: number;
  rows?: number;
  payloadBytes?: number;
  quote: string;
  at: number;
}

export interface WorkloadFacts {
  actors: StatedActor[];
  operations: StatedOperation[];
  /** Reads per write, when stated. */
  readsPerWrite?: { value: number; quote: string };
  /** Writes per read, when stated that way round ("1 booking for every 500 searches"). */
  writesPerRead?: { value: number; write: string; read: string; quote: string };
  /** Seconds a day the system is in use when not all day (trading hours, business hours). */
  activeWindow?: { seconds: number; quote: string };
  /** Time each actor spends using the system per day, in seconds ("35 minutes per week"). */
  activity?: { secondsPerDay: number; actor?: string; quote: string };
  /** Share of an actor population online at once ("10% of those are online"). */
  onlineShare?: { value: number; quote: string };
  /** Recipients of each event: friends, followers, members. */
  fanout?: { degree: number; noun: string; quote: string };
  /** Rows touched by each write ("each transfer updates two accounts"). */
  legs?: { value: number; quote: string };
  /** Sizes said of a thing: "pages average 500 KB", "each email carries about 50 KB of metadata". */
  sizes: { noun: string; bytes: number; quote: string }[];
  /** A population the brief asks to grow to ("what changes if we grow to 500 million DAU"). */
  growthTarget?: { count: number; quote: string };
  /** Things each actor holds or exposes ("each machine exposes about 100 metrics"). */
  perActorItems?: { actor: string; count: number; noun: string; quote: string };
  /** Stated throughput of one database node ("a relational database node handles about 1,000 TPS"). */
  dbNodeTps?: { value: number; quote: string };
}

// ------------------------------------------------------------------ vocabulary

/** People: singular → plural forms are produced by pluralize(). Compound names first. */
const PEOPLE = [
  'daily active user', 'monthly active user', 'active user', 'user', 'person', 'people', 'player', 'gamer', 'driver', 'rider', 'passenger', 'courier',
  'customer', 'shopper', 'buyer', 'seller', 'merchant', 'vendor', 'guest', 'employee', 'staff member', 'worker', 'agent', 'trader',
  'investor', 'student', 'teacher', 'learner', 'patient', 'doctor', 'clinician', 'member', 'subscriber', 'follower', 'listener', 'viewer',
  'reader', 'writer', 'author', 'creator', 'mailbox', 'streamer', 'participant', 'connection', 'websocket connection', 'session', 'attendee', 'visitor', 'admin', 'operator',
  'citizen', 'voter', 'fan', 'contributor', 'editor', 'musician', 'artist', 'traveler', 'traveller', 'tourist', 'diner', 'client', 'analyst', 'clinician', 'nurse',
];
const DEVICES = ['device', 'sensor', 'meter', 'vehicle', 'car', 'truck', 'scooter', 'bike', 'phone', 'camera', 'machine', 'robot', 'drone', 'thermostat', 'tracker', 'gateway', 'charger', 'satellite'];
const ORGS = ['tenant', 'tenant company', 'company', 'companies', 'organisation', 'organization', 'business', 'restaurant', 'store', 'shop', 'hotel', 'clinic', 'hospital', 'school', 'bank', 'brand', 'advertiser', 'team', 'workspace'];

function plural(word: string): string {
  return word === 'people' || word === 'companies' ? word : pluralNoun(word);
}

const ACTOR_FORMS = new Map<string, { name: string; nature: ActorNature }>();
for (const [list, nature] of [[PEOPLE, 'people'], [DEVICES, 'devices'], [ORGS, 'organisations']] as const) {
  for (const w of list) {
    const name = w === 'people' ? 'person' : w === 'companies' ? 'company' : w;
    ACTOR_FORMS.set(w, { name, nature });
    ACTOR_FORMS.set(plural(w), { name, nature });
  }
}
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ACTOR_SRC = [...ACTOR_FORMS.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');

/** Words that end a noun phrase of an operation: units, time, filler. */
const NOT_OPERATION = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'times', 'time',
  'percent', 'ms', 'milliseconds', 'engineers', 'developers', 'people', 'nines', 'regions', 'zones', 'characters', 'chars', 'bytes', 'symbols',
  'servers', 'nodes', 'instances', 'machines', 'pools', 'metrics', 'items', 'percentiles', 'dollars', 'euros', 'usd', 'eur', 'shares',
  'million', 'millions', 'billion', 'billions', 'thousand', 'thousands', 'hundred', 'hundreds', 'dozen', 'k', 'm', 'mm', 'bn',
  'them', 'those', 'these', 'they', 'it', 'us', 'we', 'you', 'all', 'active', 'actives',
]);

/** Heads of operations that read rather than write. */
const READ_HEADS = /^(?:reads?|views?|page ?views?|redirects?|lookups?|searches?|queries|query|fetches?|downloads?|visits?|plays?|impressions?|opens?|loads?|gets?|resolutions?|resolves?|checks?|polls?|refreshes?)$/;
/** Verbs (any form) that read. */
const READ_VERBS = /^(?:read|reads|reading|view|views|viewing|open|opens|opening|check|checks|checking|browse|browses|browsing|watch|watches|watching|search|searches|searching|fetch|fetches|fetching|load|loads|loading|visit|visits|visiting|look|looks|looking|get|gets|getting|see|sees|seeing|scroll|scrolls|scrolling|refresh|refreshes|refreshing|stream|streams|streaming|download|downloads|downloading|query|queries|querying)$/;

/** Words before a count that make it something other than a population ("top 10 players", "averaging 4 participants"). */
const NOT_POPULATION_BEFORE = /\b(?:(?:average|typical|each|every)\s+[\w-]+\s+(?:has|have)(?:\s+about|\s+around)?|top|first|last|bottom|best|next|other|those|these|all|averag\w*|of up to|groups? of|rooms? of|teams? of|per|each|with up to|max(?:imum)?(?:\s+of)?|at most|up to|grow(?:s|ing)? to|reach(?:es|ing)?|scale(?:s)? to|target of|goal of)\s*$/;
/** Before a rate: a limit or a node's capacity, not load ("no more than 2 posts per second", "a server can push 100,000 messages per second"). */
const NOT_LOAD_BEFORE = /(?:\b(?:no more than|not more than|at most|limit(?:ed)? (?:to|of)|maximum of|cap(?:ped)? (?:at|of)|throttl\w*|quota of)\s*$)|(?:\b(?:node|server|instance|machine|broker|shard|disk|database|db|cpu|core|box)s?\b[^,.]{0,30}\b(?:handles?|does|do|can|could|manages?|pushes|push|takes?|serves?|processes|sustains?)\b[^,.]{0,20}$)/;
/** A verb (any form) to name an operation by: "sends 10 emails" → "send email". */
function verbBase(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (/^(?:and|or|about|around|roughly|approximately|nearly|almost|over|under|than|of|with|the|a|an|some|new|more|is|are|be|to|we|it|they|that|which|who|also|each|every|per|only|just|least|most|up)$/.test(w)) return undefined;
  return verbLemma(w);
}

const PERIOD = String.raw`(s|secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|months?|years?)`;
const PER = String.raw`(?:per|a|an|each|every|\/)`;
const NUM = `(${NUMBER_SRC}|${WORD_NUMBER_SRC})`;
/** A count as written: digits with a magnitude, or number words ("two million", "a dozen", "a few thousand"). */
const COUNT = String.raw`(${NUMBER_SRC}|${WORD_NUMBER_SRC}|a few\s+(?:hundred\s+)?(?:thousand|million|billion))`;

function countOf(text: string): number | null {
  const t = text.toLowerCase().trim().replace(/\s+/g, ' ');
  const few = /^a few (?:(hundred) )?(thousand|million|billion)$/.exec(t);
  if (few) return 3 * (few[1] ? 100 : 1) * { thousand: 1e3, million: 1e6, billion: 1e9 }[few[2] as 'thousand'];
  return parseNumber(t);
}

function singular(noun: string): string {
  // Acronyms whose last letter is their own: "SMS", "GPS" (but "IDs", "URLs" are plurals).
  if (/^[A-Z]{2,}s?$/.test(noun) && !/^[A-Z]+s$/.test(noun)) return noun.toLowerCase();
  const w = noun.toLowerCase();
  return ACTOR_FORMS.get(w)?.name ?? singularNoun(w);
}

function clean(q: string): string {
  return q.trim().replace(/\s+/g, ' ');
}

/** Sentences with their offsets; a period between digits ("0.5") does not end one. */
function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[^.!?;\n]+(?:\.(?=\d)[^.!?;\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (m[0].trim()) out.push({ text: m[0], at: m.index });
  return out;
}

// ------------------------------------------------------------------ actors

const QUAL = String.raw`(?:(daily|monthly|weekly|concurrent(?:ly)?(?:\s+active)?|simultaneous|online|registered|active|total|paying|new)[\s-]+)?(?:(active)\s+)?`;

/** Function words that cannot qualify a population noun ("connected cars", "small businesses" can). */
const NOT_ADJECTIVE = /^(?:per|a|an|of|and|or|with|each|every|to|in|for|on|at|from|by|the|than|who|that|which|is|are|be|about|around|roughly|over|under|up|new|more|most|all|our|their|its|his|her|this|these|those|them)$/;

/**
 * Population nouns the vocabulary does not list, learnt from the brief itself: a noun that a count
 * precedes and that "each"/"every"/"per" later names ("15k e-bikes … each e-bike sends").
 */
function learnedActors(text: string): Map<string, { name: string; nature: ActorNature }> {
  const out = new Map<string, { name: string; nature: ActorNature }>();
  const each = /\b(?:each|every|per)\s+(?:single\s+)?([a-z][a-z-]{2,})\b/giu;
  let m: RegExpExecArray | null;
  while ((m = each.exec(text)) !== null) {
    const one = m[1]!.toLowerCase();
    if (ACTOR_FORMS.has(one) || NOT_OPERATION.has(one) || NOT_ADJECTIVE.test(one) || /^(?:day|week|month|year|hour|minute|second|time|one|other|request|message|event|order|write|read|post|page|item)$/.test(one)) continue;
    const many = plural(one);
    if (!new RegExp(String.raw`\b${COUNT}\s+(?:[a-z][\w-]*\s+){0,2}?${escapeRe(many)}\b`, 'i').test(text)) continue;
    // Things counted per period are operations ("1,000,000 transfers per second … each transfer"), not a population.
    if (new RegExp(String.raw`\b${escapeRe(many)}\s*(?:${PER}\s*${PERIOD}|\/\s*\w|at peak|(?:hourly|daily|weekly|monthly|yearly)\b)`, 'i').test(text)) continue;
    // Things counted per person are what they do ("15 games per player per day … each game").
    if (new RegExp(String.raw`\b${escapeRe(many)}\s+(?:per|for each|each|a|every)\s+(?:${ACTOR_SRC})\b`, 'i').test(text)) continue;
    const near = text.slice(Math.max(0, m.index - 80), m.index + 120).toLowerCase();
    const nature: ActorNature = /\b(?:report|reports|send|sends|sending|telemetry|reading|readings|ping|pings|sample|measur\w*|sensor|device|battery|gps|firmware)\b/.test(near)
      ? 'devices'
      : /\b(?:compan(?:y|ies)|business(?:es)?|firm|organi[sz]ation|brand|store|shop|salon|clinic|hospital|restaurant|account)s?\b/.test(one)
        ? 'organisations'
        : 'people';
    out.set(one, { name: one, nature });
    out.set(many, { name: one, nature });
  }
  // "10M bulbs, each reports …", "20,000 hosts, each emitting …", "15k e-bikes send telemetry …": a
  // counted plural noun that each of does something, or that sends on its own.
  const counted = new RegExp(String.raw`\b${COUNT}\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*[a-z]s)\b(?=\s*,?\s*(?:each|every one|all)\s+(?:of them\s+)?[a-z]+(?:s|ing)\b|\s+(?:each\s+|all\s+)?(?:send|report|emit|upload|publish|ping|stream|transmit|push|produc|generat|measur|sampl|record|track|beacon|broadcast)\w*\b)`, 'gi');
  while ((m = counted.exec(text)) !== null) {
    const many = m[2]!.toLowerCase();
    const one = singular(many);
    if (ACTOR_FORMS.has(many) || out.has(many) || one === many || NOT_OPERATION.has(many) || NOT_LEARNED.test(one)) continue;
    if (new RegExp(String.raw`\b${escapeRe(many)}\s*(?:${PER}\s*${PERIOD}|\/\s*\w|at peak|(?:hourly|daily|weekly|monthly|yearly)\b)`, 'i').test(text)) continue;
    const near = text.slice(m.index, m.index + 120).toLowerCase();
    const nature: ActorNature = /\b(?:compan(?:y|ies)|business(?:es)?|firm|organi[sz]ation|brand|store|shop|salon|clinic|hospital|restaurant|account|tenant)s?\b/.test(one)
      ? 'organisations'
      : /\b(?:report|reports|send|sends|sending|emit\w*|telemetry|reading|readings|ping|pings|sample|measur\w*|metric\w*|state|status|battery|gps|firmware|heartbeat)\b/.test(near)
        ? 'devices'
        : 'people';
    out.set(one, { name: one, nature });
    out.set(many, { name: one, nature });
  }
  return out;
}

/** Things people count by the second or the day, named before their count ("redirects 200 million a day"). */
const OP_NOUN = String.raw`(?:click|redirect|view|page ?view|read|write|lookup|search|query|impression|event|message|order|payment|transaction|trade|booking|upload|download|request|signup|login|visit|play|stream|post|tweet|comment|like|notification|email|reading|measurement|ping|location update|trip|ride|deliver(?:y|ie)|call)`;
const OP_NOUNS = String.raw`${OP_NOUN}(?:e?s)`;

/** Actor words that are also things a person does: "8 game sessions per user per day". */
const SESSIONS: ReadonlySet<string> = new Set(['session', 'sessions', 'connection', 'connections', 'call', 'calls']);

/** Nouns that are the things done or stored, never a population. */
const NOT_LEARNED = /^(?:message|order|request|event|transaction|payment|post|photo|video|file|upload|search|query|link|url|record|document|row|item|page|image|email|notification|booking|trip|ride|sale|invoice|ticket|job|task|log|metric|reading|measurement|sample|point|datum|call|click|view|impression|game|match|session|stream|song|track|episode|comment|like|review|share|story|tweet|pin|report|entry|change|update|key|id|code|token|object|blob|chunk|block|batch|packet)$/;

function readActors(text: string, facts: WorkloadFacts, vocab: Vocab): void {
  const { forms, src: nouns } = vocab;
  // A count, its qualifiers ("daily active", "connected", "small"), and the population noun; of two
  // nouns in a row the second is the population ("1,200 customer companies").
  const re = new RegExp(String.raw`\b${COUNT}\s*\+?\s*${QUAL}((?:[a-z][\w-]*\s+){0,2}?)(${nouns})\b(?!\s+(?:${nouns})\b)`, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const count = countOf(m[1]!);
    if (count === null) continue;
    const adjectives = m[4]!.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (adjectives.some((w) => NOT_ADJECTIVE.test(w) || (w.endsWith('s') && !w.endsWith('ss')) || /^\d/.test(w) || countOf(w) !== null)) continue;
    const noun = m[5]!.toLowerCase();
    const form = forms.get(noun)!;
    // "a user" / "one player" are not populations, nor "top 10 players" or "averaging 4 participants".
    if (count <= 1 && !/\d/.test(m[1]!)) continue;
    // "the four players above": a handful after "the" is a selection; "the 300 employees" is the population.
    if (count < 20 && /\bthe\s*$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (NOT_POPULATION_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index).toLowerCase())) {
      if (/grow|reach|scale|target|goal/.test(text.slice(Math.max(0, m.index - 24), m.index).toLowerCase())) facts.growthTarget ??= { count, quote: clean(text.slice(Math.max(0, m.index - 16), m.index + m[0].length)) };
      continue;
    }
    const qual = `${m[2] ?? ''} ${m[3] ?? ''} ${adjectives.join(' ')} ${noun}`.toLowerCase();
    const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 40).toLowerCase();
    const head = text.slice(Math.max(0, m.index - 30), m.index).toLowerCase();
    let kind: ActorKind;
    if (/concurrent|simultaneous|online/.test(qual) || /^\s*(?:are\s+)?(?:online|connected|at once|at the same time|at any (?:one )?(?:time|moment)|concurrently|simultaneously)/.test(tail) || /\b(?:concurrent|simultaneous|peak of)\s*$/.test(head)) kind = 'concurrent';
    else if (/daily/.test(qual) || /^\s*(?:a|per|each|every)\s+day\b|^\s*daily\b/.test(tail)) kind = 'daily';
    else if (/monthly/.test(qual) || /^\s*(?:a|per|each|every)\s+month\b|^\s*monthly\b/.test(tail)) kind = 'monthly';
    else kind = form.nature === 'devices' ? 'concurrent' : 'registered';
    const name = form.name.replace(/^(?:daily active|monthly active|active) /, '');
    // Connections and sessions are people online, and only when the brief says so.
    if ((name === 'connection' || name === 'websocket connection' || name === 'session') && kind !== 'concurrent') continue;
    facts.actors.push({ name, count, kind, nature: form.nature, quote: clean(m[0]), at: m.index });
  }
  // Abbreviations: "5M DAU", "DAU of 5M", "25 million MAU".
  const abbrev = new RegExp(String.raw`\b${COUNT}\s*(DAU|MAU|daily actives|monthly actives)\b|\b(DAU|MAU)\s*(?:of|is|=|:|~|around|about)?\s*${NUM}`, 'gi');
  while ((m = abbrev.exec(text)) !== null) {
    const n = countOf(m[1] ?? m[4]!);
    const which = (m[2] ?? m[3]!).toLowerCase();
    if (n === null) continue;
    const lead = text.slice(Math.max(0, m.index - 24), m.index).toLowerCase();
    if (/grow|reach|scale|target|goal/.test(lead)) {
      facts.growthTarget ??= { count: n, quote: clean(text.slice(Math.max(0, m.index - 16), m.index + m[0].length)) };
      continue;
    }
    facts.actors.push({ name: 'user', count: n, kind: /^d/.test(which) ? 'daily' : 'monthly', nature: 'people', quote: clean(m[0]), at: m.index });
  }
  // "2 million of them daily", "4 million daily", "5M daily active", "15M daily and 150M monthly users":
  // a count of the population named nearby, with no noun of its own.
  const bare = new RegExp(String.raw`\b${COUNT}\s+(?:of\s+(?:them|those|these)\s+)?(?:are\s+)?(?:active\s+)?(daily|monthly|each day|each month|every day|a day)(?:\s+active)?(?=[ \t]*(?:[,.;)\n]|and\b|$)|\s+(?:users|actives)\b)`, 'gi');
  while ((m = bare.exec(text)) !== null) {
    const n = countOf(m[1]!);
    if (n === null || n < 2) continue;
    // "short links: 2 million a day", "redirects 200 million a day": a count of things, not of people.
    const lead = text.slice(Math.max(0, m.index - 40), m.index);
    if (/\ba day\b|each day|every day/i.test(m[2]!) && (/:\s*$/.test(lead) || new RegExp(String.raw`\b${OP_NOUN}(?:e?s)?\s*$`, 'i').test(lead))) continue;
    const prev = facts.actors.filter((a) => a.at < m!.index && a.nature === 'people').sort((a, b) => b.at - a.at)[0];
    const next = /^\s*and\s+/.test(text.slice(m.index + m[0].length)) ? facts.actors.find((a) => a.at > m!.index && a.at < m!.index + m![0].length + 40) : undefined;
    const name = next?.name ?? prev?.name ?? 'user';
    facts.actors.push({ name, count: n, kind: /month/i.test(m[2]!) ? 'monthly' : 'daily', nature: 'people', quote: clean(m[0]), at: m.index });
  }
  // "200k couriers, 50k of them online at once", "60k playing at any moment": the share of the
  // population just named that is online at the same moment.
  const online = new RegExp(String.raw`\b${COUNT}\s+(?:of\s+(?:them|those|these)\s+)?(?:are\s+|is\s+)?(?:online|connected|active|playing|watching|listening|driving|riding|on shift|logged in)(?:\s+(?:at once|at the same time|at any (?:one )?(?:time|moment)|concurrently|simultaneously|at peak(?: hour)?|during (?:the )?peak))?(?=[ \t]*(?:[,.;)\n]|and\b|$|each\b))`, 'gi');
  while ((m = online.exec(text)) !== null) {
    const n = countOf(m[1]!);
    if (n === null || n < 2) continue;
    const explicit = /\bof\s+(?:them|those|these)\b|\bat once|same time|any (?:one )?(?:time|moment)|concurrently|simultaneously|\bpeak/i.test(m[0]);
    const prev = facts.actors.filter((a) => a.at < m!.index && a.count > n).sort((a, b) => b.at - a.at)[0];
    if (!prev || !explicit) continue;
    if (facts.actors.some((a) => a.at === m!.index)) continue;
    facts.actors.push({ name: prev.name, count: n, kind: 'concurrent', nature: prev.nature, quote: clean(m[0]), at: m.index });
  }
  // "GPS trackers on 75,000 shipping containers": one device on each of the things counted.
  const on = new RegExp(String.raw`\b(${nouns})\s+(?:on|in|attached to|fitted (?:on|to|in)|installed (?:on|in))\s+(?:about\s+|around\s+|roughly\s+|~\s*)?${COUNT}\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*s)\b`, 'gi');
  while ((m = on.exec(text)) !== null) {
    const form = forms.get(m[1]!.toLowerCase());
    const n = countOf(m[2]!);
    const thing = forms.get(m[3]!.toLowerCase());
    if (!form || form.nature !== 'devices' || (thing && thing.nature !== 'devices') || n === null || n < 2 || facts.actors.some((a) => a.name === form.name)) continue;
    facts.actors.push({ name: form.name, count: n, kind: 'concurrent', nature: 'devices', quote: clean(m[0]), at: m.index });
  }
  // "Vending machines (12,000 of them)": the count after the noun.
  const after = new RegExp(String.raw`\b(${nouns})\s*\(\s*(?:about\s+|around\s+|roughly\s+|~\s*)?${COUNT}(?:\s+of\s+them)?\s*\)`, 'gi');
  while ((m = after.exec(text)) !== null) {
    const form = forms.get(m[1]!.toLowerCase());
    const n = countOf(m[2]!);
    if (!form || n === null || n < 2) continue;
    facts.actors.push({ name: form.name, count: n, kind: form.nature === 'devices' ? 'concurrent' : 'registered', nature: form.nature, quote: clean(m[0]), at: m.index });
  }
  // "Couriers: 15,000 active at any time", "Daily users: 2M": a label and its count.
  const label = new RegExp(String.raw`\b(?:(daily|monthly|concurrent|active)\s+)?(${ACTOR_SRC})\s*:\s*${COUNT}(\s+(?:active\s+)?(?:at any (?:one )?(?:time|moment)|online|at once|concurrently))?`, 'gi');
  while ((m = label.exec(text)) !== null) {
    const n = countOf(m[3]!);
    const form = ACTOR_FORMS.get(m[2]!.toLowerCase());
    if (n === null || !form || n < 2) continue;
    const kind: ActorKind = m[4] || /concurrent/i.test(m[1] ?? '') ? 'concurrent' : /daily/i.test(m[1] ?? '') ? 'daily' : /monthly/i.test(m[1] ?? '') ? 'monthly' : form.nature === 'devices' ? 'concurrent' : 'registered';
    facts.actors.push({ name: form.name, count: n, kind, nature: form.nature, quote: clean(m[0]), at: m.index });
  }
  // Populations multiplied: "400 tenants with about 250 users each", "2,000 tenants, 50 users per tenant",
  // "1,000 server pools of 100 machines each"; "each company has about 100 employees" after "600 companies".
  const times = new RegExp(String.raw`\b${COUNT}\s+((?:[a-z][\w-]*\s+){0,2}?)([a-z][\w-]*?)s?\s*(?:,|with|of|having|each with)\s+(?:about\s+|around\s+|roughly\s+|up to\s+)?${COUNT}\s+((?:[a-z][\w-]*\s+){0,1}?)(${nouns})\s+(?:each|apiece|per\s+\3|in each|on average)\b`, 'gi');
  while ((m = times.exec(text)) !== null) {
    const a = countOf(m[1]!);
    const b = countOf(m[4]!);
    const form = forms.get(m[6]!.toLowerCase());
    if (a === null || b === null || !form) continue;
    // The product replaces the per-owner count it was made from ("200 sensors" of "5,000 turbines with 200 sensors each").
    const end = m.index + m[0].length;
    facts.actors = facts.actors.filter((x) => !(x.name === form.name && x.count === b && x.at >= m!.index && x.at < end));
    facts.actors.push({ name: form.name, count: a * b, kind: form.nature === 'devices' ? 'concurrent' : 'registered', nature: form.nature, quote: clean(m[0]), at: m.index });
  }
  const hasEach = new RegExp(String.raw`\b(?:each|every)\s+([a-z][\w-]*)\s+has\s+(?:about\s+|around\s+|roughly\s+|up to\s+)?${COUNT}\s+(${nouns})\b`, 'gi');
  while ((m = hasEach.exec(text)) !== null) {
    const owner = m[1]!.toLowerCase();
    const b = countOf(m[2]!);
    const form = forms.get(m[3]!.toLowerCase());
    const ownerName = forms.get(owner)?.name ?? owner;
    const ownerCount = facts.actors.find((x) => x.name === ownerName || singular(x.name) === owner || x.name.endsWith(` ${ownerName}`));
    if (b === null || !form || !ownerCount || /friend|follower|contact|connection|subscriber|member|recipient/.test(m[3]!)) continue;
    facts.actors.push({ name: form.name, count: ownerCount.count * b, kind: 'registered', nature: form.nature, quote: clean(`${ownerCount.quote} … ${m[0]}`), at: m.index });
  }
  // "so about 100 million use it daily": a daily count of the population just named.
  const useDaily = new RegExp(String.raw`\b${COUNT}\s+(?:of them\s+)?(?:use|used|play|open|visit)\s+(?:it|the (?:app|feature|service|product|site))\s+(daily|every day|each day|a day|monthly|each month|a month)`, 'gi');
  while ((m = useDaily.exec(text)) !== null) {
    const n = countOf(m[1]!);
    if (n === null) continue;
    facts.actors.push({ name: 'user', count: n, kind: /month/i.test(m[2]!) ? 'monthly' : 'daily', nature: 'people', quote: clean(m[0]), at: m.index });
  }
  // "10% of those are online at any moment".
  const share = /\b(\d+(?:\.\d+)?)\s*%\s*of\s+(?:them|those|these|the (?:users|players|people|drivers|clients)|users|players)\s+(?:are\s+)?(?:online|connected|active at (?:once|any (?:one )?(?:time|moment))|concurrent)/iu.exec(text);
  if (share) facts.onlineShare = { value: Number(share[1]) / 100, quote: clean(share[0]) };
}

// ------------------------------------------------------------------ operations

/** A noun phrase of 1–3 words ending in the head noun, as in "short links", "HTML pages", "payment transactions". */
const PHRASE_WORD = String.raw`(?!(?:per|and|or|a|an|each|every)\b)[a-z][\w-]*`;
const PHRASE = String.raw`((?:${PHRASE_WORD}\s+){0,2}${PHRASE_WORD})`;

function phraseHead(phrase: string, vocab?: Vocab, allowed: ReadonlySet<string> = new Set()): { name: string; head: string } | null {
  const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
  // Drop leading articles and qualifiers that are not part of the thing.
  while (words.length && /^(?:new|more|about|around|roughly|approximately|some|the|a|an|of|total|unique|distinct|incoming|outgoing|average|up|to|over|nearly|almost)$/.test(words[0]!)) words.shift();
  if (words.length === 0) return null;
  const head = words[words.length - 1]!;
  if (NOT_OPERATION.has(head) || ((vocab?.forms ?? ACTOR_FORMS).has(head) && !allowed.has(head)) || /^\d/.test(head) || head.length < 2) return null;
  // Requests, calls and hits are the whole API's load, which the scale reader takes as a total.
  if (/^(?:requests?|reqs?|calls?|api calls?|hits?|qps|rps|ops|operations)$/.test(head) && words.length === 1 && !allowed.has(head)) return null;
  if (words.some((w) => /^(?:and|or|with|for|in|on|per|by|than|at|is|are|be|we|our|of)$/.test(w))) return null;
  return { name: words.map((w, i) => (i === words.length - 1 ? singular(w) : w)).join(' '), head };
}

/** What is consumed rather than made: playing a song, starting a stream, following a link. */
const CONSUMED = /^(?:song|track|video|movie|film|episode|stream|podcast|clip|lesson|show|title|page|article|story|post|photo|image|feed|timeline|profile|quote|score|balance|rank|ranking|leaderboard|board|stat|statistic|dashboard|map|menu|catalog|catalogue|listing|result|inbox|link|short link|url|short url|flag|feature flag)$/;
/** Verbs that read only when what they act on is consumed ("play 40 songs" reads, "play 20 games" writes). */
const CONSUMING_VERBS = /^(?:play|start|follow|click|open|evaluate|resolve|hit|use)$/;
/** Populations whose activity is consuming: a viewer's videos are views. */
const CONSUMERS = /^(?:viewer|listener|reader|watcher|visitor|audience member|spectator)$/;

function kindOf(head: string, verb?: string, before = '', actor?: string): OpKind {
  const h = singular(head.toLowerCase());
  const objectConsumed = CONSUMED.test(h) || CONSUMED.test(head.toLowerCase());
  // "It should download 1 billion pages", "Search crawler: download …": the system fetching things it then stores is a write.
  const systemActs = /\b(?:it|we|crawler|system|service|platform|pipeline)\b(?:\s+\w+){0,2}\s*$/i.test(before) || /\b(?:crawler|spider|scraper|indexer|bot)s?\s*:\s*$/i.test(before);
  if (verb) {
    const v = verbLemma(verb.toLowerCase());
    if (READ_VERBS.test(verb.toLowerCase()) && !systemActs) return 'read';
    if (CONSUMING_VERBS.test(v) && objectConsumed && !systemActs) return 'read';
  }
  if (actor && CONSUMERS.test(actor) && objectConsumed) return 'read';
  return READ_HEADS.test(head.toLowerCase()) ? 'read' : 'write';
}

/** The population nouns of one brief: the vocabulary's and those learnt from the brief itself. */
interface Vocab {
  forms: Map<string, { name: string; nature: ActorNature }>;
  /** Regex source of every form, longest first. */
  src: string;
}

function vocabOf(text: string): Vocab {
  const forms = new Map([...ACTOR_FORMS, ...learnedActors(text)]);
  return { forms, src: [...forms.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|') };
}

/** Words that cannot be the verb of a population as subject ("users of", "restaurants, 2M bookings"). */
const NOT_VERB = /^(?:for|with|of|in|on|at|from|by|and|or|to|the|a|an|per|than|are|is|were|was|be|been|have|has|had|who|which|that|across|over|under|about|around|worldwide|globally|total|online|daily|monthly|each|all|also|typically|usually|often|will|would|can|could|may|might|should|must|do|does|did|not)$/;

/** Does the text before a rate tie it to each actor ("each posting", "every user sends", "users navigate")? */
interface PerActor {
  actor?: string;
  /** The count said with the subject ("30M daily users post …"). */
  counted?: number;
  /** Tied by the subject alone, with no "each" or "every": a large number is then the total. */
  bare?: boolean;
}

function perActorContext(sentence: string, upTo: number, vocab: Vocab): PerActor | null {
  const before = sentence.slice(0, upTo).toLowerCase();
  const nameOf = (noun: string) => vocab.forms.get(noun.toLowerCase())?.name ?? singular(noun);
  const QUALS = String.raw`(?:(?:daily|monthly|active|registered|online|paying|single|concurrent)\s+){0,2}`;
  // "each player", "every daily user", "Each DAU", "the typical customer", "A player finishes".
  const each = [...before.matchAll(new RegExp(String.raw`(?:\b(?:each|every|per|an average|the average|the typical|a typical)\s+${QUALS}|^\s*(?:and\s+)?(?:a|an)\s+${QUALS})(${vocab.src}|dau|mau)\b`, 'gi'))].at(-1);
  if (each) return /^(?:dau|mau)$/.test(each[1]!) ? { actor: 'user' } : { actor: nameOf(each[1]!) };
  // "2,000 stores, each processing …", "users who each upload …", "drivers, who each …".
  const named = [...before.matchAll(new RegExp(String.raw`\b(${vocab.src})\s*,?\s*(?:who\s+|which\s+|that\s+)?(?:each|all|every one)\b`, 'gi'))].at(-1);
  if (named) return { actor: nameOf(named[1]!) };
  if (/,\s*each\b|^\s*each\s+(?:of (?:them|those|these)\s+)?[a-z]+|\beach\s+(?:of (?:them|those|these)\s+)?\w+ing\b|\bthey\s+each\b|\bon average\b.*\b(?:each|every)\b/.test(before)) return {};
  // A population as the subject: "Users navigate …", "Our players open …", "30M daily users post …",
  // "3M daily active users logging 1.5 workouts", "users save 3 pins": a plural population noun and the
  // word after it, with no clause boundary between it and the rate.
  // "players check their rank 5 times a day": the population right before the verb of the rate.
  const last = new RegExp(String.raw`(?:\b${COUNT}\s*\+?\s*${QUALS})?\b(${vocab.src})\s+(?:who\s+)?(?:each\s+|all\s+|also\s+|typically\s+|usually\s+|often\s+|regularly\s+)?$`, 'i').exec(before);
  if (last && (last[2]!.toLowerCase() === 'people' || vocab.forms.get(last[2]!.toLowerCase())?.name !== last[2]!.toLowerCase())) {
    const counted = last[1] ? countOf(last[1]) : null;
    return { actor: nameOf(last[2]!), ...(counted !== null && { counted }), bare: true };
  }
  const subjects = [...before.matchAll(new RegExp(String.raw`(?:\b${COUNT}\s*\+?\s*${QUALS})?\b(${vocab.src})\s+(?:who\s+)?(?:each\s+|all\s+|also\s+|typically\s+|usually\s+|often\s+|regularly\s+)?([a-z][\w-]*)\b`, 'gi'))];
  for (const subject of subjects.reverse()) {
    const noun = subject[2]!.toLowerCase();
    const verb = subject[3]!.toLowerCase();
    const tail = before.slice(subject.index + subject[0].length);
    const plural = noun === 'people' || (noun.endsWith('s') && vocab.forms.get(noun)?.name !== noun);
    if (/[,;:]/.test(tail) || !plural || NOT_VERB.test(verb) || vocab.forms.has(verb) || countOf(verb) !== null || NOT_OPERATION.has(verb)) continue;
    // Another population in between takes the rate ("users of 400 restaurants order …").
    if (new RegExp(String.raw`\b(?:${vocab.src})\b`, 'i').test(tail)) continue;
    const counted = subject[1] ? countOf(subject[1]) : null;
    return { actor: nameOf(noun), ...(counted !== null && { counted }), bare: true };
  }
  return null;
}

function readOperations(text: string, facts: WorkloadFacts, vocab: Vocab): void {
  for (const s of sentences(text)) {
    const sent = s.text;
    const taken: [number, number][] = [];
    const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
    const take = (a: number, b: number) => taken.push([a, b]);

    // 1. "N <thing> per user per day", "N <thing> per player a day": per-actor by its own words.
    const perUser = new RegExp(String.raw`\b${NUM}\s+${PHRASE}?\s*(?:(?:per|a|each|for each)\s+(?:(?:daily|monthly|active|registered|paying)\s+){0,2}|\/\s*)(${vocab.src})\s*${PER}\s*${PERIOD}\b`, 'gi');
    let m: RegExpExecArray | null;
    while ((m = perUser.exec(sent)) !== null) {
      const n = parseNumber(m[1]!);
      const secs = periodSeconds(m[4]!);
      // With no noun of its own ("report occupancy changes, about 20 per sensor per day") the rate is
      // of what the clause before it does.
      const ph = m[2] ? phraseHead(m[2], vocab, SESSIONS) : (clauseObject(sent.slice(0, m.index), vocab) ?? { name: 'request', head: 'requests' });
      if (n === null || secs === null || !ph) continue;
      facts.operations.push({ name: ph.name, kind: kindOf(ph.head, undefined, '', vocab.forms.get(m[3]!.toLowerCase())!.name), rate: { basis: 'per-actor', perDay: (n * 86_400) / secs }, actor: vocab.forms.get(m[3]!.toLowerCase())!.name, quote: clean(m[0]), at: s.at + m.index });
      take(m.index, m.index + m[0].length);
    }

    // 2. "<verb> the <thing> N times a day", "once a day", "twice a week".
    const freq = new RegExp(String.raw`\b(\w+)\s+(?:(?:the|a|an|their|its|his|her)\s+)?((?:[a-z][\w-]*\s+){0,1}[a-z][\w-]*)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?(?:(${NUMBER_SRC})\s+times|(once|twice))\s+${PER}\s*${PERIOD}\b`, 'gi');
    while ((m = freq.exec(sent)) !== null) {
      if (!free(m.index, m.index + m[0].length)) {
        freq.lastIndex = m.index + 1;
        continue;
      }
      // "every user checks balance 6 times": the verb is the word after the population, not the population.
      const first = m[1]!.toLowerCase();
      const notVerb = NOT_VERB.test(first) || vocab.forms.has(first) || /^(?:each|every|then|also|and)$/.test(first);
      // "each user toots 4 times per day": the verb alone, with no object.
      if (notVerb && !/\s/.test(m[2]!) && !/^(?:the|a|an|their|its|his|her)\s/i.test(m[0].slice(m[1]!.length + 1))) {
        const n = m[3] ? parseNumber(m[3]) : m[4]!.toLowerCase() === 'once' ? 1 : 2;
        const secs = periodSeconds(m[5]!);
        const verb = m[2]!.toLowerCase();
        if (n !== null && secs !== null && !NOT_VERB.test(verb) && !vocab.forms.has(verb) && !NOT_OPERATION.has(verb)) {
          const ctx = perActorContext(sent, m.index + m[1]!.length + 1, vocab) ?? {};
          facts.operations.push({ name: verbLemma(verb), kind: kindOf(verb, verb, sent.slice(0, m.index)), rate: { basis: 'per-actor', perDay: (n * 86_400) / secs }, ...(ctx.actor && { actor: ctx.actor }), quote: clean(m[0].slice(m[1]!.length + 1)), at: s.at + m.index + m[1]!.length + 1 });
          take(m.index, m.index + m[0].length);
          continue;
        }
      }
      if (notVerb) {
        freq.lastIndex = m.index + m[1]!.length + 1;
        continue;
      }
      const n = m[3] ? parseNumber(m[3]) : m[4]!.toLowerCase() === 'once' ? 1 : 2;
      const secs = periodSeconds(m[5]!);
      if (n === null || secs === null) continue;
      const verb = verbLemma(first);
      const obj = m[2]!.toLowerCase().replace(/\s+(?:about|around|roughly)$/, '');
      const ctx = perActorContext(sent, m.index, vocab) ?? {};
      // "sends 0.5 payments and checks the balance 4 times a day": the first rate shares the period.
      const prior = new RegExp(String.raw`\b(\w+)\s+${NUM}\s+${PHRASE}\s+and\s+$`, 'i').exec(sent.slice(0, m.index));
      const priorN = prior ? parseNumber(prior[2]!) : null;
      const priorPh = prior ? phraseHead(prior[3]!, vocab) : null;
      if (prior && priorN !== null && priorPh && free(prior.index, m.index) && !NOT_VERB.test(prior[1]!.toLowerCase())) {
        facts.operations.push({ name: `${verbLemma(prior[1]!)} ${priorPh.name}`, kind: kindOf(priorPh.head, prior[1], sent.slice(0, prior.index)), rate: { basis: 'per-actor', perDay: (priorN * 86_400) / secs }, ...(ctx.actor && { actor: ctx.actor }), quote: clean(`${prior[0]}${m[0]}`), at: s.at + prior.index });
        take(prior.index, m.index);
      }
      facts.operations.push({ name: `${verb} the ${obj}`, kind: kindOf(obj, m[1], sent.slice(0, m.index)), rate: { basis: 'per-actor', perDay: (n * 86_400) / secs }, ...(ctx.actor && { actor: ctx.actor }), quote: clean(m[0]), at: s.at + m.index });
      take(m.index, m.index + m[0].length);
    }

    // 3. "N <thing> a day" (with "and N <thing>" before a shared period: "sends 10 emails and receives 40 emails a day").
    // The period: "per day", "a day", "/day", "/d", or an adverb after the noun ("100 messages daily").
    const rate = new RegExp(String.raw`\b(?:(\w+)\s+)?${COUNT}\s+${PHRASE}((?:(?:\s*,\s*(?:\w+\s+)?${NUMBER_SRC}\s+(?:${PHRASE_WORD}\s+){0,2}${PHRASE_WORD})*\s*,?\s+and\s+(?:\w+\s+)?${NUMBER_SRC}\s+(?:${PHRASE_WORD}\s+){0,2}${PHRASE_WORD})*)(?:\s+(?:each|apiece))?(?:\s*${PER}\s*${PERIOD}|\s*\/\s*(h|d|mo|yr|wk)|\s+(hourly|daily|weekly|monthly|yearly|annually)(?!\s+(?:active\s+|unique\s+|paying\s+)?(?:${vocab.src}|actives?)\b))\b`, 'gi');
    while ((m = rate.exec(sent)) !== null) {
      if (!free(m.index, m.index + m[0].length)) {
        rate.lastIndex = m.index + 1;
        continue;
      }
      const adverb: Record<string, number> = { hourly: 3_600, daily: 86_400, weekly: 604_800, monthly: 2_592_000, yearly: 31_536_000, annually: 31_536_000, h: 3_600, d: 86_400, mo: 2_592_000, yr: 31_536_000, wk: 604_800 };
      const secs = m[5] ? periodSeconds(m[5]) : (adverb[(m[6] ?? m[7] ?? '').toLowerCase()] ?? null);
      if (secs === null) continue;
      // Money and sizes are not operations.
      if (/[$€£]\s*$/.test(sent.slice(Math.max(0, m.index - 2), m.index + (m[1] ? m[1].length + 1 : 0)))) continue;
      const parts: { verb?: string; n: string; phrase: string; offset: number }[] = [{ ...(m[1] && { verb: m[1] }), n: m[2]!, phrase: m[3]!, offset: m.index }];
      if (m[4]) {
        const more = new RegExp(String.raw`(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(\w+)\s+)?(${NUMBER_SRC})\s+((?:${PHRASE_WORD}\s+){0,2}${PHRASE_WORD})`, 'gi');
        let k: RegExpExecArray | null;
        while ((k = more.exec(m[4])) !== null) parts.push({ ...(k[1] && { verb: k[1] }), n: k[2]!, phrase: k[3]!, offset: m.index });
      }
      // "… 2 payments a week each": the rate is per actor even when "each" comes last.
      const trailingEach = /^\s*(?:each|apiece|per (?:person|head))\b/i.test(sent.slice(m.index + m[0].length)) || /\s(?:each|apiece)\s*(?:(?:per|a|an|every)\s|\/)/i.test(m[0]);
      const ctx = perActorContext(sent, m.index + (m[1] ? m[1].length + 1 : 0), vocab) ?? (trailingEach ? {} : null);
      // A period that runs over a longer span ("5 years") without "per" is a duration, not a rate.
      if (!/\b(?:per|a|an|each|every)\s+\w+$|\/\s*\w+$|\b(?:hourly|daily|weekly|monthly|yearly|annually)$/i.test(m[0])) continue;
      const lead = `${sent.slice(Math.max(0, m.index - 60), m.index)}${m[1] ? `${m[1]} ` : ''}`.toLowerCase();
      if (NOT_LOAD_BEFORE.test(lead)) continue;
      const peak = isPeakRate(sent, m.index) || /^(?:sustain|sustains|handle|handles|withstand|absorb|peak|peaks)$/i.test(m[1] ?? '');
      let pushed = 0;
      for (const p of parts) {
        const n = countOf(p.n);
        const ph = phraseHead(p.phrase, vocab);
        if (n === null || !ph) continue;
        const verb = verbBase(p.verb);
        const name = verb && !/^(?:sustain|handle|withstand|absorb|peak|expect|get|receive|see|process|have|need|take|support|ingest|keep)$/.test(verb) ? `${verb} ${ph.name}` : ph.name;
        const kind = kindOf(ph.head, p.verb, sent.slice(0, p.offset));
        // "3,000 tenants create 1.5M tickets a month" is the total; "500k users post 2 reviews a month" is per user.
        // Tied by its subject alone, a rate of thousands or more, or not below the population the brief
        // states, is the total ("Clinicians write about 150,000 notes a day", "riders request 2 million trips").
        const known = ctx?.actor ? facts.actors.filter((a) => a.name === ctx.actor).map((a) => a.count) : [];
        const total = ctx?.bare === true && (n >= 1000 || known.some((c) => n >= c));
        const perActor = ctx && !(ctx.counted !== undefined && n >= ctx.counted) && !total;
        const op: StatedOperation = perActor && ctx
          ? { name, kind, rate: { basis: 'per-actor', perDay: (n * 86_400) / secs }, ...(ctx.actor && { actor: ctx.actor }), quote: clean(m[0]), at: s.at + m.index }
          : { name, kind, rate: { basis: 'absolute', perSecond: n / secs, peak, period: secs }, quote: clean(m[0]), at: s.at + m.index };
        facts.operations.push(op);
        pushed++;
      }
      if (pushed > 0) take(m.index, m.index + m[0].length);
    }

    // 3c. Labels and nouns before their count: "Orders: 1,000,000,000 per trading day", "writes: 1k/s",
    // "redirects 200 million a day", "Clicks arrive at 10,000 per second", "every payment (3,000 per second)",
    // "100M URLs are generated per day".
    const labelled = [
      new RegExp(String.raw`(?:^\s*|[.;,\n]\s*|^\s*[-*•]\s*|\n\s*[-*•]\s*)((?:${PHRASE_WORD}\s+){0,2}${PHRASE_WORD})\s*:\s*(?:about\s+|around\s+|roughly\s+|~\s*)?${COUNT}\s*(?:${PER}\s*(?:trading\s+|business\s+|working\s+)?${PERIOD}\b|\/\s*${PERIOD}\b)`, 'gi'),
      new RegExp(String.raw`\b(${OP_NOUNS}|(?:every|each)\s+${OP_NOUN}(?=\s*\())\s+(?:arrive|come in|happen|occur|flow in|stream in)?\s*(?:at\s+)?(?:a rate of\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?\(?\s*${COUNT}\s*(?:${PER}\s*(?:trading\s+|business\s+|working\s+)?${PERIOD}\b|\/\s*${PERIOD}\b)`, 'gi'),
      new RegExp(String.raw`\b${COUNT}\s+((?:${PHRASE_WORD}\s+){0,2}${PHRASE_WORD})\s+(?:are|is|get|gets|will be|must be)\s+(?:\w+ed|made|sent|built|done|taken|paid|bought|sold|written|read|seen|given|shown)\s*(?:${PER}\s*(?:trading\s+|business\s+|working\s+)?${PERIOD}\b|\/\s*${PERIOD}\b|(hourly|daily|weekly|monthly|yearly))`, 'gi'),
    ];
    labelled.forEach((re, form) => {
      let k: RegExpExecArray | null;
      while ((k = re.exec(sent)) !== null) {
        const [nounText, countText, unit, adverb] = form === 2 ? [k[2]!, k[1]!, k[3] ?? k[4], k[5]] : [k[1]!.replace(/^(?:every|each)\s+/i, ''), k[2]!, k[3] ?? k[4], undefined];
        if (!free(k.index, k.index + k[0].length)) continue;
        const n = countOf(countText);
        const secs = unit ? periodSeconds(unit) : adverb ? periodSeconds(adverb) : null;
        const ph = phraseHead(nounText, vocab);
        if (n === null || secs === null || !ph) continue;
        if (/[$€£]\s*$/.test(sent.slice(0, k.index + k[0].indexOf(countText)))) continue;
        if (NOT_LOAD_BEFORE.test(sent.slice(Math.max(0, k.index - 60), k.index).toLowerCase())) continue;
        const tradingDay = /trading\s+day|business\s+day|working\s+day/i.test(k[0]);
        const at = sent.indexOf(countText, k.index);
        facts.operations.push({ name: ph.name, kind: kindOf(ph.head), rate: { basis: 'absolute', perSecond: n / secs, peak: isPeakRate(sent, at), period: tradingDay ? 86_400 : secs }, quote: clean(k[0].replace(/^[.;,\s*•-]+/, '')), at: s.at + k.index });
        take(k.index, k.index + k[0].length);
      }
    });

    // 3b. "10M daily meetings", "50k monthly invoices": a count of things per period.
    const daily = new RegExp(String.raw`\b${COUNT}\s+(daily|hourly|weekly|monthly|yearly|annual)\s+${PHRASE}`, 'gi');
    while ((m = daily.exec(sent)) !== null) {
      if (!free(m.index, m.index + m[0].length)) {
        daily.lastIndex = m.index + 1;
        continue;
      }
      const n = countOf(m[1]!);
      const ph = phraseHead(m[3]!.split(/\s+(?:averaging|of|with|lasting|that|which)\b/i)[0]!, vocab, SESSIONS);
      const per = { daily: 86_400, hourly: 3_600, weekly: 604_800, monthly: 2_592_000, yearly: 31_536_000, annual: 31_536_000 }[m[2]!.toLowerCase() as 'daily'];
      if (n === null || !ph || m[3]!.toLowerCase().split(/\s+/).some((w) => vocab.forms.has(w))) continue;
      if (NOT_LOAD_BEFORE.test(sent.slice(Math.max(0, m.index - 60), m.index).toLowerCase())) continue;
      facts.operations.push({ name: ph.name, kind: kindOf(ph.head), rate: { basis: 'absolute', perSecond: n / per, peak: false, period: per }, quote: clean(m[0]), at: s.at + m.index });
      take(m.index, m.index + m[0].length);
    }

    // 4. Rates by unit: "2k rps", "500 writes/s", "10,000 IDs per second" is above; "5k req/s".
    const unit = new RegExp(String.raw`\b${NUM}\s*(rps|qps|tps|wps|req\/s|reqs\/s|requests\/s|writes\/s|reads\/s|ops\/s|msg\/s|msgs\/s|messages\/s|events\/s|queries\/s)\b`, 'gi');
    while ((m = unit.exec(sent)) !== null) {
      if (!free(m.index, m.index + m[0].length)) {
        unit.lastIndex = m.index + 1;
        continue;
      }
      const n = parseNumber(m[1]!);
      if (n === null) continue;
      if (NOT_LOAD_BEFORE.test(sent.slice(Math.max(0, m.index - 60), m.index).toLowerCase())) continue;
      const u = m[2]!.toLowerCase();
      const kind: OpKind | 'total' = /^(?:wps|writes|msg|messages|events|tps)/.test(u) ? 'write' : /^(?:reads|queries)/.test(u) ? 'read' : 'total';
      // A total request rate ("2k rps") is the whole API, not one operation: the scale reader takes it.
      if (kind === 'total') continue;
      const name = kind === 'write' ? (/^(?:msg|messages)/.test(u) ? 'message' : /^events/.test(u) ? 'event' : /^tps/.test(u) ? 'transaction' : 'write') : kind === 'read' ? (/^queries/.test(u) ? 'query' : 'read') : 'request';
      facts.operations.push({ name, kind, rate: { basis: 'absolute', perSecond: n, peak: isPeakRate(sent, m.index), period: 1 }, quote: clean(m[0]), at: s.at + m.index });
      take(m.index, m.index + m[0].length);
    }

    // 5. Intervals: "location every 5 seconds", "one request every 15 seconds", "reports every minute".
    const every = new RegExp(String.raw`\b(?:every|each)\s+(?:(${NUMBER_SRC}|few|couple of)\s*)?(ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?)\b`, 'gi');
    const intervals: { seconds: number; name: string; idx: number; len: number; good: boolean }[] = [];
    while ((m = every.exec(sent)) !== null) {
      if (!free(m.index, m.index + m[0].length)) {
        every.lastIndex = m.index + 1;
        continue;
      }
      const n = m[1] ? (/few|couple/i.test(m[1]) ? null : parseNumber(m[1])) : 1;
      const unitSecs = /^(?:ms|milliseconds?)$/i.test(m[2]!) ? 0.001 : periodSeconds(m[2]!);
      if (n === null || unitSecs === null || n <= 0) continue;
      const before = sent.slice(Math.max(0, m.index - 60), m.index).toLowerCase();
      if (/\b(?:refresh|refreshes|poll|polls|rotate|rotates|expire|expires|backup|backed|retr(?:y|ies)|cron|run|runs|job)\w*\b[^,]*$/.test(before)) continue;
      const name = intervalName(before, vocab);
      const reported = REPORTED.exec(before);
      if (!name) continue;
      intervals.push({ seconds: n * unitSecs, name, idx: m.index, len: m[0].length, good: /request|upload|update|ping|report|heartbeat/.test(name) || Boolean(reported) });
    }
    // "take a GPS fix every second but upload them every 15 seconds": the upload is what reaches the system.
    const chosen = intervals.length > 1 ? (intervals.filter((i) => i.good && /request|upload/.test(i.name)).at(-1) ?? intervals.at(-1)!) : intervals[0];
    if (chosen) {
      const ctx = perActorContext(sent, chosen.idx, vocab);
      const actor = ctx?.actor ?? nearestActorBefore(facts, s.at + chosen.idx)?.name;
      facts.operations.push({ name: chosen.name, kind: 'write', rate: { basis: 'interval', seconds: chosen.seconds }, ...(actor && { actor }), quote: clean(sent.slice(Math.max(0, chosen.idx - 40), chosen.idx + chosen.len).replace(/^\S*\s/, '')), at: s.at + chosen.idx });
    }
  }
}

/** Verbs of sending something on a timer. */
const REPORTED = /\b(report|send|sends|ping|pings|emit|emits|publish|publishes|upload|uploads|post|posts|push|pushes|transmit|transmits|stream)\w*\b/;

/** Things sent on a timer that name their operation by a fixed phrase. */
const INTERVAL_NOUNS = /\b(location(?: update)?|position|gps fix|gps|coordinates|heartbeat|reading|measurement|ping|request|update|metric|sample|event|report|telemetry|status|score|snapshot)s?\b/g;
const LOCATION = /^(?:location|position|gps|gps fix|gps position|coordinates|location update|position update|gps update)$/;

/**
 * The operation sent on a timer, from the words before "every": "each sends a message" → message,
 * "cameras upload a clip" → clip, "update their location" → location update, "pinging" → ping,
 * "devices report" → report. Null when nothing is sent ("the cache refreshes").
 */
function intervalName(before: string, vocab: Vocab): string | null {
  const DET = String.raw`(?:a|an|one|1|their|its|his|her|the|new|single|fresh|small)`;
  const obj = new RegExp(String.raw`\b([a-z][\w-]*)\s+(?:${DET}\s+)?([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*$`, 'u').exec(before);
  if (obj) {
    const verb = obj[1]!;
    const words = obj[2]!.split(/\s+/);
    const head = words.at(-1)!;
    const verbish = !NOT_VERB.test(verb) && !vocab.forms.has(verb) && countOf(verb) === null && !/^(?:a|an|one|their|its|his|her|the|new|single)$/.test(verb);
    if (verbish && !words.some((w) => NOT_VERB.test(w) || vocab.forms.has(w) || NOT_OPERATION.has(w) || countOf(w) !== null)) {
      const phrase = words.map((w, i) => (i === words.length - 1 ? singular(w) : w)).join(' ');
      if (LOCATION.test(phrase) || LOCATION.test(head)) return 'location update';
      return phrase;
    }
  }
  // "40k tables, a hand every 45 seconds": a thing with no verb, after a comma.
  const bareThing = /(?:^|[,;:(]\s*)(?:a|an|one|1)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s*$/u.exec(before);
  if (bareThing && !bareThing[1]!.split(/\s+/).some((w) => NOT_VERB.test(w) || vocab.forms.has(w) || NOT_OPERATION.has(w))) {
    const phrase = singular(bareThing[1]!);
    return LOCATION.test(phrase) ? 'location update' : phrase;
  }
  const nouns = [...before.matchAll(INTERVAL_NOUNS)];
  const noun = nouns.at(-1);
  if (noun) return LOCATION.test(noun[1]!) ? 'location update' : noun[1]!;
  // A verb on its own: "pinging every 4 seconds", "stations measuring every 30 seconds", "devices report".
  const last = /\b([a-z]+(?:ing|s|e|t))\s*$/.exec(before)?.[1];
  if (last && !NOT_VERB.test(last) && !vocab.forms.has(last) && !NOT_OPERATION.has(last)) {
    if (/^(?:report|send|sends|emit|emits|publish|publishes|transmit|transmits|push|pushes|reporting|sending|emitting|publishing|transmitting|pushing|reports)$/.test(last)) return 'report';
    return verbLemma(last);
  }
  return REPORTED.test(before) ? 'report' : null;
}

/** The verb and object just before a bare rate: "sensors report occupancy changes, about" → "report occupancy change". */
function clauseObject(before: string, vocab: Vocab): { name: string; head: string } | null {
  // "Posts: 0.3 per daily user per day": the label names it.
  const label = /(?:^|[.;\n]\s*|^\s*[-*•]\s*)([a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*:\s*$/iu.exec(before);
  if (label) return phraseHead(label[1]!, vocab);
  const m = /\b([a-z][\w-]*)\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s*,?\s*(?:about|around|roughly|approximately|some|~)?\s*$/iu.exec(before);
  if (!m) return null;
  const verb = m[1]!.toLowerCase();
  const ph = phraseHead(m[2]!, vocab);
  if (!ph || NOT_VERB.test(verb) || vocab.forms.has(verb) || countOf(verb) !== null) return null;
  return { name: `${verbLemma(verb)} ${ph.name}`, head: ph.head };
}

function nearestActorBefore(facts: WorkloadFacts, at: number): StatedActor | undefined {
  return facts.actors.filter((a) => a.at <= at).sort((a, b) => b.at - a.at)[0];
}

function isPeakRate(sentence: string, idx: number): boolean {
  const before = sentence.slice(Math.max(0, idx - 40), idx).toLowerCase();
  const after = sentence.slice(idx, idx + 80).toLowerCase();
  // "300 clicks per second on average, 3x at peak", "3,000 messages/s, 5x at peak": the rate is the average and the peak a factor of it.
  if (/\b(?:on average|average|avg|typically|normally)\s*$/.test(before) || /^[^,;]*?\bon average\b/.test(after)) return false;
  const factorAfter = /^[^;]*?(?:,|\band\b)\s*(?:about\s+|around\s+|up to\s+)?\d+(?:\.\d+)?\s*(?:x|×|times)\s+(?:that\s+|this\s+)?(?:at|during|in|on)\s+(?:the\s+)?peaks?\b/.test(after);
  if (factorAfter) return false;
  return /\b(?:peak|peaks|spike|spikes|burst|bursts|max|maximum|busiest|sustain|sustains|withstand|handle up to|up to)\b[^,]*$/.test(before) || /\bat (?:the )?peak\b/.test(after);
}

// ------------------------------------------------------------------ shape

function readShape(text: string, facts: WorkloadFacts): void {
  let m: RegExpExecArray | null;
  // Reads per write: "10 reads per write", "10:1 reads", "read:write 10:1", "reads outnumber writes 10 to 1".
  m =
    new RegExp(String.raw`\b${NUM}\s+(?:reads?|lookups?|views?|redirects?|visits?|clicks?|fetches|opens?|downloads?)\s+(?:per|for (?:each|every)|to (?:each|every|one)|on (?:each|every)|a)\s+(?:new\s+|single\s+)?(?!(?:second|minute|hour|day|week|month|year|user|person|customer)s?\b)[a-z][\w-]*\b`, 'i').exec(text) ??
    new RegExp(String.raw`\b(?:each|every|a|the average|the typical)\s+(?:new\s+)?[a-z][\w-]*\s+(?:is|gets|will be)\s+(?:read|viewed|opened|clicked|visited|watched|seen|fetched|downloaded|accessed|redirected|requested)\s+(?:by\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?${NUM}(?:\s+(?:times|followers|people|users|readers|viewers|subscribers|members|recipients))?\b`, 'i').exec(text) ??
    new RegExp(String.raw`\b${NUM}\s*:\s*1\s+(?:reads?|read[:/ -]write|read-to-write|read to write|ratio of reads)`, 'i').exec(text) ??
    new RegExp(String.raw`\b(?:read\s*[:/-]\s*write|read-to-write|read to write|reads? to writes?)(?:\s+ratio)?(?:\s+(?:of|is|=|around|about))?\s*${NUM}\s*(?::|to)\s*1\b`, 'i').exec(text) ??
    new RegExp(String.raw`\b${NUM}\s*(?:x|×|times)\s+(?:more\s+)?reads?\s+than\s+writes?`, 'i').exec(text) ??
    new RegExp(String.raw`\breads?\s+outnumber\s+writes?\s+(?:by\s+)?${NUM}\s*(?:to|:)\s*1`, 'i').exec(text);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n !== null && n > 0) facts.readsPerWrite = { value: n, quote: clean(m[0]) };
  }
  // "1 booking for every 500 searches": writes per reads.
  m = new RegExp(String.raw`\b${NUM}\s+([a-z][\w-]*?)s?\s+(?:for|per|to)\s+(?:every|each)\s+${NUM}\s+(searches|views|reads|lookups|visits|page ?views|queries|impressions)\b`, 'i').exec(text);
  if (m && !facts.readsPerWrite) {
    const w = parseNumber(m[1]!);
    const r = parseNumber(m[3]!);
    if (w !== null && r !== null && w > 0 && r > 0) facts.writesPerRead = { value: w / r, write: singular(m[2]!), read: singular(m[4]!), quote: clean(m[0]) };
  }
  // Trading or business hours: "09:30 to 16:00", "9am-5pm", "a 6.5-hour trading day".
  m = /\b([01]?\d|2[0-3])(?::([0-5]\d))?\s*(am|pm)?\s*(?:to|-|–|until|till)\s*([01]?\d|2[0-3])(?::([0-5]\d))?\s*(am|pm)?\b/iu.exec(text);
  if (m && /trading|business|office|opening|open|market|hours|session/i.test(text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 30))) {
    const toH = (h: string, min: string | undefined, ap: string | undefined) => {
      let hh = Number(h) % 24;
      if (ap?.toLowerCase() === 'pm' && hh < 12) hh += 12;
      if (ap?.toLowerCase() === 'am' && hh === 12) hh = 0;
      return hh + Number(min ?? 0) / 60;
    };
    const start = toH(m[1]!, m[2], m[3]);
    const end = toH(m[4]!, m[5], m[6] ?? (m[3] && Number(m[4]) < Number(m[1]) ? 'pm' : undefined));
    const hours = end > start ? end - start : 0;
    if (hours > 0 && hours < 24 && (m[2] !== undefined || m[3] !== undefined || m[6] !== undefined)) facts.activeWindow = { seconds: hours * 3600, quote: clean(m[0]) };
  }
  m = new RegExp(String.raw`\b${NUM}[- ]hours?\s+(?:trading|business|working|operating)\s+(?:day|session|window)`, 'i').exec(text) ??
    // "The market is open 6.5 hours a day", "trades for 7 hours each day".
    new RegExp(String.raw`\b(?:is\s+open|open|opens for|trades?|trading|operates?)\s+(?:for\s+)?(?:about\s+|around\s+)?${NUM}\s*hours?\s+(?:a|per|each|every)\s+(?:trading\s+)?day\b`, 'i').exec(text);
  if (m && !facts.activeWindow) {
    const h = parseNumber(m[1]!);
    if (h !== null && h > 0 && h < 24) facts.activeWindow = { seconds: h * 3600, quote: clean(m[0]) };
  }
  // Activity time: "navigate about 35 minutes per week", "spend 2 hours a day".
  m = new RegExp(String.raw`\b(?:spends?|spend|navigate|navigates|use it|uses it|watch|watches|listen|listens|play|plays|drive|drives|are active)\s+(?:for\s+)?(?:about\s+|around\s+|roughly\s+|~\s*)?${NUM}\s+(minutes?|mins?|hours?)\s+${PER}\s*(days?|weeks?|months?)\b`, 'i').exec(text);
  if (m) {
    const n = parseNumber(m[1]!);
    const unit = periodSeconds(m[2]!);
    const per = periodSeconds(m[3]!);
    if (n !== null && unit !== null && per !== null) facts.activity = { secondsPerDay: (n * unit * 86_400) / per, quote: clean(m[0]) };
  }
  // Fan-out: "the average user has 400 friends", "400 followers on average", "groups of up to 50 members".
  m =
    new RegExp(String.raw`\b(?:average|typical|each|every)\s+(?:${ACTOR_SRC})\s+has\s+(?:about\s+|around\s+|~\s*)?${NUM}\s+(friends|followers|contacts|connections|subscribers|members|recipients)\b`, 'i').exec(text) ??
    new RegExp(String.raw`\b${NUM}\s+(friends|followers|contacts|connections|subscribers|recipients)\s+(?:each\s+)?on average\b`, 'i').exec(text) ??
    ((k) => (k ? Object.assign([k[0], k[2], k[1]], { index: k.index, input: k.input }) as RegExpExecArray : null))(new RegExp(String.raw`\b(friends|followers|contacts|connections|subscribers)\s+per\s+(?:${ACTOR_SRC})\s+(?:average|averages|is|are|of|:|=|~)?\s*(?:about\s+|around\s+)?${NUM}\b`, 'i').exec(text)) ??
    new RegExp(String.raw`\b(?:groups?|channels?|rooms?|chats?)\s+of\s+(?:up to\s+|about\s+)?${NUM}\s+(members|people|participants|users)\b`, 'i').exec(text);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n !== null && n > 0) facts.fanout = { degree: n, noun: m[2]!.toLowerCase(), quote: clean(m[0]) };
  }
  // Rows touched per write: "each transfer updates two accounts", "every order touches 3 tables".
  m = /\b(?:each|every)\s+\w+\s+(?:updates|touches|debits and credits|changes|writes to|moves money between)\s+(two|three|four|\d+)\s+(?:accounts|wallets|balances|rows|records|tables|ledgers)\b/iu.exec(text);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n !== null && n > 1) facts.legs = { value: n, quote: clean(m[0]) };
  }
  // Sizes of things: "pages average 500 KB", "each email carries about 50 KB of metadata", "a 2 KB message".
  const size = String.raw`(${NUMBER_SRC})\s*(bytes?|[kmgt]i?b|kilobytes?|megabytes?|gigabytes?)\b`;
  const sizeRes = [
    new RegExp(String.raw`\b(?:each|every|an?|the|one|per)\s+(?:average\s+|typical\s+)?((?:[a-z][\w-]*\s+)?[a-z][\w-]*)\s+(?:carries|has|holds|is|weighs|averages|takes|contains|uses)\s+(?:about\s+|around\s+|roughly\s+|~\s*|up to\s+)?${size}`, 'gi'),
    new RegExp(String.raw`\b([a-z][\w-]*?)s?\s+(?:average|averaging|are|weigh|take up|run)\s+(?:about\s+|around\s+|roughly\s+|~\s*)?${size}`, 'gi'),
    new RegExp(String.raw`\b(?:an?|each)\s+${size}\s+((?:[a-z][\w-]*\s+)?[a-z][\w-]*)`, 'gi'),
  ];
  sizeRes.forEach((re, i) => {
    let k: RegExpExecArray | null;
    while ((k = re.exec(text)) !== null) {
      const noun = i === 2 ? k[3]! : k[1]!;
      const bytes = parseBytesLoose(i === 2 ? k[1]! : k[2]!, i === 2 ? k[2]! : k[3]!);
      if (bytes === null) continue;
      facts.sizes.push({ noun: singular(noun.trim().split(/\s+/).at(-1)!), bytes, quote: clean(k[0]) });
    }
  });
  // "each machine exposes about 100 metrics", "every sensor has 20 channels".
  m = new RegExp(String.raw`\b(?:each|every|a|per)\s+(?:single\s+)?(${ACTOR_SRC})\s+(?:exposes|emits|reports|has|publishes|produces|tracks|exports|sends)\s+(?:about\s+|around\s+|roughly\s+|~\s*|up to\s+)?${NUM}\s+((?:custom\s+|distinct\s+|different\s+)?(?:metrics|time series|series|counters|gauges|signals|channels|data points|readings|measurements|values|fields|tags))\b`, 'i').exec(text);
  if (m) {
    const n = parseNumber(m[2]!);
    if (n !== null && n > 0) facts.perActorItems = { actor: ACTOR_FORMS.get(m[1]!.toLowerCase())!.name, count: n, noun: m[3]!.toLowerCase().replace(/^(?:custom|distinct|different)\s+/, ''), quote: clean(m[0]) };
  }
  // "a (cloud relational) database node handles about 1,000 TPS".
  m = new RegExp(String.raw`\b(?:database|db|postgres(?:ql)?|mysql|sql)\s+(?:node|server|instance|primary)\s+(?:handles|does|can do|can handle|sustains|takes|manages)\s+(?:about\s+|around\s+|roughly\s+|~\s*|up to\s+)?${NUM}\s*(?:tps|transactions|writes|qps|queries|ops)`, 'i').exec(text);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n !== null && n > 0) facts.dbNodeTps = { value: n, quote: clean(m[0]) };
  }
}

function parseBytesLoose(n: string, unit: string): number | null {
  const v = parseNumber(n);
  const u = unit.toLowerCase();
  const mult: Record<string, number> = { b: 1, byte: 1, bytes: 1, kb: 1e3, kib: 1024, kilobyte: 1e3, kilobytes: 1e3, mb: 1e6, mib: 1024 ** 2, megabyte: 1e6, megabytes: 1e6, gb: 1e9, gib: 1024 ** 3, gigabyte: 1e9, gigabytes: 1e9, tb: 1e12, tib: 1024 ** 4 };
  return v === null || mult[u] === undefined ? null : v * mult[u]!;
}

/** Read the actors, operations and shape of the workload from free text. */
export function readWorkload(text: string): WorkloadFacts {
  const facts: WorkloadFacts = { actors: [], operations: [], sizes: [] };
  const vocab = vocabOf(text);
  readActors(text, facts, vocab);
  readOperations(text, facts, vocab);
  readShape(text, facts);
  return facts;
}

