// Exams in the pages: a student's home lists the class's exams (未开考 until the window opens, then 开始考试
// once, 回到考试 after), a refused start is said in Chinese, the workbench banner says 考试 and 考试已结束;
// the instructor's form sends the window and whether it counts in the grade.
import type { ClassesResponse, DrillsResponse, DrillView, PlayableScenario } from '@kefu/shared/protocol';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../client/src/api/http.ts';
import { DrillList } from '../../client/src/home/DrillList.tsx';
import Drills from '../../client/src/staff/monitor/Drills.tsx';
import { NewExamForm } from '../../client/src/staff/monitor/NewExamForm.tsx';
import { localParts } from '../../client/src/staff/monitor/WhenField.tsx';
import '../../client/src/staff/i18n/index.ts';
import { DrillBanner } from '../../client/src/workbench/DrillBanner.tsx';
import { conversationView, setup, T0 } from './harness.tsx';
import { apiFrom, fakeHttp } from './staff/fake-http.ts';

const EXAM: DrillView = {
  id: 'exam-1',
  classId: 'class-1',
  kind: 'exam',
  graded: true,
  opensAt: T0 + 600_000,
  closesAt: T0 + 3_000_000,
  title: '期中考试',
  status: 'draft',
  settings: {
    scenarioIds: ['s0'],
    shoppersPerStudent: 2,
    arrivalIntervalSeconds: 60,
    concurrency: 1,
    durationMinutes: 40,
  },
  versions: {},
  createdAt: T0,
  startedAt: null,
  endsAt: null,
  endedAt: null,
  joined: false,
};

async function renderList(
  exam: DrillView,
  join: () => unknown = () => ({ drill: { ...exam, joined: true } }),
) {
  const http = apiFrom(async (method, path) => {
    if (path === '/api/classes') return { classes: [{ id: 'class-1' }] } as unknown as ClassesResponse;
    if (path === '/api/classes/class-1/drills') return { drills: [exam] } satisfies DrillsResponse;
    if (method === 'POST' && path === '/api/drills/exam-1/join') return join();
    throw new Error(`unexpected ${method} ${path}`);
  });
  const h = await setup({ http });
  h.stores.session.getState().setUser({
    id: 'u1',
    username: 'stu',
    displayName: '小王',
    role: 'student',
    mustChangePassword: false,
  });
  await act(async () => {
    h.render(<DrillList />);
  });
  await screen.findByRole('heading', { name: '考试' });
  return { h, http };
}

describe('a student’s exams', () => {
  it('lists a scheduled exam as not open yet, with nothing to start', async () => {
    await renderList(EXAM);
    expect(screen.getByText('期中考试')).toBeTruthy();
    expect(screen.getByText('未开考')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '开始考试' })).toBeNull();
    // Drills are listed apart: none runs.
    expect(screen.getByText('暂无进行中的演练')).toBeTruthy();
  });

  it('starts an open exam once and goes to the workbench', async () => {
    const { h, http } = await renderList({
      ...EXAM,
      status: 'running',
      startedAt: T0,
      endsAt: EXAM.closesAt,
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '开始考试' }));
    });
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/drills/exam-1/join',
    ]);
    expect(h.stores.session.getState().screen).toEqual({ name: 'workbench' });
    expect(h.stores.practice.getState().drillId).toBe('exam-1');
  });

  it('goes back to an exam already started without starting it again', async () => {
    const { http } = await renderList({ ...EXAM, status: 'running', joined: true });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '回到考试' }));
    });
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('says in Chinese why a second start is refused', async () => {
    await renderList({ ...EXAM, status: 'running' }, () => {
      throw new HttpError(409, { code: 'exam-attempt-used', message: '' });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '开始考试' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain(
      '这场考试你已经参加过了，每人只能参加一次',
    );
  });
});

describe('the exam banner', () => {
  it('says 考试, counts down to the close, and says when the exam has ended', async () => {
    let exam: DrillView = { ...EXAM, status: 'running', startedAt: T0, endsAt: T0 + 540_000, joined: true };
    const http = apiFrom(async (_method, path) => {
      if (path === '/api/drills/exam-1') return { drill: exam };
      throw new Error(`unexpected ${path}`);
    });
    const h = await setup({ http });
    h.stores.conversations.getState().upsertView(conversationView('a', { drillId: 'exam-1' }));
    h.render(<DrillBanner />);
    expect((await screen.findByRole('status')).textContent).toBe('考试：期中考试 剩余 9:00');
    exam = { ...exam, status: 'finished', endedAt: T0 + 540_000 };
    act(() => h.stores.connection.getState().drillChanged());
    expect(await screen.findByText('考试已结束')).toBeTruthy();
  });
});

describe('the new exam form', () => {
  const scenario: PlayableScenario = {
    id: 's0',
    title: '嫌贵砍价',
    description: null,
    difficulty: 1,
    goal: 'paid',
    products: [],
    version: 'v',
    rules: [],
    unit: null,
    productNames: [],
    skills: [],
  };

  /** Picks a moment in one of the form's date + 24-hour time fields, as a teacher does with its three lists. */
  function pickTime(label: string, at: number) {
    const field = screen.getByRole('group', { name: label });
    const { day, hour, minute } = localParts(at);
    fireEvent.change(within(field).getByLabelText(/^(日期|Date)$/), { target: { value: day } });
    fireEvent.change(within(field).getByLabelText(/^(时|Hour)$/), { target: { value: hour } });
    fireEvent.change(within(field).getByLabelText(/^(分|Minute)$/), { target: { value: minute } });
  }
  const optionTexts = (select: HTMLElement) => [...(select as HTMLSelectElement).options].map((o) => o.text);
  const chosenText = (select: HTMLElement) => {
    const s = select as HTMLSelectElement;
    return s.options[s.selectedIndex]!.text;
  };
  const noSend = () =>
    apiFrom(async (method, path) => {
      throw new Error(`unexpected ${method} ${path}`);
    });

  it('reads the day in Chinese (年/月/日 and the weekday) and the time on a 24-hour clock', async () => {
    const h = await setup({ http: noSend() });
    h.render(<NewExamForm classId="class-1" scenarios={[scenario]} units={[]} onCreated={() => undefined} />);
    const opens = screen.getByRole('group', { name: '开考时间' });
    expect(chosenText(within(opens).getByLabelText('日期'))).toMatch(
      /^\d{4}年\d{1,2}月\d{1,2}日周[一二三四五六日]$/,
    );
    expect(optionTexts(within(opens).getByLabelText('时'))).toEqual(
      Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0')),
    );
    expect(optionTexts(within(opens).getByLabelText('分'))).toHaveLength(60);
    // The default window: the next quarter hour, for 45 minutes.
    const closes = screen.getByRole('group', { name: '结束时间' });
    const at = (g: HTMLElement, label: string) =>
      (within(g).getByLabelText(label) as HTMLSelectElement).value;
    const minutes = (g: HTMLElement) => Number(at(g, '时')) * 60 + Number(at(g, '分'));
    expect(Number(at(opens, '分')) % 15).toBe(0);
    expect((minutes(closes) - minutes(opens) + 24 * 60) % (24 * 60)).toBe(45);
  });

  it('reads the day in English words, still on a 24-hour clock', async () => {
    const h = await setup({ http: noSend(), language: 'en' });
    h.render(<NewExamForm classId="class-1" scenarios={[scenario]} units={[]} onCreated={() => undefined} />);
    const opens = screen.getByRole('group', { name: 'Opens at' });
    expect(chosenText(within(opens).getByLabelText('Date'))).toMatch(
      /^[A-Z][a-z]{2}, [A-Z][a-z]+ \d{1,2}, \d{4}$/,
    );
    expect(optionTexts(within(opens).getByLabelText('Hour')).at(-1)).toBe('23');
  });

  it('refuses a closing time not after the opening, and an opening already past, saying what to do', async () => {
    const http = noSend();
    const h = await setup({ http });
    h.render(<NewExamForm classId="class-1" scenarios={[scenario]} units={[]} onCreated={() => undefined} />);
    fireEvent.change(screen.getByLabelText('考试名称'), { target: { value: '期中考试' } });
    fireEvent.click(screen.getByLabelText('嫌贵砍价'));
    const opens = T0 + 2 * 24 * 3_600_000;
    pickTime('开考时间', opens);
    pickTime('结束时间', opens);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建考试' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('结束时间要晚于开考时间：请把结束时间往后调。');

    pickTime('结束时间', opens + 30 * 60_000);
    // The lesson ran on: by the time the teacher submits, the opening has passed.
    act(() => h.ticker.advance(3 * 24 * 3_600_000));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建考试' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('开考时间已经过了：请选一个还没到的时间。');
    expect(http.calls).toEqual([]);
  });

  it('sends the chosen scenarios, the window and whether it counts', async () => {
    const http = apiFrom(async (method, path) => {
      if (method === 'POST' && path === '/api/classes/class-1/exams') return { drill: EXAM };
      throw new Error(`unexpected ${method} ${path}`);
    });
    const h = await setup({ http });
    let created = 0;
    h.render(<NewExamForm classId="class-1" scenarios={[scenario]} units={[]} onCreated={() => created++} />);
    fireEvent.change(screen.getByLabelText('考试名称'), { target: { value: '期中考试' } });
    fireEvent.click(screen.getByLabelText('嫌贵砍价'));
    const opens = Date.UTC(2026, 11, 1, 2, 0);
    const closes = Date.UTC(2026, 11, 1, 2, 45);
    pickTime('开考时间', opens);
    pickTime('结束时间', closes);
    fireEvent.click(screen.getByLabelText('计入成绩（考试分）'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建考试' }));
    });
    expect(http.calls.map((c) => c.body)).toEqual([
      {
        title: '期中考试',
        settings: { scenarioIds: ['s0'], shoppersPerStudent: 3, arrivalIntervalSeconds: 60, concurrency: 2 },
        opensAt: opens,
        closesAt: closes,
        graded: false,
      },
    ]);
    expect(created).toBe(1);
  });

  it('says in Chinese what the server refused', async () => {
    const http = apiFrom(async () => {
      throw new HttpError(400, { code: 'exam-window-order', message: '' });
    });
    const h = await setup({ http });
    h.render(<NewExamForm classId="class-1" scenarios={[scenario]} units={[]} onCreated={() => undefined} />);
    fireEvent.change(screen.getByLabelText('考试名称'), { target: { value: '期中考试' } });
    fireEvent.click(screen.getByLabelText('嫌贵砍价'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建考试' }));
    });
    expect((await screen.findByRole('alert')).textContent).toContain('结束时间要晚于开始时间');
  });
});

describe('the class’s drills and exams page', () => {
  it('marks an exam, offers no start for it, and sets whether it counts in the grade', async () => {
    let exam = EXAM;
    const http = fakeHttp({
      'GET /api/classes/class-1': () => ({ class: { id: 'class-1', name: '电商2401班' }, members: [] }),
      'GET /api/classes/class-1/drills': () => ({ drills: [exam] }),
      'GET /api/scenarios?classId=class-1': () => ({ scenarios: [] }),
      'PATCH /api/drills/exam-1': (body) => {
        exam = { ...exam, graded: (body as { graded: boolean }).graded };
        return { drill: exam };
      },
    });
    const { render, user } = await setup({ http });
    render(<Drills classId="class-1" />);
    await screen.findByText('期中考试');
    expect(screen.getByText('未开考')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '开始' })).toBeNull();
    const counts = screen.getByRole('checkbox', { name: '计入成绩' }) as HTMLInputElement;
    expect(counts.checked).toBe(true);
    await user.click(counts);
    expect(http.calls.filter((c) => c.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/api/drills/exam-1', body: { graded: false } },
    ]);
    await act(async () => undefined);
    expect((screen.getByRole('checkbox', { name: '计入成绩' }) as HTMLInputElement).checked).toBe(false);
  });

  it('asks before closing an open exam early, in an exam’s words', async () => {
    const http = fakeHttp({
      'GET /api/classes/class-1': () => ({ class: { id: 'class-1', name: '电商2401班' }, members: [] }),
      'GET /api/classes/class-1/drills': () => ({ drills: [{ ...EXAM, status: 'running' }] }),
      'GET /api/scenarios?classId=class-1': () => ({ scenarios: [] }),
    });
    const { render, user } = await setup({ http });
    render(<Drills classId="class-1" />);
    await user.click(await screen.findByRole('button', { name: '结束：期中考试' }));
    const dialog = screen.getByRole('alertdialog', { name: '提前结束“期中考试”？' });
    expect(dialog.textContent).toContain('参考答案随即对学员公开');
    expect(within(dialog).getByRole('button', { name: '结束考试' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '继续考试' }));
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});
