import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../../src/model/finding.js';
import { reviewManifests } from '../../../src/review/manifest/index.js';

const ROOT = 'test/review/manifest/fixtures/shop';

function fixture(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const dir of ['k8s', 'compose']) {
    for (const f of readdirSync(join(ROOT, dir)).sort()) out.push({ path: `${ROOT}/${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') });
  }
  return out;
}

describe('reviewManifests over a Kubernetes + Compose set', () => {
  it('finds the expected rules at the expected places, and reports the malformed file', async () => {
    const result = await reviewManifests(fixture());
    const got = result.findings.map((f) => {
      const loc = f.location;
      if (loc.kind !== 'file') throw new Error('file location expected');
      return `${loc.file.slice(ROOT.length + 1)}:${loc.line}:${loc.column} ${f.ruleId}`;
    });
    expect(got).toEqual([
      'compose/docker-compose.yml:15:3 manifest/compose-healthcheck',
      'compose/docker-compose.yml:16:12 manifest/image-tag',
      'compose/docker-compose.yml:17:3 manifest/compose-healthcheck',
      'compose/docker-compose.yml:19:11 manifest/run-as-non-root',
      'compose/docker-compose.yml:21:9 manifest/compose-secret-in-environment',
      'compose/docker-compose.yml:22:9 manifest/compose-secret-in-environment',
      'compose/docker-compose.yml:26:19 manifest/host-namespaces',
      'compose/docker-compose.yml:27:17 manifest/privileged',
      'k8s/config.yaml:11:22 manifest/configmap-secret',
      'k8s/config.yaml:20:7 manifest/secret-in-manifest',
      'k8s/pdb.yaml:18:17 manifest/pdb-blocks-eviction',
      'k8s/workers.yaml:4:9 manifest/single-replica',
      'k8s/workers.yaml:14:11 manifest/allow-privilege-escalation',
      'k8s/workers.yaml:14:11 manifest/read-only-root-filesystem',
      'k8s/workers.yaml:14:11 manifest/require-liveness-probe',
      'k8s/workers.yaml:14:11 manifest/require-readiness-probe',
      'k8s/workers.yaml:14:11 manifest/require-resources',
      'k8s/workers.yaml:15:18 manifest/image-tag',
      'k8s/workers.yaml:18:22 manifest/secret-in-env',
      'k8s/workers.yaml:20:22 manifest/secret-in-env',
      'k8s/workers.yaml:22:24 manifest/run-as-non-root',
      'k8s/workers.yaml:38:20 manifest/host-namespaces',
      'k8s/workers.yaml:41:11 manifest/read-only-root-filesystem',
      'k8s/workers.yaml:45:25 manifest/privileged',
      'k8s/workers.yaml:46:24 manifest/run-as-non-root',
      'k8s/workers.yaml:52:18 manifest/image-tag',
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: `${ROOT}/k8s/broken.yaml`, line: 7, column: 1 });
    expect(result.errors[0]?.message).toMatch(/^YAML syntax error: /);
    for (const f of result.findings) expect(FindingSchema.safeParse(f).success).toBe(true);
  });

  it('checks the hardened, autoscaled API with its PDB as clean', async () => {
    const result = await reviewManifests(fixture());
    expect(result.findings.filter((f) => f.location.kind === 'file' && f.location.file.endsWith('api.yaml'))).toEqual([]);
  });

  it('never repeats a secret value in a finding', async () => {
    const text = JSON.stringify(await reviewManifests(fixture()));
    for (const secret of ['hunter2', 's3cret', 'p4ssw0rd', 'devpass', 'not-so-secret', 'changeme']) expect(text).not.toContain(secret);
  });

  it('is deterministic and independent of the input order', async () => {
    const a = await reviewManifests(fixture());
    const b = await reviewManifests(fixture().reverse());
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('ignores YAML that is neither Kubernetes nor Compose, and empty documents', async () => {
    const result = await reviewManifests([
      { path: 'ci.yaml', text: 'jobs:\n  test:\n    runs-on: ubuntu-latest\n' },
      { path: 'empty.yaml', text: '---\n---\n' },
    ]);
    expect(result).toEqual({ findings: [], errors: [], files: ['ci.yaml', 'empty.yaml'] });
  });

  it('rejects a file with duplicate keys, with the position of the duplicate', async () => {
    const result = await reviewManifests([{ path: 'dup.yaml', text: 'apiVersion: v1\nkind: Pod\nkind: Service\n' }]);
    expect(result.errors).toEqual([{ file: 'dup.yaml', message: expect.stringMatching(/^YAML syntax error: Map keys must be unique/) as unknown as string, line: 3, column: 1 }]);
  });
});
