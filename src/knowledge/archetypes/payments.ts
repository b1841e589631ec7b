import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const ACCOUNT = 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b';
const PAYEE = 'f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c';
const PAYMENT = 'b8c9d0e1-f2a3-4b4c-8d5e-6f7a8b9c0d1e';
const JOURNAL = 'd0e1f2a3-b4c5-4d6e-9f7a-8b9c0d1e2f3a';

export const payments: Archetype = {
  id: 'payments',
  name: 'Payments / ledger',
  description: 'Accounts with balances, payments and refunds between them, recorded in an immutable double-entry ledger; every request is idempotent and every movement auditable.',
  keywords: [
    ['payment processing', 3], ['payment gateway', 3], ['payment service', 3], ['payment platform', 3], ['payments platform', 3],
    ['payment system', 3], ['ledger', 3], ['double-entry', 3], ['double entry', 3], ['wallet', 3], ['e-wallet', 3], ['fintech', 3],
    ['money transfer', 3], ['send money', 3], ['remittance', 3], ['payout', 3], ['peer-to-peer payment', 3], ['p2p payment', 3],
    ['banking', 3], ['neobank', 3], ['paypal', 3], ['venmo', 3], ['payment', 2], ['account balance', 2], ['bank', 2], ['settlement', 2], ['recurring billing', 3], ['subscription billing', 3], ['dunning', 2], ['billing', 1],
    ['merchant', 2], ['stripe', 2], ['balances', 1], ['top up', 2], ['top-up', 2], ['refund', 1], ['card', 1], ['pci', 1], ['invoice', 1],
    ['currency', 1], ['currencies', 1], ['money', 1],
  ],
  domains: ['identity', 'accounts', 'payments', 'ledger'],
  // Volume matters more than users here: 20k daily API users (merchants, wallet holders), each
  // moving money a few times and checking balances and statements more often (~3 reads per
  // write). A write stores the payment, its journal entry, two or three postings and the
  // idempotency record: ~1.5 KB. Financial records are kept ten years (anti-money-laundering and
  // tax rules ask for five to ten). p99 covers our own processing; card networks add ~1 s.
  defaults: {
    dau: 20_000, dauOverMau: 0.3, concurrencyRatio: 0.02, requestsPerUserPerDay: 30, peakFactor: 4,
    readWriteRatio: 3, recordBytes: 1_500, responseBytes: 2_000, requestBytes: 800,
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 3_650, growthPerMonth: 0.05,
    // Balances must be read from the primary, so little is cacheable.
    availability: 0.9999, p99Ms: 300, cacheHitRate: 0.2,
  },
  traits: {
    realtime: false, money: true, contention: true, fullTextSearch: false, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: true, audit: true, multiTenant: false, personalData: true, ranking: false, ledger: true,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'A customer or merchant, identified for know-your-customer checks.', domain: 'identity',
      // Closed customers are kept (soft-deleted) for the retention period the law requires.
      softDelete: true, rows: { perUser: 1 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'legal_name', type: 'short-text', description: 'Name as verified by KYC.', maxLength: 200, personal: true, example: 'Ada Lovelace', distinct: 'high' },
        { name: 'country', type: 'short-text', description: 'ISO 3166 country of residence.', maxLength: 2, example: 'GB', distinct: 'low' },
        { name: 'kyc_status', type: 'enum', description: 'Identity verification state; payments need verified.', values: ['pending', 'verified', 'rejected'], example: 'verified', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Account', table: 'accounts', resource: 'accounts', description: 'A ledger account: a customer wallet, a merchant balance, or an internal account (fees, clearing, suspense).', domain: 'accounts',
      rows: { perUser: 2 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'owner_id', type: 'uuid', description: 'Owner; empty for internal accounts.', nullable: true, references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'kind', type: 'enum', description: 'What the account represents.', values: ['customer', 'merchant', 'fees', 'clearing', 'suspense'], example: 'customer', distinct: 'low' },
        { name: 'currency', type: 'short-text', description: 'ISO 4217 code; an account holds one currency.', maxLength: 3, example: 'EUR', distinct: 'low' },
        { name: 'balance', type: 'money', description: 'Current balance, updated in the same transaction as its postings.', serverGenerated: true, example: 250, distinct: 'high' },
        { name: 'status', type: 'enum', description: 'Frozen accounts accept no debits.', values: ['active', 'frozen', 'closed'], example: 'active', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'accounts-of-owner', description: 'A user\'s accounts.', kind: 'list', filters: [{ field: 'owner_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 20, share: 1 },
      ],
    },
    {
      name: 'Payment', table: 'payments', resource: 'payments', description: 'Money moving from one account to another.', domain: 'payments',
      rows: { writeShare: 0.6 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'payer_account_id', type: 'uuid', description: 'Account debited.', references: 'Account', onDelete: 'restrict', example: ACCOUNT, distinct: 'high' },
        { name: 'payee_account_id', type: 'uuid', description: 'Account credited.', references: 'Account', onDelete: 'restrict', example: PAYEE, distinct: 'high' },
        { name: 'amount', type: 'money', description: 'Amount in the accounts\' currency.', min: 0.01, max: 1_000_000, example: 25, distinct: 'high' },
        { name: 'currency', type: 'short-text', description: 'ISO 4217 code; must match both accounts.', maxLength: 3, example: 'EUR', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Outcome.', values: ['pending', 'succeeded', 'failed', 'refunded', 'partially_refunded'], example: 'succeeded', distinct: 'low' },
        { name: 'idempotency_key', type: 'short-text', description: 'Client-chosen key; a retry with the same key returns the first result.', unique: true, maxLength: 64, example: 'checkout-7f3a-1', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'payments-of-payer', description: 'Payments made from an account, newest first.', kind: 'list', filters: [{ field: 'payer_account_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.45 },
        { id: 'payments-of-payee', description: 'Payments received by an account, newest first.', kind: 'list', filters: [{ field: 'payee_account_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 50, share: 0.45 },
        { id: 'payment-by-idempotency-key', description: 'Replay of a retried request.', kind: 'lookup', filters: [{ field: 'idempotency_key', op: '=' }], sort: [], share: 0.1 },
      ],
    },
    {
      name: 'Refund', table: 'refunds', resource: 'refunds', description: 'Money returned from a payment, in full or in part.', domain: 'payments',
      parent: 'Payment', rows: { writeShare: 0.02 }, rateLimitPerMinute: 20,
      fields: [
        { name: 'payment_id', type: 'uuid', description: 'Payment refunded.', references: 'Payment', onDelete: 'restrict', example: PAYMENT, distinct: 'high' },
        { name: 'amount', type: 'money', description: 'Amount returned; refunds never exceed the payment.', min: 0.01, max: 1_000_000, example: 10, distinct: 'high' },
        { name: 'reason', type: 'enum', description: 'Why.', values: ['requested_by_customer', 'duplicate', 'fraudulent'], example: 'requested_by_customer', distinct: 'low' },
        { name: 'status', type: 'enum', description: 'Outcome.', values: ['pending', 'succeeded', 'failed'], example: 'succeeded', distinct: 'low' },
        { name: 'idempotency_key', type: 'short-text', description: 'Client-chosen key for safe retries.', unique: true, maxLength: 64, example: 'refund-7f3a-1', distinct: 'unique' },
      ],
      accessPatterns: [
        { id: 'refunds-of-payment', description: 'Refunds of a payment.', kind: 'list', filters: [{ field: 'payment_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 20, share: 1 },
      ],
    },
    {
      name: 'JournalEntry', table: 'journal_entries', resource: 'journal-entries', description: 'One balanced ledger transaction: its postings sum to zero. Never updated; corrections are reversing entries.', domain: 'ledger',
      readOnly: true, rows: { writeShare: 0.62 },
      fields: [
        { name: 'kind', type: 'enum', description: 'Business event recorded.', values: ['payment', 'refund', 'payout', 'fee', 'adjustment', 'reversal'], example: 'payment', distinct: 'low' },
        { name: 'reference_id', type: 'uuid', description: 'Id of the payment, refund or payout it records.', example: PAYMENT, distinct: 'high' },
        { name: 'description', type: 'short-text', description: 'Human-readable summary for statements and auditors.', maxLength: 200, example: 'Payment 25.00 EUR to merchant', distinct: 'high' },
        { name: 'effective_date', type: 'date', description: 'Accounting date (may differ from the posting time at month end).', example: '2026-01-15', distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'journal-by-reference', description: 'The entries recording a payment or refund.', kind: 'list', filters: [{ field: 'reference_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 20, share: 0.7 },
        { id: 'journal-by-date', description: 'Entries of a kind from a date, for period close and reconciliation.', kind: 'range', filters: [{ field: 'kind', op: '=' }, { field: 'effective_date', op: '>=' }], sort: [{ field: 'effective_date', direction: 'asc' }], limit: 1_000, share: 0.3 },
      ],
    },
    {
      name: 'LedgerEntry', table: 'ledger_entries', resource: 'ledger-entries', description: 'A debit or credit posting to one account within a journal entry; append-only.', domain: 'ledger',
      // At least two postings per money movement (three with a fee): one row per write is the
      // floor of the real figure.
      parent: 'Account', readOnly: true, partitioned: true, rows: { writeShare: 1 },
      fields: [
        { name: 'journal_entry_id', type: 'uuid', description: 'Journal entry it belongs to.', references: 'JournalEntry', onDelete: 'restrict', example: JOURNAL, distinct: 'high' },
        { name: 'account_id', type: 'uuid', description: 'Account posted to.', references: 'Account', onDelete: 'restrict', example: ACCOUNT, distinct: 'high' },
        { name: 'direction', type: 'enum', description: 'Debit or credit.', values: ['debit', 'credit'], example: 'debit', distinct: 'low' },
        { name: 'amount', type: 'money', description: 'Positive amount; the direction gives the sign.', min: 0.01, max: 1_000_000, example: 25, distinct: 'high' },
        { name: 'balance_after', type: 'money', description: 'Account balance after this posting, for statements.', serverGenerated: true, example: 225, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'account-statement', description: 'An account\'s postings, newest first (statement, balance history).', kind: 'list', filters: [{ field: 'account_id', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.8 },
        { id: 'postings-of-journal', description: 'The postings of a journal entry (audit, trial balance).', kind: 'list', filters: [{ field: 'journal_entry_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 10, share: 0.2 },
      ],
    },
  ],
  actions: [
    { entity: 'Payment', name: 'capture', method: 'POST', purpose: 'Capture an authorised payment.', operationId: 'capturePayment' },
    { entity: 'Payment', name: 'cancel', method: 'POST', purpose: 'Cancel a pending payment and release the held amount.', operationId: 'cancelPayment' },
    { entity: 'Account', name: 'freeze', method: 'POST', purpose: 'Block debits on an account (fraud or compliance hold).', operationId: 'freezeAccount' },
  ],
  realtime: [],
  events: [
    { name: 'payment.succeeded', entity: 'Payment', purpose: 'Webhooks to merchants, receipts and risk scoring, from a transactional outbox.' },
    { name: 'refund.succeeded', entity: 'Refund', purpose: 'Webhooks and customer notification.' },
    { name: 'journal.posted', entity: 'JournalEntry', purpose: 'Ordered, replayable ledger stream for reconciliation, reporting and the data warehouse.' },
  ],
  mainFlow: {
    title: 'Make a payment (double-entry)',
    steps: [
      { from: 'client', to: 'gateway', message: 'POST /v1/payments (Idempotency-Key)' },
      { from: 'gateway', to: 'app', message: 'authenticated, rate-limited request' },
      { from: 'app', to: 'db', message: 'idempotency key seen? return the stored response' },
      { from: 'app', to: 'db', message: 'BEGIN; SELECT payer and payee accounts FOR UPDATE in id order; check status and balance; INSERT payment, journal entry, debit and credit postings (sum 0); UPDATE balances; INSERT outbox row; COMMIT' },
      { from: 'app', to: 'client', message: '201 Created' },
      { from: 'worker', to: 'db', message: 'read new outbox rows in order', async: true },
      { from: 'worker', to: 'queue', message: 'publish payment.succeeded and journal.posted', async: true },
      { from: 'queue', to: 'worker', message: 'merchant webhooks with retries and a dead-letter queue', async: true },
      { from: 'worker', to: 'external', message: 'POST webhook to the merchant (signed)', async: true },
    ],
  },
  functional: [
    { text: 'Move money between accounts; a payment either happens completely or not at all', priority: 'must' },
    { text: 'Every movement is recorded as balanced double-entry postings that are never edited', priority: 'must' },
    { text: 'Every write is idempotent: a retried request never moves money twice', priority: 'must' },
    { text: 'Balances never go below zero unless the account allows overdraft', priority: 'must' },
    { text: 'Full and partial refunds', priority: 'must' },
    { text: 'Account statements and balance history', priority: 'should' },
    { text: 'Signed webhooks to merchants for payment events', priority: 'should' },
    { text: 'Daily reconciliation against bank and provider settlement files', priority: 'should' },
  ],
  failureModes: [
    { failure: 'A client retries after a timeout', impact: 'The same payment is made twice.', mitigation: 'Idempotency key stored with a hash of the request and its response in the payment transaction; unique constraint; a retry returns the stored response, a different body with the same key is rejected.', detection: 'Idempotent replays per hour; duplicate payments found by reconciliation.' },
    { failure: 'Ledger out of balance', impact: 'Money appears or vanishes; books cannot be closed.', mitigation: 'All postings of an entry in one transaction, a deferred check that each entry sums to zero, immutable entries with reversals for corrections, a daily trial balance.', detection: 'The daily trial balance is not zero: page on-call.' },
    { failure: 'Provider or bank times out with an unknown outcome', impact: 'Money may have moved outside while our record says pending.', mitigation: 'Record the payment as pending before calling out, query the provider by idempotency key, reconcile daily with settlement files.', detection: 'Pending payments older than 15 minutes; settlement file differences.' },
    { failure: 'Hot account contention', impact: 'A merchant or fee account receiving thousands of postings a second serialises on its balance row; latency climbs and requests time out.', mitigation: 'Split hot accounts into sub-accounts summed on read, or post to them asynchronously from the ledger stream; keep lock order consistent to avoid deadlocks.', detection: 'Lock wait time and deadlocks on accounts.' },
  ],
};
