import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { design } from '../../../src/design.js';
import type { Design } from '../../../src/model/design.js';
import { exampleBriefs } from '../../../scripts/update-golden-visual.js';

/** Every example brief designed once (shared by the diagram, deploy and report tests). */
export async function exampleDesigns(): Promise<Array<{ name: string; design: Design }>> {
  const out: Array<{ name: string; design: Design }> = [];
  for (const { file, name } of await exampleBriefs()) out.push({ name, design: await design(join('examples', file)) });
  return out;
}

export async function golden(format: 'diagrams' | 'deploy', example: string, path: string): Promise<string | null> {
  try {
    return await readFile(join('test', 'render', format, 'golden', example, path), 'utf8');
  } catch {
    return null;
  }
}

/** Attribute values of `attr` on elements with class `cls` in an SVG string. */
export function attrsOf(svg: string, cls: string, attr: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<[a-z]+ class="${cls}"[^>]*>`, 'g');
  for (const m of svg.matchAll(re)) {
    const v = new RegExp(`\\s${attr}="([^"]*)"`).exec(m[0]);
    if (v) out.push(v[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  }
  return out;
}
