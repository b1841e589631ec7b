import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArchieError } from '../../src/errors.js';
import { MiB } from '../../src/util/input.js';
import { MAX_DEPTH, MAX_YAML_BYTES, jsonDepth, parseJson, parseJsonWithPositions, parseYaml, parseYamlAll, valueDepth } from '../../src/util/parse.js';

/**
 * The shared safe parser. Hostile texts are generated here: nesting 10,000 and more levels deep,
 * "billion laughs" alias bombs, aliases with no anchor or inside their own anchor, custom tags,
 * control characters. Each must be an ArchieError naming the problem and, where there is one,
 * its line and column; never a RangeError ("Maximum call stack size exceeded") or a hang.
 */
const nest = {
  jsonObject: (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n),
  jsonArray: (n: number) => '['.repeat(n) + ']'.repeat(n),
  yamlFlow: (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n),
  yamlBlockMap: (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n',
  yamlBlockSeq: (n: number) => '- '.repeat(n) + 'x\n',
};

function problem(f: () => unknown): ArchieError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof ArchieError)) throw e;
    return e;
  }
  throw new Error('parsed');
}

const BOMB = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

describe('nesting', () => {
  it.each([
    ['JSON objects', 'json', nest.jsonObject(10_000)],
    ['JSON arrays', 'json', nest.jsonArray(100_000)],
    ['YAML flow mappings', 'yaml', nest.yamlFlow(10_000)],
    ['YAML block mappings', 'yaml', nest.yamlBlockMap(3_000)],
    ['YAML block sequences', 'yaml', nest.yamlBlockSeq(10_000)],
    ['JSON read as YAML', 'yaml', nest.jsonObject(10_000)],
  ])('%s nested deeply: "nested N levels deep, archie reads up to M" at the line where it goes past', (_what, format, text) => {
    const e = problem(() => (format === 'json' ? parseJson(text, { label: 'spec.json', path: 'spec.json' }) : parseYamlAll(text, { label: 'spec.yaml', path: 'spec.yaml' })));
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(new RegExp(`^spec\\.(json|yaml) is nested [\\d,]+ levels deep; archie reads up to ${MAX_DEPTH}$`));
    expect(e.path).toMatch(/^spec\./);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
  });

  it('says how deep the text really goes', () => {
    expect(problem(() => parseJson(nest.jsonObject(12_345), { label: 'x' })).message).toContain('nested 12,345 levels deep');
    expect(problem(() => parseYaml(nest.yamlBlockSeq(5_000), { label: 'x' })).message).toContain('nested 5,000 levels deep');
    expect(jsonDepth('{"a": "[[[[", "b": [[1]]}', 100).depth).toBe(3);
    expect(jsonDepth(String.raw`{"a": "x\"[[", "b": "\\", "c": [{}]}`, 100).depth).toBe(3);
  });

  it('measures the depth JSON.parse builds, for any JSON text (strings with quotes, escapes and brackets included)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(jsonDepth(text, 1000).depth).toBe(valueDepth(JSON.parse(text)));
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('reads nesting up to the limit, in every form', () => {
    expect(valueDepth(parseJson(nest.jsonObject(MAX_DEPTH), { label: 'x' }))).toBe(MAX_DEPTH);
    expect(valueDepth(parseYaml(nest.yamlFlow(MAX_DEPTH), { label: 'x' }).value)).toBe(MAX_DEPTH);
    expect(valueDepth(parseYaml(nest.yamlBlockSeq(MAX_DEPTH), { label: 'x' }).value)).toBe(MAX_DEPTH);
    expect(valueDepth(parseYaml(nest.yamlBlockMap(MAX_DEPTH), { label: 'x' }).value)).toBe(MAX_DEPTH);
    expect(() => parseYaml(nest.yamlFlow(MAX_DEPTH + 1), { label: 'x' })).toThrow(/nested 257 levels deep/);
  });

  it('counts nesting that only aliases reach', () => {
    const layer = (i: number) => `x${i}: &x${i} ${'['.repeat(100)}${i ? `*x${i - 1}` : '1'}${']'.repeat(100)}`;
    const text = [0, 1, 2, 3].map(layer).join('\n');
    const e = problem(() => parseYaml(text, { label: 'a.yaml' }));
    expect(e.message).toMatch(/^a\.yaml is nested 3\d\d levels deep through the alias \*x\d; archie reads up to 256$/);
    expect(e.line).toBe(3);
  });
});

describe('aliases', () => {
  it.each([
    ['a billion laughs', BOMB, /expands its YAML aliases \(\*name\) more than 1,000 times, the pattern of a "billion laughs" attack/, undefined],
    ['an alias with no anchor', 'a: 1\nb: *nowhere\n', /uses the alias \*nowhere with no anchor &nowhere before it/, 2],
    ['an alias before its anchor', 'a: *x\nb: &x 1\n', /uses the alias \*x with no anchor &x before it/, 1],
    ['an alias inside the value it names', 'a: &a\n  b: [1, *a]\n', /uses the alias \*a inside the value it names: the data would be infinite/, 2],
  ])('%s is a clear error', (_what, text, message, line) => {
    const e = problem(() => parseYaml(text, { label: 'in.yaml', path: 'in.yaml' }));
    expect(e.code).toBe('INPUT');
    expect(e.message).toMatch(message);
    if (line !== undefined) expect(e.line).toBe(line);
  });

  it('expands ordinary anchors and merge keys', () => {
    const text = 'base: &base {image: web, replicas: 2}\nweb:\n  <<: *base\n  replicas: 3\nother: *base\n';
    expect(parseYaml(text, { label: 'c.yaml', merge: true }).value).toEqual({ base: { image: 'web', replicas: 2 }, web: { image: 'web', replicas: 3 }, other: { image: 'web', replicas: 2 } });
  });
});

describe('size', () => {
  it('refuses YAML above the cap before parsing it, and says to convert it to JSON', () => {
    const text = `openapi: 3.0.3\npaths:\n${'  /x:\n    get: {}\n'.repeat(Math.ceil((MAX_YAML_BYTES + 1.5 * MiB) / 19))}`;
    const e = problem(() => parseYaml(text, { label: 'big.yaml', path: 'big.yaml' }));
    expect(e.message).toMatch(/^big\.yaml is 9\.\d MiB of YAML; archie parses YAML up to 8 MiB/);
    expect(e.hint).toMatch(/convert it to JSON/);
  });
});

describe('strict (briefs)', () => {
  const brief = { label: 'the brief', path: 'brief.yaml', strict: true };
  it.each([
    ['a !!js/function tag', 'title: x\nrun: !!js/function "function () { return 1 }"\n', /the brief uses a custom tag \(!!js\/function\); archie reads plain YAML 1\.2 \(core schema\) without custom tags/, 2, 6],
    ['a local tag', 'title: !shell ls\n', /uses a custom tag \(!shell\)/, 1, 8],
    ['a control character', 'title: a\u0007b\n', /the brief contains the control character U\+0007/, 1, 9],
    ['an escape character', 'title: ok\ndescription: "x"\u001b[31m\n', /control character U\+001B/, 2, 17],
    ['a DEL character', 'title: a\u007f\n', /control character U\+007F/, 1, 9],
  ])('YAML with %s is refused at its line and column', (_what, text, message, line, column) => {
    const e = problem(() => parseYaml(text, brief));
    expect(e.message).toMatch(message);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('is YAML 1.2 core: tabs, quotes of both kinds and standard tags are fine', () => {
    expect(parseYaml("title: 'quoted'\ndescription: \"x\\ty\"\nn: !!int 3\n", brief).value).toEqual({ title: 'quoted', description: 'x\ty', n: 3 });
  });

  const json = { label: 'the brief', path: 'brief.json', strict: true };
  it.each([
    ['a trailing comma', '{\n  "title": "x",\n}\n', /the brief is not valid JSON/, 3, 1],
    ['single quotes', "{\n  'title': 'x'\n}\n", /the brief is not valid JSON/, 2, 3],
    ['a comment', '{\n  "title": "x" // note\n}\n', /the brief is not valid JSON/, 2, 16],
    ['a duplicate key', '{\n  "title": "x",\n  "title": "y"\n}\n', /the brief is not valid JSON: Map keys must be unique/, 3, 3],
    ['a control character', '{"title": "a\u0001"}', /control character U\+0001/, 1, 13],
    ['a cut-off text', '{"title": ', /the brief is not valid JSON: Unexpected end of JSON input/, 1, 11],
  ])('JSON with %s is refused at its line and column', (_what, text, message, line, column) => {
    const e = problem(() => parseJsonWithPositions(text, json));
    expect(e.message).toMatch(message);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('reads strict JSON with positions', () => {
    const r = parseJsonWithPositions('{\n  "title": "x",\n  "users": {"daily": 5}\n}\n', json);
    expect(r.value).toEqual({ title: 'x', users: { daily: 5 } });
    expect(r.lineCounter.linePos(r.doc.range[0]).line).toBe(1);
  });
});

describe('documents', () => {
  it('parseYaml refuses a second document; parseYamlAll reads them all', () => {
    expect(() => parseYaml('a: 1\n---\nb: 2\n', { label: 'one.yaml' })).toThrow(/holds more than one YAML document/);
    expect(parseYamlAll('a: 1\n---\nb: 2\n', { label: 'all.yaml' }).docs.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('names the line and column of a syntax error', () => {
    const e = problem(() => parseYaml('a: 1\nb: [1, 2\nc: 3\n', { label: 'bad.yaml', path: 'bad.yaml' }));
    expect(e.message).toMatch(/^bad\.yaml is not valid YAML: /);
    expect(e.line).toBeGreaterThanOrEqual(2);
  });
});

describe('fuzzed text', () => {
  // Text built from YAML's and JSON's structural characters, anchors, aliases, tags and controls:
  // every outcome is a value or an ArchieError, never another exception.
  const pieces = fc.constantFrom('[', ']', '{', '}', ':', ', ', '- ', '\n', '  ', '&a ', '*a', '&b ', '*b', '!!js/function ', '!x ', '"', "'", '#', 'key', '1', '<<: ', '---\n', '\u0007', '\t', '? ', '|\n', '>-\n', '%YAML 1.2\n');
  const text = fc.array(pieces, { maxLength: 60 }).map((a) => a.join(''));
  it.each([
    ['parseYamlAll', (t: string) => parseYamlAll(t, { label: 'f.yaml', merge: true })],
    ['parseYaml (strict)', (t: string) => parseYaml(t, { label: 'f.yaml', strict: true })],
    ['parseJson', (t: string) => parseJson(t, { label: 'f.json' })],
    ['parseJsonWithPositions', (t: string) => parseJsonWithPositions(t, { label: 'f.json', strict: true })],
  ])('%s gives a value or an ArchieError', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 200 })), (t) => {
        try {
          parse(t);
        } catch (e) {
          expect(e).toBeInstanceOf(ArchieError);
        }
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});
