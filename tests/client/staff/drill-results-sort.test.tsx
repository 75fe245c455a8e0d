// A drill's results list: by total score, highest first, ties by name; the order is shown on the header
// (aria-sort and an arrow) and changed by clicking a column.
import type { DrillResultRow, DrillResultsResponse } from '@kefu/shared/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import DrillResults from '../../../client/src/staff/monitor/DrillResults.tsx';
import { DEFAULT_RESULT_SORT, sortResults } from '../../../client/src/staff/monitor/drill-results-sort.ts';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

function row(id: string, name: string, score: number | null, joined = true): DrillResultRow {
  return {
    student: { id, username: id, displayName: name },
    joined,
    conversations: [],
    summary:
      score === null
        ? null
        : ({
            score,
            violationsByRule: {},
            metrics: {
              firstResponseSeconds: 2,
              averageResponseSeconds: 10,
              outcomes: { paid: 1, 'ordered-unpaid': 0, left: 0, stopped: 0, open: 0 },
            },
          } as never),
  };
}

const ROWS = [
  row('s1', '王芳', 72),
  row('s2', '李明', 91.5),
  row('s3', '赵六', null),
  row('s4', '陈静', 72),
  row('s5', '张三', 58),
];

describe('drill results order', () => {
  it('total score, highest first; equal scores by name; no score yet last', () => {
    expect(sortResults(ROWS, DEFAULT_RESULT_SORT).map((r) => r.student.displayName)).toEqual([
      '李明',
      '陈静',
      '王芳',
      '张三',
      '赵六',
    ]);
    expect(sortResults(ROWS, { key: 'score', dir: 'asc' }).map((r) => r.student.displayName)).toEqual([
      '张三',
      '陈静',
      '王芳',
      '李明',
      '赵六',
    ]);
  });

  it('shows the order on the header and changes it on a click', async () => {
    const data = {
      drill: { id: 'd1', classId: 'c1', title: '第一次演练', kind: 'drill', status: 'finished' },
      rows: [...ROWS, row('s6', '孙七', null, false)],
    } as unknown as DrillResultsResponse;
    const http = fakeHttp({ 'GET /api/drills/d1/results': () => data });
    const h = await setup({ http });
    h.render(<DrillResults drillId="d1" />);
    const table = (await screen.findByText('李明')).closest('table')!;
    const names = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((tr) => tr.querySelector('td')?.textContent);
    expect(names()).toEqual(['李明', '陈静', '王芳', '张三', '赵六']);
    const scoreHeader = within(table).getAllByRole('columnheader')[2]!;
    expect(scoreHeader.getAttribute('aria-sort')).toBe('descending');
    await h.user.click(within(scoreHeader).getByRole('button'));
    expect(scoreHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['张三', '陈静', '王芳', '李明', '赵六']);
    const nameHeader = within(table).getAllByRole('columnheader')[0]!;
    await h.user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(scoreHeader.getAttribute('aria-sort')).toBe('none');
    expect(names()).toEqual(['陈静', '李明', '王芳', '张三', '赵六']);
  });
});
