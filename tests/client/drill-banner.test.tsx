// A student in a class drill sees the drill's name and the time left on the server clock in the workbench,
// and "演练已结束" once the instructor ends it (the server's drill:status announcement) or its time runs out.
import type { DrillView } from '@kefu/shared/protocol';
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DrillBanner } from '../../client/src/workbench/DrillBanner.tsx';
import { conversationView, setup, T0 } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

const running: DrillView = {
  id: 'drill-1',
  classId: 'class-1',
  kind: 'drill',
  graded: true,
  opensAt: null,
  closesAt: null,
  title: '周五接待演练',
  status: 'running',
  settings: {
    scenarioIds: ['s0'],
    shoppersPerStudent: 3,
    arrivalIntervalSeconds: 30,
    concurrency: 2,
    durationMinutes: 10,
  },
  versions: {},
  createdAt: T0 - 60_000,
  startedAt: T0 - 60_000,
  endsAt: T0 + 540_000,
  endedAt: null,
  joined: true,
};

describe('the drill banner', () => {
  it('names the drill, counts down, and says when the drill has ended', async () => {
    let drill = running;
    const http = apiFrom(async (_method, path) => {
      if (path === '/api/drills/drill-1') return { drill };
      throw new Error(`unexpected ${path}`);
    });
    const h = await setup({ http });
    h.stores.conversations.getState().upsertView(conversationView('a', { drillId: 'drill-1' }));
    h.render(<DrillBanner />);
    expect((await screen.findByRole('status')).textContent).toBe('演练：周五接待演练 剩余 9:00');
    act(() => h.ticker.advance(65_000));
    expect(screen.getByRole('status').textContent).toBe('演练：周五接待演练 剩余 7:55');

    // The instructor ends it: the announcement makes the banner look again.
    drill = { ...running, status: 'finished', endedAt: T0 + 70_000 };
    act(() => h.stores.connection.getState().drillChanged());
    expect(await screen.findByText('演练已结束')).toBeTruthy();
  });

  it('says the drill has ended once its time ran out, and shows nothing in a solo practice', async () => {
    const http = apiFrom(async (_method, path) => {
      if (path === '/api/drills/drill-1') return { drill: running };
      throw new Error(`unexpected ${path}`);
    });
    const h = await setup({ http });
    h.stores.conversations.getState().upsertView(conversationView('solo'));
    const { container } = h.render(<DrillBanner />);
    expect(container.textContent).toBe('');
    act(() => h.stores.conversations.getState().upsertView(conversationView('a', { drillId: 'drill-1' })));
    await screen.findByRole('status');
    act(() => h.ticker.set(T0 + 540_000));
    expect(screen.getByRole('status').textContent).toBe('演练：周五接待演练 演练已结束');
  });
});
