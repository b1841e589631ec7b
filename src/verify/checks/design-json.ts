import type { Check } from '../_check.js';
import { outcome } from '../report.js';
import { DESIGN_FILE } from '../_design.js';

/** design.json parses, is the schemaVersion this archie reads, and validates against the model. */
export const check: Check = {
  id: 'design-json',
  title: 'design.json is a valid design of this schema version',
  async run(ctx) {
    const load = await ctx.design();
    if (!load.ok) {
      return outcome(load.evidence, { passed: '', failed: () => `${DESIGN_FILE} is not a usable design` }, 'regenerate it with `archie design <brief> --out DIR --force`, or fix the value at the line shown');
    }
    const d = load.design;
    return outcome(
      [
        {
          subject: DESIGN_FILE,
          ok: true,
          file: DESIGN_FILE,
          message: `schemaVersion ${d.schemaVersion}, valid against the design model: ${d.components.length} components, ${d.dataStores.length} data stores, ${d.entities.length} entities, ${d.api.endpoints.length} endpoints, ${d.decisions.length} decisions`,
        },
      ],
      { passed: `${DESIGN_FILE} is a valid schemaVersion ${d.schemaVersion} design`, failed: () => '' },
    );
  },
};
