/**
 * The dated price table the cost estimate uses. Figures are on-demand list prices of the AWS
 * us-east-1 region as published on the providers' public pricing pages, rounded to cents, per
 * month of 730 hours. They are for order-of-magnitude planning: check the providers' calculators
 * before committing a budget. GCP and Azure designs use the same figures as a proxy (their list
 * prices for equivalent sizes are within roughly ±15 %), which the cost section says.
 */
export const PRICE_TABLE = {
  name: 'archie list-price table (AWS us-east-1, on-demand)',
  asOf: '2026-10',
  source: 'aws.amazon.com/ec2/pricing, /rds/postgresql/pricing, /elasticache/pricing, /s3/pricing, /fargate/pricing, /eks/pricing, /msk/pricing, /amazon-mq/pricing, /opensearch-service/pricing, /cloudfront/pricing, /api-gateway/pricing, /lambda/pricing',
} as const;

export const HOURS_PER_MONTH = 730;

/** A sized instance of a managed service. */
export interface InstanceSize {
  name: string;
  vcpu: number;
  memoryGiB: number;
  usdPerHour: number;
}

/** RDS for PostgreSQL, Graviton general purpose, single-AZ price per instance (Multi-AZ runs two). */
export const RDS_POSTGRES: InstanceSize[] = [
  { name: 'db.t4g.medium', vcpu: 2, memoryGiB: 4, usdPerHour: 0.065 },
  { name: 'db.m6g.large', vcpu: 2, memoryGiB: 8, usdPerHour: 0.152 },
  { name: 'db.m6g.xlarge', vcpu: 4, memoryGiB: 16, usdPerHour: 0.304 },
  { name: 'db.m6g.2xlarge', vcpu: 8, memoryGiB: 32, usdPerHour: 0.608 },
  { name: 'db.m6g.4xlarge', vcpu: 16, memoryGiB: 64, usdPerHour: 1.216 },
  { name: 'db.m6g.8xlarge', vcpu: 32, memoryGiB: 128, usdPerHour: 2.432 },
];

/** ElastiCache (Redis OSS / Memcached), per node. */
export const ELASTICACHE: InstanceSize[] = [
  { name: 'cache.t4g.medium', vcpu: 2, memoryGiB: 3.09, usdPerHour: 0.065 },
  { name: 'cache.m6g.large', vcpu: 2, memoryGiB: 6.38, usdPerHour: 0.149 },
  { name: 'cache.m6g.xlarge', vcpu: 4, memoryGiB: 12.93, usdPerHour: 0.298 },
  { name: 'cache.m6g.2xlarge', vcpu: 8, memoryGiB: 26.04, usdPerHour: 0.596 },
];

/** General-purpose VM for self-run brokers, search and wide-column nodes. */
export const EC2: InstanceSize[] = [
  { name: 'm6i.large', vcpu: 2, memoryGiB: 8, usdPerHour: 0.096 },
  { name: 'm6i.xlarge', vcpu: 4, memoryGiB: 16, usdPerHour: 0.192 },
  { name: 'm6i.2xlarge', vcpu: 8, memoryGiB: 32, usdPerHour: 0.384 },
];

export const UNIT_PRICES = {
  /** Fargate / container compute. */
  vcpuHour: 0.04048,
  gibHour: 0.004445,
  /** EKS control plane per cluster. */
  eksClusterHour: 0.1,
  /** Application Load Balancer: hourly plus ~2 LCU baseline. */
  albHour: 0.0225,
  albLcuHour: 0.008,
  /** NAT gateway per AZ (private subnets need egress). */
  natGatewayHour: 0.045,
  /** Database storage (RDS gp3), per GB-month, per copy. */
  dbStorageGbMonth: 0.115,
  /** Backup storage beyond the free allowance, per GB-month. */
  backupGbMonth: 0.095,
  /** S3 Standard per GB-month. */
  s3GbMonth: 0.023,
  s3PutPer1000: 0.005,
  s3GetPer1000: 0.0004,
  /** Internet egress per GB (first 10 TB tier). */
  egressGb: 0.09,
  /** CloudFront egress per GB (first 10 TB tier). */
  cdnGb: 0.085,
  /** Amazon MQ for RabbitMQ, mq.m5.large per broker hour. */
  mqBrokerHour: 0.288,
  /** Amazon MSK kafka.m5.large per broker hour, and storage per GB-month. */
  mskBrokerHour: 0.21,
  mskStorageGbMonth: 0.1,
  /** OpenSearch m6g.large.search per node hour. */
  searchNodeHour: 0.128,
  /** API Gateway HTTP API per million requests (first 300 M). */
  apiGatewayPerMillion: 1.0,
  /** Lambda per million requests and per GB-second. */
  lambdaPerMillion: 0.2,
  lambdaGbSecond: 0.0000166667,
  /** SQS per million requests (standard). */
  sqsPerMillion: 0.4,
  /** Managed identity (Cognito Essentials) per MAU beyond the free 10k. */
  identityPerMau: 0.015,
  identityFreeMau: 10_000,
  /** Observability: logs ingested per GB (CloudWatch Logs). */
  logsGb: 0.5,
} as const;
