// The learning path on a student's home and the unit certificate, over the real course file and the shared
// core's progress: units in order with their competition and 1+X skills, locked units without start
// buttons, the recommended scenario with the rules it trains in words, and a certificate only once passed.
import { loadLibrary, type PathResponse, pathProgress, pathScenariosOf, recommendNext } from '@kefu/shared';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Certificate from '../../client/src/home/Certificate.tsx';
import { LearningPath } from '../../client/src/home/LearningPath.tsx';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { setup } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const course = library.course!;
const scenarios = pathScenariosOf(library.buyers.values());
const DAY = Date.UTC(2026, 10, 20, 2, 0, 0);

/** The path after these results (scenario, score, broken rules). */
function pathAfter(results: [string, number, Record<string, number>?][]): PathResponse {
  const list = results.map(([scenarioId, score, violations], i) => ({
    scenarioId,
    score,
    endedAt: DAY + i * 60_000,
    violations: violations ?? {},
  }));
  const progress = pathProgress(course, scenarios, list);
  return { progress, recommendation: recommendNext(progress, scenarios, list) };
}

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
    h.render(<LearningPath path={path} error={null} />);
  });
  return { h, http };
}

describe('learning path on the home page', () => {
  it('lists the units in order with their skills; a locked unit offers nothing to start', async () => {
    await renderPath(pathAfter([]));
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
    const [welcome, knowledge] = units as [HTMLElement, HTMLElement];
    expect(within(welcome).getByText('学习中')).toBeTruthy();
    expect(within(welcome).getByText('技能大赛“网店客户服务”技能点')).toBeTruthy();
    expect(within(welcome).getByText(course.units[0]!.certificate[0]!)).toBeTruthy();
    expect(within(welcome).getByText('已通过 0 / 3 个场景（80 分及以上）')).toBeTruthy();
    expect(within(welcome).getAllByRole('button', { name: /^开始练习：/ }).length).toBe(5);
    expect(within(knowledge).getByText('未开放')).toBeTruthy();
    expect(within(knowledge).getByText('完成上一单元后开放。')).toBeTruthy();
    expect(within(knowledge).queryByRole('button')).toBeNull();
    // No history yet: start at the unit's most basic scenario.
    expect(screen.getByRole('region', { name: '推荐的下一个场景' }).textContent).toContain(
      '从这个单元最基础的场景开始。',
    );
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
