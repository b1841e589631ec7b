/**
 * Code-unit string order, the same on every machine. `localeCompare` depends on the ICU locale of
 * the process, which would make "same input, byte-identical output" depend on the environment.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
