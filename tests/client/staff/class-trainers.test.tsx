// The class page's 评估导师 section, for the class's instructor: the assigned trainers, a search over the
// trainer accounts to add one, removal only after the shared confirmation; a trainer does not get the section.
import type { TrainerChoice } from '@kefu/shared/protocol';
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import { ClassReport } from '../../../client/src/staff/reports/ClassReport.tsx';
import { ClassTrainers, TRAINER_MATCHES_SHOWN } from '../../../client/src/staff/reports/ClassTrainers.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { polyfillDialog, setup } from '../harness.tsx';
import { CLASS_REPORT } from './class-report-fixture.ts';
import { fakeHttp } from './fake-http.ts';

const trainer = (id: string, displayName: string, assigned = false): TrainerChoice => ({
  id,
  username: `u_${id}`,
  displayName,
  assigned,
});

/** A server holding the trainer accounts: adding and removing change who is assigned, as the real one does. */
function trainerServer(trainers: TrainerChoice[], options: { refuseAdd?: boolean } = {}) {
  return fakeHttp({
    'GET /api/reports/classes/c1': () => CLASS_REPORT,
    'GET /api/classes/c1/trainers': () => ({ trainers: trainers.map((t) => ({ ...t })) }),
    'POST /api/classes/c1/members': (body) => {
      if (options.refuseAdd) {
        throw new HttpError(403, { code: 'class-manage-forbidden', message: '', params: {} });
      }
      const { userId } = body as { userId: string };
      trainers.find((t) => t.id === userId)!.assigned = true;
      return {};
    },
    'DELETE /api/classes/c1/members/*': (_body, path) => {
      const id = path.split('/').pop()!;
      trainers.find((t) => t.id === id)!.assigned = false;
      return {};
    },
  });
}

async function asUser(role: 'instructor' | 'trainer', http: ReturnType<typeof fakeHttp>) {
  const h = await setup({ http });
  const id = role === 'instructor' ? 'inst1' : 't1';
  h.stores.session
    .getState()
    .setUser({ id, username: id, displayName: '王老师', role, mustChangePassword: false });
  return h;
}

/** The class page as a whole (the report, then the section for its owner). */
async function classPageAs(role: 'instructor' | 'trainer', http: ReturnType<typeof fakeHttp>) {
  const h = await asUser(role, http);
  h.render(<ClassReport classId="c1" />);
  return h;
}

/** The section alone, as the class page shows it to its owner. */
async function sectionAsOwner(http: ReturnType<typeof fakeHttp>) {
  const h = await asUser('instructor', http);
  h.render(<ClassTrainers classId="c1" className="电商2401班" />);
  return h;
}

const section = () => screen.getByRole('region', { name: '评估导师' });

describe('ClassTrainers on the class page', () => {
  beforeAll(polyfillDialog);

  it('lists the assigned trainers and adds one found by searching', async () => {
    const http = trainerServer([
      trainer('t1', '李导师', true),
      trainer('t2', '赵导师'),
      trainer('t3', '钱经理'),
    ]);
    const { user } = await sectionAsOwner(http);
    const assigned = await screen.findByRole('list', { name: '本班的评估导师' });
    expect(
      within(assigned)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('李导师')]);
    // Only those not yet in the class are offered; the search narrows them by name or username.
    const offered = () =>
      within(screen.getByRole('list', { name: '可添加的评估导师' }))
        .queryAllByRole('listitem')
        .map((li) => li.textContent);
    expect(offered()).toEqual([expect.stringContaining('钱经理'), expect.stringContaining('赵导师')]);
    await user.type(within(section()).getByRole('searchbox', { name: '搜索姓名或用户名' }), '赵');
    expect(offered()).toEqual([expect.stringContaining('赵导师')]);

    await user.click(screen.getByRole('button', { name: '添加 赵导师' }));
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/classes/c1/members', body: { userId: 't2', role: 'trainer' } },
    ]);
    expect((await screen.findByRole('status')).textContent).toBe(
      '已添加 赵导师，对方现在可以查看本班的报告。',
    );
    await within(assigned).findByText('赵导师');
    expect(offered()).toEqual([expect.stringContaining('钱经理')]);
    // The search was cleared for the next one.
    expect(within(section()).getByRole('searchbox')).toHaveProperty('value', '');
  });

  it('says plainly when the search finds nobody, and how many more there are than it shows', async () => {
    const many = Array.from({ length: TRAINER_MATCHES_SHOWN + 3 }, (_, i) =>
      trainer(`t${i}`, `导师${i + 10}`),
    );
    const { user } = await sectionAsOwner(trainerServer(many));
    await screen.findByText('本班还没有评估导师。');
    expect(
      within(screen.getByRole('list', { name: '可添加的评估导师' })).getAllByRole('listitem'),
    ).toHaveLength(TRAINER_MATCHES_SHOWN);
    expect(within(section()).getByText('还有 3 位，输入姓名可缩小范围。')).toBeTruthy();
    await user.type(within(section()).getByRole('searchbox'), '王');
    expect(within(section()).getByText('没有找到“王”。')).toBeTruthy();
  });

  it('removes a trainer only after the confirmation; cancelling sends nothing', async () => {
    const http = trainerServer([trainer('t1', '李导师', true)]);
    const { user } = await sectionAsOwner(http);
    await user.click(await screen.findByRole('button', { name: '移除 李导师' }));
    const dialog = screen.getByRole('alertdialog', { name: '移除评估导师' });
    expect(dialog.textContent).toContain('移除后，李导师 将不能再查看「电商2401班」的报告和成绩');
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(http.calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(dialog.hasAttribute('open')).toBe(false);

    await user.click(screen.getByRole('button', { name: '移除 李导师' }));
    await user.click(within(dialog).getByRole('button', { name: '移除' }));
    expect(http.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual([
      '/api/classes/c1/members/t1',
    ]);
    expect((await screen.findByRole('status')).textContent).toBe('已移除 李导师。');
    await within(section()).findByText('本班还没有评估导师。');
    expect(within(section()).getByRole('button', { name: '添加 李导师' })).toBeTruthy();
  });

  it("shows the server's refusal in Chinese and changes nothing", async () => {
    const http = trainerServer([trainer('t2', '赵导师')], { refuseAdd: true });
    const { user } = await sectionAsOwner(http);
    await user.click(await screen.findByRole('button', { name: '添加 赵导师' }));
    const alert = await within(section()).findByRole('alert');
    expect(alert.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(within(section()).getByText('本班还没有评估导师。')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('tells the owner to ask an admin when there is no trainer account at all', async () => {
    await sectionAsOwner(trainerServer([]));
    expect(await screen.findByText('还没有评估导师账号：请管理员在“账号与班级”里先创建。')).toBeTruthy();
  });

  it("is on the class owner's class page, after the report", async () => {
    await classPageAs('instructor', trainerServer([trainer('t1', '李导师', true)]));
    const region = await screen.findByRole('region', { name: '评估导师' });
    await within(region).findByText('李导师');
  });

  it("is not on a trainer's class page, and a trainer's page never asks for the trainer list", async () => {
    const http = trainerServer([trainer('t1', '李导师', true)]);
    await classPageAs('trainer', http);
    await screen.findByRole('link', { name: '导出学员汇总 CSV' });
    expect(screen.queryByRole('region', { name: '评估导师' })).toBeNull();
    expect(http.calls.map((c) => c.path)).not.toContain('/api/classes/c1/trainers');
  });
});
