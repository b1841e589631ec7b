import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/mcp/_args.js';

const schema = z.strictObject({
  paths: z.array(z.string().min(1)).min(1).max(3).describe('Files to review'),
  factor: z.number().optional().describe('Multiple of today\'s load'),
  maxFindings: z.number().int().min(1).optional(),
  full: z.boolean().optional(),
  minSeverity: z.enum(['error', 'warning', 'info']).optional(),
  dau: z.union([z.string().min(1), z.number()]).optional(),
  brief: z.string().min(1).max(10).optional(),
});

describe('parseArguments', () => {
  it.each([
    ['a number in a string', { paths: ['a'], factor: '10' }, { factor: 10 }, 'factor: read "10" as the number 10'],
    ['an exponent', { paths: ['a'], factor: ' 1e3 ' }, { factor: 1000 }, 'factor: read " 1e3 " as the number 1000'],
    ['a boolean in a string', { paths: ['a'], full: 'TRUE' }, { full: true }, 'full: read "TRUE" as true'],
    ['one string for a list', { paths: 'openapi.yaml' }, { paths: ['openapi.yaml'] }, 'paths: read "openapi.yaml" as the list ["openapi.yaml"]'],
  ])('coerces %s and says so', (_what, raw, expected, note) => {
    const r = parseArguments('t', schema, raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data).toMatchObject(expected);
    expect(r.notes).toEqual([note]);
  });

  it.each([
    ['a word for a number', { paths: ['a'], factor: 'ten' }, '"factor" must be a number, got the string "ten" (factor: Multiple of today\'s load); pass a number'],
    ['a fraction for a whole number', { paths: ['a'], maxFindings: 2.5 }, '"maxFindings" must be a whole number, got the number 2.5'],
    ['a number with a unit', { paths: ['a'], factor: '10x' }, '"factor" must be a number, got the string "10x"'],
    ['a missing argument', {}, 'missing required argument "paths": pass an array of strings (paths: Files to review)'],
    ['an empty list', { paths: [] }, '"paths" must have at least 1 item, got an array of 0 items'],
    ['too many items', { paths: ['a', 'b', 'c', 'd'] }, '"paths" must have at most 4 items'.replace('4', '3')],
    ['an empty string in a list', { paths: [''] }, '"paths[0]" is empty; pass a non-empty string'],
    ['an unknown value', { paths: ['a'], minSeverity: 'high' }, '"minSeverity" must be one of "error", "warning", "info", got the string "high"'],
    ['a boolean for a string or number', { paths: ['a'], dau: true }, '"dau" must be a string or a number, got true'],
    ['a misspelt argument', { path: ['a'] }, 'unknown argument "path": did you mean "paths"?'],
    ['a long string', { paths: ['a'], brief: 'x'.repeat(50) }, '"brief" must be at most 10 characters, got the string "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (50 characters)'],
    ['a list of numbers', { paths: [1, 2] }, '"paths[0]" must be a string, got the number 1'],
  ])('explains %s, naming the argument and the fix', (_what, raw, message) => {
    const r = parseArguments('t', schema, raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
    // The argument list follows, so the model can correct the call.
    expect(r.message).toContain('t takes:\n- paths (required): an array of strings. Files to review');
    expect(r.message).not.toMatch(/"code":|Invalid input/);
  });
});
