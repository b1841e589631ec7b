import { nodeAs, quoteIdent, relNameOfList } from '../../sql/ast.js';
import { report, sqlFix, sqlMeta, statements, type SqlRule } from '../../sql/kit.js';
import type { RangeVar } from 'libpg-query';

const meta = sqlMeta({
  name: 'require-table-schema',
  severity: 'info',
  summary: 'Qualify table names with their schema (opt-in): an unqualified name means whatever search_path finds first.',
  references: ['Squawk: require-table-schema'],
  optIn: true,
});

export const rule: SqlRule = {
  meta,
  check(review) {
    const out = [];
    for (const { file, stmt } of statements(review)) {
      const node = stmt.node;
      const rels: { name: string; offset: number | undefined }[] = [];
      const rv = (r: RangeVar | undefined): void => {
        if (r && !r.schemaname && r.relpersistence !== 't') rels.push({ name: r.relname ?? '', offset: r.location });
      };
      rv(nodeAs(node, 'CreateStmt')?.relation);
      rv(nodeAs(node, 'AlterTableStmt')?.relation);
      const ctas = nodeAs(node, 'CreateTableAsStmt');
      if (ctas?.objtype === 'OBJECT_TABLE') rv(ctas.into?.rel);
      const drop = nodeAs(node, 'DropStmt');
      if (drop?.removeType === 'OBJECT_TABLE') {
        for (const o of drop.objects ?? []) {
          const rel = relNameOfList(nodeAs(o, 'List')?.items);
          if (rel.schema === null) rels.push({ name: rel.name, offset: stmt.start });
        }
      }
      for (const r of rels) {
        out.push(
          report(
            review,
            meta,
            review.pos(file, r.offset, stmt),
            `table ${quoteIdent(r.name)} is not schema-qualified: the migration acts on whichever schema comes first in the search_path of the role that runs it, which differs between environments and tools.`,
            { evidence: { table: r.name }, fix: sqlFix('qualify the name', `public.${quoteIdent(r.name)}`) },
          ),
        );
      }
    }
    return out;
  },
};
