import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { isArchieError } from '../../../src/errors.js';
import { loadOpenApi } from '../../../src/review/openapi/index.js';
import { parsePointer, parseSource, toPointer } from '../../../src/review/openapi/source.js';
import { Workspace } from '../../../src/review/openapi/workspace.js';

describe('parseSource positions', () => {
  const json = '{\n  "a": {"x\\"y": 1, "b": [10, {"c": "}"}]},\n  "d": "e"\n}\n';
  it('finds keys and array elements in JSON, escapes and braces in strings included', () => {
    const doc = parseSource('/x.json', 'x.json', json);
    expect(doc.position([])).toEqual({ line: 1, column: 1 });
    expect(doc.position(['a'])).toEqual({ line: 2, column: 3 });
    expect(doc.position(['a', 'x"y'])).toEqual({ line: 2, column: 9 });
    expect(doc.position(['a', 'b', 1])).toEqual({ line: 2, column: 30 });
    expect(doc.position(['a', 'b', 1, 'c'])).toEqual({ line: 2, column: 31 });
    expect(doc.position(['d'])).toEqual({ line: 3, column: 3 });
    // a path that leaves the text stops at the deepest existing node
    expect(doc.position(['a', 'b', 7])).toEqual({ line: 2, column: 20 });
  });

  it('finds keys in YAML, through aliases', () => {
    const doc = parseSource('/x.yaml', 'x.yaml', 'a: &anchor\n  b: 1\nc: *anchor\nlist:\n  - x\n  - y: 2\n');
    expect(doc.position(['a', 'b'])).toEqual({ line: 2, column: 3 });
    expect(doc.position(['c', 'b'])).toEqual({ line: 2, column: 3 });
    expect(doc.position(['list', 1, 'y'])).toEqual({ line: 6, column: 5 });
  });

  it('JSON offsets agree with a brute-force search for every key of generated documents', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), { minKeys: 1, maxKeys: 5 }), (value) => {
        const text = JSON.stringify(value, null, 2);
        const doc = parseSource('/g.json', 'g.json', text);
        const lines = text.split('\n');
        for (const k of Object.keys(value)) {
          const p = doc.position([k]);
          expect(lines[p.line - 1]!.slice(p.column - 1)).toMatch(new RegExp(`^${JSON.stringify(k).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reports malformed JSON and YAML with line and column', () => {
    const bad = (name: string, text: string) => {
      try {
        parseSource(`/${name}`, name, text);
      } catch (e) {
        if (isArchieError(e)) return { message: e.message, line: e.line, column: e.column };
      }
      return undefined;
    };
    expect(bad('a.json', '{\n  "a": 1,\n}\n')).toMatchObject({ message: expect.stringContaining('not valid JSON'), line: 3, column: 1 });
    expect(bad('a.yaml', 'a: [\nb: 1\n')).toMatchObject({ message: expect.stringContaining('not valid YAML'), line: expect.any(Number) });
    expect(bad('a.yaml', 'a: 1\na: 2\n')).toMatchObject({ message: expect.stringContaining('unique') });
  });

  it('converts JSON pointers both ways', () => {
    expect(parsePointer('/paths/~1users~1{id}/get')).toEqual(['paths', '/users/{id}', 'get']);
    expect(parsePointer('/a%20b/~0x')).toEqual(['a b', '~x']);
    expect(parsePointer('nope')).toBeUndefined();
    expect(toPointer(['paths', '/users/{id}', 'get', 0])).toBe('#/paths/~1users~1{id}/get/0');
  });
});

describe('multi-file $ref resolution', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archie-ref-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.yaml'), 'A:\n  type: object\n  properties:\n    next: {$ref: "#/A"}\n    b: {$ref: "b.yaml#/B"}\n');
  writeFileSync(join(dir, 'b.yaml'), 'B:\n  $ref: "a.yaml#/A"\n');
  writeFileSync(join(dir, 'loop.yaml'), 'X: {$ref: "#/Y"}\nY: {$ref: "#/X"}\n');

  it('keeps the position in the file where the node lives and ends cycles', () => {
    const ws = new Workspace({ roots: [dir], cwd: dir, maxBytes: 1 << 20 });
    const spec = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    S: {$ref: "a.yaml#/A"}\n    L: {$ref: "loop.yaml#/X"}\n';
    const input = loadOpenApi(ws, join(dir, 'openapi.yaml'), spec);
    const s = input.child(input.child(input.child(input.rootNode, 'components')!, 'schemas')!, 'S')!;
    expect(s.doc.display).toBe('a.yaml');
    expect(s.doc.position(s.path)).toEqual({ line: 1, column: 1 });
    const b = input.child(input.child(s, 'properties')!, 'b')!;
    expect(b.doc.display).toBe('a.yaml'); // b.yaml#/B is itself a $ref back to A
    const loop = input.child(input.child(input.child(input.rootNode, 'components')!, 'schemas')!, 'L')!;
    expect(loop.value).toHaveProperty('$ref'); // unresolvable cycle: the node itself comes back
    expect(input.schemas().length).toBeGreaterThan(0);
  });
});
