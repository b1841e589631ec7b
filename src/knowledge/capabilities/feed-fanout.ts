import { n } from '../../plan/decisions/_util.js';
import { assumed, cite, peakRate, ps, stated } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Above this many followers one post is a celebrity's: pushing it would write this many timelines at once. */
export const CELEBRITY_FOLLOWERS = 10_000;
/** Post ids kept per home timeline in the cache (older pages come from the posts store). */
const TIMELINE_LENGTH = 800;

interface FeedNumbers {
  posts: Reading;
  feedReads: Reading;
  followers: Reading;
  maxFollowers: Reading;
  dau: number;
}

const MAX_WORDS = /(?:celebrit|famous|influencer|top|most|largest|biggest|popular|up to|as many as|max|some|few|star)/;

/** Home feeds built from the accounts a user follows: push the post to followers' timelines, or pull at read time. */
export const feedFanout: Capability<FeedNumbers> = {
  id: 'feed-fanout',
  name: 'Fan-out feed',
  evidence: {
    terms: [
      ['news feed', 1.5], ['social network', 1], ['social media', 1], ['home feed', 1.5], ['home timeline', 1.5], ['timeline', 0.6], ['feed', 0.4], ['followers', 0.6], ['follow', 0.5],
      ['following', 0.4], ['fan-out', 1], ['fanout', 1], ['tweet', 1], ['twitter', 2], ['instagram', 1.5], ['celebrit*', 0.5], ['retweet', 0.8],
    ],
    operations: [/\b(?:tweet|post|publish|share)\b/, /\b(?:feed|timeline)\b/],
  },
  decision: {
    id: 'feed-fanout',
    title: 'Feed fan-out',
    question: 'Is a post pushed into its followers\' home timelines when written, or are timelines assembled when read?',
    numbers(input) {
      const posts = peakRate(input, /\b(?:tweet|post|publish|share|status)\b/, 'write');
      const feedReads = peakRate(input, /\b(?:feed|timeline|home)\b/, 'read');
      const op = input.ctx.req.workload.operations.find((o) => o.fanout !== null && o.kind === 'write');
      const numbers = stated(input, String.raw`# (?:followers|friends|connections|subscribers)`, String.raw`follows? (?:about |around |roughly |an average of |on average )?# (?:people|accounts|users|others)`);
      const maxes = numbers.filter((s) => MAX_WORDS.test(s.before));
      const avgs = numbers.filter((s) => !MAX_WORDS.test(s.before));
      const followers: Reading = op
        ? { value: op.fanout!, source: 'workload', from: `the workload's fan-out of "${op.name}"` }
        : avgs.length
          ? { value: avgs[0]!.value, source: 'stated', from: `"${avgs[0]!.quote}"` }
          : assumed(input, 'capabilities.feed-fanout.followers', 'Followers per account (average)', 200, 'followers', 'a typical average for a social network; the brief does not say', 'followers: 200 — or "each user has 200 followers"');
      const dau = input.ctx.req.scale.dau.value;
      const top = [...maxes, ...avgs].reduce<{ value: number; quote: string } | null>((a, b) => (a && a.value >= b.value ? a : b), null);
      const maxFollowers: Reading =
        top && top.value > followers.value
          ? { value: top.value, source: 'stated', from: `"${top.quote}"` }
          : { value: Math.max(followers.value, Math.round(dau * 0.01)), source: 'derived', from: 'follower counts follow a power law: the largest account assumed to reach 1% of the daily users' };
      return { posts, feedReads, followers, maxFollowers, dau };
    },
    options: [
      {
        option: 'Fan-out on write (push each post id into every follower\'s cached home timeline)',
        when: (x) =>
          x.maxFollowers.value > CELEBRITY_FOLLOWERS
            ? { verdict: 'viable', reason: `kept for ordinary accounts, but one post by an account with ${n(x.maxFollowers.value)} followers would be ${n(x.maxFollowers.value)} timeline writes at once (the celebrity problem)` }
            : x.posts.value >= x.feedReads.value
              ? { verdict: 'rejected', reason: `posts (${ps(x.posts)}) outnumber feed reads (${ps(x.feedReads)}): pushing writes timelines nobody reads` }
              : { verdict: 'chosen', reason: `feed reads (${ps(x.feedReads)}) outnumber posts (${ps(x.posts)}), so a read becomes one cache lookup and each post costs ${n(x.followers.value)} timeline inserts` },
      },
      {
        option: 'Fan-out on read (merge the followed accounts\' recent posts when the feed is opened)',
        when: (x) =>
          x.maxFollowers.value <= CELEBRITY_FOLLOWERS && x.posts.value >= x.feedReads.value
            ? { verdict: 'chosen', reason: `posts (${ps(x.posts)}) outnumber feed reads (${ps(x.feedReads)}): merging at read time does less work than pushing` }
            : { verdict: x.maxFollowers.value > CELEBRITY_FOLLOWERS ? 'viable' : 'rejected', reason: `every feed read would query ${n(x.followers.value)} followed accounts: ${n(x.feedReads.value * x.followers.value)} post lookups per second at peak, kept only for accounts too large to push` },
      },
      {
        option: `Hybrid: fan-out on write for accounts up to ${n(CELEBRITY_FOLLOWERS)} followers, fan-out on read for celebrities, merged at read time`,
        when: (x) =>
          x.maxFollowers.value > CELEBRITY_FOLLOWERS
            ? { verdict: 'chosen', reason: `the largest accounts have ${n(x.maxFollowers.value)} followers, above ${n(CELEBRITY_FOLLOWERS)}: their posts are pulled and merged into the pushed timeline at read time` }
            : { verdict: 'viable', reason: `no account passes ${n(CELEBRITY_FOLLOWERS)} followers yet (largest ${n(x.maxFollowers.value)}); add the pull path when one does` },
      },
    ],
    rationale: (x) =>
      `Posts arrive at ${cite(x.posts, '/s')} and feeds are read ${cite(x.feedReads, '/s')} at peak; an account has ${cite(x.followers)} followers on average and up to ${cite(x.maxFollowers)}. ` +
      `Pushing costs ${n(x.posts.value * Math.min(x.followers.value, CELEBRITY_FOLLOWERS))} timeline inserts per second at peak into a cache of ${n(TIMELINE_LENGTH)} post ids per timeline ` +
      `(${n(x.dau * TIMELINE_LENGTH * 8 / 2 ** 30)} GiB of 8-byte ids for ${n(x.dau)} daily users); pulling costs ${n(x.followers.value)} lookups per feed read. ` +
      `Accounts above ${n(CELEBRITY_FOLLOWERS)} followers are never pushed: one post would write that many timelines at once.`,
    wouldChange: (x) =>
      x.maxFollowers.value > CELEBRITY_FOLLOWERS
        ? `If no account had more than ${n(CELEBRITY_FOLLOWERS)} followers (largest now ${n(x.maxFollowers.value)}), the pull path could go and every post be pushed.`
        : x.posts.value >= x.feedReads.value
          ? `Feed reads outnumbering posts (now ${n(x.feedReads.value)} vs ${n(x.posts.value)} per second) would favour fan-out on write; an account passing ${n(CELEBRITY_FOLLOWERS)} followers calls for the hybrid.`
          : `An account passing ${n(CELEBRITY_FOLLOWERS)} followers (largest now ${n(x.maxFollowers.value)}) calls for the hybrid, pulling that account's posts; posts outnumbering feed reads would favour fan-out on read.`,
    drivers: ['workload.operations', 'scale.dau'],
    significant: true,
  },
};
