// Ending a drill ends it for the whole class: one click only opens a confirmation dialog (Chinese, modal,
// focus on the safe choice); the drill stops only when that is confirmed.
import type { DrillView } from '@kefu/shared/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Drills from '../../../client/src/staff/monitor/Drills.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const DRILL: DrillView = {
  id: 'd1',
  classId: 'c1',
  kind: 'drill',
  graded: true,
  opensAt: null,
  closesAt: null,
  title: '周三演练',
  status: 'running',
  settings: {
    scenarioIds: ['price-objection'],
    shoppersPerStudent: 2,
    arrivalIntervalSeconds: 20,
    concurrency: 2,
    durationMinutes: 15,
  },
  versions: {},
  createdAt: 0,
  startedAt: 1,
  endsAt: 900_001,
  endedAt: null,
};

describe('stopping a drill', () => {
  it('asks first; cancel (or Esc) changes nothing, confirm stops it', async () => {
    let drill = DRILL;
    const http = fakeHttp({
      'GET /api/classes/c1': () => ({ class: { id: 'c1', name: '电商2401班' }, members: [] }),
      'GET /api/classes/c1/drills': () => ({ drills: [drill] }),
      'GET /api/scenarios?classId=c1': () => ({ scenarios: [] }),
      'POST /api/drills/d1/stop': () => {
        drill = { ...drill, status: 'finished', endedAt: 2 };
        return { drill };
      },
    });
    const { render, user } = await setup({ http });
    render(<Drills classId="c1" />);
    const stop = await screen.findByRole('button', { name: '结束：周三演练' });
    await user.click(stop);
    const dialog = screen.getByRole('alertdialog', { name: '结束“周三演练”？' });
    expect(dialog.textContent).toContain('全班');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '继续演练' }));
    await user.click(within(dialog).getByRole('button', { name: '继续演练' }));
    await user.click(stop);
    await user.keyboard('{Escape}');
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(stop);
    await user.click(
      within(screen.getByRole('alertdialog', { name: '结束“周三演练”？' })).getByRole('button', {
        name: '结束演练',
      }),
    );
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual(['/api/drills/d1/stop']);
    expect(await screen.findByText('已结束')).toBeTruthy();
  });
});
