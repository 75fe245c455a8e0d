// How a score is rounded and written, everywhere it is computed or shown (reports, aggregates, gauges, lists,
// tables, exports): one decimal, no trailing .0 — so one conversation never reads 84 on one page and 83.5 on
// another. Kept free of the scoring rules so the workbench can import it alone.

export function roundTo1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function formatScore(score: number): string {
  return String(roundTo1(score));
}
