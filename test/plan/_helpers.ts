import { briefFromText, resolve } from '../../src/brief/index.js';
import type { Design } from '../../src/model/design.js';
import { plan } from '../../src/plan/index.js';

/** Plan a design from free text, the way the CLI does. */
export function designOf(text: string): Design {
  return plan(resolve(briefFromText(text)));
}

export function decision(d: Design, id: string) {
  const x = d.decisions.find((y) => y.id === id);
  if (!x) throw new Error(`decision ${id} not taken`);
  return x;
}

export function figure(d: Design, id: string) {
  const f = d.capacity.figures.find((y) => y.id === id);
  if (!f) throw new Error(`figure ${id} missing`);
  return f;
}
