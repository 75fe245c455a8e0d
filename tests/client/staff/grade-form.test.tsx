// The grade form: the reviewer's part of the multi-party grade, checked before it is sent.
import type { ClassReportRow } from '@kefu/shared/protocol';
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { GradeForm } from '../../../client/src/staff/reports/GradeForm.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { HttpError } from '../../../client/src/api/http.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const ROW: ClassReportRow = {
  student: { id: 's1', username: 'zs', displayName: '张三' },
  conversations: 2,
  averageScore: 80,
  firstResponseSeconds: 2,
  averageResponseSeconds: 10,
  violations: 1,
  paid: 1,
  paidOnArrival: 0,
  left: 0,
  within3MinRate: 1,
  conversionRate: 0.5,
  averageOrderAmount: 399,
  returningKeptRate: null,
  grade: {
    weights: { system: 60, exam: 60, teacher: 20, mentor: 10, self: 10 },
    system: 80,
    exam: null,
    teacher: null,
    mentor: null,
    self: null,
    total: 80,
  },
};

describe('GradeForm', () => {
  it('a trainer scores as enterprise mentor; an out-of-range score is refused in Chinese and nothing is sent', async () => {
    const http = fakeHttp({ 'POST /api/evaluations': () => ({ evaluation: {} }) });
    const { render, user } = await setup({ http });
    const onSaved = vi.fn();
    render(
      <GradeForm
        row={ROW}
        classId="c1"
        reviewerRole="trainer"
        onSaved={onSaved}
        onCancel={() => undefined}
      />,
    );
    const score = screen.getByLabelText('企业导师评分（0–100）');
    await user.type(score, '101');
    await user.click(screen.getByRole('button', { name: '保存评分' }));
    expect(screen.getByRole('alert').textContent).toBe('分数在 0–100 之间');
    expect(http.calls).toEqual([]);
    await user.clear(score);
    await user.type(score, '88');
    await user.type(screen.getByLabelText('评语'), '很好');
    await user.click(screen.getByRole('button', { name: '保存评分' }));
    expect(http.calls).toEqual([
      {
        method: 'POST',
        path: '/api/evaluations',
        body: { studentId: 's1', classId: 'c1', score: 88, comment: '很好' },
      },
    ]);
    expect(onSaved).toHaveBeenCalled();
  });

  it("an instructor scores as teacher and sees the server's refusal, worded from its code", async () => {
    const http = fakeHttp({
      'POST /api/evaluations': () => {
        throw new HttpError(404, { code: 'student-not-in-class', message: '' });
      },
    });
    const { render, user } = await setup({ http });
    render(
      <GradeForm
        row={ROW}
        classId="c1"
        reviewerRole="instructor"
        onSaved={() => undefined}
        onCancel={() => undefined}
      />,
    );
    await user.type(screen.getByLabelText('讲师评分（0–100）'), '90');
    await user.click(screen.getByRole('button', { name: '保存评分' }));
    expect((await screen.findByRole('alert')).textContent).toBe('这位学员不在这个班级里');
  });
});
