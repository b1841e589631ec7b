import { describe, expect, it } from 'vitest';
import { ARCHETYPES, detectArchetype, generic } from '../../src/knowledge/archetypes/index.js';
import { CLASSIFIED_BRIEFS, GENERIC_BRIEFS } from './briefs.js';

describe('detectArchetype: briefs as people write them', () => {
  it.each(CLASSIFIED_BRIEFS.map(([brief, id]) => [id, brief] as const))('%s <- %s', (id, brief) => {
    const m = detectArchetype(brief);
    expect(m.archetype.id).toBe(id);
    expect(m.score).toBeGreaterThan(0);
    expect(m.matched.length).toBeGreaterThan(0);
  });

  it.each(GENERIC_BRIEFS.map((b) => [b]))('generic <- %s', (brief) => {
    const m = detectArchetype(brief);
    expect(m.archetype.id).toBe(generic.id);
    expect(m.score).toBe(0);
    expect(m.matched).toEqual([]);
  });

  it('has at least three briefs for every archetype', () => {
    for (const a of ARCHETYPES) {
      const n = CLASSIFIED_BRIEFS.filter(([, id]) => id === a.id).length;
      expect(n, a.id).toBeGreaterThanOrEqual(3);
    }
    expect(GENERIC_BRIEFS.length).toBeGreaterThanOrEqual(3);
  });

  it('ignores case and surrounding punctuation', () => {
    for (const [brief, id] of CLASSIFIED_BRIEFS) {
      expect(detectArchetype(brief.toUpperCase()).archetype.id, brief).toBe(id);
      expect(detectArchetype(`"${brief}"`).archetype.id, brief).toBe(id);
    }
  });

  it('wins on the main purpose, not a secondary feature', () => {
    // Each of these names a feature that is another archetype's keyword.
    expect(detectArchetype('A chat app like WhatsApp with push notifications for offline users.').archetype.id).toBe('chat');
    expect(detectArchetype('A URL shortener like bit.ly with custom aliases and click analytics.').archetype.id).toBe('url-shortener');
    expect(detectArchetype('Backend for a Shopify-like storefront with payments via Stripe.').archetype.id).toBe('ecommerce');
    expect(detectArchetype('Hotel reservation platform with online payments.').archetype.id).toBe('booking');
  });

  it('reports the matched phrases, heaviest first', () => {
    const m = detectArchetype('Uber-like ride-hailing app matching riders with nearby drivers.');
    expect(m.archetype.id).toBe('ride-hailing');
    // Weight 3 phrases first (alphabetical among equals), then the weight 2 and 1 words.
    expect(m.matched).toEqual(['nearby driver', 'ride-hailing', 'uber', 'rider', 'driver', 'nearby']);
  });
});
