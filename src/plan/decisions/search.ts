import { LIMITS } from '../../knowledge/limits.js';
import { planCapacity } from '../capacity.js';
import { searchReadShare, withSizing } from '../components.js';
import type { DecisionModule } from '../context.js';
import { n, options, quote, threshold } from './_util.js';

/** PostgreSQL full-text until the corpus or query rate outgrows it; then a search engine fed by events. */
export const search: DecisionModule = {
  id: 'search',
  title: 'Search',
  question: 'Does full-text search need its own engine?',
  decide(ctx) {
    if (!ctx.archetype.traits.fullTextSearch) return null;
    const searchShare = searchReadShare(ctx);
    const peakSearchQps = ctx.load.peakReads * searchShare;
    // Searchable documents after a year: the records the capacity plan keeps, of the entities users search.
    const rows = withSizing(ctx, planCapacity(ctx)).get('search-documents').oneYear;
    const dedicatedSearch = ctx.archetype.id === 'search';
    const big = rows > 100_000_000 || peakSearchQps > 200 || dedicatedSearch;
    const small = ctx.req.team.size.value <= 5;
    const engine = big ? (small && rows < 20_000_000 ? 'Meilisearch' : 'OpenSearch') : 'PostgreSQL full-text search (GIN index)';
    return {
      considered: options([
        ['PostgreSQL full-text (tsvector + GIN)', big ? 'rejected' : 'chosen', big ? `${n(rows)} documents and ${n(peakSearchQps)} searches/s at peak would compete with transactional load on the primary` : 'no new store; transactional consistency with the data; good enough ranking for this corpus'],
        ['OpenSearch / Elasticsearch', engine === 'OpenSearch' ? 'chosen' : big ? 'viable' : 'rejected', big ? `relevance, typo tolerance and horizontal scale; ~${n(LIMITS.searchQpsPerNode.value)} queries/s per node` : 'a cluster to run and keep in sync for a corpus PostgreSQL handles'],
        ['Meilisearch', engine === 'Meilisearch' ? 'chosen' : 'viable', 'instant, typo-tolerant search with little tuning; single-writer'],
        ['Typesense', 'viable', 'similar to Meilisearch, in-memory index'],
      ]),
      chosen: engine,
      rationale: big
        ? `Search covers ~${n(rows)} documents after a year and peaks at ${n(peakSearchQps)} queries/s; a dedicated engine, fed asynchronously from change events, keeps that load off the primary and gives relevance ranking.`
        : `Search covers ~${n(rows)} documents after a year at ${n(peakSearchQps)} queries/s at peak: a GIN index on a tsvector expression serves it inside PostgreSQL with no second store to keep in sync.`,
      wouldChange: big
        ? (dedicatedSearch ? 'Search is the product here; only a corpus small enough for one database (well under ~100M documents and ~200 searches/s) would let PostgreSQL full-text search do the job.' : 'A much smaller corpus (under ~100M documents) at under ~200 searches/s would let PostgreSQL full-text search do the job.')
        : 'More than ~100M searchable documents, 200+ searches/s, or a need for typo tolerance and relevance tuning would call for OpenSearch or Meilisearch.',
      drivers: ['capacity.search-documents', 'capacity.search-peak-qps', 'archetype.traits.fullTextSearch'],
      significant: big,
      quotes: [quote('search-documents', rows, 'oneYear'), quote('search-peak-qps', peakSearchQps), ...(big ? [quote('limits.search-qps-per-node', LIMITS.searchQpsPerNode.value)] : [])],
      thresholds: big ? [] : [threshold('search-documents', 100_000_000, 'OpenSearch', 'oneYear'), threshold('search-peak-qps', 200, 'OpenSearch')],
    };
  },
};

