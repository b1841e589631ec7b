import type { Design } from '../../model/design.js';

/**
 * Two places of the design that disagree. `places` are paths into the design
 * (`decisions.messaging.rationale`, `capacity.figures.queue-peak`) so a reader of design.json, or of
 * `archie verify`'s output, can find both.
 */
export interface Contradiction {
  rule: string;
  places: [string, string];
  message: string;
  /** What resolves it: the planner change, or the edit a person should make to design.json. */
  fix: string;
}

/** A coherence rule: one module each under rules/, listed in the registry, with a table test. */
export interface CoherenceRule {
  id: string;
  summary: string;
  check(design: Design): Contradiction[];
  /**
   * For contradictions the planner settles by itself (one value for a derived fact): the design
   * with the place that disagrees brought in line, and a sentence saying how.
   */
  resolve?(design: Design, contradiction: Contradiction): { design: Design; resolution: string } | null;
}
