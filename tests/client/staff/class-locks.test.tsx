// The class page's 登录被锁定的学员 section, for the class's instructor: shown only while a student is locked
// out, each with the minutes until it lifts by itself; 解除锁定 asks first (the shared confirmation), then
// lifts it and says so; cancelling sends nothing.
import type { LockedStudent } from '@kefu/shared/protocol';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClassLocks } from '../../../client/src/staff/reports/ClassLocks.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { polyfillDialog, setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

function lockServer(locked: LockedStudent[]) {
  return fakeHttp({
    'GET /api/classes/c1/locked': () => ({ students: [...locked] }),
    'POST /api/classes/c1/members/*': (_body, path) => {
      const id = path.split('/').at(-2);
      locked.splice(
        locked.findIndex((s) => s.id === id),
        1,
      );
      return { students: [...locked] };
    },
  });
}

async function sectionAsOwner(http: ReturnType<typeof fakeHttp>) {
  const h = await setup({ http });
  h.stores.session.getState().setUser({
    id: 'inst1',
    username: 'inst1',
    displayName: '王老师',
    role: 'instructor',
    mustChangePassword: false,
  });
  const view = h.render(<ClassLocks classId="c1" />);
  return { ...h, view };
}

describe('ClassLocks on the class page', () => {
  beforeAll(polyfillDialog);

  it('lists the locked students and lifts a lock after the confirmation', async () => {
    const http = lockServer([
      { id: 's1', username: '2024001', displayName: '张三', minutes: 12 },
      { id: 's2', username: '2024002', displayName: '李四', minutes: 3 },
    ]);
    const { user } = await sectionAsOwner(http);
    const list = await screen.findByRole('list', { name: '登录被锁定的学员' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('12 分钟后自动解除'), expect.stringContaining('李四')]);

    await user.click(screen.getByRole('button', { name: '为 张三 解除锁定' }));
    const dialog = screen.getByRole('alertdialog', { name: '解除登录锁定' });
    expect(dialog.textContent).toContain('请先确认面前的是 张三 本人');
    // Cancelling sends nothing.
    await user.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);

    await user.click(screen.getByRole('button', { name: '为 张三 解除锁定' }));
    await user.click(within(dialog).getByRole('button', { name: '解除锁定' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      '已为 张三 解除锁定，学员现在可以用原密码登录。',
    );
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/api/classes/c1/members/s1/unlock',
    ]);
    const left = () =>
      within(screen.getByRole('list', { name: '登录被锁定的学员' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    await waitFor(() => expect(left()).toEqual([expect.stringContaining('李四')]));
  });

  it('shows nothing while nobody in the class is locked out', async () => {
    const http = lockServer([]);
    const { view } = await sectionAsOwner(http);
    await new Promise((r) => setTimeout(r, 20));
    expect(http.calls.map((c) => c.path)).toEqual(['/api/classes/c1/locked']);
    expect(view.container.textContent).toBe('');
  });
});
