import { reviewManifests } from '../../../src/review/manifest/index.js';
import { rules } from '../../../src/review/rules/manifest/index.js';
import { testCatalog } from '../sql/_catalog.js';

testCatalog({
  domain: 'manifest',
  rules,
  lang: 'yaml',
  review: reviewManifests,
  fileName: (i) => `manifests/example-${i + 1}.yaml`,
});
