// Sorting and filtering of the class table: pure, so the table and its tests share one definition.
import type { ClassReportRow } from '@kefu/shared/protocol';

export const SORT_KEYS = [
  'name',
  'conversations',
  'averageScore',
  'firstResponseSeconds',
  'averageResponseSeconds',
  'violations',
  'paid',
  'left',
  'within3MinRate',
  'conversionRate',
  'averageOrderAmount',
  'returningKeptRate',
  'total',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export type RowFilter = 'all' | 'failing' | 'slow' | 'ungraded';

function cellValue(row: ClassReportRow, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return row.student.displayName;
    case 'total':
      return row.grade.total;
    default:
      return row[key];
  }
}

/** Rows in order; students without a value always sort last, whatever the direction. */
export function sortRows(rows: readonly ClassReportRow[], sort: Sort): ClassReportRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = cellValue(a, sort.key);
    const y = cellValue(b, sort.key);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'string' || typeof y === 'string')
      return sign * String(x).localeCompare(String(y), 'zh-CN');
    return sign * (x - y);
  });
}

export function filterRows(
  rows: readonly ClassReportRow[],
  text: string,
  filter: RowFilter,
  benchmarks = { passScore: 60, responseSeconds: 30 },
): ClassReportRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter((r) => {
    if (
      needle &&
      !r.student.displayName.toLowerCase().includes(needle) &&
      !r.student.username.toLowerCase().includes(needle)
    )
      return false;
    switch (filter) {
      case 'all':
        return true;
      case 'failing':
        return r.averageScore !== null && r.averageScore < benchmarks.passScore;
      case 'slow':
        return r.averageResponseSeconds !== null && r.averageResponseSeconds > benchmarks.responseSeconds;
      case 'ungraded':
        return r.grade.teacher === null || r.grade.mentor === null;
    }
    return true;
  });
}

/** Counts per score band, for the distribution chart. */
export const SCORE_BANDS = ['<60', '60–69', '70–79', '80–89', '90–100'] as const;
export function scoreBands(rows: readonly ClassReportRow[]): number[] {
  const counts = SCORE_BANDS.map(() => 0);
  for (const r of rows) {
    if (r.averageScore === null) continue;
    const i = r.averageScore < 60 ? 0 : Math.min(4, Math.floor((r.averageScore - 50) / 10));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export const RESPONSE_BANDS = ['≤3 s', '3–10 s', '10–30 s', '30–60 s', '>60 s'] as const;
export function responseBands(rows: readonly ClassReportRow[]): number[] {
  const counts = RESPONSE_BANDS.map(() => 0);
  for (const r of rows) {
    const s = r.averageResponseSeconds;
    if (s === null) continue;
    const i = s <= 3 ? 0 : s <= 10 ? 1 : s <= 30 ? 2 : s <= 60 ? 3 : 4;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
