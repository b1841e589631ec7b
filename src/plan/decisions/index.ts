import type { DecisionModule } from '../context.js';
import { apiGateway } from './api-gateway.js';
import { architectureStyle } from './architecture-style.js';
import { auth } from './auth.js';
import { cache } from './cache.js';
import { cdn } from './cdn.js';
import { communication } from './communication.js';
import { consistency } from './consistency.js';
import { dataPattern } from './data-pattern.js';
import { deployment } from './deployment.js';
import { geo } from './geo.js';
import { messaging } from './messaging.js';
import { objectStorage } from './object-storage.js';
import { primaryDatabase } from './primary-database.js';
import { ranking } from './ranking.js';
import { realtime } from './realtime.js';
import { reliability } from './reliability.js';
import { search } from './search.js';
import { timeseries } from './timeseries.js';
import { topology } from './topology.js';

/** Decisions in the order they are taken; a later one may read an earlier one's choice. */
export const DECISIONS: readonly DecisionModule[] = [
  architectureStyle,
  communication,
  dataPattern,
  primaryDatabase,
  consistency,
  cache,
  messaging,
  realtime,
  search,
  timeseries,
  objectStorage,
  cdn,
  geo,
  ranking,
  deployment,
  apiGateway,
  auth,
  reliability,
  topology,
];
