import { formatNumber } from './units.js';
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { ArchieError } from '../errors.js';
import { decodeText, MiB, readTextFile } from '../util/input.js';
import { extractFromText } from './extract.js';
import { detectArchetype } from '../knowledge/archetypes/index.js';
import type { BriefInput } from './input.js';

export { resolve, type Resolved } from './resolve.js';
export type { BriefInput } from './input.js';
export { extractFromText } from './extract.js';

/** A brief file is at most 1 MiB; a free-text brief at most 64 KiB. Real briefs are a few KB. */
export const MAX_BRIEF_FILE_BYTES = 1 * MiB;
export const MAX_BRIEF_TEXT_CHARS = 64 * 1024;

const BRIEF_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Words that say the text is about software at all; without any, it is not a brief. */
const SYSTEM_WORDS = /\b(app|apps|application|api|apis|service|services|system|platform|backend|back-end|website|site|web|store|shop|tool|product|users?|customers?|data|database|server|mobile|saas|portal|marketplace|dashboard|chat|feed|stream|bot|devices?|sensors?)\b/i;

/** Is this argument a path to a brief file rather than the brief itself? */
export function looksLikeBriefPath(arg: string): boolean {
  if (arg.includes('\n') || arg.length > 4096) return false;
  if (BRIEF_EXTENSIONS.has(extname(arg).toLowerCase())) return true;
  try {
    // A device, FIFO or socket named on purpose ("/dev/zero") is a path the reader refuses, not brief text.
    return existsSync(arg) && (statSync(arg).isFile() || (!statSync(arg).isDirectory() && /[/\\]/.test(arg)));
  } catch {
    return false;
  }
}

/** Read a brief from a file path (YAML/JSON, or .txt/.md read as free text) or from the text itself. */
export async function readBrief(arg: string): Promise<BriefInput> {
  if (looksLikeBriefPath(arg)) {
    const text = await readTextFile(arg, { maxBytes: MAX_BRIEF_FILE_BYTES, what: 'brief' });
    const ext = extname(arg).toLowerCase();
    if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
      // Loaded only for file briefs: the YAML parser and the schema validator are the heaviest imports.
      const { parseBriefFile } = await import('./file.js');
      return parseBriefFile(text, arg);
    }
    return briefFromText(text, arg);
  }
  return briefFromText(arg, 'brief');
}

/** Validate free text and extract what it states. */
export function briefFromText(text: string, where = 'brief'): BriefInput {
  const bytes = new TextEncoder().encode(text);
  const clean = decodeText(bytes, where, { maxBytes: MAX_BRIEF_FILE_BYTES, what: 'brief' });
  if (clean.length > MAX_BRIEF_TEXT_CHARS) {
    throw new ArchieError('INPUT', `the brief is ${formatNumber(clean.length)} characters; archie reads briefs up to ${formatNumber(MAX_BRIEF_TEXT_CHARS)}`, {
      path: where,
      hint: 'keep the brief to the requirements (a page or two); put long specifications in a YAML brief\'s fields',
    });
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(clean)) {
    throw new ArchieError('INPUT', 'the brief contains control characters; it looks like binary data', { path: where, hint: 'pass plain text or a YAML brief' });
  }
  checkNumbers(clean, where);
  const input = extractFromText(clean.trim());
  // A brief names a kind of system, asks for one ("Design Uber"), or states a fact; only text with none of these is refused.
  if (!input.refusal && !SYSTEM_WORDS.test(clean) && !hasFacts(input) && !ASKS_FOR_A_DESIGN.test(clean) && detectArchetype(clean).score === 0) {
    throw new ArchieError('INPUT', 'the brief does not describe a system: archie found no kind of system, product, users, traffic or requirements in it', {
      path: where,
      hint: 'say what the system does and for whom, e.g. "a real-time chat system for 2M daily users, team of 6, GDPR"',
    });
  }
  return input;
}

const QUANTITY_NOUN = String.raw`(?:\s*(?:k|m|b|bn|thousand|million|billion))?\s*(?:(?:daily|monthly|concurrent|active|registered|new)\s+)*(?:users?|people|customers?|players?|devices?|sensors?|drivers?|riders?|employees?|tenants?|members?|requests?|req|rps|qps|tps|writes?|reads?|messages?|events?|orders?|transactions?|ms|milliseconds?|seconds?|gb|tb|mb|kb|engineers?|developers?|per\b|\/|a\s+(?:day|month|second|minute|hour|year)|%)`;

/**
 * Numbers that cannot be amounts are errors naming the words, never a silent default: a negative
 * count or budget, NaN or Infinity, hexadecimal.
 */
function checkNumbers(text: string, where: string): void {
  const bad = (quote: string, why: string, hint: string): never => {
    throw new ArchieError('INVALID', `"${quote.trim()}" ${why}`, { path: where, hint });
  };
  // A minus sign touches its number ("-5 users", "$-5000"); "- 50M daily users" is a list bullet.
  const neg = new RegExp(String.raw`(?:^|[\s(:=,])(?:[$€£]\s?)?[-−‒–](?:[$€£]\s?)?\d[\d,._]*(?:\.\d+)?${QUANTITY_NOUN}`, 'iu').exec(text);
  if (neg) bad(neg[0], 'is a negative amount', 'counts, rates, sizes and budgets are positive numbers: remove the minus sign');
  const nan = new RegExp(String.raw`\b(?:NaN|Infinity|Inf|infinite|∞)${QUANTITY_NOUN}`, 'iu').exec(text);
  if (nan) bad(nan[0], 'is not a number archie can size a system for', 'give a finite number, e.g. "2M users"');
  const hex = new RegExp(String.raw`\b0x[0-9a-f]+${QUANTITY_NOUN}`, 'iu').exec(text);
  if (hex) bad(hex[0], 'is a hexadecimal number, not a count', 'write the count in decimal, e.g. "4 billion users"');
  const sci = new RegExp(String.raw`\b\d+(?:\.\d+)?e[+-]?(\d+)${QUANTITY_NOUN}`, 'iu').exec(text);
  if (sci && Number(sci[1]) > 12) bad(sci[0], 'is far beyond any real system', 'check the number: 1e9 is a billion');
}

/** "Design Uber", "build me a web crawler", "architect a unique ID generator": a request for a design, whatever the product. */
const ASKS_FOR_A_DESIGN = /^\s*(?:please\s+)?(?:(?:can|could)\s+you\s+)?(?:help\s+(?:me\s+)?)?(?:design|build|architect|create|develop|implement|make|sketch|plan|scale)\s+(?:me\s+)?(?:an?\s+|the\s+|our\s+)?[\p{L}\p{N}][\p{L}\p{N}'’.-]*/iu;

function hasFacts(input: BriefInput): boolean {
  return Boolean(
    input.dau || input.mau || input.concurrentUsers || input.avgRps || input.peakRps || input.writesPerSecond || input.regulations.length || input.teamSize || input.functional.length ||
      input.workload?.actors.length || input.workload?.operations.length,
  );
}
