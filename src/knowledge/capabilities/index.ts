import type { Capability } from './_types.js';
import { collaborativeEditing } from './collaborative-editing.js';
import { feedFanout } from './feed-fanout.js';
import { geoDispatch } from './geo-dispatch.js';
import { orderMatching } from './order-matching.js';
import { rateLimiting } from './rate-limiting.js';
import { shortCodes } from './short-codes.js';
import { streamAggregation } from './stream-aggregation.js';
import { uniqueIds } from './unique-ids.js';
import { videoCalls } from './video-calls.js';
import { webCrawling } from './web-crawling.js';

export type { Capability, CapabilityDecision, CapabilityInput, CapabilityOption, Evidence, Judgement, Reading, Verdict } from './_types.js';

/** Every capability, in the order their decisions appear in a design. */
export const CAPABILITIES: readonly Capability[] = [
  feedFanout,
  shortCodes,
  uniqueIds,
  videoCalls,
  geoDispatch,
  streamAggregation,
  collaborativeEditing,
  orderMatching,
  rateLimiting,
  webCrawling,
];
