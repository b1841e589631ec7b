import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './_run.js';

/**
 * The README opens with the two commands a new user runs on a fresh machine, and CI runs the
 * second one exactly as written there, so the README's test command is the one that is tested.
 */
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
/** Shell lines of .ci/run that run something: no comments, no blank lines, no helpers. */
const ciCommands = ci
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#') && !/^(log|set|cd)\b/.test(l));

describe('the README\'s first commands', () => {
  const first = /^```sh\n([\s\S]*?)```/m.exec(readme);

  it('are the first block, exactly two commands: install and run, then prepare and test', () => {
    expect(readme.indexOf('```')).toBe(first?.index);
    expect(first?.[1]).toBe('npm ci && npx archie design examples/chat.yaml\nscripts/prepare-machine.sh && npm test\n');
    expect(readme).toMatch(/^It prepares the machine first: .+$/m);
  });

  it('CI installs with npm ci, then runs the README\'s test command as written', () => {
    expect(ciCommands).toEqual(['npm ci --no-audit --no-fund', 'scripts/prepare-machine.sh && npm test']);
  });

  it('the preparation script is executable and valid bash', () => {
    const script = join(ROOT, 'scripts/prepare-machine.sh');
    accessSync(script, constants.X_OK);
    const r = spawnSync('bash', ['-n', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
