import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const CATEGORY = 'e4f5a6b7-c8d9-4e0f-9a1b-3c4d5e6f7a8b';
const POST = 'f5a6b7c8-d9e0-4f1a-8b2c-4d5e6f7a8b9c';

export const cms: Archetype = {
  id: 'cms',
  name: 'CMS / blog / publishing',
  description: 'Editors write, revise, schedule and publish articles with images; readers get pages served almost entirely from the CDN, and can comment.',
  keywords: [
    ['cms', 3], ['headless cms', 3], ['content management', 3], ['blog', 3], ['blogging', 3], ['wordpress', 3], ['ghost', 2],
    ['contentful', 3], ['strapi', 3], ['news site', 3], ['news website', 3], ['news portal', 3], ['newsroom', 2],
    ['online magazine', 3], ['magazine', 2], ['publishing', 1], ['editorial', 2], ['article', 2], ['rss', 2], ['knowledge base', 2],
    ['documentation site', 2], ['wiki', 2], ['intranet', 2], ['docs site', 2], ['documentation', 1], ['landing page', 1], ['marketing site', 2], ['static site', 1],
    ['editor', 1], ['author', 1], ['reader', 1], ['draft', 1],
  ],
  domains: ['identity', 'content', 'media', 'engagement'],
  // Readers vastly outnumber editors (~200 reads per write, comments included). Published pages
  // are the same for everyone, so the CDN and page cache serve ~95 % of reads. An article body is
  // 5-10 KB of Markdown or HTML; editors upload ~100 images a day. A viral story or a newsletter
  // send gives a 5x peak. Published content is kept indefinitely (ten-year horizon).
  defaults: {
    dau: 50_000, dauOverMau: 0.2, concurrencyRatio: 0.02, requestsPerUserPerDay: 10, peakFactor: 5,
    readWriteRatio: 200, recordBytes: 8_000, responseBytes: 25_000, requestBytes: 8_000,
    blobsPerUserPerDay: 0.002, blobBytes: 800_000, retentionDays: 3_650, growthPerMonth: 0.03,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.95,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: false, blobs: true, cdn: true, eventLog: false, audit: true, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An editor, author or administrator (readers are anonymous).', domain: 'identity',
      softDelete: true, rows: { perUser: 0.0004 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Byline.', maxLength: 80, personal: true, example: 'Ada Lovelace', distinct: 'high' },
        { name: 'role', type: 'enum', description: 'Editorial permissions.', values: ['admin', 'editor', 'author', 'contributor'], example: 'author', distinct: 'low' },
        { name: 'bio', type: 'text', description: 'Author bio on the author page.', nullable: true, maxLength: 1_000, personal: true, example: 'Writes about engines.', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Category', table: 'categories', resource: 'categories', description: 'A section of the site; categories nest.', domain: 'content',
      rows: { perUser: 0.0002 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'name', type: 'short-text', description: 'Name shown in navigation.', maxLength: 100, example: 'Science', distinct: 'high' },
        { name: 'slug', type: 'short-text', description: 'URL segment.', unique: true, maxLength: 100, example: 'science', distinct: 'unique' },
        { name: 'parent_id', type: 'uuid', description: 'Parent category; empty at the top level.', nullable: true, references: 'Category', onDelete: 'set-null', example: CATEGORY, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'category-by-slug', description: 'Resolve a category page from its URL.', kind: 'lookup', filters: [{ field: 'slug', op: '=' }], sort: [], share: 0.7 },
        { id: 'children-of-category', description: 'Sub-categories for navigation.', kind: 'list', filters: [{ field: 'parent_id', op: '=' }], sort: [{ field: 'name', direction: 'asc' }], limit: 100, share: 0.3 },
      ],
    },
    {
      name: 'Post', table: 'posts', resource: 'posts', description: 'An article. Empty published_at is a draft, a future one is scheduled, a past one is live.', domain: 'content',
      // A few dozen articles a day.
      softDelete: true, rows: { writeShare: 0.02 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'author_id', type: 'uuid', description: 'Byline author.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'category_id', type: 'uuid', description: 'Section.', nullable: true, references: 'Category', onDelete: 'set-null', example: CATEGORY, distinct: 'medium' },
        { name: 'slug', type: 'short-text', description: 'URL segment.', unique: true, maxLength: 200, example: 'first-light-on-the-new-telescope', distinct: 'unique' },
        { name: 'title', type: 'short-text', description: 'Headline.', maxLength: 300, example: 'First light on the new telescope', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Current body (Markdown); earlier versions are revisions.', maxLength: 200_000, example: 'The first images arrived at 02:14...', distinct: 'high' },
        { name: 'published_at', type: 'timestamp', description: 'Publication time.', nullable: true, example: '2026-01-15T07:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'post-by-slug', description: 'Open an article from its URL (CDN miss path).', kind: 'lookup', filters: [{ field: 'slug', op: '=' }], sort: [], share: 0.6 },
        { id: 'category-archive', description: 'Published articles of a section, newest first.', kind: 'range', filters: [{ field: 'category_id', op: '=' }, { field: 'published_at', op: '<=' }], sort: [{ field: 'published_at', direction: 'desc' }], limit: 20, share: 0.2 },
        { id: 'latest-posts', description: 'Latest published articles (home page, RSS feed, sitemap).', kind: 'range', filters: [{ field: 'published_at', op: '<=' }], sort: [{ field: 'published_at', direction: 'desc' }], limit: 20, share: 0.1 },
        { id: 'posts-of-author', description: 'An author\'s articles, drafts included, recently edited first (dashboard, author page).', kind: 'list', filters: [{ field: 'author_id', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 50, share: 0.05 },
        { id: 'post-search', description: 'Full-text search in articles.', kind: 'search', filters: [{ field: 'body', op: 'match' }], sort: [], limit: 20, share: 0.05 },
      ],
    },
    {
      name: 'Revision', table: 'revisions', resource: 'revisions', description: 'A saved version of an article, for history, diff and restore.', domain: 'content',
      // Editors save often: ~15 revisions per article.
      parent: 'Post', readOnly: true, rows: { writeShare: 0.3 },
      fields: [
        { name: 'post_id', type: 'uuid', description: 'Article.', references: 'Post', onDelete: 'cascade', example: POST, distinct: 'high' },
        { name: 'editor_id', type: 'uuid', description: 'Who saved it.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'title', type: 'short-text', description: 'Headline at that version.', maxLength: 300, example: 'First light on the new telescope', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Body at that version.', maxLength: 200_000, example: 'The first images arrived at 02:14...', distinct: 'high' },
        { name: 'note', type: 'short-text', description: 'Change summary.', nullable: true, maxLength: 300, example: 'Fixed the caption', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'revisions-of-post', description: 'Revision history of an article, newest first.', kind: 'list', filters: [{ field: 'post_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 1 },
      ],
    },
    {
      name: 'Comment', table: 'comments', resource: 'comments', description: 'A reader\'s comment on an article, moderated before it shows.', domain: 'engagement',
      parent: 'Post', rows: { writeShare: 0.6 }, rateLimitPerMinute: 10,
      fields: [
        { name: 'post_id', type: 'uuid', description: 'Article.', references: 'Post', onDelete: 'cascade', example: POST, distinct: 'high' },
        { name: 'author_name', type: 'short-text', description: 'Name the reader gave.', maxLength: 80, personal: true, example: 'Charles', distinct: 'high' },
        { name: 'author_email', type: 'short-text', description: 'Email for replies; never shown.', maxLength: 254, personal: true, example: 'charles@example.com', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Comment text.', maxLength: 5_000, personal: true, example: 'Stunning images.', distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Moderation state.', values: ['pending', 'approved', 'spam', 'trash'], example: 'approved', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'comments-of-post', description: 'Approved comments of an article, oldest first.', kind: 'list', filters: [{ field: 'post_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 50, share: 0.9 },
        { id: 'moderation-queue', description: 'Comments waiting for moderation, oldest first.', kind: 'list', filters: [{ field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.1 },
      ],
    },
    {
      name: 'MediaAsset', table: 'media_assets', resource: 'media-assets', description: 'An uploaded image or file; the bytes live in object storage behind the CDN.', domain: 'media',
      rows: { writeShare: 0.05 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'uploader_id', type: 'uuid', description: 'Who uploaded it.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'object_key', type: 'short-text', description: 'Key of the original in object storage.', unique: true, maxLength: 512, serverGenerated: true, example: 'media/2026/01/telescope.jpg', distinct: 'unique' },
        { name: 'content_type', type: 'short-text', description: 'MIME type.', maxLength: 127, example: 'image/jpeg', distinct: 'low' },
        { name: 'size_bytes', type: 'bigint', description: 'Size of the original.', min: 0, max: 104_857_600, example: 812_000, distinct: 'high' },
        { name: 'alt_text', type: 'short-text', description: 'Text alternative for screen readers.', nullable: true, maxLength: 300, example: 'The telescope dome at dusk', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'media-library', description: 'The media library, newest first.', kind: 'list', filters: [], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.6 },
        { id: 'media-of-uploader', description: 'An editor\'s uploads, newest first.', kind: 'list', filters: [{ field: 'uploader_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.4 },
      ],
    },
  ],
  actions: [
    { entity: 'Post', name: 'publish', method: 'POST', purpose: 'Publish now or schedule for a time; purges cached pages.', operationId: 'publishPost' },
    { entity: 'Post', name: 'unpublish', method: 'POST', purpose: 'Take an article down (corrections, legal) and purge it from the CDN.', operationId: 'unpublishPost' },
    { entity: 'Revision', name: 'restore', method: 'POST', purpose: 'Make an earlier revision the current text.', operationId: 'restoreRevision' },
    { entity: 'Comment', name: 'approve', method: 'POST', purpose: 'Approve a pending comment.', operationId: 'approveComment' },
  ],
  realtime: [],
  events: [
    { name: 'post.published', entity: 'Post', purpose: 'Purge the article, section, home page and feed from the CDN; rebuild RSS and sitemap; index for search; send the newsletter.' },
    { name: 'comment.created', entity: 'Comment', purpose: 'Spam check and notice to the author, off the request path.' },
  ],
  mainFlow: {
    title: 'Publish an article and serve it',
    steps: [
      { from: 'client', to: 'gateway', message: 'editor: POST /v1/posts/{id}/publish' },
      { from: 'gateway', to: 'app', message: 'authenticated editor' },
      { from: 'app', to: 'db', message: 'UPDATE post SET published_at; INSERT revision' },
      { from: 'app', to: 'queue', message: 'publish post.published', async: true },
      { from: 'app', to: 'client', message: '200 OK' },
      { from: 'queue', to: 'worker', message: 'RSS, sitemap, search index, newsletter', async: true },
      { from: 'worker', to: 'edge', message: 'purge by surrogate key (article, section, home)', async: true },
      { from: 'client', to: 'edge', message: 'reader: GET /science/first-light-on-the-new-telescope' },
      { from: 'edge', to: 'app', message: 'on a CDN miss' },
      { from: 'app', to: 'cache', message: 'rendered page' },
      { from: 'app', to: 'db', message: 'on a miss: post by slug' },
      { from: 'app', to: 'edge', message: '200 with s-maxage and stale-while-revalidate' },
    ],
  },
  functional: [
    { text: 'Editors write articles in drafts with revision history', priority: 'must' },
    { text: 'Publish immediately or on a schedule, and unpublish', priority: 'must' },
    { text: 'Readers get fast pages under traffic spikes', priority: 'must' },
    { text: 'Sections, author pages, RSS and a sitemap', priority: 'should' },
    { text: 'Image library with alt text', priority: 'should' },
    { text: 'Moderated reader comments', priority: 'should' },
    { text: 'Site search', priority: 'should' },
    { text: 'A headless API for other front ends', priority: 'could' },
  ],
  failureModes: [
    { failure: 'A story goes viral, or a purge-all empties the CDN', impact: 'Traffic hits the origin at full rate; pages slow down or fail.', mitigation: 'stale-while-revalidate and stale-if-error, an origin shield, targeted purges by surrogate key instead of purge-all, request coalescing at the origin.', detection: 'CDN hit ratio and origin requests per second.' },
    { failure: 'Unpublished or corrected content stays visible', impact: 'A legal takedown or correction is not effective.', mitigation: 'Purge on every publish and unpublish event with a check that the purge took, short TTLs on listings.', detection: 'Synthetic check fetching the URL after unpublishing.' },
    { failure: 'Comment spam', impact: 'The moderation queue floods; spam links hurt readers and search ranking.', mitigation: 'Rate limits per IP, a spam classifier, holding first-time commenters for moderation, CAPTCHA under attack.', detection: 'Pending queue size and spam ratio.' },
    { failure: 'Two editors overwrite each other', impact: 'Edits are lost.', mitigation: 'Optimistic locking: saves name the revision they started from and conflict if it moved.', detection: 'Save conflicts per day.' },
  ],
};
