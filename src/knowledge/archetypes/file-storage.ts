import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const OTHER = '8c5d1e2f-6a7b-4c8d-9e0f-1a2b3c4d5e70';
const FILE = '4a5b6c7d-8e9f-4a0b-8c1d-2e3f4a5b6c7d';
const FOLDER = '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9';

export const fileStorage: Archetype = {
  id: 'file-storage',
  name: 'File storage and sync',
  description: 'Users upload files into folders, keep versions, share them with people or by link, and sync every change to all their devices.',
  keywords: [
    ['file storage', 3], ['file sync', 3], ['file syncing', 3], ['file synchronization', 3], ['file sharing', 3], ['file hosting', 3],
    ['dropbox', 3], ['google drive', 3], ['onedrive', 3], ['icloud drive', 3], ['wetransfer', 3], ['box.com', 3], ['cloud drive', 3],
    ['cloud storage', 1], ['shared folder', 3], ['folder', 2], ['version history', 2], ['file version', 2], ['large file', 2],
    ['download link', 2], ['document storage', 2], ['document management', 3], ['photo backup', 3], ['sync', 1], ['upload', 1], ['across devices', 1],
  ],
  domains: ['identity', 'files', 'sharing', 'sync'],
  // Sync clients run all day on desktops, so stickiness and concurrency are high. Content goes
  // straight to object storage through presigned URLs; the API carries metadata only. Sync is
  // write-heavy for a consumer product: an active user saves ~5 files a day (two calls each:
  // upload URL and commit) and moves, renames or deletes ~10 more items, against folder listings
  // and change pulls: ~4 reads per write. Files average ~500 KB after block-level de-duplication.
  defaults: {
    dau: 200_000, dauOverMau: 0.4, concurrencyRatio: 0.2, requestsPerUserPerDay: 100, peakFactor: 2,
    readWriteRatio: 4, recordBytes: 600, responseBytes: 5_000, requestBytes: 1_000,
    blobsPerUserPerDay: 5, blobBytes: 500_000, retentionDays: 3_650, growthPerMonth: 0.04,
    availability: 0.999, p99Ms: 300, cacheHitRate: 0.5,
  },
  traits: {
    realtime: true, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: true, blobs: true, cdn: false, eventLog: false, audit: true, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An account with a storage quota.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown to people you share with.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'quota_bytes', type: 'bigint', description: 'Storage allowed by the plan.', min: 0, example: 2_147_483_648, distinct: 'low' },
        { name: 'used_bytes', type: 'bigint', description: 'Storage used, current versions and history.', min: 0, serverGenerated: true, example: 734_003_200, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in and when sharing.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'File', table: 'files', resource: 'files', description: 'A file or folder in a user\'s tree.', domain: 'files',
      // ~1,000 files and folders per account; deleted files sit in the trash for 30 days.
      softDelete: true, rows: { perUser: 1_000 }, rateLimitPerMinute: 300,
      fields: [
        { name: 'owner_id', type: 'uuid', description: 'Owner, whose quota it counts against.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'parent_id', type: 'uuid', description: 'Containing folder; empty at the root.', nullable: true, references: 'File', onDelete: 'cascade', example: FOLDER, distinct: 'high' },
        { name: 'name', type: 'short-text', description: 'File or folder name.', maxLength: 255, personal: true, example: 'budget-2026.xlsx', distinct: 'high' },
        { name: 'kind', type: 'enum', description: 'File or folder.', values: ['file', 'folder'], example: 'file', distinct: 'low' },
        { name: 'size_bytes', type: 'bigint', description: 'Size of the current version (0 for folders).', min: 0, max: 53_687_091_200, example: 48_213, distinct: 'high' },
        { name: 'content_sha256', type: 'short-text', description: 'Hash of the current version, compared by sync clients.', nullable: true, maxLength: 64, serverGenerated: true, example: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'children-of-folder', description: 'List a folder by name.', kind: 'list', filters: [{ field: 'parent_id', op: '=' }], sort: [{ field: 'name', direction: 'asc' }], limit: 500, share: 0.6 },
        { id: 'recent-files', description: 'A user\'s recently changed files.', kind: 'list', filters: [{ field: 'owner_id', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 50, share: 0.3 },
        { id: 'file-search', description: 'Search a user\'s files by name.', kind: 'search', filters: [{ field: 'owner_id', op: '=' }, { field: 'name', op: 'match' }], sort: [], limit: 50, share: 0.1 },
      ],
    },
    {
      name: 'FileVersion', table: 'file_versions', resource: 'versions', description: 'One stored version of a file; the bytes live in object storage.', domain: 'files',
      // Five saves of twenty writes a day.
      parent: 'File', rows: { writeShare: 0.25 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'file_id', type: 'uuid', description: 'File.', references: 'File', onDelete: 'cascade', example: FILE, distinct: 'high' },
        { name: 'object_key', type: 'short-text', description: 'Key of the content in object storage.', unique: true, maxLength: 512, serverGenerated: true, example: 'blobs/2c/26/2c26b46b68ff', distinct: 'unique' },
        { name: 'size_bytes', type: 'bigint', description: 'Size of this version.', min: 0, max: 53_687_091_200, example: 48_213, distinct: 'high' },
        { name: 'content_sha256', type: 'short-text', description: 'Hash of the content, to skip uploading bytes the store already has.', maxLength: 64, example: '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae', distinct: 'high' },
        { name: 'author_id', type: 'uuid', description: 'Who saved this version.', nullable: true, references: 'User', onDelete: 'set-null', example: USER, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'versions-of-file', description: 'Version history of a file, newest first.', kind: 'list', filters: [{ field: 'file_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.9 },
        { id: 'version-by-hash', description: 'Is this content already stored? (upload de-duplication)', kind: 'list', filters: [{ field: 'content_sha256', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 1, share: 0.1 },
      ],
    },
    {
      name: 'Share', table: 'shares', resource: 'shares', description: 'Access to a file or folder granted to a person or through a link.', domain: 'sharing',
      parent: 'File', rows: { perUser: 3 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'file_id', type: 'uuid', description: 'File or folder shared.', references: 'File', onDelete: 'cascade', example: FILE, distinct: 'high' },
        { name: 'grantee_id', type: 'uuid', description: 'Person it is shared with; empty for link shares.', nullable: true, references: 'User', onDelete: 'cascade', example: OTHER, distinct: 'high' },
        { name: 'role', type: 'enum', description: 'What the grantee may do.', values: ['viewer', 'commenter', 'editor'], example: 'viewer', distinct: 'low' },
        { name: 'link_token', type: 'short-text', description: 'Secret in the share link (256 bits, base64url); empty for person shares.', nullable: true, unique: true, maxLength: 43, serverGenerated: true, example: 'q3Zb7dJ0x9Vt1YcL2mN4pR6sT8uW0yA2cE4gI6kM8oQ', distinct: 'unique' },
        { name: 'expires_at', type: 'timestamp', description: 'When the share stops working.', nullable: true, example: '2026-03-01T00:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'shared-with-me', description: 'Files shared with a user, newest first.', kind: 'list', filters: [{ field: 'grantee_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.5 },
        { id: 'shares-of-file', description: 'Who has access to a file.', kind: 'list', filters: [{ field: 'file_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.3 },
        { id: 'share-by-token', description: 'Open a share link.', kind: 'lookup', filters: [{ field: 'link_token', op: '=' }], sort: [], share: 0.2 },
      ],
    },
    {
      name: 'Change', table: 'changes', resource: 'changes', description: 'The sync journal: one entry per change visible to an account, read by its devices with a cursor.', domain: 'sync',
      // One entry per tree change for the owner (~60 % of writes; the rest are upload URLs and
      // shares); shared folders add one per member. Entries older than 90 days are dropped and a
      // device that far behind does a full resync.
      readOnly: true, partitioned: true, rows: { writeShare: 0.6 }, rateLimitPerMinute: 300,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Account whose view changed.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'file_id', type: 'uuid', description: 'File that changed.', references: 'File', onDelete: 'cascade', example: FILE, distinct: 'high' },
        { name: 'action', type: 'enum', description: 'What happened.', values: ['created', 'modified', 'moved', 'renamed', 'deleted', 'restored'], example: 'modified', distinct: 'low' },
        { name: 'seq', type: 'bigint', description: 'Monotonic position in the journal; the sync cursor.', min: 0, serverGenerated: true, example: 1_048_576, distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'changes-since-cursor', description: 'A device pulls the changes after its cursor, in order.', kind: 'range', filters: [{ field: 'user_id', op: '=' }, { field: 'seq', op: '>=' }], sort: [{ field: 'seq', direction: 'asc' }], limit: 1_000, share: 1 },
      ],
    },
  ],
  actions: [
    { entity: 'File', name: 'upload-url', method: 'POST', purpose: 'Get a presigned URL (multipart for large files) to upload content straight to object storage.', operationId: 'createFileUploadUrl' },
    { entity: 'File', name: 'move', method: 'POST', purpose: 'Move or rename a file or folder atomically, refusing cycles.', operationId: 'moveFile' },
    { entity: 'File', name: 'restore', method: 'POST', purpose: 'Restore a file or folder from the trash.', operationId: 'restoreFile' },
    { entity: 'FileVersion', name: 'restore', method: 'POST', purpose: 'Make an older version the current one.', operationId: 'restoreFileVersion' },
  ],
  realtime: [
    { name: 'changes.available', entity: 'Change', direction: 'receive', purpose: 'Wake connected sync clients when their journal has new entries; they then pull with their cursor.' },
  ],
  events: [
    { name: 'file-version.created', entity: 'FileVersion', purpose: 'Thumbnails, virus scan and search indexing off the request path.' },
    { name: 'share.created', entity: 'Share', purpose: 'Email the person a file was shared with.' },
  ],
  mainFlow: {
    title: 'Save a new version and sync it to other devices',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/files/{id}/upload-url' },
      { from: 'gateway', to: 'app', message: 'authenticated request; quota check' },
      { from: 'app', to: 'object', message: 'presign a (multipart) PUT to a staging key' },
      { from: 'app', to: 'client', message: '200 with the presigned URL' },
      { from: 'client', to: 'object', message: 'PUT the bytes directly' },
      { from: 'client', to: 'gateway', message: 'POST /v1/files/{id}/versions (content hash, base version)' },
      { from: 'app', to: 'db', message: 'BEGIN; base version still current? else keep as a conflicted copy; INSERT version; UPDATE file; INSERT changes for every member; COMMIT' },
      { from: 'app', to: 'queue', message: 'publish file-version.created', async: true },
      { from: 'queue', to: 'realtime', message: 'changes.available for affected accounts', async: true },
      { from: 'realtime', to: 'client', message: 'other devices pull GET /v1/changes?cursor=', async: true },
      { from: 'queue', to: 'worker', message: 'thumbnail, virus scan, index', async: true },
    ],
  },
  functional: [
    { text: 'Upload and download files of up to 50 GB, resuming interrupted transfers', priority: 'must' },
    { text: 'Organise files in folders; move, rename and delete with a 30-day trash', priority: 'must' },
    { text: 'Every change syncs to the user\'s other devices within seconds', priority: 'must' },
    { text: 'Concurrent edits never silently overwrite each other (conflicted copies)', priority: 'must' },
    { text: 'Version history and restore of earlier versions', priority: 'should' },
    { text: 'Share files and folders with people or by link, with roles and expiry', priority: 'should' },
    { text: 'Search files by name', priority: 'should' },
    { text: 'Storage quotas per plan', priority: 'should' },
  ],
  failureModes: [
    { failure: 'Two devices edit the same file offline', impact: 'The later upload overwrites the earlier one and work is lost.', mitigation: 'Each commit names the version it was based on; a commit whose base is no longer current is kept as a conflicted copy instead of overwriting.', detection: 'Conflicted-copy rate per day.' },
    { failure: 'Orphaned or missing objects', impact: 'Uploads whose commit never happened leak storage cost; versions pointing at missing objects cannot be downloaded.', mitigation: 'Upload to a staging prefix with a lifecycle rule that expires it after 24 h; a reconciliation job compares the versions table with the bucket inventory.', detection: 'Daily inventory difference between bucket and database.' },
    { failure: 'Sync storm after an outage or a change to a large shared folder', impact: 'Millions of devices pull at once; the journal queries and the API saturate.', mitigation: 'Jittered reconnect, notify-then-pull with cursors, paged change lists, per-device rate limits.', detection: 'Request rate on /changes and journal query latency.' },
  ],
};
