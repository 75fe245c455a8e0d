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
