// Student Home for a lesson: a load that fails says so (nothing swallowed), a student without a class joins
// with the join code, 修改密码 is one click away, the trainers' comments reach the student, and an abandoned
// practice reads 已放弃 rather than a score; scores are written the one way (83.5, never 84 here and 83.5 there).
import type { ConversationScore, EvaluationView, StudentReportResponse } from '@kefu/shared/protocol';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../client/src/api/http.ts';
import Home from '../../client/src/home/Home.tsx';
import { setup } from './harness.tsx';
import { fakeHttp, type Handler } from './staff/fake-http.ts';

const score = (over: Partial<ConversationScore>): ConversationScore => ({
  conversationId: 'c1',
  scenarioId: 'soothing-cream-doubt',
  scenarioTitle: '敏感肌顾客问面霜',
  drillId: null,
  startedAt: Date.UTC(2026, 10, 20, 2, 0, 0),
  status: 'ended',
  abandoned: false,
  score: 83.5,
  outcome: 'paid',
  brought: null,
  violations: 1,
  ...over,
});

const comment: EvaluationView = {
  id: 'e1',
  studentId: 'u1',
  classId: 'class-1',
  conversationId: null,
  authorId: 't1',
  authorName: '周导师',
  kind: 'mentor',
  score: 88,
  comment: '回复很及时，记得把下单邀请放在回答里。',
  createdAt: Date.UTC(2026, 10, 21),
};

function student(report: Partial<StudentReportResponse>, overrides: Record<string, Handler> = {}) {
  return fakeHttp({
    'GET /api/scenarios': () => ({ scenarios: [] }),
    'GET /api/conversations?status=open': () => ({ conversations: [], serverTime: 0 }),
    'GET /api/classes': () => ({ classes: [] }),
    'GET /api/reports/students/u1': () => ({
      student: { id: 'u1', username: 'stu', displayName: '小王', role: 'student', mustChangePassword: false },
      aggregate: null,
      conversations: [],
      evaluations: [],
      grade: null,
      ...report,
    }),
    ...overrides,
  });
}

async function renderHome(api: ReturnType<typeof fakeHttp>) {
  const h = await setup({ http: api });
  h.stores.session.getState().setUser({
    id: 'u1',
    username: 'stu',
    displayName: '小王',
    role: 'student',
    mustChangePassword: false,
  });
  await act(async () => {
    h.render(<Home onLogout={() => undefined} />);
  });
  return h;
}

describe('Home for a student', () => {
  it('says when the scenarios or the reports could not be loaded', async () => {
    const api = student(
      {},
      {
        'GET /api/scenarios': () => {
          throw new HttpError(500, { code: 'internal', message: '' });
        },
        'GET /api/reports/students/u1': () => {
          throw new HttpError(0, { code: 'network', message: '' });
        },
      },
    );
    await renderHome(api);
    const solo = screen.getByRole('region', { name: '单人练习' });
    expect(within(solo).getByRole('alert').textContent).toContain('服务器出错了');
    const reports = screen.getByRole('region', { name: '我的报告' });
    expect(within(reports).getByRole('alert').textContent).toContain('网络连接失败');
  });

  it('lets a student in no class join one with the join code', async () => {
    let joined = false;
    const api = student(
      {},
      {
        'GET /api/classes': () => ({
          classes: joined ? [{ id: 'class-1', name: '电商2401班' }] : [],
        }),
        'POST /api/classes/join': (body) => {
          expect(body).toEqual({ joinCode: 'AB12CD' });
          joined = true;
          return { class: { id: 'class-1', name: '电商2401班' } };
        },
        'GET /api/classes/class-1/drills': () => ({ drills: [] }),
      },
    );
    const h = await renderHome(api);
    const section = screen.getByRole('region', { name: '加入班级' });
    await h.user.type(within(section).getByLabelText('班级邀请码'), ' AB12CD ');
    await h.user.click(within(section).getByRole('button', { name: '加入' }));
    expect(await screen.findByText('已加入「电商2401班」')).toBeTruthy();
  });

  it('shows the joined class at once: no 你还没有加入班级 above it, and the class’s scenarios and path reload', async () => {
    let joined = false;
    const api = student(
      {},
      {
        'GET /api/classes': () => ({ classes: joined ? [{ id: 'class-1', name: '电商2401班' }] : [] }),
        'POST /api/classes/join': () => {
          joined = true;
          return { class: { id: 'class-1', name: '电商2401班' } };
        },
        'GET /api/classes/class-1/drills': () => ({ drills: [] }),
        'GET /api/course/path': () => ({ progress: null, recommendation: null }),
      },
    );
    const h = await renderHome(api);
    const section = screen.getByRole('region', { name: '加入班级' });
    expect(within(section).getByText(/你还没有加入班级/)).toBeTruthy();
    await h.user.type(within(section).getByLabelText('班级邀请码'), 'AB12CD');
    await h.user.click(within(section).getByRole('button', { name: '加入' }));
    expect(await within(section).findByRole('status')).toHaveProperty('textContent', '已加入「电商2401班」');
    expect(within(section).queryByText(/你还没有加入班级/)).toBeNull();
    expect(within(section).queryByLabelText('班级邀请码')).toBeNull();
    // What a student may practise depends on their classes (scenarios published to a class, its path).
    await vi.waitFor(() => {
      const joinedAt = api.calls.findIndex((c) => c.path === '/api/classes/join');
      const paths = api.calls.slice(joinedAt).map((c) => c.path);
      expect(paths).toEqual(expect.arrayContaining(['/api/scenarios', '/api/course/path']));
    });
  });

  it('shows a wrong join code as the server words it, and keeps the form', async () => {
    const api = student(
      {},
      {
        'POST /api/classes/join': () => {
          throw new HttpError(404, { code: 'join-code-unknown', message: '' });
        },
      },
    );
    const h = await renderHome(api);
    const section = screen.getByRole('region', { name: '加入班级' });
    await h.user.type(within(section).getByLabelText('班级邀请码'), 'WRONG1');
    await h.user.click(within(section).getByRole('button', { name: '加入' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('班级邀请码不对');
  });

  it('has no join form once the student is in a class', async () => {
    const api = student(
      {},
      {
        'GET /api/classes': () => ({ classes: [{ id: 'class-1', name: '电商2401班' }] }),
        'GET /api/classes/class-1/drills': () => ({ drills: [] }),
      },
    );
    await renderHome(api);
    expect(screen.queryByRole('region', { name: '加入班级' })).toBeNull();
  });

  it('opens 修改密码 from the top bar', async () => {
    const h = await renderHome(student({}));
    await h.user.click(screen.getByRole('button', { name: '修改密码' }));
    expect(h.stores.session.getState().screen).toEqual({ name: 'password' });
  });

  it('passes the trainers’ comments on, and shows an abandoned practice as 已放弃, not as a score', async () => {
    await renderHome(
      student({
        evaluations: [
          comment,
          { ...comment, id: 'e2', kind: 'self', authorName: '小王', comment: '我的自评' },
        ],
        conversations: [
          score({}),
          score({ conversationId: 'c2', abandoned: true, score: 0, startedAt: Date.UTC(2026, 10, 22) }),
        ],
      }),
    );
    const comments = screen.getByRole('region', { name: '老师的评语' });
    expect(within(comments).getByText('回复很及时，记得把下单邀请放在回答里。')).toBeTruthy();
    expect(within(comments).getByText('企业导师 周导师')).toBeTruthy();
    expect(within(comments).queryByText('我的自评')).toBeNull();

    const reports = screen.getByRole('region', { name: '我的报告' });
    const rows = within(reports).getAllByRole('listitem');
    expect(rows[0]?.textContent).toContain('已放弃');
    expect(rows[0]?.textContent).not.toContain('0 分');
    expect(rows[1]?.textContent).toContain('83.5 分');
    expect(rows[1]?.textContent).toContain('敏感肌顾客问面霜');
    expect(reports.textContent).not.toContain('soothing-cream-doubt');
  });
});
