// The class report table: sorting by every column (aria-sort says how), filters, and the grade action.
import type { ClassReportRow, GradeView } from '@kefu/shared/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ClassTable } from '../../../client/src/staff/reports/ClassTable.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';

const weights = { system: 60, exam: 60, teacher: 20, mentor: 10, self: 10 };
function grade(total: number | null, teacher: number | null = null, mentor: number | null = null): GradeView {
  return { weights, system: total, exam: null, teacher, mentor, self: null, total };
}
function row(
  id: string,
  name: string,
  score: number | null,
  avg: number | null,
  g = grade(score),
): ClassReportRow {
  return {
    student: { id, username: id, displayName: name },
    conversations: score === null ? 0 : 2,
    averageScore: score,
    firstResponseSeconds: avg === null ? null : avg / 4,
    averageResponseSeconds: avg,
    violations: score === null ? 0 : Math.round((100 - score) / 10),
    paid: 1,
    paidOnArrival: 0,
    left: 0,
    within3MinRate: score === null ? null : score / 100,
    conversionRate: score === null ? null : 1 - score / 100,
    averageOrderAmount: score === null ? null : score * 3,
    returningKeptRate: null,
    grade: g,
  };
}

const ROWS = [
  row('s1', '张三', 92, 8, grade(90, 88, 85)),
  row('s2', '李四', 55, 45),
  row('s3', '王五', 78, 20),
  row('s4', '赵六', null, null, grade(null)),
];

function names(): string[] {
  const body = screen.getAllByRole('rowgroup')[1]!;
  return within(body)
    .getAllByRole('row')
    .map((r) => within(r).queryAllByRole('rowheader')[0]?.querySelector('button')?.textContent ?? '');
}

describe('ClassTable', () => {
  it('sorts by score, highest first, students without a score last; a second click reverses', async () => {
    const { render, user } = await setup();
    render(<ClassTable rows={ROWS} onOpen={() => undefined} />);
    expect(names()).toEqual(['张三', '王五', '李四', '赵六']);
    const header = screen.getByRole('columnheader', { name: /平均分/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['李四', '王五', '张三', '赵六']);
  });

  it('sorts by average response time and by name', async () => {
    const { render, user } = await setup();
    render(<ClassTable rows={ROWS} onOpen={() => undefined} />);
    await user.click(screen.getByRole('button', { name: /平均响应/ }));
    expect(names()).toEqual(['李四', '王五', '张三', '赵六']);
    await user.click(screen.getByRole('button', { name: /平均响应/ }));
    expect(names()).toEqual(['张三', '王五', '李四', '赵六']);
    await user.click(screen.getByRole('button', { name: /^学员/ }));
    expect(screen.getByRole('columnheader', { name: /学员/ }).getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toHaveLength(4);
  });

  it("colours response times by the class rubric's benchmarks, the default rubric's when none is given", async () => {
    const { render } = await setup();
    const colours = () => {
      const wang = screen.getByRole('row', { name: /王五/ });
      return ['5 s', '20 s'].map((text) => within(wang).getByText(text).className);
    };
    const { unmount } = render(<ClassTable rows={ROWS} onOpen={() => undefined} />);
    expect(colours()).toEqual(['num bad', 'num good']); // 5 s > 3 s; 20 s ≤ 30 s
    unmount();
    render(
      <ClassTable
        rows={ROWS}
        benchmarks={{ firstResponseSeconds: 10, responseSeconds: 15 }}
        onOpen={() => undefined}
      />,
    );
    expect(colours()).toEqual(['num good', 'num bad']);
  });

  it('filters by name and by problem, and says how many are shown', async () => {
    const { render, user } = await setup();
    render(<ClassTable rows={ROWS} onOpen={() => undefined} />);
    await user.type(screen.getByLabelText('搜索学员'), '王');
    expect(names()).toEqual(['王五']);
    expect(screen.getByText('显示 1 / 4 人')).toBeTruthy();
    await user.clear(screen.getByLabelText('搜索学员'));
    await user.selectOptions(screen.getByLabelText('筛选'), 'failing');
    expect(names()).toEqual(['李四']);
    await user.selectOptions(screen.getByLabelText('筛选'), 'slow');
    expect(names()).toEqual(['李四']);
    await user.selectOptions(screen.getByLabelText('筛选'), 'ungraded');
    expect(names()).toEqual(['王五', '李四', '赵六']);
    await user.type(screen.getByLabelText('搜索学员'), '没有这个人');
    expect(screen.getByText('没有符合条件的学员。')).toBeTruthy();
  });

  it('marks failing scores and slow averages, and opens a student or the grade form', async () => {
    const { render, user } = await setup();
    const onOpen = vi.fn();
    const onGrade = vi.fn();
    render(<ClassTable rows={ROWS} onOpen={onOpen} onGrade={onGrade} />);
    const li = screen.getByRole('button', { name: '李四' }).closest('tr')!;
    expect(within(li).getAllByText('55')[0]!.classList.contains('bad')).toBe(true);
    expect(within(li).getByText('45 s').classList.contains('bad')).toBe(true);
    await user.click(screen.getByRole('button', { name: '李四' }));
    expect(onOpen).toHaveBeenCalledWith('s2');
    await user.click(screen.getByRole('button', { name: '给 张三 评分' }));
    expect(onGrade).toHaveBeenCalledWith(ROWS[0]);
  });

  it('shows the goals of reception per student and sorts by them', async () => {
    const { render, user } = await setup();
    render(<ClassTable rows={ROWS} onOpen={() => undefined} />);
    const first = screen.getAllByRole('row').find((r) => r.textContent?.includes('张三'))!;
    const cells = within(first)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(expect.arrayContaining(['92%', '8%', '¥276', '—']));
    const conversion = screen.getByRole('columnheader', { name: /询单转化/ });
    await user.click(within(conversion).getByRole('button'));
    expect(conversion.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['李四', '王五', '张三', '赵六']);
    expect(screen.getByRole('columnheader', { name: /3分钟回复率/ })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /客单价/ })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /回头客留存/ })).toBeTruthy();
  });
});
