// The student's self-evaluation on Home: checked before sending, then the grade shown includes it.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import SelfEvaluation from '../../../client/src/staff/self/SelfEvaluation.tsx';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const weights = { system: 60, teacher: 20, mentor: 10, self: 10 };

describe('SelfEvaluation', () => {
  it('refuses an out-of-range score, then sends the self-evaluation and shows the updated grade', async () => {
    let self: number | null = null;
    const http = fakeHttp({
      'GET /api/classes': () => ({ classes: [{ id: 'c1', name: '电商2401班' }] }),
      'GET /api/reports/students/u1?classId=c1': () => ({
        grade: {
          weights,
          system: 80,
          teacher: null,
          mentor: null,
          self,
          total: self === null ? 80 : (80 * 60 + self * 10) / 70,
        },
      }),
      'POST /api/evaluations': (body) => {
        self = (body as { score: number }).score;
        return { evaluation: {} };
      },
    });
    const { render, user, stores } = await setup({ http });
    stores.session
      .getState()
      .setUser({ id: 'u1', username: 'zs', displayName: '张三', role: 'student', mustChangePassword: false });
    render(<SelfEvaluation />);
    expect((await screen.findByText(/系统分 80/)).textContent).toContain('自评 — · 总评 80');
    await user.type(screen.getByLabelText('自评分（0–100）'), '120');
    await user.click(screen.getByRole('button', { name: '提交自评' }));
    expect(screen.getByRole('alert').textContent).toBe('分数在 0–100 之间');
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);
    await user.clear(screen.getByLabelText('自评分（0–100）'));
    await user.type(screen.getByLabelText('自评分（0–100）'), '94');
    await user.type(screen.getByLabelText('自评说明'), '反应更快了');
    await user.click(screen.getByRole('button', { name: '提交自评' }));
    expect(http.calls.find((c) => c.method === 'POST')?.body).toEqual({
      studentId: 'u1',
      classId: 'c1',
      score: 94,
      comment: '反应更快了',
    });
    expect((await screen.findByText(/自评 94/)).textContent).toContain('总评 82');
  });

  it('shows the exam part the final grade counts', async () => {
    // The exam walk: an exam scored 26 and a mentor's 55 made 总评 30.1, and the line showed no exam at all.
    const http = fakeHttp({
      'GET /api/classes': () => ({ classes: [{ id: 'c1', name: '电商2405班' }] }),
      'GET /api/reports/students/u1?classId=c1': () => ({
        grade: {
          weights: { system: 30, exam: 30, teacher: 10, mentor: 5, self: 5 },
          system: null,
          exam: 26,
          teacher: null,
          mentor: 55,
          self: null,
          total: 30.1,
        },
      }),
    });
    const { render, stores } = await setup({ http });
    stores.session.getState().setUser({
      id: 'u1',
      username: 'hjj',
      displayName: '何俊杰',
      role: 'student',
      mustChangePassword: false,
    });
    render(<SelfEvaluation />);
    expect((await screen.findByText(/总评 30.1/)).textContent).toBe(
      '系统分 — · 考试 26 · 讲师 — · 企业导师 55 · 自评 — · 总评 30.1',
    );
  });

  it('shows nothing to staff', async () => {
    const http = fakeHttp({ 'GET /api/classes': () => ({ classes: [{ id: 'c1', name: '电商2401班' }] }) });
    const { render, stores } = await setup({ http });
    stores.session.getState().setUser({
      id: 't1',
      username: 'wang',
      displayName: '王老师',
      role: 'instructor',
      mustChangePassword: false,
    });
    const { container } = render(<SelfEvaluation />);
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).toBe('');
  });
});
