import type { ManifestReview } from '../../manifest/model.js';
import type { Rule } from '../../types.js';
import { rule as allowPrivilegeEscalation } from './allow-privilege-escalation.js';
import { rule as composeHealthcheck } from './compose-healthcheck.js';
import { rule as composeSecretInEnvironment } from './compose-secret-in-environment.js';
import { rule as configmapSecret } from './configmap-secret.js';
import { rule as hostNamespaces } from './host-namespaces.js';
import { rule as imageTag } from './image-tag.js';
import { rule as pdbBlocksEviction } from './pdb-blocks-eviction.js';
import { rule as privileged } from './privileged.js';
import { rule as readOnlyRootFilesystem } from './read-only-root-filesystem.js';
import { rule as requireLivenessProbe } from './require-liveness-probe.js';
import { rule as requirePdb } from './require-pdb.js';
import { rule as requireReadinessProbe } from './require-readiness-probe.js';
import { rule as requireResources } from './require-resources.js';
import { rule as runAsNonRoot } from './run-as-non-root.js';
import { rule as secretInEnv } from './secret-in-env.js';
import { rule as secretInManifest } from './secret-in-manifest.js';
import { rule as singleReplica } from './single-replica.js';

/** Every Kubernetes and Compose manifest rule, in id order. */
export const rules: Rule<ManifestReview>[] = [
  allowPrivilegeEscalation,
  composeHealthcheck,
  composeSecretInEnvironment,
  configmapSecret,
  hostNamespaces,
  imageTag,
  pdbBlocksEviction,
  privileged,
  readOnlyRootFilesystem,
  requireLivenessProbe,
  requirePdb,
  requireReadinessProbe,
  requireResources,
  runAsNonRoot,
  secretInEnv,
  secretInManifest,
  singleReplica,
];
