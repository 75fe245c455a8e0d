// A class's or a drill's leaderboard: students ranked by their average score over the receptions that
// count, tied averages sharing a rank (1, 1, 3); students with none are listed last, unranked. Anonymised,
// the rows carry no name or id — only their place — so the board can be projected in class.

export interface LeaderboardEntry {
  studentId: string;
  name: string;
  scores: readonly number[];
}

export interface LeaderboardRow {
  /** 1-based; tied averages share it; null for a student with no scored reception. */
  rank: number | null;
  /** Null when anonymised. */
  studentId: string | null;
  name: string | null;
  average: number | null;
  best: number | null;
  receptions: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function rankLeaderboard(
  entries: readonly LeaderboardEntry[],
  options: { anonymous: boolean },
): LeaderboardRow[] {
  const rows = entries
    .map((e) => ({
      e,
      average: e.scores.length === 0 ? null : Math.round(mean(e.scores) * 10) / 10,
      best: e.scores.length === 0 ? null : Math.max(...e.scores),
    }))
    .sort(
      (a, b) =>
        (b.average ?? -1) - (a.average ?? -1) ||
        (b.best ?? -1) - (a.best ?? -1) ||
        a.e.name.localeCompare(b.e.name, 'zh-CN'),
    );
  return rows.map((r) => {
    const firstTied = rows.findIndex((o) => o.average === r.average);
    return {
      rank: r.average === null ? null : firstTied + 1,
      studentId: options.anonymous ? null : r.e.studentId,
      name: options.anonymous ? null : r.e.name,
      average: r.average,
      best: r.best,
      receptions: r.e.scores.length,
    };
  });
}
