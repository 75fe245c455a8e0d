// Solo practice on the home: a student with a learning path picks single scenarios in the path (so none is
// listed twice, and a locked one never offers a start); staff (no path) see every scenario grouped by the
// course's units, each startable.
import { pathProgress, pathScenariosOf } from '@kefu/shared';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SoloPractice } from '../../client/src/home/SoloPractice.tsx';
import { library, SCENARIOS } from './course-fixture.ts';
import { setup } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const progress = pathProgress(library.course!, pathScenariosOf(library.buyers.values()), []);

async function render(withPath: boolean) {
  const http = fakeHttp({ 'POST /api/practice': () => ({ conversations: [] }) });
  const h = await setup({ http });
  await act(async () => {
    h.render(
      <SoloPractice
        scenarios={SCENARIOS.scenarios}
        units={SCENARIOS.units}
        error={null}
        progress={withPath ? progress : null}
      />,
    );
  });
  return { h, http };
}

describe('solo practice and the learning path', () => {
  it('leaves the path’s scenarios to the path: a student gets the random mix, no second list', async () => {
    await render(true);
    expect(screen.getByText('在上面的学习路径里挑一个场景，或随机组合多位买家同时进店。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '随机开始' })).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: /^开始练习：/ })).toEqual([]);
  });

  it('groups every scenario by unit for staff, each one startable', async () => {
    const { h, http } = await render(false);
    const groups = screen.getAllByRole('region').filter((g) => g.classList.contains('solo-group'));
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(SCENARIOS.units.map((u) => u.name));
    const knowledge = screen.getByRole('region', { name: '商品知识' });
    expect(within(knowledge).getByRole('heading', { name: '冰皮月饼的保质期和发货' })).toBeTruthy();
    expect(within(knowledge).queryByRole('heading', { name: '羽绒服选颜色和尺码' })).toBeNull();
    await h.user.click(within(knowledge).getByRole('button', { name: '开始练习：冰皮月饼的保质期和发货' }));
    expect(http.calls.map((c) => [c.path, c.body])).toEqual([
      ['/api/practice', { scenarioId: 'mooncake-shelf-life' }],
    ]);
  });
});
