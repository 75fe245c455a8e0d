// Student Home: class drills — a drill that starts shows up without a reload (the server's
// `drill:status` announcement, or the poll should that be missed) and the drill box comes first; and the
// way back to the last practice once every buyer has left.
import type {
  ClassesResponse,
  ConversationsResponse,
  DrillsResponse,
  DrillView,
  PlayableScenario,
  ScenariosResponse,
} from '@kefu/shared/protocol';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DRILL_POLL_MS } from '../../client/src/home/DrillList.tsx';
import Home from '../../client/src/home/Home.tsx';
import { setup } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

const DRILL: DrillView = {
  id: 'drill-1',
  classId: 'class-1',
  kind: 'drill',
  graded: true,
  opensAt: null,
  closesAt: null,
  title: '周五演练',
  status: 'running',
  settings: {
    scenarioIds: ['s0'],
    shoppersPerStudent: 3,
    arrivalIntervalSeconds: 30,
    concurrency: 2,
    durationMinutes: 20,
  },
  versions: {},
  createdAt: 0,
  startedAt: 1,
  endsAt: null,
  endedAt: null,
  joined: false,
};

const scenario = (i: number): PlayableScenario => ({
  id: `s${i}`,
  title: `场景${i}`,
  description: null,
  difficulty: 1,
  goal: 'paid',
  products: [],
  version: 'v',
  rules: [],
  unit: null,
  productNames: [],
  skills: [],
});

async function renderHome(before?: (h: Awaited<ReturnType<typeof setup>>) => void) {
  let drills: DrillView[] = [];
  const http = apiFrom(async (_method: string, path: string) => {
    if (path === '/api/scenarios')
      return {
        scenarios: Array.from({ length: 14 }, (_, i) => scenario(i)),
        units: [],
      } satisfies ScenariosResponse;
    if (path.startsWith('/api/conversations'))
      return { conversations: [], serverTime: 0 } satisfies ConversationsResponse;
    if (path === '/api/classes') return { classes: [{ id: 'class-1' }] } as unknown as ClassesResponse;
    if (path === '/api/classes/class-1/drills') return { drills } satisfies DrillsResponse;
    if (path.startsWith('/api/reports/students/')) return { conversations: [] };
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
  before?.(h);
  await act(async () => {
    h.render(<Home onLogout={() => undefined} />);
  });
  await screen.findByText('暂无进行中的演练');
  return {
    h,
    startDrill: () => {
      drills = [DRILL];
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Home: class drills', () => {
  it('shows a drill as soon as the server announces it started, without a reload', async () => {
    const { h, startDrill } = await renderHome();
    startDrill();
    await act(async () => {
      h.stores.connection.getState().drillChanged();
    });
    expect(await screen.findByText('周五演练')).toBeTruthy();
    expect(screen.getByRole('button', { name: '加入演练' })).toBeTruthy();
  });

  it('finds a started drill by polling, should the announcement be missed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { startDrill } = await renderHome();
    startDrill();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(DRILL_POLL_MS + 100);
    });
    expect(await screen.findByText('周五演练')).toBeTruthy();
  });

  it('puts the drill box before the scenario cards', async () => {
    await renderHome();
    const drills = screen.getByRole('heading', { name: '班级演练' });
    const firstCard = screen.getByRole('heading', { name: '场景0' });
    expect(drills.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('Home: the last practice', () => {
  it('leads back to it once every reception has ended, so its summary stays reachable', async () => {
    const { h } = await renderHome((h) => h.stores.practice.getState().begin(['a', 'b'], 'u1'));
    // Ended, not "every buyer left": a buyer who paid and said goodbye was not lost (买家流失 is a verdict).
    await h.user.click(
      screen.getByRole('button', { name: '回到刚才的练习（接待都已结束，可查看练习总结）' }),
    );
    expect(h.stores.session.getState().screen).toEqual({ name: 'workbench' });
  });

  it('is not offered for someone else’s practice seen earlier in this tab, nor with none', async () => {
    await renderHome((h) => h.stores.practice.getState().begin(['a'], 'someone-else'));
    expect(screen.queryByRole('button', { name: /回到刚才的练习/ })).toBeNull();
  });
});
