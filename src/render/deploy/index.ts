import type { Design } from '../../model/design.js';
import { renderCompose } from './compose.js';
import { renderK8s } from './k8s.js';
import { renderDeployReadme } from './readme.js';

export { composeObject, renderCompose } from './compose.js';
export { k8sObjects, k8sWorkloads, renderK8s, KUBERNETES_VERSION } from './k8s.js';
export { composeSecretVariable, SECRET_NAME, systemName } from './_common.js';

/** Files under deploy/: compose.yaml, k8s/*.yaml and README.md. */
export function renderDeployFiles(d: Design): Array<[string, string]> {
  return [['deploy/compose.yaml', renderCompose(d)], ...renderK8s(d), ['deploy/README.md', renderDeployReadme(d)]];
}
