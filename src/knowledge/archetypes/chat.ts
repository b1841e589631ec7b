import type { Archetype } from './_types.js';

export const chat: Archetype = {
  id: 'chat',
  name: 'Real-time chat / messaging',
  description: 'One-to-one and group conversations with message history, delivery in real time, presence and media attachments.',
  keywords: [
    ['chat', 3], ['messaging', 3], ['messenger', 3], ['instant message', 3], ['direct message', 2], ['group chat', 3],
    ['conversation', 1], ['channels', 1], ['slack', 2], ['whatsapp', 2], ['presence', 1], ['typing indicator', 2],
  ],
  domains: ['identity', 'conversations', 'messaging', 'media'],
  defaults: {
    dau: 100_000, dauOverMau: 0.5, concurrencyRatio: 0.1, requestsPerUserPerDay: 120, peakFactor: 3,
    readWriteRatio: 4, recordBytes: 400, responseBytes: 4_000, requestBytes: 500,
    blobsPerUserPerDay: 0.5, blobBytes: 300_000, retentionDays: 730, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.8,
  },
  traits: {
    realtime: true, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: true, blobs: true, cdn: false, eventLog: false, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A person who can sign in and chat.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown to others.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'avatar_url', type: 'text', description: 'Profile picture location.', nullable: true, maxLength: 2048, example: 'https://cdn.example.com/a/1.png', distinct: 'high' },
        { name: 'last_seen_at', type: 'timestamp', description: 'Last activity, for presence.', nullable: true, serverGenerated: true, example: '2026-01-01T12:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in and invitation.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 0.6 },
        { id: 'users-by-name', description: 'Find people to start a conversation with by name prefix.', kind: 'search', filters: [{ field: 'display_name', op: 'prefix' }], sort: [{ field: 'display_name', direction: 'asc' }], limit: 20, share: 0.4 },
      ],
    },
    {
      name: 'Conversation', table: 'conversations', resource: 'conversations', description: 'A direct or group conversation.', domain: 'conversations',
      softDelete: true, rows: { perUser: 8 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'kind', type: 'enum', description: 'Direct (two people) or group.', values: ['direct', 'group'], example: 'group', distinct: 'low' },
        { name: 'title', type: 'short-text', description: 'Group name; empty for direct conversations.', nullable: true, maxLength: 120, example: 'Launch team', distinct: 'high' },
        { name: 'created_by', type: 'uuid', description: 'Creator.', references: 'User', onDelete: 'restrict', example: '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f', distinct: 'high' },
        { name: 'last_message_at', type: 'timestamp', description: 'Time of the latest message, for ordering the inbox.', nullable: true, serverGenerated: true, example: '2026-01-01T12:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'conversations-by-creator', description: 'Conversations a user started, newest activity first.', kind: 'list', filters: [{ field: 'created_by', op: '=' }], sort: [{ field: 'last_message_at', direction: 'desc' }], limit: 50, share: 1 },
      ],
    },
    {
      name: 'Membership', table: 'memberships', resource: 'members', description: 'A user taking part in a conversation, with their read position.', domain: 'conversations',
      parent: 'Conversation', rows: { perUser: 12 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'conversation_id', type: 'uuid', description: 'Conversation.', references: 'Conversation', onDelete: 'cascade', example: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', distinct: 'high' },
        { name: 'user_id', type: 'uuid', description: 'Member.', references: 'User', onDelete: 'cascade', example: '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f', distinct: 'high' },
        { name: 'role', type: 'enum', description: 'Permissions in the conversation.', values: ['owner', 'admin', 'member'], example: 'member', distinct: 'low' },
        { name: 'last_read_at', type: 'timestamp', description: 'Read receipt position.', nullable: true, example: '2026-01-01T12:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'inbox', description: "A user's conversations (the inbox), most recent first.", kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.7 },
        { id: 'members-of-conversation', description: 'Members of a conversation, to fan out a new message.', kind: 'list', filters: [{ field: 'conversation_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 500, share: 0.3 },
      ],
    },
    {
      name: 'Message', table: 'messages', resource: 'messages', description: 'A message posted in a conversation.', domain: 'messaging',
      parent: 'Conversation', softDelete: true, partitioned: true, rows: { writeShare: 0.9 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'conversation_id', type: 'uuid', description: 'Conversation it belongs to.', references: 'Conversation', onDelete: 'cascade', example: '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6', distinct: 'high' },
        { name: 'sender_id', type: 'uuid', description: 'Author.', references: 'User', onDelete: 'restrict', example: '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Message text.', maxLength: 4000, personal: true, example: 'See you at 10?', distinct: 'high' },
        { name: 'client_message_id', type: 'short-text', description: 'Id the sending device chose, to drop duplicate sends.', unique: true, maxLength: 64, example: 'c-01HZX3', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'conversation-history', description: 'Page back through a conversation, newest first.', kind: 'list', filters: [{ field: 'conversation_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.85 },
        { id: 'message-search', description: 'Full-text search in message bodies.', kind: 'search', filters: [{ field: 'body', op: 'match' }], sort: [], limit: 20, share: 0.15 },
      ],
    },
    {
      name: 'Attachment', table: 'attachments', resource: 'attachments', description: 'A file or image attached to a message; the bytes live in object storage.', domain: 'media',
      rows: { writeShare: 0.05 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'message_id', type: 'uuid', description: 'Message it is attached to.', references: 'Message', onDelete: 'cascade', nullable: true, example: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', distinct: 'high' },
        { name: 'uploader_id', type: 'uuid', description: 'Who uploaded it.', references: 'User', onDelete: 'restrict', example: '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f', distinct: 'high' },
        { name: 'content_type', type: 'short-text', description: 'MIME type.', maxLength: 127, example: 'image/png', distinct: 'low' },
        { name: 'size_bytes', type: 'bigint', description: 'Size of the object.', min: 0, max: 104857600, example: 284000, distinct: 'high' },
        { name: 'object_key', type: 'short-text', description: 'Key in object storage.', unique: true, maxLength: 512, serverGenerated: true, example: 'att/2026/01/0a1b2c3d', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'attachments-of-message', description: 'Attachments of a message.', kind: 'list', filters: [{ field: 'message_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 10, share: 1 },
      ],
    },
  ],
  actions: [
    { entity: 'Conversation', name: 'receipts', method: 'POST', purpose: 'Record a read receipt: the conversation is read up to a message.', operationId: 'createReadReceipt' },
  ],
  realtime: [
    { name: 'message.created', entity: 'Message', direction: 'receive', purpose: 'New messages in the conversations the user is a member of.' },
    { name: 'typing', entity: 'Membership', direction: 'both', purpose: 'Typing indicators; not stored.' },
    { name: 'presence', entity: 'User', direction: 'receive', purpose: 'Online/offline status of contacts.' },
  ],
  events: [
    { name: 'message.created', entity: 'Message', purpose: 'Fan a new message out to members connected to other nodes, and to push notifications for offline members.' },
  ],
  mainFlow: {
    title: 'Send a message',
    steps: [
      { from: 'client', to: 'realtime', message: 'send(message, client_message_id) over WebSocket' },
      { from: 'realtime', to: 'app', message: 'POST /v1/conversations/{id}/messages (Idempotency-Key)' },
      { from: 'app', to: 'db', message: 'INSERT message; check membership' },
      { from: 'app', to: 'queue', message: 'publish message.created', async: true },
      { from: 'queue', to: 'realtime', message: 'deliver to nodes holding members\' sockets', async: true },
      { from: 'realtime', to: 'client', message: 'message.created to each connected member', async: true },
      { from: 'queue', to: 'worker', message: 'push notification for offline members', async: true },
    ],
  },
  functional: [
    { text: 'Send and receive messages in one-to-one and group conversations in real time', priority: 'must' },
    { text: 'Message history that survives reconnects and new devices, paged newest first', priority: 'must' },
    { text: 'Each message delivered once even when the client retries (idempotent send)', priority: 'must' },
    { text: 'Read receipts and typing indicators', priority: 'should' },
    { text: 'Presence (online/offline)', priority: 'should' },
    { text: 'Image and file attachments', priority: 'should' },
    { text: 'Search in message history', priority: 'could' },
  ],
  failureModes: [
    { failure: 'A WebSocket node dies', impact: 'Its connected users drop and reconnect; messages in flight to them are not delivered live.', mitigation: 'Clients reconnect with jittered backoff to any node and fetch history since their last seen message id; no session state pinned to a node.', detection: 'Connection count per node and reconnect rate.' },
    { failure: 'Fan-out backlog (a very large group or a burst)', impact: 'Delivery latency grows for everyone sharing the broker.', mitigation: 'Per-conversation partitions, bounded fan-out per event, large groups delivered by pull on reconnect.', detection: 'Broker queue depth and end-to-end delivery latency SLI.' },
  ],
};
