import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const NOTIFICATION = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';

export const notifications: Archetype = {
  id: 'notifications',
  name: 'Notification service',
  description: 'Other services ask for notifications; each is routed by user preferences and quiet hours to push, email, SMS and an in-app inbox, delivered through external providers with retries and receipts.',
  keywords: [
    ['notification service', 3], ['notifications service', 3], ['notification system', 3], ['notifications system', 3],
    ['notification platform', 3], ['notifications platform', 3], ['notification center', 3], ['notification centre', 3],
    ['notification delivery', 3], ['transactional email', 3], ['apns', 3], ['fcm', 3], ['firebase cloud messaging', 3],
    ['quiet hours', 3], ['push notification', 1], ['push alert', 2], ['push message', 2], ['in-app notification', 2], ['notification', 1], ['sms', 2], ['twilio', 2],
    ['sendgrid', 2], ['mailgun', 2], ['amazon ses', 2], ['multi-channel', 2], ['omnichannel', 2], ['alerting', 1], ['notify', 1],
    ['notifies', 1], ['digest', 1], ['unsubscribe', 1], ['opt-out', 1], ['reminder', 1], ['broadcast', 1],
  ],
  domains: ['identity', 'preferences', 'delivery'],
  // About eight notifications per active user a day, each read about once in the inbox, plus
  // preference and device calls: ~1 read per write. Campaigns and breaking news send to
  // everyone at once, so the peak is 5x. The in-app inbox and delivery logs keep 90 days.
  defaults: {
    dau: 500_000, dauOverMau: 0.4, concurrencyRatio: 0.05, requestsPerUserPerDay: 20, peakFactor: 5,
    readWriteRatio: 1, recordBytes: 700, responseBytes: 3_000, requestBytes: 800,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 90, growthPerMonth: 0.05,
    // p99 is for accepting a request; delivery is asynchronous with its own latency objective.
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.5,
  },
  traits: {
    realtime: true, money: false, contention: false, fullTextSearch: false, timeSeries: false, geo: false,
    fanout: true, blobs: false, cdn: false, eventLog: false, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A recipient, with the addresses and locale used to reach them.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Email address for the email channel.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'phone', type: 'short-text', description: 'E.164 number for SMS.', nullable: true, maxLength: 16, personal: true, example: '+447700900123', distinct: 'high' },
        { name: 'locale', type: 'short-text', description: 'BCP 47 locale for templates.', maxLength: 16, example: 'en-GB', distinct: 'low' },
        { name: 'timezone', type: 'short-text', description: 'IANA time zone, for quiet hours and digests.', maxLength: 64, example: 'Europe/London', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a recipient by email (sign-in, bounces and complaints).', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Device', table: 'devices', resource: 'devices', description: 'A push token of one app installation.', domain: 'preferences',
      parent: 'User', rows: { perUser: 1.5 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Owner.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'platform', type: 'enum', description: 'Push service to use.', values: ['ios', 'android', 'web'], example: 'ios', distinct: 'low' },
        { name: 'push_token', type: 'short-text', description: 'APNs or FCM token, or a web push endpoint.', unique: true, maxLength: 512, personal: true, example: '740f4707bebcf74f9b7c25d48e3358945f6aa01da5ddb387462c7eaf61bb78ad', distinct: 'unique' },
        { name: 'app_version', type: 'short-text', description: 'App version, for payload compatibility.', maxLength: 32, example: '5.12.0', distinct: 'low' },
        { name: 'last_active_at', type: 'timestamp', description: 'Last time the app opened; stale tokens are pruned.', serverGenerated: true, example: '2026-01-15T10:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'devices-of-user', description: 'A user\'s devices to push to, most recently active first.', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'last_active_at', direction: 'desc' }], limit: 20, share: 0.9 },
        { id: 'device-by-token', description: 'Deactivate a token the push service reports as invalid.', kind: 'lookup', filters: [{ field: 'push_token', op: '=' }], sort: [], share: 0.1 },
      ],
    },
    {
      name: 'Preference', table: 'preferences', resource: 'preferences', description: 'Whether a user wants a category of notification on a channel.', domain: 'preferences',
      parent: 'User', rows: { perUser: 8 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'User.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'category', type: 'short-text', description: 'Notification category (security, orders, social, marketing).', maxLength: 64, example: 'marketing', distinct: 'low' },
        { name: 'channel', type: 'enum', description: 'Channel.', values: ['push', 'email', 'sms', 'in_app'], example: 'email', distinct: 'low' },
        { name: 'enabled', type: 'boolean', description: 'Opted in.', example: false, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'preferences-of-user', description: 'All preferences of a user (routing, cached, and the settings page).', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 1 },
      ],
    },
    {
      name: 'Template', table: 'templates', resource: 'templates', description: 'The wording of a notification for one channel and locale.', domain: 'delivery',
      rows: { perUser: 0.0005 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'key', type: 'short-text', description: 'Template name producers refer to.', maxLength: 100, example: 'order-shipped', distinct: 'medium' },
        { name: 'channel', type: 'enum', description: 'Channel.', values: ['push', 'email', 'sms', 'in_app'], example: 'push', distinct: 'low' },
        { name: 'locale', type: 'short-text', description: 'BCP 47 locale.', maxLength: 16, example: 'en-GB', distinct: 'low' },
        { name: 'subject', type: 'short-text', description: 'Title or email subject, with placeholders.', nullable: true, maxLength: 200, example: 'Your order {{order_number}} is on its way', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Body with placeholders.', maxLength: 20_000, example: 'Track it here: {{tracking_url}}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'template-for-channel', description: 'The template to render for a key, channel and locale (cached).', kind: 'lookup', filters: [{ field: 'key', op: '=' }, { field: 'channel', op: '=' }, { field: 'locale', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Notification', table: 'notifications', resource: 'notifications', description: 'One notification for one user; also the in-app inbox item.', domain: 'delivery',
      // Eight of the ~ten writes per active user a day are notifications; the rest mark them read.
      parent: 'User', partitioned: true, rows: { writeShare: 0.8 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'user_id', type: 'uuid', description: 'Recipient.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'category', type: 'short-text', description: 'Category, matched against preferences.', maxLength: 64, example: 'orders', distinct: 'low' },
        { name: 'title', type: 'short-text', description: 'Rendered title.', maxLength: 200, personal: true, example: 'Your order 1042 is on its way', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Rendered body.', maxLength: 2_000, personal: true, example: 'Arriving Thursday.', distinct: 'high' },
        { name: 'is_read', type: 'boolean', description: 'Read in the inbox.', example: false, distinct: 'low' },
        { name: 'dedupe_key', type: 'short-text', description: 'Producer-chosen key; the same key is never delivered twice.', unique: true, maxLength: 128, example: 'order-1042-shipped', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'inbox', description: 'A user\'s in-app inbox, newest first.', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 30, share: 0.8 },
        { id: 'unread-of-user', description: 'Unread notifications (badge count).', kind: 'list', filters: [{ field: 'user_id', op: '=' }, { field: 'is_read', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.2 },
      ],
    },
    {
      name: 'DeliveryAttempt', table: 'delivery_attempts', resource: 'deliveries', description: 'One attempt to deliver a notification on one channel through a provider.', domain: 'delivery',
      // Written by the delivery workers: ~1.2 attempts per notification (one per channel used,
      // some retried).
      parent: 'Notification', readOnly: true, partitioned: true, rows: { writeShare: 0.95 },
      fields: [
        { name: 'notification_id', type: 'uuid', description: 'Notification.', references: 'Notification', onDelete: 'cascade', example: NOTIFICATION, distinct: 'high' },
        { name: 'channel', type: 'enum', description: 'Channel tried.', values: ['push', 'email', 'sms', 'in_app'], example: 'push', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Outcome so far.', values: ['queued', 'sent', 'delivered', 'failed', 'suppressed'], example: 'delivered', distinct: 'low' },
        { name: 'provider_message_id', type: 'short-text', description: 'Id the provider returned, to match delivery receipts.', nullable: true, unique: true, maxLength: 128, example: 'SM3f1e2d4c5b6a7980', distinct: 'unique' },
        { name: 'error', type: 'short-text', description: 'Provider error, when failed.', nullable: true, maxLength: 500, example: 'Unregistered', distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'attempts-of-notification', description: 'Delivery history of a notification (support, debugging).', kind: 'list', filters: [{ field: 'notification_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 10, share: 0.6 },
        { id: 'attempt-by-provider-id', description: 'Match a provider delivery receipt or bounce to its attempt.', kind: 'lookup', filters: [{ field: 'provider_message_id', op: '=' }], sort: [], share: 0.4 },
      ],
    },
  ],
  actions: [
    { entity: 'Notification', name: 'read', method: 'POST', purpose: 'Mark a notification read.', operationId: 'markNotificationRead' },
    { entity: 'User', name: 'read-all', method: 'POST', purpose: 'Mark every notification of the user read.', operationId: 'markAllNotificationsRead' },
    { entity: 'Template', name: 'broadcast', method: 'POST', purpose: 'Send a template to an audience segment, spread over time at a capped rate.', operationId: 'broadcastTemplate' },
  ],
  realtime: [
    { name: 'notification.created', entity: 'Notification', direction: 'receive', purpose: 'New inbox items for connected sessions.' },
    { name: 'unread.count', entity: 'Notification', direction: 'receive', purpose: 'Badge count updates, also when read on another device.' },
  ],
  events: [
    { name: 'notification.requested', entity: 'Notification', purpose: 'The router applies preferences, quiet hours and frequency caps, renders the templates and queues one job per channel.' },
    { name: 'delivery.failed', entity: 'DeliveryAttempt', purpose: 'Retry with backoff, fall back to another channel, or park in the dead-letter queue.' },
  ],
  mainFlow: {
    title: 'Send a notification across channels',
    steps: [
      { from: 'client', to: 'gateway', message: 'producer service: POST /v1/users/{id}/notifications (dedupe_key)' },
      { from: 'gateway', to: 'app', message: 'service credentials; per-producer rate limit' },
      { from: 'app', to: 'db', message: 'INSERT notification ON CONFLICT (dedupe_key) DO NOTHING' },
      { from: 'app', to: 'queue', message: 'publish notification.requested (priority by category)', async: true },
      { from: 'app', to: 'client', message: '202 Accepted' },
      { from: 'queue', to: 'worker', message: 'route: preferences, quiet hours, caps', async: true },
      { from: 'worker', to: 'cache', message: 'preferences, devices and templates', async: true },
      { from: 'worker', to: 'external', message: 'APNs / FCM / email / SMS provider, each behind its own queue and circuit breaker', async: true },
      { from: 'worker', to: 'db', message: 'INSERT delivery attempts', async: true },
      { from: 'worker', to: 'realtime', message: 'notification.created for connected sessions', async: true },
      { from: 'realtime', to: 'client', message: 'inbox item and badge', async: true },
    ],
  },
  functional: [
    { text: 'Services request notifications for a user by category; delivery is asynchronous', priority: 'must' },
    { text: 'Deliver by push, email, SMS and in-app inbox according to the user\'s preferences', priority: 'must' },
    { text: 'A notification is never delivered twice for the same dedupe key', priority: 'must' },
    { text: 'Quiet hours and frequency caps per user, except for security messages', priority: 'should' },
    { text: 'In-app inbox with read state synced across devices', priority: 'should' },
    { text: 'Delivery receipts, bounces and invalid tokens are processed', priority: 'should' },
    { text: 'Localised templates', priority: 'should' },
    { text: 'Campaign broadcasts to a segment at a controlled rate', priority: 'could' },
  ],
  failureModes: [
    { failure: 'A provider is down or throttling', impact: 'A channel stops delivering; retries pile up and can block other channels.', mitigation: 'One queue per provider (bulkhead), circuit breaker, retries with exponential backoff and jitter, failover to a secondary provider, dead-letter queue.', detection: 'Provider error rate and queue age per channel.' },
    { failure: 'Duplicate sends on retry', impact: 'Users get the same SMS or push several times, and SMS costs multiply.', mitigation: 'Unique dedupe key, one delivery record per (notification, channel) checked before sending, provider idempotency where offered.', detection: 'Duplicate rate per channel.' },
    { failure: 'A broadcast floods the queues', impact: 'Password resets and one-time codes wait behind a marketing campaign.', mitigation: 'Separate priority queues with reserved capacity for transactional messages; campaigns sent at a capped rate.', detection: 'Queue age of the transactional priority.' },
    { failure: 'Stale push tokens accumulate', impact: 'Wasted sends and provider throttling.', mitigation: 'Delete tokens the provider reports as unregistered; prune tokens inactive for months.', detection: 'Invalid-token rate.' },
  ],
};
