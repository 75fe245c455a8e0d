// Number formats and benchmark colours shared by the staff pages (3 s first response, 30 s average).
export const FIRST_RESPONSE_BENCHMARK = 3;
export const RESPONSE_BENCHMARK = 30;

export function fmtNum(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

export function fmtSeconds(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${fmtNum(value)} s`;
}

export function fmtPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/**
 * Each weight as its share of the total, e.g. { system: 60, teacher: 20, mentor: 10, self: 10 } →
 * { system: '60%', … }. Weights need not add up to 100 (the server rescales), so shares are what a reader means.
 */
export function weightShares<K extends string>(weights: Record<K, number>): Record<K, string> {
  const keys = Object.keys(weights) as K[];
  const total = keys.reduce((sum, k) => sum + Math.max(0, weights[k]), 0);
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = total > 0 ? `${Math.round((Math.max(0, weights[k]) / total) * 100)}%` : '—';
  return out;
}

/** `wait-green` within the first-response benchmark, amber up to 30 s, red beyond (the workbench's colours). */
export function waitClass(seconds: number | null, kind: 'first' | 'average' | 'live'): string {
  if (seconds === null) return '';
  if (kind === 'first') return seconds <= FIRST_RESPONSE_BENCHMARK ? 'good' : 'bad';
  if (kind === 'average') return seconds <= RESPONSE_BENCHMARK ? 'good' : 'bad';
  return seconds < FIRST_RESPONSE_BENCHMARK
    ? 'wait-ok'
    : seconds < RESPONSE_BENCHMARK
      ? 'wait-amber'
      : 'wait-red';
}
