import { n } from '../../plan/decisions/_util.js';
import { cite, peakRate, statedMax } from './_read.js';
import type { Capability, Reading } from './_types.js';

/** Bits per URL in a Bloom filter with a 1% false-positive rate: −ln(0.01) / ln(2)². */
const BLOOM_BITS_PER_URL = 9.6;
/** Memory one crawler node gives the URL-seen filter. */
export const SEEN_FILTER_BYTES_PER_NODE = 64 * 2 ** 30;
/** Seconds between two fetches from one host (politeness, unless robots.txt says Crawl-delay). */
const HOST_DELAY_S = 1;
/** Average time one fetch holds a connection. */
const FETCH_S = 1;

interface CrawlNumbers {
  pages: Reading;
  urls: Reading;
  seenBytes: number;
}

/** Fetching the web politely: the URL frontier, per-host politeness and deduplication. */
export const webCrawling: Capability<CrawlNumbers> = {
  id: 'web-crawling',
  name: 'Web crawling',
  evidence: {
    terms: [
      ['crawl*', 2], ['spider', 1], ['robots.txt', 2], ['politeness', 1.5], ['polite*', 1], ['url frontier', 2], ['scrap*', 1], ['web pages', 0.8], ['index the web', 1.5],
      ['search engine', 0.5], ['fetch pages', 1], ['download pages', 1], ['web archive', 1],
    ],
    operations: [/\b(?:crawl|fetch|download)\b/],
  },
  decision: {
    id: 'crawl-frontier',
    title: 'URL frontier, politeness and deduplication',
    question: 'How are URLs scheduled so that no host is overloaded, and how are URLs and pages already seen skipped?',
    numbers(input) {
      const pages = peakRate(input, /\b(?:crawl|fetch|download|page)s?\b/, 'write');
      const stated = statedMax(input, String.raw`# (?:web ?)?(?:pages|urls|documents|sites)`);
      const urls: Reading = stated ?? { value: pages.value * 86_400 * 30, source: 'derived', from: 'a month of fetching at the peak rate' };
      return { pages, urls, seenBytes: (urls.value * BLOOM_BITS_PER_URL) / 8 };
    },
    options: [
      {
        option: 'URL frontier with a Bloom filter of seen URLs in each crawler node\'s memory (URLs partitioned to nodes by host hash)',
        when: (x) =>
          x.seenBytes <= SEEN_FILTER_BYTES_PER_NODE
            ? { verdict: 'chosen', reason: `${n(x.urls.value)} URLs need a ${n(x.seenBytes / 2 ** 30)} GiB filter at 1% false positives, within one node's ${n(SEEN_FILTER_BYTES_PER_NODE / 2 ** 30)} GiB` }
            : { verdict: 'viable', reason: `a ${n(x.seenBytes / 2 ** 30)} GiB filter outgrows one node: shard it with the hosts` },
      },
      {
        option: 'URL frontier with the seen-URL set in a sharded key-value store (by host hash), a Bloom filter per shard in front',
        when: (x) =>
          x.seenBytes > SEEN_FILTER_BYTES_PER_NODE
            ? { verdict: 'chosen', reason: `${n(x.urls.value)} URLs need ${n(x.seenBytes / 2 ** 30)} GiB of filter, more than one node's ${n(SEEN_FILTER_BYTES_PER_NODE / 2 ** 30)} GiB: ${n(Math.ceil(x.seenBytes / SEEN_FILTER_BYTES_PER_NODE))} shards` }
            : { verdict: 'viable', reason: 'the step once the filter outgrows one node' },
      },
      { option: 'One breadth-first FIFO queue of URLs', when: () => ({ verdict: 'rejected', reason: 'links cluster by host, so a FIFO hammers one host with consecutive fetches and has no priorities' }) },
    ],
    rationale: (x) =>
      `Pages are fetched ${cite(x.pages, '/s')} at peak, ${cite(x.urls)} URLs in all. The frontier has prioritised front queues (by page rank and change rate) feeding per-host back queues: ` +
      `one host per queue, one fetch in flight, ${HOST_DELAY_S} s between fetches unless robots.txt sets a Crawl-delay (robots.txt cached per host), so at least ${n(x.pages.value * HOST_DELAY_S)} hosts must be in rotation and about ${n(x.pages.value * FETCH_S)} fetches in flight. ` +
      `The frontier is traversed breadth-first within each priority and kept mostly on disk, with in-memory buffers for enqueue and dequeue. DNS answers are cached. URLs are normalised before the seen check; pages are deduplicated by a SHA-256 content hash (and SimHash for near-duplicates) before parsing, and stored compressed in object storage. Spider traps are cut by a URL length and depth limit.`,
    wouldChange: (x) =>
      x.seenBytes > SEEN_FILTER_BYTES_PER_NODE
        ? `Fewer than ${n((SEEN_FILTER_BYTES_PER_NODE * 8) / BLOOM_BITS_PER_URL)} URLs would fit the seen filter in each node's memory.`
        : `More than ${n((SEEN_FILTER_BYTES_PER_NODE * 8) / BLOOM_BITS_PER_URL)} URLs (a filter above ${n(SEEN_FILTER_BYTES_PER_NODE / 2 ** 30)} GiB) calls for a sharded seen set.`,
    drivers: ['workload.operations'],
    significant: true,
  },
};
