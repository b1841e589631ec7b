import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeChecks } from '../../src/verify/_constraints.js';
import { erEntities, flowchartNodes, sequenceParticipants, svgAttributeValues, workspaceElements } from '../../src/verify/_diagrams.js';
import { paramRoles } from '../../src/verify/_params.js';
import { declaredSchema, indexKeyOf } from '../../src/verify/_schema-ast.js';
import { loadParser, parseSqlFile } from '../../src/verify/_sql.js';
import { parseYamlFile, positionOf } from '../../src/verify/_yaml.js';
import { cpuMillis, memoryMiB } from '../../src/verify/checks/deploy-agreement.js';

beforeAll(async () => {
  await loadParser();
});

describe('CHECK constraints read from the parse tree', () => {
  it.each([
    ['char_length(email) <= 254', 'email', { maxLength: 254 }],
    ['(char_length(body) < 100)', 'body', { maxLength: 99 }],
    ["kind = ANY (ARRAY['direct'::text, 'group'::text])", 'kind', { values: ['direct', 'group'] }],
    ["status IN ('open', 'closed')", 'status', { values: ['open', 'closed'] }],
    ['size_bytes >= 0 AND size_bytes <= 104857600', 'size_bytes', { min: 0, max: 104857600 }],
    ['amount BETWEEN 1 AND 5.5', 'amount', { min: 1, max: 5.5 }],
    ['0 < qty', 'qty', { min: 0, minExclusive: true }],
    ['updated_at >= created_at', 'updated_at', { after: ['created_at'] }],
    ['ends_at < starts_at', 'ends_at', { before: ['starts_at'] }],
    ['(note IS NULL) OR (char_length(note) <= 10)', 'note', { maxLength: 10 }],
  ])('%s', (expr, column, rule) => {
    expect(analyzeChecks([expr]).get(column)).toMatchObject(rule);
  });

  it('leaves alone what it does not understand', () => {
    expect(analyzeChecks(["email ~* '^.+@.+$'"]).size).toBe(0);
    expect(analyzeChecks(['a > 0 OR b > 0']).size).toBe(0);
  });
});

describe('access pattern parameters get roles from the query', () => {
  const cols = (t: string): Set<string> =>
    new Set(({ messages: ['id', 'conversation_id', 'created_at', 'body', 'deleted_at'], users: ['id', 'display_name', 'email'] } as Record<string, string[]>)[t] ?? []);
  it('equality, keyset cursor and LIMIT', () => {
    const { roles, count } = paramRoles('SELECT * FROM messages m WHERE m.conversation_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4', cols);
    expect(count).toBe(4);
    expect(roles.get(1)).toMatchObject({ kind: 'eq', col: { table: 'messages', column: 'conversation_id' } });
    expect(roles.get(2)).toMatchObject({ kind: 'range', op: '<', col: { column: 'created_at' } });
    expect(roles.get(3)).toMatchObject({ kind: 'range', col: { column: 'id' } });
    expect(roles.get(4)).toEqual({ kind: 'limit' });
  });
  it('prefix on lower(col), full-text search, reversed comparison, = ANY', () => {
    expect(paramRoles("SELECT * FROM users WHERE lower(display_name) LIKE $1 || '%'", cols).roles.get(1)).toMatchObject({ kind: 'prefix', appendsPercent: true, col: { fn: 'lower', column: 'display_name' } });
    expect(paramRoles("SELECT * FROM messages WHERE to_tsvector('simple', body) @@ plainto_tsquery('simple', $1)", cols).roles.get(1)).toMatchObject({ kind: 'fts', col: { column: 'body', fn: 'to_tsvector', config: 'simple' } });
    expect(paramRoles('SELECT * FROM messages WHERE $1 <= created_at', cols).roles.get(1)).toMatchObject({ kind: 'range', op: '>=' });
    expect(paramRoles('SELECT * FROM users WHERE id = ANY($1)', cols).roles.get(1)).toMatchObject({ kind: 'any' });
  });
});

describe('schema.sql declarations', () => {
  it('index definitions compare by parse tree, not spelling', () => {
    const a = indexKeyOf('CREATE INDEX a ON t USING btree (x ASC, y DESC) WHERE deleted_at IS NULL');
    expect(indexKeyOf('create index b on t (x, y desc) where (deleted_at is null)')).toBe(a);
    expect(indexKeyOf('CREATE INDEX a ON t (y DESC, x) WHERE deleted_at IS NULL')).not.toBe(a);
    expect(indexKeyOf('CREATE INDEX a ON t (x, y DESC)')).not.toBe(a);
    expect(indexKeyOf('CREATE INDEX a ON t USING gin (to_tsvector(\'simple\', body))')).toBe(indexKeyOf("CREATE INDEX z ON t USING GIN (to_tsvector('simple'::text, body))".replace("'simple'::text", "'simple'")));
  });
  it('tables, columns, CREATE INDEX and constraint indexes with their lines', () => {
    const sql = 'CREATE TABLE t (\n  id uuid PRIMARY KEY,\n  email text,\n  CONSTRAINT t_email_key UNIQUE (email)\n);\nCREATE TABLE t_2026 PARTITION OF p FOR VALUES FROM (1) TO (2);\n\nCREATE INDEX t_email_idx ON t (lower(email));\nALTER TABLE t ADD COLUMN extra int;';
    const parsed = parseSqlFile(sql);
    if (!parsed.ok) throw new Error(parsed.message);
    const s = declaredSchema(parsed.statements);
    expect([...s.tables.get('t')!.columns]).toEqual(['id', 'email', 'extra']);
    expect(s.tables.get('t_2026')!.partition).toBe(true);
    expect(s.indexes.map((i) => [i.name, i.line, i.fromConstraint])).toEqual([
      ['t_pkey', 1, true],
      ['t_email_key', 1, true],
      ['t_email_idx', 8, false],
    ]);
  });
  it('a syntax error has its line and column', () => {
    const parsed = parseSqlFile('CREATE TABLE a (id int);\n\nCREATE TABLE b (id int,, x int);');
    expect(parsed).toMatchObject({ ok: false, line: 3, column: 24 });
  });
});

describe('diagram sources', () => {
  it('Mermaid flowchart nodes, not subgraphs', () => {
    const nodes = flowchartNodes('flowchart TB\n  subgraph layer_a["A"]\n    api["API<br/>Node"]\n    db[("Primary database")]\n  end\n  api --> db\n  api -.-> queue_x\n  classDef store fill:#fff');
    expect(nodes.map((n) => n.id)).toEqual(['api', 'db', 'queue_x']);
    expect(nodes[0]!.label).toBe('API<br/>Node');
  });
  it('ER entities, sequence participants, SVG data attributes and workspace elements', () => {
    expect(erEntities('erDiagram\n  User {\n    uuid id PK\n  }\n  User ||--o{ Order : places\n').sort()).toEqual(['Order', 'User']);
    expect(sequenceParticipants('sequenceDiagram\n  actor c as Clients\n  participant api as API\n  c->>api: POST\n  api-)queue: publish\n').sort()).toEqual(['api', 'c', 'queue']);
    expect(svgAttributeValues('<g class="n" data-id="a"/><g data-id=\'b&amp;c\'/>', 'data-id')).toEqual(['a', 'b&c']);
    const dsl = 'workspace "W" {\n  model {\n    u = person "User \\"x\\""\n    s = softwareSystem "S" {\n      a = container "API" "x" "y"\n    }\n  }\n  views {\n    container s "Containers" {\n    }\n  }\n}';
    expect(workspaceElements(dsl).map((e) => `${e.kind}:${e.name}`)).toEqual(['person:User "x"', 'softwareSystem:S', 'container:API']);
  });
});

describe('positions and quantities', () => {
  it('a JSON pointer maps to its line, a missing leaf to its parent', () => {
    const f = parseYamlFile('a:\n  b:\n    - x: 1\n    - y: 2\n');
    expect(positionOf(f, f.docs[0]!, ['a', 'b', 1, 'y'])).toEqual({ line: 4, column: 10 });
    expect(positionOf(f, f.docs[0]!, ['a', 'b', 1, 'missing'])).toEqual({ line: 4, column: 7 });
  });
  it('Kubernetes CPU and memory quantities', () => {
    expect([cpuMillis('500m'), cpuMillis('1'), cpuMillis('1.5'), cpuMillis('x')]).toEqual([500, 1000, 1500, undefined]);
    expect([memoryMiB('512Mi'), memoryMiB('1Gi'), memoryMiB('1048576')]).toEqual([512, 1024, 1]);
  });
});
