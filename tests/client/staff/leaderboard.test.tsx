// The leaderboard page: ranks with shared places, unranked students shown as —, the scope a drill of the
// class, and anonymous display asked of the server (names never reach the page).
import { type LeaderboardResponse, rankLeaderboard } from '@kefu/shared';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Leaderboard from '../../../client/src/staff/reports/Leaderboard.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const ENTRIES = [
  { studentId: 's1', name: '王芳', scores: [90, 80] },
  { studentId: 's2', name: '李强', scores: [85] },
  { studentId: 's3', name: '张敏', scores: [] },
];

function response(drillId: string | null, anonymous: boolean): LeaderboardResponse {
  return {
    class: { id: 'c1', name: '电商2401班' },
    drills: [{ id: 'd1', title: '周三演练', kind: 'drill', graded: true }],
    drillId,
    anonymous,
    rows: rankLeaderboard(drillId ? ENTRIES.slice(1) : ENTRIES, { anonymous }),
  };
}

describe('Leaderboard', () => {
  it('ranks, filters by drill and anonymises through the server', async () => {
    const http = fakeHttp({
      'GET /api/reports/classes/c1/leaderboard': () => response(null, false),
      'GET /api/reports/classes/c1/leaderboard?drillId=d1': () => response('d1', false),
      'GET /api/reports/classes/c1/leaderboard?drillId=d1&anonymous=true': () => response('d1', true),
    });
    const { render, user } = await setup({ http });
    render(<Leaderboard classId="c1" />);
    await screen.findByRole('table');
    const cells = () =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells()).toEqual([
      ['1', '王芳', '85', '90', '2'],
      ['1', '李强', '85', '85', '1'],
      ['—', '张敏', '—', '—', '0'],
    ]);
    expect(screen.getByRole('heading', { name: '电商2401班 · 排行榜' })).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('统计范围'), '演练：周三演练');
    await waitFor(() =>
      expect(cells()).toEqual([
        ['1', '李强', '85', '85', '1'],
        ['—', '张敏', '—', '—', '0'],
      ]),
    );
    await user.click(screen.getByLabelText(/匿名显示/));
    await screen.findByText('学员 1');
    expect(cells().map((r) => r[1])).toEqual(['学员 1', '学员 2']);
    expect(screen.queryByText('李强')).toBeNull();
    expect(http.calls.map((c) => c.path)).toContain(
      '/api/reports/classes/c1/leaderboard?drillId=d1&anonymous=true',
    );
  });
});
