import type { DataStoreKind } from '../model/design.js';
import type { Cloud } from '../model/requirements.js';

/**
 * What archie knows about each technology it may choose: how to run it locally (image, port,
 * health check, data directory), its managed offering per cloud, its single-node availability,
 * and its trade-offs in one line each.
 */
export interface Technology {
  id: string;
  name: string;
  kind: DataStoreKind | 'service' | 'gateway' | 'identity' | 'edge';
  image: string | null;
  port: number | null;
  healthCommand: string[] | null;
  volumePath: string | null;
  /** Container environment a local instance needs (non-secret config and secret refs by key name). */
  env: Array<{ name: string; source: 'config' | 'secret'; value: string; description: string; fileVariable: string | null }>;
  /** Container arguments beyond the image default. */
  command: string[] | null;
  managed: Record<Exclude<Cloud, 'any'>, string>;
  /** Monthly availability of the managed offering's single deployment unit (its published SLA where one exists). */
  sla: number;
  slaSource: string;
  strengths: string;
  weaknesses: string;
}

const T = (t: Technology): Technology => t;

export const TECHNOLOGIES = {
  postgresql: T({
    id: 'postgresql', name: 'PostgreSQL 16', kind: 'relational', image: 'postgres:16-alpine', port: 5432,
    healthCommand: ['CMD-SHELL', 'pg_isready -U app -d app'], volumePath: '/var/lib/postgresql/data', command: null,
    env: [
      { name: 'POSTGRES_USER', source: 'config', value: 'app', description: 'Database owner role.', fileVariable: null },
      { name: 'POSTGRES_DB', source: 'config', value: 'app', description: 'Database name.', fileVariable: null },
      { name: 'POSTGRES_PASSWORD', source: 'secret', value: 'postgres-password', description: 'Owner password.', fileVariable: 'POSTGRES_PASSWORD_FILE' },
    ],
    managed: { aws: 'Amazon RDS for PostgreSQL (Multi-AZ)', gcp: 'Cloud SQL for PostgreSQL (HA)', azure: 'Azure Database for PostgreSQL Flexible Server (zone-redundant HA)' },
    sla: 0.9995, slaSource: 'Amazon RDS Multi-AZ SLA 99.95 %',
    strengths: 'ACID transactions, rich indexing (B-tree, GIN, BRIN), JSONB, full-text search, mature tooling.',
    weaknesses: 'Single writer; write scaling past one primary needs partitioning or sharding (Citus).',
  }),
  mysql: T({
    id: 'mysql', name: 'MySQL 8', kind: 'relational', image: 'mysql:8.4', port: 3306,
    healthCommand: ['CMD', 'mysqladmin', 'ping', '-h', 'localhost'], volumePath: '/var/lib/mysql', command: null,
    env: [{ name: 'MYSQL_ROOT_PASSWORD', source: 'secret', value: 'mysql-root-password', description: 'Root password.', fileVariable: 'MYSQL_ROOT_PASSWORD_FILE' }],
    managed: { aws: 'Amazon RDS for MySQL (Multi-AZ)', gcp: 'Cloud SQL for MySQL (HA)', azure: 'Azure Database for MySQL Flexible Server' },
    sla: 0.9995, slaSource: 'Amazon RDS Multi-AZ SLA 99.95 %',
    strengths: 'Ubiquitous, simple replication, good for read-heavy OLTP.',
    weaknesses: 'Weaker indexing and SQL features than PostgreSQL (no partial or GIN indexes).',
  }),
  cassandra: T({
    id: 'cassandra', name: 'Apache Cassandra 5', kind: 'wide-column', image: 'cassandra:5', port: 9042,
    healthCommand: ['CMD-SHELL', 'cqlsh -e "describe keyspaces" >/dev/null'], volumePath: '/var/lib/cassandra', command: null,
    env: [{ name: 'CASSANDRA_CLUSTER_NAME', source: 'config', value: 'app', description: 'Cluster name.', fileVariable: null }],
    managed: { aws: 'Amazon Keyspaces', gcp: 'Astra DB on GCP', azure: 'Azure Managed Instance for Apache Cassandra' },
    sla: 0.9999, slaSource: 'Amazon Keyspaces SLA 99.99 % (single region)',
    strengths: 'Linear write scaling, multi-region replication, tunable consistency.',
    weaknesses: 'Query-first modelling, no joins or ad-hoc queries, operationally heavy when self-run.',
  }),
  redis: T({
    id: 'redis', name: 'Redis 7', kind: 'cache', image: 'redis:7-alpine', port: 6379,
    healthCommand: ['CMD', 'redis-cli', 'ping'], volumePath: '/data', command: null, env: [],
    managed: { aws: 'Amazon ElastiCache for Redis OSS (Multi-AZ)', gcp: 'Memorystore for Redis (Standard tier)', azure: 'Azure Cache for Redis (Standard)' },
    sla: 0.999, slaSource: 'ElastiCache Multi-AZ SLA 99.99 % for clusters; 99.9 % planned per node',
    strengths: 'Sub-millisecond reads, rich data structures (sorted sets, streams), pub/sub.',
    weaknesses: 'Memory-bound; persistence is not a database\'s durability.',
  }),
  memcached: T({
    id: 'memcached', name: 'Memcached', kind: 'cache', image: 'memcached:1.6-alpine', port: 11211,
    healthCommand: ['CMD-SHELL', 'echo stats | nc -w1 localhost 11211 | grep -q uptime'], volumePath: null, command: null, env: [],
    managed: { aws: 'Amazon ElastiCache for Memcached', gcp: 'Memorystore for Memcached', azure: 'Memcached on AKS' },
    sla: 0.999, slaSource: 'planned per node',
    strengths: 'Simple, multi-threaded key/value cache.', weaknesses: 'No persistence, no data structures, no replication.',
  }),
  rabbitmq: T({
    id: 'rabbitmq', name: 'RabbitMQ 3.13', kind: 'queue', image: 'rabbitmq:3.13-management-alpine', port: 5672,
    healthCommand: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'], volumePath: '/var/lib/rabbitmq', command: null,
    env: [
      { name: 'RABBITMQ_DEFAULT_USER', source: 'config', value: 'app', description: 'Broker user.', fileVariable: null },
      { name: 'RABBITMQ_DEFAULT_PASS', source: 'secret', value: 'rabbitmq-password', description: 'Broker password.', fileVariable: null },
    ],
    managed: { aws: 'Amazon MQ for RabbitMQ (cluster)', gcp: 'RabbitMQ on GKE (operator)', azure: 'RabbitMQ on AKS (operator)' },
    sla: 0.999, slaSource: 'Amazon MQ SLA 99.9 % (cluster deployment)',
    strengths: 'Work queues with acknowledgements, routing, dead-letter exchanges, per-message TTL.',
    weaknesses: 'Not a replayable log; throughput per queue is bounded.',
  }),
  kafka: T({
    id: 'kafka', name: 'Apache Kafka 3.7', kind: 'stream', image: 'apache/kafka:3.7.0', port: 9092,
    healthCommand: ['CMD-SHELL', '/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 >/dev/null'], volumePath: '/var/lib/kafka/data', command: null,
    env: [{ name: 'KAFKA_NODE_ID', source: 'config', value: '1', description: 'Broker id (KRaft).', fileVariable: null }],
    managed: { aws: 'Amazon MSK', gcp: 'Google Cloud Managed Service for Apache Kafka', azure: 'Azure Event Hubs (Kafka API)' },
    sla: 0.999, slaSource: 'Amazon MSK SLA 99.9 % (multi-AZ)',
    strengths: 'High-throughput ordered, partitioned, replayable log; many independent consumers.',
    weaknesses: 'Operational weight; partitions fix the parallelism; no per-message routing.',
  }),
  nats: T({
    id: 'nats', name: 'NATS 2.10 with JetStream', kind: 'pubsub', image: 'nats:2.10-alpine', port: 4222,
    healthCommand: ['CMD-SHELL', 'wget -q -O- http://localhost:8222/healthz || exit 1'], volumePath: '/data', command: null,
    env: [], managed: { aws: 'NATS on EKS (Synadia Cloud)', gcp: 'NATS on GKE (Synadia Cloud)', azure: 'NATS on AKS (Synadia Cloud)' },
    sla: 0.999, slaSource: 'planned for a 3-node cluster',
    strengths: 'Lightweight, very low latency pub/sub and request/reply; JetStream adds persistence.',
    weaknesses: 'Smaller ecosystem than Kafka or RabbitMQ.',
  }),
  sqs: T({
    id: 'sqs', name: 'Amazon SQS / SNS', kind: 'queue', image: null, port: null, healthCommand: null, volumePath: null, command: null, env: [],
    managed: { aws: 'Amazon SQS + SNS', gcp: 'Google Cloud Pub/Sub', azure: 'Azure Service Bus' },
    sla: 0.999, slaSource: 'Amazon SQS SLA 99.9 %',
    strengths: 'Fully managed, no capacity planning, dead-letter queues built in.', weaknesses: 'AWS-specific API; FIFO queues cap at 300 msg/s without batching.',
  }),
  elasticsearch: T({
    id: 'opensearch', name: 'OpenSearch 2', kind: 'search', image: 'opensearchproject/opensearch:2.13.0', port: 9200,
    healthCommand: ['CMD-SHELL', 'curl -fs http://localhost:9200/_cluster/health || exit 1'], volumePath: '/usr/share/opensearch/data', command: null,
    env: [
      { name: 'discovery.type', source: 'config', value: 'single-node', description: 'Single-node for local use.', fileVariable: null },
      { name: 'DISABLE_SECURITY_PLUGIN', source: 'config', value: 'true', description: 'Local only: plain HTTP without the demo TLS setup (production uses the managed service\'s security).', fileVariable: null },
      { name: 'DISABLE_INSTALL_DEMO_CONFIG', source: 'config', value: 'true', description: 'Local only: no demo certificates or admin password.', fileVariable: null },
    ],
    managed: { aws: 'Amazon OpenSearch Service', gcp: 'Elastic Cloud on GCP', azure: 'Elastic Cloud on Azure' },
    sla: 0.999, slaSource: 'Amazon OpenSearch Service SLA 99.9 % (multi-AZ)',
    strengths: 'Relevance-ranked full-text search, aggregations, fuzzy matching at scale.', weaknesses: 'Eventually consistent copy of the data; memory-hungry cluster to run.',
  }),
  meilisearch: T({
    id: 'meilisearch', name: 'Meilisearch 1.8', kind: 'search', image: 'getmeili/meilisearch:v1.8', port: 7700,
    healthCommand: ['CMD-SHELL', 'wget -q -O- http://localhost:7700/health || exit 1'], volumePath: '/meili_data', command: null,
    env: [{ name: 'MEILI_MASTER_KEY', source: 'secret', value: 'meili-master-key', description: 'API master key.', fileVariable: null }],
    managed: { aws: 'Meilisearch Cloud', gcp: 'Meilisearch Cloud', azure: 'Meilisearch Cloud' },
    sla: 0.999, slaSource: 'planned', strengths: 'Instant, typo-tolerant search with little tuning.', weaknesses: 'Single-node writes; not for analytics.',
  }),
  timescaledb: T({
    id: 'timescaledb', name: 'TimescaleDB (PostgreSQL 16)', kind: 'timeseries', image: 'timescale/timescaledb:2.14.2-pg16', port: 5432,
    healthCommand: ['CMD-SHELL', 'pg_isready -U app -d telemetry'], volumePath: '/var/lib/postgresql/data', command: null,
    env: [
      { name: 'POSTGRES_USER', source: 'config', value: 'app', description: 'Database owner role.', fileVariable: null },
      { name: 'POSTGRES_DB', source: 'config', value: 'telemetry', description: 'Database name.', fileVariable: null },
      { name: 'POSTGRES_PASSWORD', source: 'secret', value: 'tsdb-password', description: 'Owner password.', fileVariable: 'POSTGRES_PASSWORD_FILE' },
    ],
    managed: { aws: 'Timescale Cloud on AWS', gcp: 'Timescale Cloud on GCP', azure: 'Timescale Cloud on Azure' },
    sla: 0.999, slaSource: 'Timescale Cloud SLA 99.9 % (HA replica)',
    strengths: 'Time-partitioned hypertables, compression, continuous aggregates, plain SQL.', weaknesses: 'Single-writer per node like PostgreSQL.',
  }),
  s3: T({
    id: 's3', name: 'Object storage (S3 API)', kind: 'object', image: 'minio/minio:RELEASE.2024-05-10T01-41-38Z', port: 9000,
    healthCommand: ['CMD', 'mc', 'ready', 'local'], volumePath: '/data', command: ['server', '/data'],
    env: [
      { name: 'MINIO_ROOT_USER', source: 'config', value: 'app', description: 'Local object store user.', fileVariable: null },
      { name: 'MINIO_ROOT_PASSWORD', source: 'secret', value: 'minio-password', description: 'Local object store password.', fileVariable: null },
    ],
    managed: { aws: 'Amazon S3', gcp: 'Google Cloud Storage', azure: 'Azure Blob Storage' },
    sla: 0.999, slaSource: 'Amazon S3 Standard SLA 99.9 %',
    strengths: 'Cheap, durable (11 nines) storage for large objects; pre-signed uploads bypass the API.', weaknesses: 'Not for small records or queries.',
  }),
} as const satisfies Record<string, Technology>;

export type TechnologyId = keyof typeof TECHNOLOGIES;
