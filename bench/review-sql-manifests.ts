/**
 * Throughput of the SQL and manifest reviewers on generated inputs of realistic shape:
 *  - a migrations folder of 2,000 files (tables, columns, indexes, constraints, backfills),
 *  - one 4,000-table schema dump in a single file,
 *  - 600 Kubernetes manifest files (Deployment + Service + HPA + PDB) and a 300-service Compose file.
 * Prints wall time (median of 5 runs after a warm-up), throughput and peak RSS.
 *
 *   node --import tsx bench/review-sql-manifests.ts
 *
 * No peer runs here: the incumbent migration linter (squawk) ships as a native binary downloaded at
 * install time, which this offline benchmark cannot fetch.
 */
import { performance } from 'node:perf_hooks';
import { reviewManifests } from '../src/review/manifest/index.js';
import { reviewSql } from '../src/review/sql/index.js';

type Files = { path: string; text: string }[];

function migrations(n: number): Files {
  const files: Files = [];
  for (let i = 1; i <= n; i++) {
    const t = `t${i % 400}`;
    const v = String(i).padStart(5, '0');
    let text: string;
    if (i <= 400) {
      text = `CREATE TABLE ${t} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  owner_id bigint REFERENCES t${Math.max(0, (i % 400) - 1)} (id),\n  name varchar(200) NOT NULL,\n  created_at timestamptz NOT NULL DEFAULT now()\n);\nCREATE INDEX ON ${t} (owner_id);\n`;
    } else {
      switch (i % 5) {
        case 0:
          text = `SET lock_timeout = '5s';\nALTER TABLE ${t} ADD COLUMN c${i} text NOT NULL DEFAULT 'x';\n`;
          break;
        case 1:
          text = `CREATE INDEX CONCURRENTLY ${t}_c${i}_idx ON ${t} (name);\n`;
          break;
        case 2:
          text = `ALTER TABLE ${t} ADD CONSTRAINT ${t}_k${i} CHECK (char_length(name) < 500) NOT VALID;\n`;
          break;
        case 3:
          text = `ALTER TABLE ${t} ADD COLUMN d${i} uuid DEFAULT gen_random_uuid();\nUPDATE ${t} SET name = lower(name) WHERE id < 1000;\n`;
          break;
        default:
          text = `ALTER TABLE ${t} ALTER COLUMN name TYPE varchar(${300 + i});\n`;
      }
    }
    files.push({ path: `db/migrations/${v}_step.sql`, text });
  }
  return files;
}

function schemaDump(tables: number): Files {
  const parts: string[] = ["SET statement_timeout = 0;\nSELECT pg_catalog.set_config('search_path', '', false);\n"];
  for (let i = 0; i < tables; i++) {
    parts.push(
      `CREATE TABLE public.s${i} (\n    id bigint NOT NULL,\n    parent_id bigint,\n    label character varying(120),\n    amount numeric(12,2),\n    happened_at timestamp without time zone\n);\nALTER TABLE ONLY public.s${i} ADD CONSTRAINT s${i}_pkey PRIMARY KEY (id);\n` +
        (i > 0 ? `ALTER TABLE ONLY public.s${i} ADD CONSTRAINT s${i}_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.s${i - 1}(id);\n` : ''),
    );
  }
  return [{ path: 'db/structure.sql', text: parts.join('') }];
}

function manifests(n: number, services: number): Files {
  const files: Files = [];
  for (let i = 0; i < n; i++) {
    const ns = `ns-${i % 20}`;
    const pdb = i % 2
      ? `---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: app-${i}
  namespace: ${ns}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      app: app-${i}
`
      : '';
    files.push({
      path: `k8s/app-${i}.yaml`,
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: ${ns}
  labels:
    app: app-${i}
spec:
  replicas: ${i % 3}
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
      containers:
        - name: app
          image: ghcr.io/example/app-${i}:${i % 2 ? 'latest' : '1.0.' + i}
          ports:
            - containerPort: 8080
          env:
            - name: LOG_LEVEL
              value: info
            - name: DB_PASSWORD
              value: "${i % 4 ? '' : 'pw' + i}"
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
  namespace: ${ns}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 8080
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: app-${i}
  namespace: ${ns}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: app-${i}
  minReplicas: ${2 + (i % 2)}
  maxReplicas: 10
${pdb}`,
    });
  }
  const svc: string[] = ['services:'];
  for (let i = 0; i < services; i++) {
    svc.push(`  svc${i}:\n    image: example/svc${i}${i % 3 ? ':1.2.3' : ''}\n    environment:\n      - API_TOKEN=t${i}\n      - MODE=prod\n${i % 2 ? '    healthcheck:\n      test: ["CMD", "true"]\n' : ''}`);
  }
  files.push({ path: 'compose.yaml', text: svc.join('\n') });
  return files;
}

async function measure(label: string, run: () => Promise<{ findings: unknown[]; errors: unknown[] }>, units: string): Promise<void> {
  await run(); // warm-up: loads the WASM parser, JIT
  const times: number[] = [];
  let findings = 0;
  let errors = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await run();
    times.push(performance.now() - t0);
    findings = r.findings.length;
    errors = r.errors.length;
  }
  times.sort((a, b) => a - b);
  const median = times[2] ?? 0;
  console.log(`${label.padEnd(44)} ${median.toFixed(0).padStart(6)} ms   ${units.padEnd(28)} ${String(findings).padStart(6)} findings  ${errors} errors`);
}

function bytes(files: Files): string {
  const b = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  return `${(b / 1024 / 1024).toFixed(2)} MiB`;
}

// Optional filter: `… bench/review-sql-manifests.ts migrations dump manifests`.
const only = new Set(process.argv.slice(2));
const want = (name: string): boolean => only.size === 0 || only.has(name);
console.log('input                                        median   size                         output');
if (want('migrations')) {
  const mig = migrations(2000);
  await measure(`migrations folder (${mig.length} files)`, () => reviewSql(mig), bytes(mig));
}
if (want('dump')) {
  const dump = schemaDump(4000);
  await measure('schema dump (4,000 tables, one file)', () => reviewSql(dump), bytes(dump));
}
if (want('manifests')) {
  const k8s = manifests(600, 300);
  await measure(`manifests (${k8s.length} files, ${600 * 3 + 300 + 300} objects/services)`, () => reviewManifests(k8s), bytes(k8s));
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
