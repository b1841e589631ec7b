import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const cache = new Map<string, string>();

/**
 * The installed version of a dependency, for the report's tool list. Packages with an exports map
 * hide their package.json, so it is looked for above the resolved entry point.
 */
export function packageVersion(name: string): string {
  const hit = cache.get(name);
  if (hit) return hit;
  let version = 'unknown';
  try {
    let dir = dirname(createRequire(import.meta.url).resolve(name));
    for (let i = 0; i < 5; i++) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) {
          version = pkg.version;
          break;
        }
      } catch {
        // not at this level
      }
      dir = dirname(dir);
    }
  } catch {
    // not resolvable
  }
  cache.set(name, version);
  return version;
}
