import type { Archetype } from './_types.js';

const USER = '3f0c7c9e-8a1b-4c2d-9e3f-1a2b3c4d5e6f';
const COLLECTION = '9c0d1e2f-3a4b-4c5d-8e6f-8a9b0c1d2e3f';
const DOCUMENT = 'a0b1c2d3-e4f5-4a6b-9c7d-8e9f0a1b2c3d';

export const search: Archetype = {
  id: 'search',
  name: 'Search and autocomplete',
  description: 'Documents from a source system are indexed into collections; users get ranked full-text results and type-ahead suggestions in milliseconds, and query logs tune relevance.',
  keywords: [
    ['search engine', 3], ['search service', 3], ['search api', 3], ['full-text search', 3], ['full text search', 3], ['fulltext search', 3],
    ['autocomplete', 3], ['auto-complete', 3], ['autosuggest', 3], ['typeahead', 3], ['type-ahead', 3], ['search-as-you-type', 3],
    ['search as you type', 3], ['query suggestion', 3], ['algolia', 3], ['semantic search', 3], ['vector search', 3], ['keyword search', 2], ['hybrid search', 2], ['elasticsearch', 2], ['opensearch', 2], ['meilisearch', 2],
    ['typesense', 2], ['solr', 2], ['relevance', 2], ['typo tolerance', 2], ['typo-tolerant', 2], ['fuzzy', 2], ['facet', 2],
    ['faceted', 2], ['synonym', 2], ['inverted index', 2], ['search', 1], ['ranking', 1],
  ],
  domains: ['identity', 'indexing', 'querying'],
  // Queries vastly outnumber document updates (~200:1). Autocomplete fires on keystrokes after a
  // client-side debounce: ~5 suggestion calls per search, five searches per active user a day.
  // Head queries repeat (a small set of queries is a large share of traffic), so popular prefixes
  // and result pages cache well. The latency budget is set by typing: suggestions must come back
  // within ~100 ms. An indexed document with its index overhead is ~2 KB.
  defaults: {
    dau: 300_000, dauOverMau: 0.3, concurrencyRatio: 0.03, requestsPerUserPerDay: 25, peakFactor: 3,
    readWriteRatio: 200, recordBytes: 2_000, responseBytes: 4_000, requestBytes: 200,
    // Documents stay until deleted; the retention applies to query logs.
    blobsPerUserPerDay: 0, blobBytes: 0, retentionDays: 365, growthPerMonth: 0.05,
    availability: 0.999, p99Ms: 100, cacheHitRate: 0.6,
  },
  traits: {
    realtime: false, money: false, contention: false, fullTextSearch: true, timeSeries: false, geo: false,
    fanout: false, blobs: false, cdn: false, eventLog: true, audit: false, multiTenant: false, personalData: true, ranking: false,
  },
  entities: [
    {
      name: 'User', table: 'users', resource: 'users', description: 'An administrator or API client of the search service; searchers are mostly anonymous.', domain: 'identity',
      softDelete: true, rows: { perUser: 0.001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'email', type: 'short-text', description: 'Sign-in address.', unique: true, maxLength: 254, personal: true, example: 'ada@example.com', distinct: 'unique' },
        { name: 'display_name', type: 'short-text', description: 'Name shown in the console.', maxLength: 80, personal: true, example: 'Ada', distinct: 'high' },
        { name: 'role', type: 'enum', description: 'What the user may change.', values: ['admin', 'editor', 'viewer'], example: 'editor', distinct: 'low' },
      ],
      accessPatterns: [
        { id: 'user-by-email', description: 'Find a user by email at sign-in.', kind: 'lookup', filters: [{ field: 'email', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Collection', table: 'collections', resource: 'collections', description: 'A searchable set of documents with its language and ranking settings (one index per collection).', domain: 'indexing',
      softDelete: true, rows: { perUser: 0.00001 }, rateLimitPerMinute: 60,
      fields: [
        { name: 'name', type: 'short-text', description: 'Collection name, used in URLs.', unique: true, maxLength: 64, example: 'products', distinct: 'unique' },
        { name: 'owner_id', type: 'uuid', description: 'Account that manages it.', references: 'User', onDelete: 'restrict', example: USER, distinct: 'high' },
        { name: 'language', type: 'short-text', description: 'BCP 47 language for stemming and stop words.', maxLength: 16, example: 'en', distinct: 'low' },
        { name: 'settings', type: 'json', description: 'Searchable fields and weights, facets, ranking rules.', example: '{"searchable":{"title":3,"body":1},"facets":["brand"]}', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'collection-by-name', description: 'Resolve a collection from the URL.', kind: 'lookup', filters: [{ field: 'name', op: '=' }], sort: [], share: 1 },
      ],
    },
    {
      name: 'Document', table: 'documents', resource: 'documents', description: 'A searchable record copied from the source system (the source of truth stays there).', domain: 'indexing',
      // The corpus: ~2 documents per monthly user (a catalog or knowledge base).
      parent: 'Collection', rows: { perUser: 2 }, rateLimitPerMinute: 600,
      fields: [
        { name: 'collection_id', type: 'uuid', description: 'Collection.', references: 'Collection', onDelete: 'cascade', example: COLLECTION, distinct: 'low' },
        { name: 'external_id', type: 'short-text', description: 'Id in the source system; upserts key on it.', maxLength: 128, example: 'sku-48213', distinct: 'high' },
        { name: 'title', type: 'short-text', description: 'Title, weighted highest.', maxLength: 300, example: 'Lightweight 14-inch laptop', distinct: 'high' },
        { name: 'body', type: 'text', description: 'Searchable text.', maxLength: 100_000, example: 'A 14-inch laptop weighing 1.1 kg with 18 hours of battery.', distinct: 'high' },
        { name: 'url', type: 'text', description: 'Where the result links to.', nullable: true, maxLength: 2_048, example: 'https://example.com/p/48213', distinct: 'unique' },
        { name: 'popularity', type: 'double', description: 'Ranking boost (sales, views), refreshed daily.', min: 0, example: 0.73, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'document-search', description: 'Ranked full-text query over a collection.', kind: 'search', filters: [{ field: 'collection_id', op: '=' }, { field: 'body', op: 'match' }], sort: [], limit: 20, share: 0.9 },
        { id: 'document-by-external-id', description: 'Find the document for an upsert from the source system.', kind: 'lookup', filters: [{ field: 'collection_id', op: '=' }, { field: 'external_id', op: '=' }], sort: [], share: 0.1 },
      ],
    },
    {
      name: 'Suggestion', table: 'suggestions', resource: 'suggestions', description: 'A completion offered while typing, weighted by how often it was searched and clicked.', domain: 'querying',
      // Built from query logs and titles: ~half a suggestion per monthly user.
      parent: 'Collection', readOnly: true, rows: { perUser: 0.5 }, rateLimitPerMinute: 600,
      fields: [
        { name: 'collection_id', type: 'uuid', description: 'Collection.', references: 'Collection', onDelete: 'cascade', example: COLLECTION, distinct: 'low' },
        { name: 'phrase', type: 'short-text', description: 'Normalised completion text (lower case, accents folded).', maxLength: 200, example: 'laptop 14 inch', distinct: 'high' },
        { name: 'weight', type: 'double', description: 'Popularity score with time decay.', min: 0, example: 412.5, distinct: 'high' },
        { name: 'result_count', type: 'integer', description: 'Results the phrase returns; zero-result phrases are not suggested.', min: 0, example: 37, distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'suggestions-by-prefix', description: 'Completions of what the user has typed, most popular first.', kind: 'search', filters: [{ field: 'collection_id', op: '=' }, { field: 'phrase', op: 'prefix' }], sort: [{ field: 'weight', direction: 'desc' }], limit: 10, share: 0.9 },
        { id: 'popular-suggestions', description: 'Top searches before the user types (empty search box).', kind: 'top-n', filters: [{ field: 'collection_id', op: '=' }], sort: [{ field: 'weight', direction: 'desc' }], limit: 10, share: 0.1 },
      ],
    },
    {
      name: 'QueryLog', table: 'query_logs', resource: 'query-logs', description: 'One executed search: what was asked, how many results came back, what was clicked.', domain: 'querying',
      // Written by reads (every search is logged): ~5 logged searches per active user a day over
      // a year of retention is ~500 rows per monthly user.
      internal: true, partitioned: true, rows: { perUser: 500 },
      fields: [
        { name: 'collection_id', type: 'uuid', description: 'Collection searched.', references: 'Collection', onDelete: 'cascade', example: COLLECTION, distinct: 'low' },
        { name: 'query', type: 'short-text', description: 'Normalised query text; may contain personal data, so it expires with the logs.', maxLength: 200, personal: true, example: 'laptop 14 inch', distinct: 'high' },
        { name: 'result_count', type: 'integer', description: 'Results returned.', min: 0, example: 37, distinct: 'high' },
        { name: 'clicked_document_id', type: 'uuid', description: 'Result the user opened, if any.', nullable: true, references: 'Document', onDelete: 'set-null', example: DOCUMENT, distinct: 'high' },
        { name: 'latency_ms', type: 'integer', description: 'Server time to answer.', min: 0, max: 60_000, example: 23, distinct: 'medium' },
      ],
      accessPatterns: [
        { id: 'zero-result-queries', description: 'Recent queries that found nothing (content gaps, missing synonyms).', kind: 'list', filters: [{ field: 'collection_id', op: '=' }, { field: 'result_count', op: '=' }], sort: [{ field: 'created_at', direction: 'desc' }], limit: 100, share: 0.3 },
        { id: 'queries-since', description: 'Queries of a collection since a time, aggregated into suggestion weights.', kind: 'range', filters: [{ field: 'collection_id', op: '=' }, { field: 'created_at', op: '>=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 10_000, share: 0.7 },
      ],
    },
    {
      name: 'Synonym', table: 'synonyms', resource: 'synonyms', description: 'Terms that should match each other ("tv", "television").', domain: 'indexing',
      parent: 'Collection', rows: { perUser: 0.001 }, rateLimitPerMinute: 30,
      fields: [
        { name: 'collection_id', type: 'uuid', description: 'Collection.', references: 'Collection', onDelete: 'cascade', example: COLLECTION, distinct: 'low' },
        { name: 'kind', type: 'enum', description: 'All terms equivalent, or the first term expands to the others.', values: ['equivalent', 'one_way'], example: 'equivalent', distinct: 'low' },
        { name: 'terms', type: 'short-text', description: 'Comma-separated terms.', maxLength: 500, example: 'tv, television, telly', distinct: 'high' },
      ],
      accessPatterns: [
        { id: 'synonyms-of-collection', description: 'Synonyms of a collection, for the analyzer and the console.', kind: 'list', filters: [{ field: 'collection_id', op: '=' }], sort: [{ field: 'created_at', direction: 'asc' }], limit: 1_000, share: 1 },
      ],
    },
  ],
  actions: [
    { entity: 'Collection', name: 'reindex', method: 'POST', purpose: 'Rebuild the collection\'s index beside the live one and swap the alias when done.', operationId: 'reindexCollection' },
    { entity: 'Collection', name: 'bulk-import', method: 'POST', purpose: 'Upsert or delete many documents in one request (NDJSON).', operationId: 'bulkImportDocuments' },
    { entity: 'Document', name: 'click', method: 'POST', purpose: 'Record that a result was opened for a query (click feedback for ranking).', operationId: 'recordSearchClick' },
  ],
  realtime: [],
  events: [
    { name: 'document.changed', entity: 'Document', purpose: 'Ordered per document, replayable stream that keeps the search index in step with the source; a full reindex replays it.' },
    { name: 'query.logged', entity: 'QueryLog', purpose: 'Aggregate popular and zero-result queries into suggestions and reports.' },
  ],
  mainFlow: {
    title: 'Type ahead, then search',
    steps: [
      { from: 'client', to: 'gateway', message: 'GET /v1/collections/{id}/suggestions?prefix=lap (debounced keystrokes)' },
      { from: 'gateway', to: 'app', message: 'rate-limited per client key' },
      { from: 'app', to: 'cache', message: 'suggestions for (collection, prefix), TTL 5 min' },
      { from: 'app', to: 'search', message: 'on a miss: completion query, top 10 by weight' },
      { from: 'app', to: 'client', message: 'suggestions' },
      { from: 'client', to: 'gateway', message: 'GET /v1/collections/{id}/documents?q=laptop&facet=brand' },
      { from: 'app', to: 'search', message: 'full-text query: BM25 with typo tolerance, synonyms, popularity boost, facets' },
      { from: 'app', to: 'queue', message: 'publish query.logged', async: true },
      { from: 'app', to: 'client', message: 'ranked results with highlights' },
      { from: 'queue', to: 'worker', message: 'update suggestion weights and zero-result reports', async: true },
    ],
  },
  functional: [
    { text: 'Ranked full-text search with typo tolerance, stemming and synonyms', priority: 'must' },
    { text: 'Autocomplete suggestions while typing, within the typing latency budget', priority: 'must' },
    { text: 'Changes in the source system appear in results within seconds', priority: 'must' },
    { text: 'Filters and facet counts on structured fields', priority: 'should' },
    { text: 'Reindex without downtime when settings change', priority: 'should' },
    { text: 'Reports of popular and zero-result queries', priority: 'should' },
    { text: 'Click feedback improves ranking', priority: 'could' },
  ],
  failureModes: [
    { failure: 'The index lags behind the source', impact: 'New items are missing, deleted ones still show; prices or stock in results are wrong.', mitigation: 'Change stream from a transactional outbox, per-document ordering with external version numbers so late updates are dropped, and a lag alert; re-check sensitive fields against the source when showing a result.', detection: 'Indexing lag (source commit to searchable).' },
    { failure: 'A full reindex hurts live queries', impact: 'Latency rises for everyone while the index is rebuilt.', mitigation: 'Build the new index beside the old one with throttled bulk writes, then swap an alias atomically.', detection: 'Query p99 during reindexing.' },
    { failure: 'Expensive queries (leading wildcards, deep pages, huge facets)', impact: 'A few queries saturate the search nodes.', mitigation: 'Reject leading wildcards, cap page depth (search_after cursors), query timeouts, per-client rate limits.', detection: 'Search slow log.' },
  ],
};
