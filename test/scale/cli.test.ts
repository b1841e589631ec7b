import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archie } from '../cli/_run.js';

describe('archie scale (CLI)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'archie-scale-cli-')), 'chat');

  it('scales a design folder written by archie design', () => {
    expect(archie(['design', 'examples/chat.yaml', '--out', out]).code).toBe(0);
    const md = archie(['scale', out, '--factor', '10']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Scaling plan: .* at 10×/);
    expect(md.stdout).toContain('**What breaks first:**');
    for (const h of ['## Saturation order', '### Immediate', '### 1–3 months', '### 3–6 months', '## Cost']) expect(md.stdout).toContain(h);
    const json = archie(['scale', out, '--factor', '10', '--json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.factor).toBe(10);
    expect(r.firstBottleneck.resource).toBe(r.resources[0].id);
  });

  it('scales a brief given as text', () => {
    const r = archie(['scale', '--brief', 'a url shortener for 1M daily users', '--factor', '5x', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).source).toEqual({ kind: 'brief', path: null });
  });

  it.each([
    [['--factor', '0'], /must be positive/],
    [['--factor', '1000000000'], /above the maximum of 10,000[\s\S]*four orders of magnitude/],
    [['--factor', 'NaN'], /must be a number/],
    [['--factor', '-2'], /must be positive/],
  ])('rejects %j with exit 2', (flags, re) => {
    const r = archie(['scale', out, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(re);
    expect(r.stdout).toBe('');
  });

  it('requires --factor', () => {
    const r = archie(['scale', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--factor/);
  });
});
