import { defineRule } from '../../openapi/rule.js';

export default defineRule(
  {
    name: 'ref-resolvable',
    severity: 'error',
    summary: 'Every $ref resolves to a local file inside the reviewed tree and to an existing node.',
  },
  ({ input, report }) => {
    for (const use of input.refs()) {
      if (!use.problem || use.inExtension) continue;
      const hint =
        use.problem.kind === 'url'
          ? 'bundle the remote document into the repository and reference the local copy'
          : use.problem.kind === 'outside'
            ? 'review the parent folder too, or move the referenced file into the reviewed tree'
            : 'fix the path or the JSON pointer';
      report({ doc: use.node.doc, path: [...use.node.path, '$ref'], value: use.ref }, use.problem.reason, {
        evidence: { ref: use.ref, kind: use.problem.kind },
        fix: { description: hint },
      });
    }
  },
);
