import type { Archetype } from './_types.js';

const TENANT = 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f';
const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const PROJECT = 'd3e4f5a6-b7c8-4d9e-8f0a-2b3c4d5e6f7a';

export const saas: Archetype = {
  id: 'saas',
  name: 'Multi-tenant B2B SaaS',
  description: 'Customer organisations (tenants) each get an isolated workspace with members, roles, projects and tasks, an audit trail, and per-tenant limits; one shared schema keyed by tenant_id.',
  keywords: [
    ['saas', 3], ['multi-tenant', 3], ['multitenant', 3], ['multi tenant', 3], ['multi-tenancy', 3], ['multitenancy', 3],
    ['tenant isolation', 3], ['b2b', 2], ['tenant', 2], ['workspace', 2], ['project management', 3], ['task management', 3],
    ['crm', 3], ['helpdesk', 3], ['help desk', 3], ['support ticket', 3], ['issue tracker', 3], ['kanban', 2], ['jira', 2],
    ['trello', 2], ['asana', 2], ['salesforce', 2], ['zendesk', 2], ['per-seat', 2], ['per seat', 2], ['white-label', 2],
    ['white label', 2], ['customer organization', 2], ['customer organisation', 2],
    ['sso', 1], ['saml', 1], ['scim', 1], ['isolated', 1], ['subscription', 1], ['enterprise customer', 1], ['admin console', 1],
  ],
  domains: ['identity', 'tenancy', 'work', 'audit'],
  // 1,000 tenants with ~20 seats each; work tools are used on most workdays (stickiness 0.6) and
  // stay open all day, each screen making several calls. Work hours concentrate the load (3x
  // peak per time zone). Customer data lives as long as the contract; audit logs are kept three
  // years (plans usually offer one to seven).
  defaults: {
    dau: 20_000, dauOverMau: 0.6, concurrencyRatio: 0.15, requestsPerUserPerDay: 150, peakFactor: 3,
    readWriteRatio: 8, recordBytes: 800, responseBytes: 6_000, requestBytes: 800,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 1_095, growthPerMonth: 0.06,
    // Typical SaaS contracts promise 99.9 %; enterprise tiers 99.95-99.99 %. Tenant settings and
    // membership checks cache well, lists less so.
    availability: 0.999, p99Ms: 200, cacheHitRate: 0.6,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: false, audit: true, multiTenant: true, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A person; one identity can belong to several tenants.', domain: 'identity',
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@acme.example', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown to teammates.', maxLength: 80, personal: true, example: 'Ada Lovelace', distinct: 'high' },
        { name: 'last_login_at', type: 'timestamp', description: 'Last sign-in, for seat reviews.', nullable: true, serverGenerated: true, example: '2026-01-15T09:00:00Z', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in, before a tenant is chosen.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Tenant', table: 'tenants', resource: 'tenants', description: 'A customer organisation with its plan and data region.', domain: 'tenancy',
      softDelete: true, rows: { perUser: 0.05 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'name', type: 'short-text', description: 'Organisation name.', maxLength: 200, example: 'Acme Ltd', distinct: 'high' },
        { name: 'slug', type: 'short-text', description: 'Subdomain and URL name.', unique: true, maxLength: 63, example: 'acme', distinct: 'unique' },
        { name: 'plan', type: 'enum', description: 'Plan, which sets seat and rate limits.', values: ['free', 'team', 'business', 'enterprise'], example: 'business', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Billing state; suspended tenants are read-only.', values: ['trialing', 'active', 'past_due', 'suspended', 'cancelled'], example: 'active', distinct: 'low' },
        { name: 'region', type: 'short-text', description: 'Where the tenant\'s data lives (data residency).', maxLength: 32, example: 'eu-west-1', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'tenant-by-slug', description: 'Resolve the tenant from the subdomain on every request (cached).', kind: 'lookup', filters: [{ field: 'slug', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Membership', table: 'memberships', resource: 'members', description: 'A user\'s role in a tenant. Part of identity: the tenant switcher lists a user\'s memberships before any tenant is chosen.', domain: 'identity',
      parent: 'Tenant', rows: { perUser: 1.1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'tenant_id', type: 'uuid', description: 'Tenant.', references: 'Tenant', onDelete: 'cascade', example: TENANT, distinct: 'medium' },
        { name: 'user_id', type: 'uuid', description: 'Member.', references: 'User', onDelete: 'cascade', example: USER, distinct: 'high' },
        { name: 'role', type: 'enum', description: 'Role-based permissions in the tenant.', values: ['owner', 'admin', 'member', 'guest'], example: 'member', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Invited until accepted; deactivated members keep their history.', values: ['invited', 'active', 'deactivated'], example: 'active', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'membership-of-user-in-tenant', description: 'The caller\'s role in the tenant, checked on every request (cached).', kind: 'lookup', filters: [{ field: 'tenant_id', op: '=' }, { field: 'user_id', op: '=' }], sort: [], share: 0.6 },
        { id: 'members-of-tenant', description: 'Members of a tenant (admin page, seat count).', kind: 'list', filters: [{ field: 'tenant_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 100, share: 0.3 },
        { id: 'tenants-of-user', description: 'The tenants a user belongs to (tenant switcher after sign-in).', kind: 'list', filters: [{ field: 'user_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 50, share: 0.1 },
      ],
    },
    {
      name: 'Project', table: 'projects', resource: 'projects', description: 'A body of work inside a tenant.', domain: 'work',
      softDelete: true, rows: { perUser: 0.5 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'tenant_id', type: 'uuid', description: 'Owning tenant.', references: 'Tenant', onDelete: 'cascade', example: TENANT, distinct: 'medium' },
        { name: 'name', type: 'short-text', description: 'Project name.', maxLength: 200, example: 'Website relaunch', distinct: 'high' },
        { name: 'owner_id', type: 'uuid', description: 'Responsible member.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Active or archived.', values: ['active', 'archived'], example: 'active', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'projects-of-tenant', description: 'A tenant\'s projects in a state, recently changed first.', kind: 'list', filters: [{ field: 'tenant_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 50, share: 0.8 },
        { id: 'project-search', description: 'Search project names within a tenant.', kind: 'search', filters: [{ field: 'tenant_id', op: '=' }, { field: 'name', op: 'match' }], sort: [], limit: 20, share: 0.2 },
      ],
    },
    {
      name: 'Task', table: 'tasks', resource: 'tasks', description: 'A work item in a project.', domain: 'work',
      parent: 'Project', softDelete: true, rows: { writeShare: 0.4 }, rateLimitPerMinute: 120,
      fields: [
        { name: 'tenant_id', type: 'uuid', description: 'Owning tenant (denormalised so every query and index leads with it).', references: 'Tenant', onDelete: 'cascade', example: TENANT, distinct: 'medium' },
        { name: 'project_id', type: 'uuid', description: 'Project.', references: 'Project', onDelete: 'cascade', example: PROJECT, distinct: 'high' },
        { name: 'assignee_id', type: 'uuid', description: 'Member doing it.', nullable: true, references: 'User', onDelete: 'set-null', example: USER, distinct: 'high' },
        { name: 'title', type: 'short-text', description: 'What needs doing.', maxLength: 300, personal: true, example: 'Draft the launch email', distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Workflow state.', values: ['todo', 'in_progress', 'blocked', 'done'], example: 'in_progress', distinct: 'low' },
        { name: 'due_date', type: 'date', description: 'Due date.', nullable: true, example: '2026-02-01', distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'tasks-of-project', description: 'Tasks of a project in a state (board columns), recently changed first.', kind: 'list', filters: [{ field: 'tenant_id', op: '=' }, { field: 'project_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'updated_at', direction: 'desc' }], limit: 100, share: 0.6 },
        { id: 'tasks-of-assignee', description: 'A member\'s open tasks by due date ("my work").', kind: 'list', filters: [{ field: 'tenant_id', op: '=' }, { field: 'assignee_id', op: '=' }, { field: 'status', op: '=' }], sort: [{ field: 'due_date', direction: 'asc' }], limit: 50, share: 0.3 },
        { id: 'task-search', description: 'Search task titles within a tenant.', kind: 'search', filters: [{ field: 'tenant_id', op: '=' }, { field: 'title', op: 'match' }], sort: [], limit: 20, share: 0.1 },
      ],
    },
    {
      name: 'AuditLog', table: 'audit_logs', resource: 'audit-logs', description: 'Who did what, when, in a tenant; append-only.', domain: 'audit',
      // Every write is audited.
      readOnly: true, partitioned: true, rows: { writeShare: 1 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'tenant_id', type: 'uuid', description: 'Tenant.', references: 'Tenant', onDelete: 'cascade', example: TENANT, distinct: 'medium' },
        { name: 'actor_id', type: 'uuid', description: 'Member or API key owner who acted.', nullable: true, references: 'User', onDelete: 'set-null', example: USER, distinct: 'high' },
        { name: 'action', type: 'short-text', description: 'What happened.', maxLength: 100, example: 'task.updated', distinct: 'medium' },
        { name: 'target_id', type: 'uuid', description: 'Record acted on.', nullable: true, example: PROJECT, distinct: 'high' },
        { name: 'metadata', type: 'json', description: 'Changed fields, IP address and user agent.', personal: true, example: '{"fields":["status"],"ip":"203.0.113.7"}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'audit-of-tenant', description: 'A tenant\'s audit trail from a date, newest first (admin console, exports).', kind: 'range', filters: [{ field: 'tenant_id', op: '=' }, { field: 'created_at', op: '>=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.7 },
        { id: 'audit-of-actor', description: 'What one member did in a tenant.', kind: 'list', filters: [{ field: 'tenant_id', op: '=' }, { field: 'actor_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.3 },
      ],
    },
  ],
  actions: [
    { entity: 'Tenant', name: 'invite', method: 'POST', purpose: 'Invite people by email with a role.', operationId: 'inviteMembers' },
    { entity: 'Tenant', name: 'export', method: 'POST', purpose: 'Export all of a tenant\'s data (portability, offboarding) as an asynchronous job.', operationId: 'exportTenantData' },
    { entity: 'Tenant', name: 'suspend', method: 'POST', purpose: 'Make a tenant read-only (unpaid invoice, abuse).', operationId: 'suspendTenant' },
  ],
  realtime: [],
  events: [
    { name: 'task.changed', entity: 'Task', purpose: 'Webhooks to the tenant\'s integrations and notification emails.' },
    { name: 'member.invited', entity: 'Membership', purpose: 'Send the invitation email.' },
    { name: 'tenant.export-requested', entity: 'Tenant', purpose: 'Build the export archive in the background and email a download link.' },
  ],
  mainFlow: {
    title: 'Update a task inside a tenant',
    steps: [
      { from: 'client', to: 'gateway', message: 'PATCH /v1/projects/{pid}/tasks/{id} (acme.example.app, token with tenant claim)' },
      { from: 'gateway', to: 'app', message: 'authenticated; per-tenant rate limit' },
      { from: 'app', to: 'cache', message: 'tenant by slug; membership and role of (tenant, user)' },
      { from: 'app', to: 'db', message: 'BEGIN; SET LOCAL app.tenant_id; UPDATE tasks WHERE tenant_id = $1 AND id = $2 (row-level security enforces it too); INSERT audit_log; COMMIT' },
      { from: 'app', to: 'queue', message: 'publish task.changed', async: true },
      { from: 'app', to: 'client', message: '200 OK' },
      { from: 'queue', to: 'worker', message: 'tenant webhooks, notification emails', async: true },
      { from: 'worker', to: 'external', message: 'signed webhook to the tenant\'s endpoint', async: true },
    ],
  },
  functional: [
    { text: 'Organisations sign up and get an isolated workspace', priority: 'must' },
    { text: 'No tenant can ever read or change another tenant\'s data', priority: 'must' },
    { text: 'Invite members with roles (owner, admin, member, guest)', priority: 'must' },
    { text: 'Members create projects and tasks, assign them and move them through a workflow', priority: 'must' },
    { text: 'An audit trail of every change per tenant', priority: 'should' },
    { text: 'Single sign-on (SAML/OIDC) and SCIM provisioning for enterprise tenants', priority: 'should' },
    { text: 'Per-plan limits on seats and API usage', priority: 'should' },
    { text: 'Full data export and deletion when a tenant leaves', priority: 'should' },
  ],
  failureModes: [
    { failure: 'Cross-tenant data leak', impact: 'One customer sees another\'s data: a breach to disclose and lost trust.', mitigation: 'tenant_id leads every query and index, PostgreSQL row-level security keyed on a per-transaction tenant setting, and tests that call every endpoint as two tenants.', detection: 'Row-level security denials logged and alerted; periodic isolation tests.' },
    { failure: 'Noisy neighbour', impact: 'One large tenant\'s import or report saturates the shared database; every tenant slows down.', mitigation: 'Per-tenant rate limits and quotas, per-tenant concurrency caps on background jobs, moving the largest tenants to their own shard or cell (tenant_id is the shard key).', detection: 'Database time per tenant; top tenants by load.' },
    { failure: 'One tenant needs a restore', impact: 'A tenant deletes data by mistake; a whole-database restore would roll back everyone else.', mitigation: 'Soft deletes with a grace period, per-tenant export, point-in-time restore into a scratch database and copy that tenant\'s rows back.', detection: 'Bulk-delete events in the audit log.' },
  ],
};
