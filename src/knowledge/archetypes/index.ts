import type { Archetype } from './_types.js';
import { analytics } from './analytics.js';
import { booking } from './booking.js';
import { chat } from './chat.js';
import { cms } from './cms.js';
import { ecommerce } from './ecommerce.js';
import { fileStorage } from './file-storage.js';
import { generic } from './generic.js';
import { iotTelemetry } from './iot-telemetry.js';
import { leaderboard } from './leaderboard.js';
import { notifications } from './notifications.js';
import { pastebin } from './pastebin.js';
import { payments } from './payments.js';
import { rideHailing } from './ride-hailing.js';
import { saas } from './saas.js';
import { search } from './search.js';
import { socialFeed } from './social-feed.js';
import { urlShortener } from './url-shortener.js';
import { videoStreaming } from './video-streaming.js';
import { byCodeUnit } from '../../util/compare.js';

/**
 * Every archetype archie knows, in the order ties are broken. `generic` is the fallback and is
 * not matched by keywords.
 */
export const ARCHETYPES: readonly Archetype[] = [
  chat, ecommerce, socialFeed, urlShortener, pastebin, fileStorage, videoStreaming, rideHailing, payments, booking,
  iotTelemetry, analytics, search, notifications, saas, cms, leaderboard,
];

export { generic };
export type { Archetype } from './_types.js';

export interface ArchetypeMatch {
  archetype: Archetype;
  score: number;
  /** The phrases of the brief that matched, in order of weight. */
  matched: string[];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Score every archetype against the text; the best positive score wins, else the generic fallback. */
export function detectArchetype(text: string): ArchetypeMatch {
  const lower = text.toLowerCase();
  let best: ArchetypeMatch = { archetype: generic, score: 0, matched: [] };
  for (const a of ARCHETYPES) {
    let score = 0;
    const matched: Array<[string, number]> = [];
    for (const [phrase, weight] of a.keywords) {
      // Whole words, allowing a plural or verb ending: "chat" matches "chats", "chatting" is its own keyword.
      const re = new RegExp(`(?:^|[^a-z0-9])${escapeRe(phrase)}(?:s|es)?(?=$|[^a-z0-9])`);
      if (re.test(lower)) {
        score += weight;
        matched.push([phrase, weight]);
      }
    }
    if (score > best.score) {
      best = { archetype: a, score, matched: matched.sort((x, y) => y[1] - x[1] || byCodeUnit(x[0], y[0])).map(([p]) => p) };
    }
  }
  return best;
}

export function archetypeById(id: string): Archetype | undefined {
  if (id === generic.id) return generic;
  return ARCHETYPES.find((a) => a.id === id);
}
