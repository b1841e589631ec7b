import { isObj } from '../../openapi/model.js';
import { ALL_VERSIONS, defineRule } from '../../openapi/rule.js';
import type { NodeRef } from '../../openapi/workspace.js';

const TEXT_KEYS = new Set(['description', 'summary', 'title']);
const UNSAFE: { re: RegExp; what: string }[] = [
  { re: /<script\b/i, what: 'a <script> tag' },
  { re: /\beval\s*\(/, what: 'eval(' },
  { re: /\bjavascript\s*:/i, what: 'a javascript: URL' },
  { re: /<[a-z][^>]*\son[a-z]+\s*=/i, what: 'an HTML event handler attribute' },
];

export default defineRule(
  {
    name: 'markdown-safe',
    severity: 'warning',
    summary: 'Descriptions, summaries and titles hold no script: documentation renders them as Markdown with HTML.',
    versions: ALL_VERSIONS,
  },
  ({ input, report }) => {
    for (const doc of [input.doc, ...[...input.ws.docs.values()].filter((d) => d !== input.doc && d.text.length > 0)]) {
      // cheap test of the whole text first ("description" itself contains "script")
      if (!/<script|eval\s*\(|javascript\s*:|\son[a-z]+\s*=/i.test(doc.text)) continue;
      const stack: NodeRef[] = [{ doc, path: [], value: doc.value }];
      while (stack.length > 0) {
        const node = stack.pop()!;
        const v = node.value;
        if (Array.isArray(v)) {
          v.forEach((x, i) => {
            if (x !== null && typeof x === 'object') stack.push({ doc, path: [...node.path, i], value: x });
          });
          continue;
        }
        if (!isObj(v)) continue;
        for (const [k, x] of Object.entries(v)) {
          if (k === 'example' || k === 'examples' || k === 'enum' || k === 'default' || k === 'const') continue;
          if (typeof x === 'string' && TEXT_KEYS.has(k)) {
            const hit = UNSAFE.find((u) => u.re.test(x));
            if (hit) report({ doc, path: [...node.path, k], value: x }, `${k} holds ${hit.what}: documentation that renders it runs it in its readers' browsers`);
          } else if (x !== null && typeof x === 'object') stack.push({ doc, path: [...node.path, k], value: x });
        }
      }
    }
  },
);
