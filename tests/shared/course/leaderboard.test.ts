// Leaderboard ranking: by average, tied averages share a rank (1, 1, 3) and are listed by best score,
// students without a score last.
import { describe, expect, it } from 'vitest';
import { rankLeaderboard } from '../../../shared/src/course/leaderboard.ts';

const entry = (name: string, scores: number[]) => ({ studentId: `id-${name}`, name, scores });

describe('rankLeaderboard', () => {
  it('shares a rank between tied averages and skips the next place', () => {
    const rows = rankLeaderboard(
      [entry('丙', [70]), entry('甲', [90, 80]), entry('乙', [85]), entry('丁', []), entry('戊', [60, 80])],
      { anonymous: false },
    );
    expect(rows.map((r) => [r.name, r.rank, r.average, r.best, r.receptions])).toEqual([
      ['甲', 1, 85, 90, 2],
      ['乙', 1, 85, 85, 1],
      ['戊', 3, 70, 80, 2],
      ['丙', 3, 70, 70, 1],
      ['丁', null, null, null, 0],
    ]);
  });

  it('anonymised, keeps the order and scores but drops names and ids', () => {
    const rows = rankLeaderboard([entry('甲', [60]), entry('乙', [90])], { anonymous: true });
    expect(rows).toEqual([
      { rank: 1, studentId: null, name: null, average: 90, best: 90, receptions: 1 },
      { rank: 2, studentId: null, name: null, average: 60, best: 60, receptions: 1 },
    ]);
  });
});
