import { defineRule } from '../../openapi/rule.js';
import { isPlural, pathSegments } from './_checks.js';

export default defineRule(
  {
    name: 'path-plural-nouns',
    severity: 'warning',
    summary: 'A collection segment followed by an identifier is a plural noun (`/users/{id}`, not `/user/{id}`).',
  },
  ({ input, report }) => {
    const paths = input.child(input.rootNode, 'paths');
    if (!paths) return;
    for (const path of Object.keys(paths.value as object)) {
      const segs = pathSegments(path);
      const singular = segs.filter((s, i) => !s.templated && segs[i + 1]?.templated === true && /^\{[^}]+\}$/.test(segs[i + 1]!.text) && !isPlural(s.text));
      if (singular.length === 0) continue;
      report({ doc: paths.doc, path: [...paths.path, path], value: null }, `path ${path}: collection segment ${singular.map((s) => `"${s.text}"`).join(', ')} before an identifier should be plural`, {
        fix: { description: `use the plural form, e.g. /${pluralOf(singular[0]!.text)}/{id}` },
      });
    }
  },
);

/** English plural of the last word of a segment: history → histories, box → boxes, key → keys. */
export function pluralOf(segment: string): string {
  const m = /^(.*?)([A-Za-z]+)$/.exec(segment);
  if (!m) return `${segment}s`;
  const [, head, word] = m as unknown as [string, string, string];
  if (/[^aeiou]y$/i.test(word)) return `${head}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${head}${word}es`;
  return `${head}${word}s`;
}
