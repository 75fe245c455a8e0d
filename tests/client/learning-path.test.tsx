// The learning path on a student's home and the unit certificate, over the real course file and the shared
// core's progress: units in order with their competition and 1+X skills, the unit being learnt open and the
// others folded (passed ones to their scores, locked ones to what opens them), scenarios by level, a search by
// title, product and skill and a filter, the recommended scenario, and a certificate only once passed.
import type { PathResponse } from '@kefu/shared';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Certificate from '../../client/src/home/Certificate.tsx';
import { LearningPath } from '../../client/src/home/LearningPath.tsx';
import { library, pathAfter, SCENARIOS } from './course-fixture.ts';
import { setup } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const course = library.course!;

const WELCOME_PASSED = pathAfter([
  ['jacket-colour-size', 92],
  ['cream-sensitive-skin', 88],
  ['returning-vip', 95],
  ['mooncake-shelf-life', 70, { 'wrong-fact': 2 }],
]);

async function renderPath(path: PathResponse) {
  const http = fakeHttp({
    'POST /api/practice': () => ({ conversations: [] }),
  });
  const h = await setup({ http });
  await act(async () => {
    h.render(<LearningPath path={path} error={null} scenarios={SCENARIOS.scenarios} />);
  });
  return { h, http };
}

const unitItem = (name: string) => screen.getByRole('listitem', { name });
const toggle = (name: string) => within(unitItem(name)).getByRole('button', { name });
const startButtons = (el: HTMLElement) => within(el).queryAllByRole('button', { name: /^开始练习：/ });
const startable = () => startButtons(document.body).map((b) => b.getAttribute('aria-label')?.slice(5));

describe('learning path on the home page', () => {
  it('lists the units in order; only the unit being learnt is open, a locked one says what opens it', async () => {
    const { h } = await renderPath(pathAfter([]));
    const units = screen.getAllByRole('listitem').filter((li) => li.classList.contains('path-unit'));
    expect(units.map((u) => within(u).getByRole('heading', { level: 3 }).textContent)).toEqual([
      '欢迎与响应',
      '商品知识',
      '话术运用',
      '促成交易',
      '催付与跟进',
      '售后处理',
      '综合实战',
    ]);
    const welcome = unitItem('欢迎与响应');
    expect(toggle('欢迎与响应').getAttribute('aria-expanded')).toBe('true');
    expect(within(welcome).getByText('学习中')).toBeTruthy();
    expect(within(welcome).getByText('技能大赛“网店客户服务”技能点')).toBeTruthy();
    expect(within(welcome).getByText(course.units[0]!.certificate[0]!)).toBeTruthy();
    expect(within(welcome).getByText('已通过 0 / 3 个场景（80 分及以上）')).toBeTruthy();
    expect(startButtons(welcome).length).toBe(5);
    // Every other unit is folded: the only scenarios to start are the open unit's.
    expect(startable().length).toBe(5);

    const knowledge = unitItem('商品知识');
    expect(toggle('商品知识').getAttribute('aria-expanded')).toBe('false');
    expect(within(knowledge).getByText('未开放')).toBeTruthy();
    expect(within(knowledge).getByText('「欢迎与响应」再通过 3 个场景（80 分及以上）后开放')).toBeTruthy();
    expect(
      within(unitItem('话术运用')).getByText(
        '「商品知识」及前面的单元都过关后开放（正在学「欢迎与响应」，还差 3 个 80 分及以上的场景）',
      ),
    ).toBeTruthy();
    // Unfolded, a locked unit shows what it holds, level by level, with nothing to start.
    await h.user.click(toggle('商品知识'));
    expect(toggle('商品知识').getAttribute('aria-expanded')).toBe('true');
    expect(
      within(knowledge)
        .getAllByRole('heading', { level: 4 })
        .map((x) => x.textContent),
    ).toEqual(expect.arrayContaining(['难度 1', '难度 2']));
    expect(within(knowledge).getByText('冰皮月饼的保质期和发货')).toBeTruthy();
    expect(startButtons(knowledge)).toEqual([]);
    // No history yet: start at the unit's most basic scenario.
    expect(screen.getByRole('region', { name: '推荐的下一个场景' }).textContent).toContain(
      '从这个单元最基础的场景开始。',
    );
  });

  it('folds a passed unit to its scores and opens the next one', async () => {
    const { h } = await renderPath(WELCOME_PASSED);
    const welcome = unitItem('欢迎与响应');
    expect(within(welcome).getByText('已过关')).toBeTruthy();
    expect(toggle('欢迎与响应').getAttribute('aria-expanded')).toBe('false');
    expect(within(welcome).getByText('各场景最好成绩：95 · 92 · 88 分')).toBeTruthy();
    expect(startButtons(welcome)).toEqual([]);
    expect(toggle('商品知识').getAttribute('aria-expanded')).toBe('true');
    expect(startButtons(unitItem('商品知识')).length).toBe(11);
    await h.user.click(toggle('欢迎与响应'));
    expect(within(welcome).getByText('最好 92 分')).toBeTruthy();
    expect(startButtons(welcome).length).toBe(5);
  });

  it('finds scenarios by title, product and skill, and filters to what can be practised or is not passed', async () => {
    const { h } = await renderPath(WELCOME_PASSED);
    const search = screen.getByRole('searchbox', { name: '搜索场景' });
    // A product's name (滚筒 is only in 10公斤变频滚筒洗衣机), opening the unit it is in.
    await h.user.type(search, '滚筒');
    expect(screen.getByText('洗衣机送货和安装')).toBeTruthy();
    expect(screen.queryByText('羽绒服选颜色和尺码')).toBeNull();
    // A skill's name (缺货替代), here in a passed unit, which opens to show it.
    await h.user.clear(search);
    await h.user.type(search, '缺货替代');
    expect(toggle('欢迎与响应').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('羽绒服选颜色和尺码')).toBeTruthy();
    // A title word across units, locked ones included; then only what can be practised now.
    await h.user.clear(search);
    await h.user.type(search, '月饼');
    expect(screen.getByRole('status').textContent).toMatch(/^找到 [2-9] 个场景$/);
    expect(screen.getByText('冰皮月饼的保质期和发货')).toBeTruthy();
    expect(screen.getByText('月饼压碎了，给完方案顾客不吭声')).toBeTruthy();
    const show = screen.getByRole('combobox', { name: '显示' });
    await h.user.selectOptions(show, '现在能练的');
    expect(screen.getByRole('status').textContent).toBe('找到 1 个场景');
    expect(startable()).toEqual(['冰皮月饼的保质期和发货']);
    // Not passed yet: the passed unit keeps only the scenarios still to pass.
    await h.user.clear(search);
    await h.user.selectOptions(show, '还没通过的');
    const welcome = unitItem('欢迎与响应');
    expect(within(welcome).queryByText('羽绒服选颜色和尺码')).toBeNull();
    expect(within(welcome).getByText('老顾客回购口红')).toBeTruthy();
    expect(screen.queryByRole('listitem', { name: '售后处理' })).toBeNull();
    // Nothing found says so.
    await h.user.type(search, '不存在的场景名');
    expect(screen.getByRole('status').textContent).toBe('找到 0 个场景');
  });

  it('recommends by the rules broken most, names them in Chinese, and starts it in one click', async () => {
    const { http } = await renderPath(WELCOME_PASSED);
    const next = screen.getByRole('region', { name: '推荐的下一个场景' });
    expect(next.textContent).toContain('下一步 · 商品知识');
    expect(next.textContent).toContain('针对你最近常犯的：信息错误');
    await act(async () => {
      within(next).getByRole('button', { name: '开始推荐场景' }).click();
    });
    const post = http.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ scenarioId: WELCOME_PASSED.recommendation?.scenarioId });
    const welcome = screen.getByRole('listitem', { name: '欢迎与响应' });
    expect(within(welcome).getByText('已过关')).toBeTruthy();
    expect(within(welcome).getByRole('button', { name: '打印证书' })).toBeTruthy();
    expect(within(screen.getByRole('listitem', { name: '商品知识' })).getByText('学习中')).toBeTruthy();
  });
});

describe('unit certificate', () => {
  async function renderCertificate(unitId: string, path: PathResponse) {
    const h = await setup({ http: fakeHttp({ 'GET /api/course/path': () => path }) });
    h.stores.session.getState().setUser({
      id: 'u1',
      username: 'stu',
      displayName: '小王',
      role: 'student',
      mustChangePassword: false,
    });
    await act(async () => {
      h.render(<Certificate unitId={unitId} />);
    });
    return h;
  }

  it('certifies a passed unit: who, which unit, the scenarios passed and the date it was passed', async () => {
    await renderCertificate('welcome', WELCOME_PASSED);
    const cert = await screen.findByRole('article', { name: '单元学习证书' });
    expect(cert.textContent).toContain('小王 同学完成了「欢迎与响应」单元的实训');
    expect(cert.textContent).toContain('羽绒服选颜色和尺码 · 最好 92 分');
    expect(cert.textContent).toContain('过关日期：2026年11月20日');
    expect(screen.getByRole('button', { name: '打印' }).hasAttribute('disabled')).toBe(false);
  });

  it('prints nothing for a unit not passed', async () => {
    await renderCertificate('product-knowledge', WELCOME_PASSED);
    expect(await screen.findByText(/这个单元还没有过关/)).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.getByRole('button', { name: '打印' }).hasAttribute('disabled')).toBe(true);
  });
});
