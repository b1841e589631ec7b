import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const AUTHOR = '8c5d1e2f-6a7b-4c8d-9e0f-1a2b3c4d5e70';
const POST = '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a';

export const socialFeed: Archetype = {
  id: 'social-feed',
  name: 'Social network / news feed',
  description: 'People follow each other, publish posts with media, react and reply, and read a home feed built from the accounts they follow.',
  keywords: [
    ['social network', 3], ['social networking', 3], ['social media', 3], ['news feed', 3], ['newsfeed', 3], ['home feed', 3],
    ['home timeline', 3], ['follower', 3], ['microblog', 3], ['microblogging', 3], ['twitter', 3], ['instagram', 3], ['tiktok', 3],
    ['mastodon', 3], ['linkedin', 3], ['facebook', 3], ['tweet', 3], ['retweet', 2], ['repost', 2], ['follow each other', 2], ['unfollow', 2],
    ['hashtag', 2], ['photo sharing', 2], ['photo-sharing', 2], ['social app', 2], ['social platform', 2], ['influencer', 2], ['creator', 1], ['reddit', 2],
    ['upvote', 2], ['forum', 1], ['community', 1], ['friend', 1], ['posts', 1], ['comment', 1], ['likes', 1], ['reaction', 1], ['feed', 1],
  ],
  domains: ['identity', 'graph', 'content', 'feed', 'engagement'],
  // Feeds are read-heavy: people scroll far more than they post or react (Twitter reported
  // ~100:1 timeline reads to tweets; likes and replies bring the blend to ~50:1). Stickiness is
  // high (0.5). One in five active users posts a photo a day.
  defaults: {
    dau: 500_000, dauOverMau: 0.5, concurrencyRatio: 0.05, requestsPerUserPerDay: 150, peakFactor: 3,
    readWriteRatio: 50, recordBytes: 500, responseBytes: 15_000, requestBytes: 600,
    blobsPerUserPerDay: 0.2, blobBytes: 500_000, retentionDays: 3_650, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.9,
  },
  traits: {
    realtime: true, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: true, blobs: true, cdn: true, eventLog: true, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A person with a public profile.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address, never shown.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'handle', type: 'short-text', description: 'Unique public @name.', unique: true, maxLength: 30, example: 'ada', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown on posts.', maxLength: 80, personal: true, example: 'Ada Lovelace', distinct: 'high' },
        { name: 'bio', type: 'text', description: 'Profile text.', nullable: true, maxLength: 500, personal: true, example: 'Analyst of engines.', distinct: 'high' },
        { name: 'follower_count', type: 'integer', description: 'Followers, maintained asynchronously.', min: 0, serverGenerated: true, example: 1204, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-handle', description: 'Open a profile by @handle.', kind: 'lookup', filters: [{ field: 'handle', op: '=' }], sort: [], share: 0.6 },
        { id: 'users-by-handle-prefix', description: 'Mention and people-search suggestions as the user types.', kind: 'search', filters: [{ field: 'handle', op: 'prefix' }], sort: [{ field: 'handle', direction: 'asc' }], limit: 10, share: 0.3 },
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 0.1 },
      ],
    },
    {
      name: 'Follow', table: 'follows', resource: 'follows', description: 'One user following another (the social graph).', domain: 'graph',
      // Median accounts follow ~150 others.
      rows: { perUser: 150 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'follower_id', type: 'uuid', description: 'Who follows.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'followee_id', type: 'uuid', description: 'Who is followed.', references: 'User', onDelete: 'cascade', example: AUTHOR, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Requested until a private account accepts.', values: ['active', 'requested'], example: 'active', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'following-of-user', description: 'Accounts a user follows, newest first.', kind: 'list', filters: [{ field: 'follower_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.4 },
        { id: 'followers-of-user', description: 'Active followers of an account, paged: the fan-out worker reads this for every new post.', kind: 'list', filters: [{ field: 'followee_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 1000, share: 0.6 },
      ],
    },
    {
      name: 'Post', table: 'posts', resource: 'posts', description: 'A post or a reply, with text and up to four media items.', domain: 'content',
      softDelete: true, rows: { writeShare: 0.2 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'author_id', type: 'uuid', description: 'Author.', references: 'User', onDelete: 'restrict', example: AUTHOR, distinct: 'high' },
        { name: 'body', type: 'text', description: 'Post text.', maxLength: 2_000, personal: true, example: 'First light on the new telescope.', distinct: 'high' },
        { name: 'visibility', type: 'enum', description: 'Who may see it.', values: ['public', 'followers', 'private'], example: 'public', distinct: 'low' },
        { name: 'reply_to_id', type: 'uuid', description: 'Post this replies to; empty for top-level posts.', nullable: true, references: 'Post', onDelete: 'set-null', example: POST, distinct: 'high' },
        { name: 'like_count', type: 'integer', description: 'Reactions, flushed from a counter in the cache.', min: 0, serverGenerated: true, example: 87, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'posts-by-author', description: 'A profile\'s posts, newest first.', kind: 'list', filters: [{ field: 'author_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 20, share: 0.5 },
        { id: 'replies-of-post', description: 'The reply thread under a post, oldest first.', kind: 'list', filters: [{ field: 'reply_to_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 50, share: 0.35 },
        { id: 'post-search', description: 'Full-text search over posts and hashtags.', kind: 'search', filters: [{ field: 'body', op: 'match' }], sort: [], limit: 20, share: 0.15 },
      ],
    },
    {
      name: 'FeedItem', table: 'feed_items', resource: 'feed-items', description: 'A post placed in a follower\'s home feed by the fan-out worker (fan-out on write).', domain: 'feed',
      // Each home feed is trimmed to its newest 800 items (Twitter's timeline cache did the same),
      // so the table is bounded per user rather than growing with writes.
      parent: 'User', readOnly: true, partitioned: true, rows: { perUser: 800 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Owner of the home feed.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'post_id', type: 'uuid', description: 'Post shown.', references: 'Post', onDelete: 'cascade', example: POST, distinct: 'high' },
        { name: 'author_id', type: 'uuid', description: 'Author of the post, to remove items on unfollow or block.', references: 'User', onDelete: 'cascade', example: AUTHOR, distinct: 'high' },
        { name: 'score', type: 'double', description: 'Ranking score for the ranked feed.', min: 0, example: 0.82, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'home-feed', description: 'A user\'s home feed, newest first (cache miss path).', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.9 },
        { id: 'feed-items-of-author', description: 'Items from one author in a feed, removed on unfollow or block.', kind: 'list', filters: [{ field: 'user_id', op: '=' }, { field: 'author_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 500, share: 0.1 },
      ],
    },
    {
      name: 'Reaction', table: 'reactions', resource: 'reactions', description: 'A like or other reaction to a post.', domain: 'engagement',
      parent: 'Post', rows: { writeShare: 0.6 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'post_id', type: 'uuid', description: 'Post reacted to.', references: 'Post', onDelete: 'cascade', example: POST, distinct: 'high' },
        { name: 'user_id', type: 'uuid', description: 'Who reacted.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'kind', type: 'enum', description: 'Reaction type.', values: ['like', 'love', 'laugh', 'sad', 'angry'], example: 'like', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'reactions-of-post', description: 'Who reacted to a post, newest first.', kind: 'list', filters: [{ field: 'post_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.6 },
        { id: 'reactions-of-user', description: 'Posts a user liked (likes tab, own-like state).', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.4 },
      ],
    },
    {
      name: 'MediaItem', table: 'media_items', resource: 'media', description: 'A photo or video clip attached to a post; the bytes live in object storage behind the CDN.', domain: 'content',
      rows: { writeShare: 0.07 }, rateLimitPerMinute: 20,
      fields: [
        { name: 'post_id', type: 'uuid', description: 'Post it belongs to; empty while the post is being written.', nullable: true, references: 'Post', onDelete: 'cascade', example: POST, distinct: 'high' },
        { name: 'uploader_id', type: 'uuid', description: 'Who uploaded it.', references: 'User', onDelete: 'cascade', example: AUTHOR, distinct: 'high' },
        { name: 'object_key', type: 'short-text', description: 'Key of the original in object storage.', unique: true, maxLength: 512, serverGenerated: true, example: 'media/2026/01/0d9e8f7a.jpg', distinct: 'unique' },
        { name: 'content_type', type: 'short-text', description: 'MIME type.', maxLength: 127, example: 'image/jpeg', distinct: 'low' },
        { name: 'size_bytes', type: 'bigint', description: 'Size of the original.', min: 0, max: 524_288_000, example: 480_000, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'media-of-post', description: 'Media of a post in upload order.', kind: 'list', filters: [{ field: 'post_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 4, share: 1 },
      ],
    },
  ],
  actions: [
    { entity: 'Post', name: 'repost', method: 'POST', purpose: 'Share someone else\'s post to your followers.', operationId: 'repostPost' },
    { entity: 'Post', name: 'report', method: 'POST', purpose: 'Flag a post for moderation.', operationId: 'reportPost' },
  ],
  realtime: [
    { name: 'feed.new-items', entity: 'FeedItem', direction: 'receive', purpose: 'Tell an open client that new posts wait at the top of the home feed; it then fetches them.' },
    { name: 'reaction.created', entity: 'Reaction', direction: 'receive', purpose: 'Live reaction counts on the posts a client is showing.' },
  ],
  events: [
    { name: 'post.created', entity: 'Post', purpose: 'Fan the post out into followers\' feeds, index it for search and notify mentioned users.' },
    { name: 'reaction.created', entity: 'Reaction', purpose: 'Update counters and notify the author, off the request path.' },
    { name: 'follow.created', entity: 'Follow', purpose: 'Backfill the follower\'s feed with the followee\'s recent posts.' },
  ],
  mainFlow: {
    title: 'Publish a post and fan it out',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/posts (Idempotency-Key)' },
      { from: 'gateway', to: 'app', message: 'authenticated request' },
      { from: 'app', to: 'db', message: 'INSERT post' },
      { from: 'app', to: 'queue', message: 'publish post.created', async: true },
      { from: 'app', to: 'client', message: '201 Created' },
      { from: 'queue', to: 'worker', message: 'fan-out job for post.created', async: true },
      { from: 'worker', to: 'db', message: 'page through active followers; batch INSERT feed_items', async: true },
      { from: 'worker', to: 'cache', message: 'push the post id onto each follower\'s cached feed, trim to 800', async: true },
      { from: 'worker', to: 'search', message: 'index the post', async: true },
      { from: 'worker', to: 'realtime', message: 'feed.new-items for followers online now', async: true },
      { from: 'realtime', to: 'client', message: 'new posts banner', async: true },
    ],
  },
  functional: [
    { text: 'Users follow and unfollow accounts; private accounts approve follow requests', priority: 'must' },
    { text: 'Users publish posts with text and photos, and reply to posts', priority: 'must' },
    { text: 'A home feed of posts from followed accounts, newest first, paged with a cursor', priority: 'must' },
    { text: 'Profiles show an account\'s posts', priority: 'must' },
    { text: 'React to posts and see reaction counts', priority: 'should' },
    { text: 'Search posts, hashtags and people', priority: 'should' },
    { text: 'Report posts for moderation', priority: 'should' },
    { text: 'A ranked feed option ordered by predicted interest', priority: 'could' },
  ],
  failureModes: [
    { failure: 'A celebrity posts (fan-out of millions)', impact: 'Fan-out on write queues millions of feed inserts; everyone\'s feed updates lag behind.', mitigation: 'Hybrid fan-out: accounts above ~10k followers are not fanned out but merged into feeds at read time; a separate worker pool for large fan-outs.', detection: 'Fan-out queue lag and the fan-out size per post.' },
    { failure: 'Feed cache node lost', impact: 'Cold feeds are rebuilt from the database at once; read load spikes and feeds load slowly.', mitigation: 'Rebuild lazily per user with request coalescing, replicas for the cache, a rebuild rate limit, and a degraded feed (recent posts of followed accounts) while rebuilding.', detection: 'Cache hit ratio and database read rate.' },
    { failure: 'A viral post becomes a write hotspot', impact: 'Every reaction updates the same counter row; lock waits slow reactions for everyone.', mitigation: 'Count reactions in the cache (INCR) and flush to the database in batches; reactions are their own rows, the counter is derived.', detection: 'Lock waits on posts and p99 of the reaction endpoint.' },
  ],
};
