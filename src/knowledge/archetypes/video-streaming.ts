import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const VIDEO = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export const videoStreaming: Archetype = {
  id: 'video-streaming',
  name: 'Video streaming',
  description: 'Creators upload videos that are transcoded into adaptive-bitrate renditions; viewers browse, play through a CDN and resume where they left off.',
  keywords: [
    ['video streaming', 3], ['video on demand', 3], ['video-on-demand', 3], ['vod', 3], ['live streaming', 3], ['live stream', 3],
    ['livestream', 3], ['livestreaming', 3], ['youtube', 3], ['netflix', 3], ['twitch', 3], ['vimeo', 3], ['transcode', 3],
    ['transcoding', 3], ['hls', 3], ['mpeg-dash', 3], ['adaptive bitrate', 3], ['video', 2], ['bitrate', 2], ['movie', 2],
    ['episode', 2], ['concurrent viewers', 2], ['ott', 2], ['music streaming', 2], ['spotify', 2], ['podcast', 2], ['viewer', 1], ['playback', 1],
  ],
  domains: ['identity', 'catalog', 'media', 'playback'],
  // Video bytes are served by the CDN and are not API requests; the API carries browsing,
  // playback sessions and resume-position heartbeats (one a minute while watching), which make it
  // surprisingly write-heavy: ~2 reads per write. One viewer in a thousand uploads a day; a source
  // file averages ~500 MB (ten minutes of 1080p). Evening prime time gives a 3x peak.
  defaults: {
    dau: 200_000, dauOverMau: 0.35, concurrencyRatio: 0.1, requestsPerUserPerDay: 60, peakFactor: 3,
    readWriteRatio: 2, recordBytes: 200, responseBytes: 10_000, requestBytes: 300,
    blobsPerUserPerDay: 0.001, blobBytes: 500_000_000,
    // Viewers watch ~30 minutes a day at an average adaptive bitrate of ~2.5 Mbit/s: 30 × 60 × 2.5e6 / 8 bytes.
    mediaBytesPerUserPerDay: 562_500_000, retentionDays: 3_650, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.9,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: false, blobs: true, cdn: true, eventLog: true, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A viewer or creator.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Channel or profile name.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'country', type: 'short-text', description: 'ISO 3166 country, for content licensing.', maxLength: 2, example: 'GB', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Video', table: 'videos', resource: 'videos', description: 'An uploaded video and its processing state.', domain: 'catalog',
      // Uploads are rare next to heartbeats: ~200 a day out of ~4M writes.
      softDelete: true, rows: { writeShare: 0.00005 }, rateLimitPerMinute: 10,
      fields: [
        { name: 'uploader_id', type: 'uuid', description: 'Creator.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'title', type: 'short-text', description: 'Title shown in listings.', maxLength: 200, example: 'Building a telescope, part 3', distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Processing state.', values: ['uploading', 'processing', 'ready', 'failed', 'blocked'], example: 'ready', distinct: 'low' },
        { name: 'visibility', type: 'enum', description: 'Listed, link-only or private.', values: ['public', 'unlisted', 'private'], example: 'public', distinct: 'low' },
        { name: 'duration_seconds', type: 'integer', description: 'Length, read from the source.', min: 0, max: 43_200, example: 642, distinct: 'high' },
        { name: 'source_object_key', type: 'short-text', description: 'Key of the uploaded original in object storage.', unique: true, maxLength: 512, serverGenerated: true, example: 'sources/9b8a7c6d/original.mp4', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'browse-videos', description: 'Newest ready public videos (home and browse pages, cached).', kind: 'list', filters: [{ field: 'visibility', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 30, share: 0.4 },
        { id: 'videos-of-uploader', description: 'A channel\'s videos, newest first.', kind: 'list', filters: [{ field: 'uploader_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 30, share: 0.3 },
        { id: 'video-search', description: 'Full-text search on titles.', kind: 'search', filters: [{ field: 'title', op: 'match' }], sort: [], limit: 20, share: 0.3 },
      ],
    },
    {
      name: 'Rendition', table: 'renditions', resource: 'renditions', description: 'One rung of the adaptive-bitrate ladder: an HLS playlist and its segments.', domain: 'media',
      // About six renditions per upload (240p to 1080p, more for 4K sources).
      parent: 'Video', readOnly: true, rows: { writeShare: 0.0003 },
      fields: [
        { name: 'video_id', type: 'uuid', description: 'Video.', references: 'Video', onDelete: 'cascade', example: VIDEO, distinct: 'high' },
        { name: 'resolution', type: 'enum', description: 'Frame height.', values: ['240p', '360p', '480p', '720p', '1080p', '1440p', '2160p'], example: '1080p', distinct: 'low' },
        { name: 'codec', type: 'enum', description: 'Video codec.', values: ['h264', 'hevc', 'vp9', 'av1'], example: 'h264', distinct: 'low' },
        { name: 'bitrate_kbps', type: 'integer', description: 'Average bitrate.', min: 100, max: 60_000, example: 5_000, distinct: 'medium' },
        { name: 'object_key', type: 'short-text', description: 'Key of the rendition\'s playlist; segments sit beside it.', unique: true, maxLength: 512, serverGenerated: true, example: 'renditions/9b8a7c6d/1080p/index.m3u8', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'renditions-of-video', description: 'The bitrate ladder of a video, lowest first, to build the master playlist.', kind: 'list', filters: [{ field: 'video_id', op: '=' }], sort: [{ field: 'bitrate_kbps', direction: 'asc' }], limit: 20, share: 1 },
      ],
    },
    {
      name: 'PlaybackPosition', table: 'playback_positions', resource: 'playback-positions', description: 'Where a viewer stopped in a video: resume and "continue watching".', domain: 'playback',
      // One row per viewer and video, upserted by heartbeats: ~50 titles per monthly viewer.
      rows: { perUser: 50 }, rateLimitPerMinute: 10,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Viewer.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'video_id', type: 'uuid', description: 'Video.', references: 'Video', onDelete: 'cascade', example: VIDEO, distinct: 'high' },
        { name: 'position_seconds', type: 'integer', description: 'Last reported position.', min: 0, max: 43_200, example: 318, distinct: 'high' },
        { name: 'completed', type: 'boolean', description: 'Watched to the end (credits reached).', example: false, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'continue-watching', description: 'A viewer\'s most recently watched videos.', kind: 'list', filters: [{ field: 'user_id', op: '=' }, { field: 'completed', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 20, share: 0.6 },
        { id: 'position-of-video', description: 'Resume point of one video for one viewer.', kind: 'lookup', filters: [{ field: 'user_id', op: '=' }, { field: 'video_id', op: '=' }], sort: [], share: 0.4 },
      ],
    },
  ],
  actions: [
    { entity: 'Video', name: 'upload-url', method: 'POST', purpose: 'Start a resumable multipart upload of the source file straight to object storage.', operationId: 'createVideoUploadUrl' },
    { entity: 'Video', name: 'publish', method: 'POST', purpose: 'Make a processed video visible.', operationId: 'publishVideo' },
    { entity: 'Video', name: 'playback-session', method: 'POST', purpose: 'Issue a short-lived signed manifest URL for this viewer and count a view.', operationId: 'createPlaybackSession' },
  ],
  realtime: [],
  events: [
    { name: 'video.uploaded', entity: 'Video', purpose: 'Start the transcoding pipeline for a new source file.' },
    { name: 'video.ready', entity: 'Video', purpose: 'Index the video for search and tell the creator it is live.' },
    { name: 'playback.heartbeat', entity: 'PlaybackPosition', purpose: 'View counts, watch time, recommendations and creator analytics from the replayable event log.' },
  ],
  mainFlow: {
    title: 'Upload, transcode and watch a video',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/videos/{id}/upload-url' },
      { from: 'gateway', to: 'app', message: 'authenticated creator' },
      { from: 'app', to: 'object', message: 'create a multipart upload; presign the parts' },
      { from: 'client', to: 'object', message: 'PUT the source file in parts' },
      { from: 'object', to: 'queue', message: 'object-created notification (video.uploaded)', async: true },
      { from: 'queue', to: 'worker', message: 'transcode into the HLS ladder, lowest rendition first', async: true },
      { from: 'worker', to: 'object', message: 'write segments and playlists', async: true },
      { from: 'worker', to: 'db', message: 'INSERT renditions; status ready', async: true },
      { from: 'client', to: 'gateway', message: 'POST /v1/videos/{id}/playback-session (viewer)' },
      { from: 'app', to: 'client', message: 'signed master playlist URL, valid for minutes' },
      { from: 'client', to: 'edge', message: 'GET playlists and segments, switching bitrate with bandwidth' },
      { from: 'edge', to: 'object', message: 'fetch a segment on a CDN miss (through an origin shield)' },
    ],
  },
  functional: [
    { text: 'Creators upload large videos with resumable uploads', priority: 'must' },
    { text: 'Videos are transcoded into an adaptive-bitrate ladder and play on web, mobile and TV', priority: 'must' },
    { text: 'Playback starts in under two seconds and adapts to the viewer\'s bandwidth', priority: 'must' },
    { text: 'Viewers resume where they stopped, on any device', priority: 'must' },
    { text: 'Browse and search the catalog', priority: 'should' },
    { text: 'View counts and watch time for creators', priority: 'should' },
    { text: 'Captions and multiple audio tracks', priority: 'could' },
  ],
  failureModes: [
    { failure: 'Transcoding backlog after an upload burst', impact: 'Videos stay "processing" for hours.', mitigation: 'Autoscaled worker pool on the job queue (spot capacity is fine: jobs are retryable), publish the lowest rendition first and add the others as they finish.', detection: 'Queue age and the time-to-ready SLI.' },
    { failure: 'CDN misses on a popular new release', impact: 'A thundering herd on the origin; rebuffering for everyone.', mitigation: 'Origin shield (tiered caching), request collapsing, pre-warming the first segments of scheduled releases.', detection: 'CDN hit ratio and origin egress.' },
    { failure: 'Egress cost runs away', impact: 'Video delivery dominates the bill and grows with every viewing hour.', mitigation: 'CDN commit pricing, efficient codecs (HEVC/AV1) for capable devices, per-title encoding ladders, a lower default quality on mobile data.', detection: 'Cost per viewing hour.' },
    { failure: 'Signed URLs leak (hotlinking, piracy)', impact: 'Content is played outside the product; licensing breaches.', mitigation: 'Short-lived signed URLs or cookies bound to the session, tokenised manifests, DRM for premium content.', detection: 'Referrer and geography anomalies per token.' },
  ],
};
