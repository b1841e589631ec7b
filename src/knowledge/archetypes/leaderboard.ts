import type { Archetype } from './_types.js';

const PLAYER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const FRIEND = '8c5d1e2f-6a7b-4c8d-9e0f-1a2b3c4d5e70';
const BOARD = 'a6b7c8d9-e0f1-4a2b-9c3d-5e6f7a8b9c0d';

export const leaderboard: Archetype = {
  id: 'leaderboard',
  name: 'Leaderboards / rankings',
  description: 'Players submit scores after each match; global, periodic and friends leaderboards show the top N and each player\'s rank in real time, with anti-cheat checks.',
  keywords: [
    ['leaderboard', 3], ['leader board', 3], ['high score', 3], ['highscore', 3], ['top players', 3], ['player ranking', 3],
    ['scoreboard', 3], ['ranking', 2], ['tournament', 2], ['esports', 2], ['gamification', 2], ['mobile game', 2], ['elo', 2],
    ['matchmaking', 1], ['player', 2], ['score', 1], ['rank', 1], ['game', 1], ['gaming', 1], ['multiplayer', 1], ['season', 1],
    ['achievement', 1], ['compete', 1], ['xp', 1],
  ],
  domains: ['identity', 'social', 'boards', 'scoring'],
  // A mobile game: ~10 matches per active player a day, each ending with a score submission and a
  // look at the board, plus menus (~3 board reads per submission). Evenings, weekend events and
  // daily resets give a 4x peak. The top of a board is shared by everyone, so it is served from
  // sorted sets in the cache; the rank must show right after a match (p99 100 ms).
  defaults: {
    dau: 200_000, dauOverMau: 0.3, concurrencyRatio: 0.1, requestsPerUserPerDay: 40, peakFactor: 4,
    readWriteRatio: 3, recordBytes: 200, responseBytes: 6_000, requestBytes: 300,
    // Periodic boards are archived after a season; raw submissions are kept a year for anti-cheat.
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 365, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 100, cacheHitRate: 0.9,
  },
  traits: {
    realtime: true, money: false, contention: false, fullTextSearch: false, timeSeries: false, geo: false,
    fanout: true, blobs: false, cdn: false, eventLog: false, audit: false, multiTenant: false, personalData: true, ranking: true,
  },
  entities: [
    {
      name: 'Player', table: 'players', resource: 'players', description: 'A player account.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'username', type: 'short-text', description: 'Unique public name on the boards.', unique: true, maxLength: 32, example: 'ada_1815', distinct: 'unique' },
        { name: 'email', type: 'short-text', description: 'Account recovery address; many players sign in with a device or platform id only.', nullable: true, unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'country', type: 'short-text', description: 'ISO 3166 country, for country boards.', maxLength: 2, example: 'GB', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'player-by-username', description: 'Open a player profile.', kind: 'lookup', filters: [{ field: 'username', op: '=' }], sort: [], share: 0.5 },
        { id: 'players-by-username-prefix', description: 'Find people to add as friends as you type.', kind: 'search', filters: [{ field: 'username', op: 'prefix' }], sort: [{ field: 'username', direction: 'asc' }], limit: 10, share: 0.3 },
        { id: 'player-by-email', description: 'Account recovery.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 0.2 },
      ],
    },
    {
      name: 'Friendship', table: 'friendships', resource: 'friends', description: 'A friend link, for friends-only boards.', domain: 'social',
      parent: 'Player', rows: { perUser: 30 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'player_id', type: 'uuid', description: 'Player.', references: 'Player', onDelete: 'cascade', example: PLAYER, distinct: 'high' },
        { name: 'friend_id', type: 'uuid', description: 'Friend.', references: 'Player', onDelete: 'cascade', example: FRIEND, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Pending until accepted.', values: ['pending', 'accepted'], example: 'accepted', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'friends-of-player', description: 'A player\'s accepted friends, to build the friends board.', kind: 'list', filters: [{ field: 'player_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 500, share: 1 },
      ],
    },
    {
      name: 'Leaderboard', table: 'leaderboards', resource: 'leaderboards', description: 'A board definition: what is ranked, over which period, in which direction.', domain: 'boards',
      rows: { perUser: 0.0001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'key', type: 'short-text', description: 'Stable name the game refers to.', unique: true, maxLength: 64, example: 'level-12-best-time', distinct: 'unique' },
        { name: 'name', type: 'short-text', description: 'Title shown in the game.', maxLength: 120, example: 'Level 12: fastest', distinct: 'high' },
        { name: 'period', type: 'enum', description: 'How often the board starts over.', values: ['all_time', 'daily', 'weekly', 'monthly', 'season'], example: 'weekly', distinct: 'low' },
        { name: 'sort_order', type: 'enum', description: 'Higher or lower is better (points or times).', values: ['desc', 'asc'], example: 'desc', distinct: 'low' },
        { name: 'max_score', type: 'bigint', description: 'Highest plausible score; above it a submission is flagged.', min: 0, example: 1_000_000, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'leaderboard-by-key', description: 'Resolve a board by key (cached).', kind: 'lookup', filters: [{ field: 'key', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Score', table: 'scores', resource: 'scores', description: 'A player\'s best score on a board for one period; the ranked copy lives in a cache sorted set.', domain: 'scoring',
      // Upserted (one row per player, board and period): ~20 per monthly player.
      parent: 'Leaderboard', readOnly: true, rows: { perUser: 20 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'leaderboard_id', type: 'uuid', description: 'Board.', references: 'Leaderboard', onDelete: 'cascade', example: BOARD, distinct: 'low' },
        { name: 'player_id', type: 'uuid', description: 'Player.', references: 'Player', onDelete: 'cascade', example: PLAYER, distinct: 'high' },
        { name: 'period_start', type: 'date', description: 'First day of the period the score counts for.', example: '2026-01-12', distinct: 'medium' },
        { name: 'value', type: 'bigint', description: 'Best score of the period.', min: 0, example: 48_210, distinct: 'high' },
        { name: 'metadata', type: 'json', description: 'Context of the best run (character, replay id).', nullable: true, example: '{"character":"mage","replay":"r-8812"}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'top-scores', description: 'Top N of a board for a period (source for rebuilding the sorted set).', kind: 'top-n', filters: [{ field: 'leaderboard_id', op: '=' }, { field: 'period_start', op: '=' }], sort: [{ field: 'value', direction: 'desc' }], limit: 100, share: 0.6 },
        { id: 'player-score', description: 'A player\'s best on a board for a period.', kind: 'lookup', filters: [{ field: 'leaderboard_id', op: '=' }, { field: 'period_start', op: '=' }, { field: 'player_id', op: '=' }], sort: [], share: 0.3 },
        { id: 'scores-of-player', description: 'All of a player\'s bests (profile page).', kind: 'list', filters: [{ field: 'player_id', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 50, share: 0.1 },
      ],
    },
    {
      name: 'ScoreSubmission', table: 'score_submissions', resource: 'submissions', description: 'Every submitted score, kept for anti-cheat review and disputes.', domain: 'scoring',
      parent: 'Leaderboard', partitioned: true, rows: { writeShare: 0.95 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'leaderboard_id', type: 'uuid', description: 'Board.', references: 'Leaderboard', onDelete: 'cascade', example: BOARD, distinct: 'low' },
        { name: 'player_id', type: 'uuid', description: 'Player.', references: 'Player', onDelete: 'cascade', example: PLAYER, distinct: 'high' },
        { name: 'value', type: 'bigint', description: 'Submitted score.', min: 0, example: 48_210, distinct: 'high' },
        { name: 'client_nonce', type: 'short-text', description: 'One-time id signed by the game client; a replayed submission is rejected.', unique: true, maxLength: 64, example: 'n-7c1f0e92a4', distinct: 'unique' },
        { name: 'status', type: 'enum', description: 'Anti-cheat verdict.', values: ['accepted', 'flagged', 'rejected'], example: 'accepted', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'submissions-of-player', description: 'A player\'s recent submissions (support, anti-cheat).', kind: 'list', filters: [{ field: 'player_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.6 },
        { id: 'flagged-submissions', description: 'Submissions awaiting review, newest first.', kind: 'list', filters: [{ field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.4 },
      ],
    },
  ],
  actions: [
    { entity: 'Leaderboard', name: 'reset', method: 'POST', purpose: 'Close the current period, archive its standings and hand out rewards.', operationId: 'resetLeaderboard' },
    { entity: 'ScoreSubmission', name: 'reject', method: 'POST', purpose: 'Remove a cheated score from the board and recompute the player\'s best.', operationId: 'rejectSubmission' },
  ],
  realtime: [
    { name: 'leaderboard.top-changed', entity: 'Score', direction: 'receive', purpose: 'The top of a watched board changed (throttled to one update a second).' },
    { name: 'rank.changed', entity: 'Score', direction: 'receive', purpose: 'Someone passed you on a board you are on.' },
  ],
  events: [
    { name: 'score.submitted', entity: 'ScoreSubmission', purpose: 'Anti-cheat checks, best-score upsert in the database, and real-time updates, off the request path.' },
    { name: 'leaderboard.reset', entity: 'Leaderboard', purpose: 'Distribute period rewards and notify the winners.' },
  ],
  mainFlow: {
    title: 'Submit a score and see your rank',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/leaderboards/{id}/submissions (signed payload, client_nonce)' },
      { from: 'gateway', to: 'app', message: 'authenticated player; per-player rate limit' },
      { from: 'app', to: 'db', message: 'INSERT submission (unique nonce rejects replays); bounds check against max_score' },
      { from: 'app', to: 'cache', message: 'ZADD GT board:{id}:{period} value player; ZREVRANK player' },
      { from: 'app', to: 'queue', message: 'publish score.submitted', async: true },
      { from: 'app', to: 'client', message: '201 Created with rank and score' },
      { from: 'queue', to: 'worker', message: 'anti-cheat checks', async: true },
      { from: 'worker', to: 'db', message: 'UPSERT scores SET value WHERE new value is better', async: true },
      { from: 'worker', to: 'realtime', message: 'top-changed and rank-changed for watchers (throttled)', async: true },
      { from: 'realtime', to: 'client', message: 'live board update', async: true },
    ],
  },
  functional: [
    { text: 'Submit a score after a match and see the new rank immediately', priority: 'must' },
    { text: 'Show the top 100 and the player\'s own position with neighbours on every board', priority: 'must' },
    { text: 'All-time, daily, weekly and seasonal boards that reset on schedule', priority: 'must' },
    { text: 'Replayed or implausible submissions are rejected or flagged', priority: 'must' },
    { text: 'Friends-only and country boards', priority: 'should' },
    { text: 'Live updates while a board is on screen', priority: 'should' },
    { text: 'Rewards at the end of a period', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Cheaters post impossible scores', impact: 'The top of the board is worthless; honest players leave.', mitigation: 'Signed submissions with one-time nonces, plausibility bounds per board, server-side validation of replays where the game allows, fast removal with recomputation.', detection: 'Outlier scores and the flagged-submission rate.' },
    { failure: 'The cache loses a sorted set', impact: 'Ranks disappear or are wrong until rebuilt.', mitigation: 'The database holds every best score; rebuild the sorted set from it in batches; replicas with persistence for the cache.', detection: 'Sorted-set cardinality compared with the score count per board.' },
    { failure: 'One global board becomes a hot key', impact: 'A single cache shard\'s CPU saturates at peak; every rank call slows.', mitigation: 'Serve the top N from a short-lived cached copy (1-5 s), read replicas for rank queries, split huge boards into buckets and merge their tops.', detection: 'Operations per second per key and cache CPU.' },
    { failure: 'Period reset at midnight', impact: 'A burst of reads and reward claims, and submissions racing the reset.', mitigation: 'One key per period (the old board is never destroyed in place), a grace window for late submissions, staggered reward jobs.', detection: 'Error rate and latency around reset times.' },
  ],
};
