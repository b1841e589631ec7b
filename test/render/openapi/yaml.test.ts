import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml, type YamlValue } from '../../../src/render/_yaml.js';

/** -0 prints as 0; JSON has no -0 either. */
function normalise(v: unknown): unknown {
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (Array.isArray(v)) return v.map(normalise);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalise(x)]));
  return v;
}

describe('toYaml', () => {
  it('round-trips any JSON value through a YAML 1.2 reader', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (raw) => {
        const v = normalise(raw) as YamlValue;
        expect(parse(toYaml(v))).toEqual(v);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips strings that look like other YAML types, keys included', () => {
    const tricky = ['true', 'No', 'null', '~', '', ' lead', 'trail ', '12', '1.5', '0x1F', '1e3', '.inf', '2026-01-15', '09:30', 'a: b', 'a #b', '- x', '? x', '[x]', '{x}', '*x', '&x', '!x', '%x', '@x', '`x`', '"x"', "'x'", '|x', '>x', 'line\nbreak', 'two\n\nblank', 'end\n', '\ttab', '$ref', '/v1/{id}', 'users:read', 'é — ×', 'x\u2028y'];
    fc.assert(
      fc.property(fc.constantFrom(...tricky), fc.constantFrom(...tricky), (k, s) => {
        const v = { [k]: s, list: [s, { [k]: [s] }] };
        expect(parse(toYaml(v))).toEqual(v);
      }),
      { numRuns: 300 },
    );
  });

  it('writes readable block YAML: plain where safe, literal blocks for multi-line text, quoted otherwise', () => {
    const text = toYaml({ openapi: '3.1.0', info: { title: 'Chat API', description: 'one\ntwo' }, tags: [{ name: 'x' }], empty: [], none: {}, ref: { $ref: '#/a' }, count: 1, b: false, z: null });
    expect(text).toBe(
      ['openapi: "3.1.0"', 'info:', '  title: Chat API', '  description: |-', '    one', '    two', 'tags:', '  - name: x', 'empty: []', 'none: {}', 'ref:', '  $ref: "#/a"', 'count: 1', 'b: false', 'z: null', ''].join('\n'),
    );
  });

  it('leaves out undefined members and refuses numbers JSON cannot hold', () => {
    expect(toYaml({ a: 1, b: undefined })).toBe('a: 1\n');
    expect(() => toYaml({ a: Number.NaN })).toThrow();
  });
});
