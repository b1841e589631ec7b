import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const DEVICE = '6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8a9b0c';
const RULE = '7a8b9c0d-1e2f-4a3b-8c4d-6e7f8a9b0c1d';

export const iotTelemetry: Archetype = {
  id: 'iot-telemetry',
  name: 'IoT telemetry',
  description: 'A fleet of devices streams sensor readings that are stored as time series, charted on dashboards and checked against alert rules; operators send commands back.',
  keywords: [
    ['iot', 3], ['internet of things', 3], ['sensor', 3], ['telemetry', 3], ['mqtt', 3], ['smart home', 3], ['smart meter', 3],
    ['connected device', 3], ['sensor reading', 3], ['industrial monitoring', 3], ['iiot', 3], ['scada', 3], ['plc', 2], ['thermostat', 2],
    ['firmware', 2], ['time-series', 2], ['time series', 2], ['timeseries', 2], ['temperature', 2], ['humidity', 2], ['vibration', 2],
    ['wearable', 2], ['meter', 2], ['heart rate', 1], ['smart plug', 2], ['fleet', 1], ['edge gateway', 2],
  ],
  domains: ['identity', 'devices', 'telemetry', 'alerting'],
  // "Users" here are devices (briefs count devices or sensors). Each sends one sample a minute
  // (devices sending several metrics per message count each as a request); dashboards and
  // queries read ~1 time for every 20 samples written. Machines report steadily, so the peak is
  // low (1.5x); reconnect storms are the real spike. A narrow row (device, metric, value, two
  // times, indexes) is ~150 bytes before TimescaleDB compression (typically 90 %+). Raw data is
  // kept a year; hourly roll-ups can be kept longer.
  defaults: {
    dau: 50_000, dauOverMau: 0.95, concurrencyRatio: 0.8, requestsPerUserPerDay: 1_440, peakFactor: 1.5,
    readWriteRatio: 0.05, recordBytes: 150, responseBytes: 20_000, requestBytes: 300,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 365, growthPerMonth: 0.05,
    // Devices buffer and retry, so ingestion tolerates brief outages; p99 is for dashboards
    // reading a day of points per chart.
    availability: 0.999, p99Ms: 300, cacheHitRate: 0.3,
  },
  traits: {
    realtime: true, money: false, contention: false, fullTextSearch: false, timeSeries: true, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: true, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An operator who manages devices and dashboards.', domain: 'identity',
      // About one operator per 100 devices.
      softDelete: true, rows: { perUser: 0.01 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown in the console.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'role', type: 'enum', description: 'What the operator may do.', values: ['admin', 'operator', 'viewer'], example: 'operator', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Device', table: 'devices', resource: 'devices', description: 'A registered device with its identity, firmware and connection state.', domain: 'devices',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'owner_id', type: 'uuid', description: 'Account responsible for the device.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'serial_number', type: 'short-text', description: 'Manufacturer serial, also the client id of its certificate.', unique: true, maxLength: 64, example: 'TH-2026-004211', distinct: 'unique' },
        { name: 'model', type: 'short-text', description: 'Hardware model.', maxLength: 64, example: 'TH-200', distinct: 'low' },
        { name: 'firmware_version', type: 'short-text', description: 'Running firmware, for staged updates.', maxLength: 32, example: '2.4.1', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Connection and lifecycle state.', values: ['provisioned', 'online', 'offline', 'decommissioned'], example: 'online', distinct: 'low' },
        { name: 'last_seen_at', type: 'timestamp', description: 'Last message received.', nullable: true, serverGenerated: true, example: '2026-01-15T10:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'devices-of-owner', description: 'An operator\'s devices in a state, most recently seen first.', kind: 'list', filters: [{ field: 'owner_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'last_seen_at', direction: 'desc' }], limit: 100, share: 0.5 },
        { id: 'device-by-serial', description: 'Authenticate a connecting device by its serial.', kind: 'lookup', filters: [{ field: 'serial_number', op: '=' }], sort: [], share: 0.3 },
        { id: 'silent-devices', description: 'Online devices not seen since a cut-off, for the watchdog that marks them offline.', kind: 'range', filters: [{ field: 'status', op: '=' }, { field: 'last_seen_at', op: '<=' }], sort: [{ field: 'last_seen_at', direction: 'asc' }], limit: 500, share: 0.2 },
      ],
    },
    {
      name: 'Reading', table: 'readings', resource: 'readings', description: 'One sensor sample: a metric\'s value at a time.', domain: 'telemetry',
      store: 'timeseries', partitioned: true, parent: 'Device', rows: { writeShare: 0.99 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'device_id', type: 'uuid', description: 'Device that measured it.', references: 'Device', onDelete: 'cascade', example: DEVICE, distinct: 'high' },
        { name: 'metric', type: 'short-text', description: 'What was measured, with its unit.', maxLength: 64, example: 'temperature_c', distinct: 'low' },
        { name: 'value', type: 'double', description: 'Measured value.', example: 21.4, distinct: 'high' },
        { name: 'recorded_at', type: 'timestamp', description: 'Device time of the measurement (created_at is the ingestion time).', example: '2026-01-15T10:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'metric-history', description: 'A metric of a device from a start time (charts, exports).', kind: 'range', filters: [{ field: 'device_id', op: '=' }, { field: 'metric', op: '=' }, { field: 'recorded_at', op: '>=' }], sort: [{ field: 'recorded_at', direction: 'desc' }], limit: 10_000, share: 0.7 },
        { id: 'latest-readings', description: 'The latest samples of a device (device page, live tiles).', kind: 'list', filters: [{ field: 'device_id', op: '=' }], sort: [{ field: 'recorded_at', direction: 'desc' }], limit: 50, share: 0.3 },
      ],
    },
    {
      name: 'AlertRule', table: 'alert_rules', resource: 'alert-rules', description: 'A threshold on a device metric that raises an alert.', domain: 'alerting',
      parent: 'Device', rows: { perUser: 2 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'device_id', type: 'uuid', description: 'Device watched.', references: 'Device', onDelete: 'cascade', example: DEVICE, distinct: 'high' },
        { name: 'metric', type: 'short-text', description: 'Metric watched.', maxLength: 64, example: 'temperature_c', distinct: 'low' },
        { name: 'comparison', type: 'enum', description: 'How the value is compared with the threshold.', values: ['gt', 'gte', 'lt', 'lte'], example: 'gt', distinct: 'low' },
        { name: 'threshold', type: 'double', description: 'Threshold value.', example: 30, distinct: 'medium' },
        { name: 'window_seconds', type: 'integer', description: 'How long the condition must hold before alerting.', min: 0, max: 86_400, example: 300, distinct: 'low' },
        { name: 'enabled', type: 'boolean', description: 'Rule is evaluated.', example: true, distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'rules-of-device', description: 'Enabled rules of a device, loaded by the stream evaluator.', kind: 'list', filters: [{ field: 'device_id', op: '=' }, { field: 'enabled', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 50, share: 1 },
      ],
    },
    {
      name: 'Alert', table: 'alerts', resource: 'alerts', description: 'A rule that fired, until it is acknowledged and resolved.', domain: 'alerting',
      rows: { writeShare: 0.0001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'rule_id', type: 'uuid', description: 'Rule that fired.', references: 'AlertRule', onDelete: 'cascade', example: RULE, distinct: 'high' },
        { name: 'device_id', type: 'uuid', description: 'Device concerned.', references: 'Device', onDelete: 'cascade', example: DEVICE, distinct: 'high' },
        { name: 'value', type: 'double', description: 'Value that crossed the threshold.', example: 31.2, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Handling state.', values: ['open', 'acknowledged', 'resolved'], example: 'open', distinct: 'low' },
        { name: 'resolved_at', type: 'timestamp', description: 'When the condition cleared.', nullable: true, example: '2026-01-15T10:20:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'alerts-by-status', description: 'Open or acknowledged alerts, newest first (operations console).', kind: 'list', filters: [{ field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.5 },
        { id: 'alerts-of-device', description: 'Alert history of a device.', kind: 'list', filters: [{ field: 'device_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.5 },
      ],
    },
  ],
  actions: [
    { entity: 'Device', name: 'commands', method: 'POST', purpose: 'Send a command (reboot, configuration, firmware update) to the device through its command topic.', operationId: 'sendDeviceCommand' },
    { entity: 'Device', name: 'rotate-credentials', method: 'POST', purpose: 'Issue a new device certificate and revoke the old one.', operationId: 'rotateDeviceCredentials' },
    { entity: 'Alert', name: 'acknowledge', method: 'POST', purpose: 'An operator takes ownership of an alert.', operationId: 'acknowledgeAlert' },
  ],
  realtime: [
    { name: 'reading.latest', entity: 'Reading', direction: 'receive', purpose: 'Latest values of the devices on an open dashboard.' },
    { name: 'alert.opened', entity: 'Alert', direction: 'receive', purpose: 'New alerts in the operations console.' },
  ],
  events: [
    { name: 'reading.received', entity: 'Reading', purpose: 'The ingestion stream, partitioned by device: stored in batches, evaluated against alert rules, replayable after a consumer fault.' },
    { name: 'alert.opened', entity: 'Alert', purpose: 'Page the on-call operator by email, SMS or push.' },
    { name: 'device.offline', entity: 'Device', purpose: 'Raise a connectivity alert when a device goes silent.' },
  ],
  mainFlow: {
    title: 'Ingest a reading and raise an alert',
    steps: [
      { from: 'client', to: 'gateway', message: 'device publishes a batch (MQTT or POST /v1/devices/{id}/readings) with its certificate' },
      { from: 'gateway', to: 'app', message: 'authenticated device; per-device rate limit' },
      { from: 'app', to: 'queue', message: 'produce the batch to the readings stream, keyed by device (acks=all)' },
      { from: 'app', to: 'client', message: '202 Accepted' },
      { from: 'queue', to: 'worker', message: 'consume batches in device order', async: true },
      { from: 'worker', to: 'tsdb', message: 'batched INSERT into the readings hypertable', async: true },
      { from: 'worker', to: 'cache', message: 'update latest values; evaluate the device\'s rules over their windows', async: true },
      { from: 'worker', to: 'db', message: 'INSERT alert when a rule fires; UPDATE device last_seen_at', async: true },
      { from: 'worker', to: 'realtime', message: 'reading.latest and alert.opened', async: true },
      { from: 'realtime', to: 'client', message: 'dashboard updates', async: true },
    ],
  },
  functional: [
    { text: 'Provision devices with their own credentials and revoke them', priority: 'must' },
    { text: 'Ingest readings from every device continuously, without loss when devices reconnect with buffered data', priority: 'must' },
    { text: 'Chart any metric of a device over a chosen period', priority: 'must' },
    { text: 'Alert when a metric crosses a threshold for a time window, and when a device goes silent', priority: 'must' },
    { text: 'Live dashboards of the latest values', priority: 'should' },
    { text: 'Send commands and firmware updates to devices', priority: 'should' },
    { text: 'Roll-ups (hourly, daily) kept longer than the raw data', priority: 'should' },
  ],
  failureModes: [
    { failure: 'Reconnect storm after a network or broker outage', impact: 'All devices reconnect and upload buffered data at once; ingestion falls behind and connections are refused.', mitigation: 'Jittered reconnect backoff in the firmware, connection rate limits at the broker, the stream buffering the backlog, consumers that scale out.', detection: 'Consumer lag and connection attempts per second.' },
    { failure: 'Device clocks are wrong or data arrives late', impact: 'Points land at the wrong time; charts and alert windows are wrong.', mitigation: 'Store device time and ingestion time, flag samples far from server time, accept late inserts, de-duplicate on (device, metric, recorded_at).', detection: 'Distribution of device-to-server clock skew.' },
    { failure: 'Raw data outgrows storage', impact: 'Disk fills; queries over long periods slow down.', mitigation: 'Retention policy dropping raw chunks after the retention period, continuous aggregates for long-range charts, native compression of older chunks.', detection: 'Disk growth against the capacity forecast.' },
    { failure: 'A compromised device floods fake data', impact: 'Dashboards and alerts are polluted; ingestion capacity is consumed.', mitigation: 'Per-device certificates, per-device rate limits, plausibility bounds per metric, fast revocation.', detection: 'Messages per device above its expected rate.' },
  ],
};
