// Number formats and benchmark colours shared by the staff pages (the rubric's benchmarks; 3 s / 30 s by default).
import { type Benchmarks, overLimit } from '@kefu/shared/scoring/benchmarks';

export const FIRST_RESPONSE_BENCHMARK = 3;
export const RESPONSE_BENCHMARK = 30;
export const DEFAULT_BENCHMARKS: Benchmarks = {
  firstResponseSeconds: FIRST_RESPONSE_BENCHMARK,
  responseSeconds: RESPONSE_BENCHMARK,
};

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

/**
 * `good` within the benchmark, `bad` over it (the rubric's when the page knows it, else the default's);
 * for a live wait `wait-ok` / `wait-amber` / `wait-red` (the workbench's colours).
 */
export function waitClass(
  seconds: number | null,
  kind: 'first' | 'average' | 'live',
  benchmarks: Benchmarks = DEFAULT_BENCHMARKS,
): string {
  if (seconds === null) return '';
  const ms = Math.round(seconds * 1000);
  if (kind === 'first') return overLimit(ms, benchmarks.firstResponseSeconds) ? 'bad' : 'good';
  if (kind === 'average') return overLimit(ms, benchmarks.responseSeconds) ? 'bad' : 'good';
  return seconds < FIRST_RESPONSE_BENCHMARK
    ? 'wait-ok'
    : seconds < RESPONSE_BENCHMARK
      ? 'wait-amber'
      : 'wait-red';
}
