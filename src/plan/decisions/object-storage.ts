import type { DecisionModule } from '../context.js';
import { n, options } from './_util.js';
import { formatBytes } from '../../brief/units.js';

/** Binary objects never go into the database. */
export const objectStorage: DecisionModule = {
  id: 'object-storage',
  title: 'Object storage',
  question: 'Where do uploaded files and media live?',
  decide(ctx) {
    const s = ctx.req.scale;
    if (s.blobBytes.value <= 0 || s.blobsPerUserPerDay.value <= 0) return null;
    const perDay = s.dau.value * s.blobsPerUserPerDay.value;
    const managed = { aws: 'Amazon S3', gcp: 'Google Cloud Storage', azure: 'Azure Blob Storage', any: 'S3-compatible object storage' }[ctx.req.cloud.value];
    return {
      considered: options([
        [managed, 'chosen', 'eleven nines of durability, cheap per GB, pre-signed URLs let clients upload and download without passing bytes through the API'],
        ['Database BLOB/bytea columns', 'rejected', 'bloats backups and replication, and every byte passes through the API'],
        ['Shared file system (EFS/NFS)', 'rejected', 'costlier per GB, no pre-signed access, a single mount to keep healthy'],
      ]),
      chosen: `${managed} with pre-signed uploads and downloads`,
      rationale: `${n(perDay)} objects of ~${formatBytes(s.blobBytes.value)} arrive per day (${formatBytes(perDay * s.blobBytes.value)}/day). The API stores only metadata and object keys; clients upload directly with short-lived pre-signed URLs.`,
      wouldChange: 'Nothing in the requirements; only the provider changes with the cloud.',
      drivers: ['scale.blobBytes', 'scale.blobsPerUserPerDay', 'cloud'],
      significant: false,
      quotes: [],
      thresholds: [],
    };
  },
};
