// Sorting of a drill's results: by total score (highest first) unless the instructor picks another column;
// ties by name, so equal scores keep one order everyone can find a student in. Pure, shared with its tests.
import type { DrillResultRow } from '@kefu/shared/protocol';

export const RESULT_SORT_KEYS = [
  'name',
  'conversations',
  'score',
  'first',
  'average',
  'violations',
  'paid',
] as const;
export type ResultSortKey = (typeof RESULT_SORT_KEYS)[number];
export interface ResultSort {
  key: ResultSortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_RESULT_SORT: ResultSort = { key: 'score', dir: 'desc' };

/** The violations of a row: every conversation's, as the table shows them. */
export function violationsOf(row: DrillResultRow): number {
  return row.conversations.reduce((sum, c) => sum + c.violations, 0);
}

function figureOf(row: DrillResultRow, key: ResultSortKey): number | null {
  const m = row.summary?.metrics;
  switch (key) {
    case 'name':
      return null;
    case 'conversations':
      return row.conversations.length;
    case 'score':
      return row.summary?.score ?? null;
    case 'first':
      return m?.firstResponseSeconds ?? null;
    case 'average':
      return m?.averageResponseSeconds ?? null;
    case 'violations':
      return violationsOf(row);
    case 'paid':
      return m ? m.outcomes.paid : null;
  }
}

const byName = (a: DrillResultRow, b: DrillResultRow) =>
  a.student.displayName.localeCompare(b.student.displayName, 'zh-CN');

/** Rows in order; a student without the value (no score yet) sorts last either way, ties by name. */
export function sortResults(rows: readonly DrillResultRow[], sort: ResultSort): DrillResultRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b);
    const x = figureOf(a, sort.key);
    const y = figureOf(b, sort.key);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x - y);
    }
    return byName(a, b);
  });
}
