/**
 * Per-node working limits the capacity plan and `archie scale` size against. They are planning
 * figures, deliberately conservative, each with where it comes from. A team that measured its own
 * service should override them (flags / brief fields named in `override`).
 */
export interface NodeLimit {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Where the figure comes from. */
  source: string;
  /** How to override it. */
  override: string | null;
}

const L = (id: string, label: string, value: number, unit: string, source: string, override: string | null = null): NodeLimit => ({
  id, label, value, unit, source, override,
});

export const LIMITS = {
  appRpsPerInstance: L('app-rps-per-instance', 'Requests/s one app instance (1 vCPU) sustains at the latency target', 300, 'req/s',
    'archie rule of thumb for a JSON API doing 1–3 indexed queries per request on 1 vCPU; measure yours with a load test', 'brief: limits.appRpsPerInstance / --rps-per-instance'),
  appTargetUtilisation: L('app-target-utilisation', 'CPU utilisation an autoscaled fleet is sized for', 0.6, 'fraction',
    'headroom so that losing one zone or a burst before autoscaling reacts stays within the latency target'),
  pgWritesPerPrimary: L('pg-writes-per-primary', 'Row writes/s one PostgreSQL primary sustains (8 vCPU, SSD, synchronous commit)', 5_000, 'writes/s',
    'conservative planning figure below typical pgbench TPC-B results on 8 vCPU instances; WAL and index maintenance dominate', 'brief: limits.pgWritesPerPrimary'),
  pgReadsPerNode: L('pg-reads-per-node', 'Indexed point/range reads/s one PostgreSQL node serves (8 vCPU)', 15_000, 'queries/s',
    'conservative figure below pgbench select-only results on 8 vCPU instances with the hot set in memory', 'brief: limits.pgReadsPerNode'),
  pgMaxConnections: L('pg-max-connections', 'Server connections one PostgreSQL node runs well with', 300, 'connections',
    'each backend is a process with its own memory; past a few hundred, use a pooler (PgBouncer) in transaction mode'),
  pgStoragePerNode: L('pg-storage-per-node', 'Data one PostgreSQL node holds before vacuum, backup and restore times hurt', 2_000, 'GB',
    'operational rule of thumb: restore from backup within the recovery time objective; managed services cap volumes at 64 TB'),
  pgQueryMs: L('pg-query-ms', 'Mean time a request holds a database connection', 5, 'ms', 'indexed queries at the latency target; Little\'s law input for pool sizing'),
  redisOpsPerNode: L('redis-ops-per-node', 'Operations/s one Redis primary serves', 100_000, 'ops/s', 'Redis documentation: a single instance serves 100k+ simple ops/s; it is single-threaded for commands'),
  redisMemoryPerNode: L('redis-memory-per-node', 'Usable memory per cache node', 12, 'GiB', 'a 16 GiB node with 25 % reserved for overhead and fragmentation'),
  kafkaMBpsPerPartition: L('kafka-mbps-per-partition', 'Write throughput per Kafka partition', 10, 'MB/s', 'Confluent sizing guidance: plan ~10 MB/s per partition for producers'),
  kafkaMsgsPerBroker: L('kafka-msgs-per-broker', 'Messages/s per Kafka broker (1 KB messages, replication 3)', 50_000, 'msg/s', 'conservative figure from published Kafka broker benchmarks'),
  rabbitMsgsPerNode: L('rabbit-msgs-per-node', 'Persistent messages/s per RabbitMQ node', 20_000, 'msg/s', 'RabbitMQ documentation: tens of thousands of persistent messages/s per node, less with quorum queues'),
  natsMsgsPerNode: L('nats-msgs-per-node', 'Messages/s per NATS server (JetStream persisted)', 200_000, 'msg/s', 'NATS documentation benchmarks: millions/s core, hundreds of thousands/s with JetStream'),
  wsConnectionsPerNode: L('ws-connections-per-node', 'Concurrent WebSocket connections per realtime node (2 vCPU, 4 GiB)', 50_000, 'connections',
    'planning figure: ~20–40 KiB per idle connection and a fan-out budget; file-descriptor limits raised', 'brief: limits.wsConnectionsPerNode'),
  searchDocsPerNode: L('search-index-per-node', 'Documents indexed/s per search node', 5_000, 'docs/s', 'conservative Elasticsearch/OpenSearch bulk-indexing figure for small documents'),
  searchQpsPerNode: L('search-qps-per-node', 'Search queries/s per search node', 500, 'queries/s', 'conservative figure for full-text queries with highlighting on a 4 vCPU node'),
  searchStoragePerNode: L('search-storage-per-node', 'Index data one search node holds (primary and replica shards)', 200, 'GB',
    'OpenSearch sizing guidance: ~1:30 memory to storage for search, on an 8 GiB node'),
  workerMsgsPerInstance: L('worker-msgs-per-instance', 'Messages/s one background worker (0.5 vCPU) consumes', 500, 'msg/s',
    'archie rule of thumb: one indexed write or outbound call per message; measure yours'),
  keycloakSignInsPerVcpu: L('keycloak-sign-ins-per-vcpu', 'Password sign-ins/s one Keycloak vCPU serves', 15, 'sign-ins/s',
    'Keycloak docs, sizing CPU and memory: 1 vCPU per 15 password logins/s'),
  keycloakRefreshesPerVcpu: L('keycloak-refreshes-per-vcpu', 'Token refreshes/s one Keycloak vCPU serves', 120, 'refreshes/s',
    'Keycloak docs, sizing CPU and memory: 1 vCPU per 120 refreshes/s'),
  wideColumnWritesPerNode: L('wide-column-writes-per-node', 'Writes/s per Cassandra node', 15_000, 'writes/s', 'conservative Cassandra figure for small rows on 8 vCPU; ScyllaDB sustains several times more'),
  tsdbRowsPerNode: L('tsdb-rows-per-node', 'Rows/s ingested per TimescaleDB node', 100_000, 'rows/s', 'Timescale documentation: batched inserts reach 100k+ rows/s per node'),
  s3PutPerPrefix: L('s3-put-per-prefix', 'PUT/s per S3 prefix', 3_500, 'req/s', 'AWS S3 documentation: 3,500 PUT/COPY/POST/DELETE and 5,500 GET/HEAD requests per second per prefix'),
  sqsFifoPerQueue: L('sqs-fifo-per-queue', 'Messages/s per SQS FIFO queue (no batching)', 300, 'msg/s', 'AWS SQS documentation: 300 TPS per FIFO queue, 3,000 with batching; standard queues are nearly unlimited'),
  lambdaConcurrency: L('lambda-concurrency', 'Concurrent Lambda executions per region (default quota)', 1_000, 'executions', 'AWS Lambda documentation: default regional concurrency quota'),
} as const satisfies Record<string, NodeLimit>;

export type LimitId = keyof typeof LIMITS;
