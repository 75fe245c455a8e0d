// "Start when N joined" in the pages: the drill form sets N (at most the class's students), the drill list
// and the student's home show 等待学生加入 (k/N) with a 立即开始 for the teacher, and the student who joined
// sees the same in the workbench's drill banner until the drill starts, then its countdown.
import type { DrillView } from '@kefu/shared/protocol';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Drills from '../../client/src/staff/monitor/Drills.tsx';
import { DrillBanner } from '../../client/src/workbench/DrillBanner.tsx';
import '../../client/src/staff/i18n/index.ts';
import { DrillList } from '../../client/src/home/DrillList.tsx';
import { SCENARIOS } from './course-fixture.ts';
import { setup, T0 } from './harness.tsx';
import { apiFrom, fakeHttp } from './staff/fake-http.ts';

const WAITING: DrillView = {
  id: 'd1',
  classId: 'c1',
  kind: 'drill',
  graded: true,
  opensAt: null,
  closesAt: null,
  title: '到齐即开始',
  status: 'draft',
  settings: {
    scenarioIds: ['price-objection'],
    shoppersPerStudent: 2,
    arrivalIntervalSeconds: 20,
    concurrency: 2,
    durationMinutes: 10,
    startWhenJoined: 3,
  },
  versions: {},
  createdAt: T0 - 1000,
  startedAt: null,
  endsAt: null,
  endedAt: null,
  joinedCount: 1,
};

describe('start when N joined: the teacher', () => {
  it('sets N in the drill form, at most the class’s students, and sees k/N with a start-now button', async () => {
    const http = fakeHttp({
      'GET /api/classes/c1': () => ({
        class: { id: 'c1', name: '电商2401班', studentCount: 4 },
        members: [],
      }),
      'GET /api/classes/c1/drills': () => ({ drills: [WAITING] }),
      'GET /api/scenarios?classId=c1': () => ({
        scenarios: SCENARIOS.scenarios.filter((s) => s.id === 'price-objection'),
        units: SCENARIOS.units,
      }),
      'POST /api/classes/c1/drills': () => ({ drill: WAITING }),
      'POST /api/drills/d1/start': () => ({ drill: { ...WAITING, status: 'running', startedAt: T0 } }),
    });
    const { render, user } = await setup({ http });
    render(<Drills classId="c1" />);
    const row = (await screen.findByText('到齐即开始')).closest('li')!;
    expect(within(row as HTMLElement).getByText('等待学生加入（1/3）')).toBeTruthy();
    expect(within(row as HTMLElement).getByRole('button', { name: '实时监控' })).toBeTruthy();

    await user.type(screen.getByLabelText('演练名称'), '第二次演练');
    // The page also has the new exam form: the drill form's own scenario box.
    await user.click(within(screen.getByRole('form', { name: '新建演练' })).getByLabelText('嫌贵砍价'));
    expect(screen.queryByLabelText(/加入人数达到/)).toBeNull();
    await user.click(screen.getByLabelText('学生到齐后自动开始'));
    const count = screen.getByLabelText('加入人数达到（本班 4 名学员）') as HTMLInputElement;
    expect(count.max).toBe('4');
    await user.clear(count);
    await user.type(count, '4');
    await user.click(screen.getByRole('button', { name: '创建演练' }));
    const created = http.calls.find((c) => c.method === 'POST' && c.path === '/api/classes/c1/drills');
    expect(created?.body).toMatchObject({ title: '第二次演练', settings: { startWhenJoined: 4 } });

    await user.click(within(row as HTMLElement).getByRole('button', { name: '立即开始' }));
    expect(http.calls.some((c) => c.method === 'POST' && c.path === '/api/drills/d1/start')).toBe(true);
  });
});

describe('start when N joined: the student', () => {
  it('finds the waiting drill at home with k/N and can join it before it starts', async () => {
    const http = apiFrom(async (_method, path) => {
      if (path === '/api/classes') return { classes: [{ id: 'c1' }] };
      if (path === '/api/classes/c1/drills')
        return {
          drills: [
            WAITING,
            {
              ...WAITING,
              id: 'd2',
              title: '老师开始',
              settings: { ...WAITING.settings, startWhenJoined: undefined },
            },
          ],
        };
      if (path === '/api/drills/d1/join') return { drill: { ...WAITING, joined: true, joinedCount: 2 } };
      throw new Error(`unexpected ${path}`);
    });
    const h = await setup({ http });
    h.stores.session.getState().setUser({
      id: 'u1',
      username: 'stu',
      displayName: '小王',
      role: 'student',
      mustChangePassword: false,
    });
    h.render(<DrillList />);
    const row = (await screen.findByText('到齐即开始')).closest('li') as HTMLElement;
    expect(within(row).getByText('等待学生加入（1/3）')).toBeTruthy();
    // A draft the teacher starts by hand is not offered before it starts.
    expect(screen.queryByText('老师开始')).toBeNull();
    await h.user.click(within(row).getByRole('button', { name: '加入演练' }));
    expect(h.stores.practice.getState()).toMatchObject({ owner: 'u1', drillId: 'd1', conversationIds: [] });
    expect(h.stores.session.getState().screen).toEqual({ name: 'workbench' });
  });

  it('sees 等待学生加入 (k/N) in the drill banner until the drill starts, then its countdown', async () => {
    let drill: DrillView = { ...WAITING, joined: true, joinedCount: 2 };
    const http = apiFrom(async (_method, path) => {
      if (path === '/api/drills/d1') return { drill };
      throw new Error(`unexpected ${path}`);
    });
    const h = await setup({ http });
    h.stores.session.getState().setUser({
      id: 'u1',
      username: 'stu',
      displayName: '小王',
      role: 'student',
      mustChangePassword: false,
    });
    h.stores.practice.getState().begin([], 'u1', 'd1');
    h.render(<DrillBanner />);
    expect((await screen.findByRole('status')).textContent).toBe('演练：到齐即开始 等待学生加入（2/3）');

    drill = { ...WAITING, status: 'running', joined: true, startedAt: T0, endsAt: T0 + 600_000 };
    await act(async () => h.stores.connection.getState().drillChanged());
    expect(await screen.findByText('剩余 10:00')).toBeTruthy();
  });
});
