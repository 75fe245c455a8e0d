// The drill (and exam) form's scenario picker over the shipped library: grouped by the course's units in
// teaching order, a search by title, product and skill, a "select all" per unit (of what the search shows),
// and how many are picked; the drill is created with exactly the ticked scenarios.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NewDrillForm } from '../../../client/src/staff/monitor/NewDrillForm.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { SCENARIOS } from '../course-fixture.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

async function renderForm() {
  const http = fakeHttp({ 'POST /api/classes/c1/drills': () => ({ drill: {} }) });
  const h = await setup({ http });
  h.render(
    <NewDrillForm
      classId="c1"
      scenarios={SCENARIOS.scenarios}
      units={SCENARIOS.units}
      studentCount={3}
      onCreated={() => undefined}
    />,
  );
  return { h, http };
}

const group = (name: string) => screen.getByRole('region', { name });
const count = () => screen.getByRole('status').textContent;

describe('picking a drill’s scenarios', () => {
  it('groups them by unit in teaching order, levels inside, each with its products', async () => {
    await renderForm();
    const groups = screen.getAllByRole('region').filter((r) => r.classList.contains('pick-group'));
    expect(groups.map((g) => g.getAttribute('aria-label'))).toEqual(SCENARIOS.units.map((u) => u.name));
    const knowledge = group('商品知识');
    expect(within(knowledge).getByText('难度 2')).toBeTruthy();
    const mooncake = within(knowledge).getByRole('checkbox', { name: '冰皮月饼的保质期和发货' });
    expect(mooncake.closest('label')?.textContent).toContain('手工冰皮月饼礼盒');
    expect(count()).toBe('已选 0 个场景');
  });

  it('selects a unit at once, counts the picks, and creates the drill with them', async () => {
    const { h, http } = await renderForm();
    await h.user.click(screen.getByRole('checkbox', { name: '全选「欢迎与响应」' }));
    expect(count()).toBe('已选 5 个场景');
    expect(screen.getByRole('checkbox', { name: '全选「欢迎与响应」' })).toHaveProperty('checked', true);
    await h.user.click(within(group('欢迎与响应')).getByRole('checkbox', { name: /羽绒服选颜色和尺码/ }));
    expect(count()).toBe('已选 4 个场景');
    const all = screen.getByRole('checkbox', { name: '全选「欢迎与响应」' }) as HTMLInputElement;
    expect([all.checked, all.indeterminate]).toEqual([false, true]);
    await h.user.type(screen.getByLabelText('演练名称'), '周三演练');
    await h.user.click(screen.getByRole('button', { name: '创建演练' }));
    const post = http.calls.find((c) => c.method === 'POST');
    expect((post?.body as { settings: { scenarioIds: string[] } } | undefined)?.settings.scenarioIds).toEqual(
      ['cream-sensitive-skin', 'pre-diapers-size-weight', 'pre-returning-lipstick', 'returning-vip'],
    );
  });

  it('finds scenarios by product and skill; select-all takes only what the search shows', async () => {
    const { h } = await renderForm();
    const search = screen.getByRole('searchbox', { name: '搜索场景' });
    await h.user.type(search, '滚筒');
    expect(screen.getAllByRole('checkbox', { name: /洗衣机/ }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('checkbox', { name: /羽绒服选颜色和尺码/ })).toBeNull();
    await h.user.clear(search);
    await h.user.type(search, '催付');
    const groups = screen.getAllByRole('region').filter((r) => r.classList.contains('pick-group'));
    expect(groups.map((g) => g.getAttribute('aria-label'))).toContain('催付与跟进');
    const shown = within(group('催付与跟进')).getAllByRole('checkbox').length - 1;
    await h.user.click(screen.getByRole('checkbox', { name: '全选「催付与跟进」' }));
    expect(count()).toBe(`已选 ${shown} 个场景`);
    // Cleared search: the rest of the unit is still unpicked; 清除选择 empties the choice.
    await h.user.clear(search);
    expect(screen.getByRole('checkbox', { name: '全选「催付与跟进」' })).toHaveProperty(
      'checked',
      shown === 16,
    );
    await h.user.click(screen.getByRole('button', { name: '清除选择' }));
    expect(count()).toBe('已选 0 个场景');
    await h.user.type(search, '没有这种场景');
    expect(screen.getByText('没有找到符合的场景')).toBeTruthy();
  });
});
