import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/index.js';
import { briefFromText, resolve } from '../../src/brief/index.js';
import { describeCosts, shardKeys } from '../../src/plan/shard-keys.js';

const entitiesOf = (brief: string) => plan(resolve(briefFromText(brief))).entities;

describe('shard keys come from the access patterns of the heaviest tables', () => {
  it('a URL shortener keys links by the short code the redirect reads, not by owner', () => {
    const keys = shardKeys(entitiesOf('URL shortener, 100M new links a month, 10:1 reads'));
    const links = keys.find((k) => k.table === 'links');
    expect(links?.field).toBe('code');
    expect(links?.share).toBeGreaterThan(0.9);
    // The owner's dashboard list does not carry the key: it is named as a scatter read.
    expect(links?.scatter.some((s) => /user's links/.test(s.description))).toBe(true);
  });

  it('chat keys messages by conversation, so a conversation is never split', () => {
    const keys = shardKeys(entitiesOf('A real-time chat system for 2M daily users; each sends 40 messages a day'));
    expect(keys[0]).toMatchObject({ table: 'messages', field: 'conversation_id' });
  });

  it('a payment between two accounts and the postings of a journal entry are named as cross-shard writes', () => {
    const keys = shardKeys(entitiesOf('Payment platform processing 5M payments a day between customer accounts, PCI-DSS'), { atomic: true });
    const payments = keys.find((k) => k.table === 'payments');
    const ledger = keys.find((k) => k.table === 'ledger_entries');
    expect(payments?.crossShard.length ?? 0).toBeGreaterThan(0);
    expect(ledger?.groupedBy).toContain('journal_entry_id');
    const costs = describeCosts(keys).join(' ');
    expect(costs).toMatch(/saga/);
    expect(costs).toMatch(/journal entry are written in one transaction/);
  });

  it('is deterministic and empty without entities', () => {
    expect(shardKeys([])).toEqual([]);
    const e = entitiesOf('URL shortener, 100M new links a month');
    expect(shardKeys(e)).toEqual(shardKeys(e));
  });
});
