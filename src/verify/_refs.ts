import { positionOf, type YamlDoc, type YamlFile } from './_yaml.js';
import type { Evidence } from './report.js';

/** Local `$ref`s (`#/…`) that point nowhere, each reported at its line. */
export function brokenLocalRefs(file: YamlFile, doc: YamlDoc, rel: string): Evidence[] {
  const out: Evidence[] = [];
  const root = doc.value;
  const resolve = (pointer: string): boolean => {
    let cur: unknown = root;
    for (const raw of pointer.replace(/^#\/?/, '').split('/').filter((s) => s !== '')) {
      const seg = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (cur && typeof cur === 'object' && seg in (cur as Record<string, unknown>)) cur = (cur as Record<string, unknown>)[seg];
      else return false;
    }
    return true;
  };
  const visit = (v: unknown, path: (string | number)[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#') && !resolve(x)) {
          out.push({ subject: rel, ok: false, file: rel, ...positionOf(file, doc, [...path, k]), message: `$ref ${x} points to nothing in ${rel}` });
        } else visit(x, [...path, k]);
      }
    }
  };
  visit(root, []);
  return out;
}
