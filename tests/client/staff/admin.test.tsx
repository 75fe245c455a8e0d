// The admin page: accounts (create with a password shown once, reset with a confirmation) and classes
// (create with an instructor, add and remove members, renew the join code). The server's Chinese refusals
// are shown as they are.
import type { AccountView, ClassMember, ClassView, UserView } from '@kefu/shared/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import Admin from '../../../client/src/staff/admin/Admin.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const user = (
  id: string,
  role: UserView['role'],
  displayName: string,
  mustChangePassword = false,
): UserView => ({
  id,
  username: id,
  displayName,
  role,
  mustChangePassword,
});
const ME = user('root', 'admin', '管理员');
const USERS = [
  ME,
  user('t1', 'instructor', '王老师'),
  user('m1', 'trainer', '赵导师'),
  user('s1', 'student', '张三'),
  user('s2', 'student', '李雷', true),
];
/** As the list sends them: 李雷 typed five wrong passwords (locked), though also due to change it. */
const ACCOUNTS: AccountView[] = USERS.map((u) => ({ ...u, locked: u.id === 's2' }));
const CLASS: ClassView = {
  id: 'c1',
  name: '电商2401班',
  joinCode: 'ABC234',
  ownerId: 'root',
  ownerName: '管理员',
  studentCount: 1,
  rubricId: 'default',
  gradeWeights: { system: 60, exam: 60, teacher: 20, mentor: 10, self: 10 },
  gradeSolo: false,
  createdAt: 0,
};

function server() {
  let members: ClassMember[] = [
    { userId: 's1', username: 's1', displayName: '张三', role: 'student', joinedAt: 0 },
  ];
  let cls = { ...CLASS };
  const detail = () => ({ class: cls, members });
  return fakeHttp({
    'GET /api/users': () => ({ users: ACCOUNTS }),
    'POST /api/users': (body) => {
      const b = body as { username: string; displayName: string; role: UserView['role']; password?: string };
      if (b.username === 'taken') {
        throw new HttpError(409, { code: 'username-taken', params: { username: 'taken' }, message: '' });
      }
      return { user: user(b.username, b.role, b.displayName, true), password: b.password ?? 'Gen3rated9Pw' };
    },
    'POST /api/users/s1/password': () => ({
      user: { ...USERS[3]!, mustChangePassword: true },
      password: 'NewOne4567ab',
    }),
    'GET /api/classes': () => ({ classes: [cls] }),
    'POST /api/classes': (body) => ({
      class: {
        ...CLASS,
        id: 'c2',
        name: (body as { name: string }).name,
        ownerId: 't1',
        ownerName: '王老师',
      },
    }),
    'GET /api/classes/c1': detail,
    'GET /api/classes/c2': () => ({ class: { ...CLASS, id: 'c2', name: '新班' }, members: [] }),
    'PATCH /api/classes/c1': (body) => {
      cls = { ...cls, ownerId: (body as { instructorId: string }).instructorId, ownerName: '王老师' };
      return { class: cls };
    },
    'POST /api/classes/c1/join-code': () => {
      cls = { ...cls, joinCode: 'NEW567' };
      return { class: cls };
    },
    'POST /api/classes/c1/members': (body) => {
      const b = body as { userId: string; role: 'student' | 'trainer' };
      members = [
        ...members,
        { userId: b.userId, username: b.userId, displayName: '赵导师', role: b.role, joinedAt: 1 },
      ];
      return detail();
    },
    'DELETE /api/classes/c1/members/s1': () => {
      members = members.filter((m) => m.userId !== 's1');
      return detail();
    },
  });
}

async function open() {
  const http = server();
  const h = await setup({ http });
  h.stores.session.getState().setUser(ME);
  h.render(<Admin />);
  await screen.findByRole('row', { name: /王老师/ });
  return { ...h, http };
}

describe('Admin page', () => {
  it('lists accounts with Chinese role names and creates one, showing the generated password once', async () => {
    const { user: ue, http } = await open();
    const accounts = screen.getByRole('table', { name: '账号列表' });
    expect(within(accounts).getByRole('row', { name: /张三/ }).textContent).toContain('学员');
    expect(within(accounts).getByRole('row', { name: /赵导师/ }).textContent).toContain('评估导师');
    // No reset button for yourself.
    expect(screen.queryByRole('button', { name: '重置密码：管理员' })).toBeNull();
    // A locked account says so (not 正常, not only 待首次修改密码); the others say what they are.
    const cells = (name: RegExp) =>
      within(within(accounts).getByRole('row', { name }))
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(cells(/李雷/)).toContain('已锁定');
    expect(cells(/张三/)).toContain('正常');
    expect(cells(/张三/)).not.toContain('已锁定');

    await ue.type(screen.getByLabelText('用户名'), 'li_si');
    await ue.type(screen.getByLabelText('姓名'), '李四');
    await ue.selectOptions(screen.getByLabelText('角色'), '讲师');
    await ue.click(screen.getByRole('button', { name: '创建账号' }));
    expect(http.calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/users',
      body: { username: 'li_si', displayName: '李四', role: 'instructor' },
    });
    const notice = await screen.findByText('Gen3rated9Pw');
    expect(notice.closest('[role="status"]')?.textContent).toContain('已创建 讲师账号 李四（li_si）');
    await ue.click(screen.getByRole('button', { name: '我已记下' }));
    expect(screen.queryByText('Gen3rated9Pw')).toBeNull();
  });

  it('shows the server’s Chinese refusal and keeps what was typed', async () => {
    const { user: ue } = await open();
    await ue.type(screen.getByLabelText('用户名'), 'taken');
    await ue.type(screen.getByLabelText('姓名'), '重名');
    await ue.click(screen.getByRole('button', { name: '创建账号' }));
    expect((await screen.findByRole('alert')).textContent).toBe('用户名“taken”已被使用，请换一个');
    expect(screen.getByLabelText<HTMLInputElement>('用户名').value).toBe('taken');
  });

  it('resets a password only after confirming in a dialog, then shows the new one', async () => {
    const { user: ue, http } = await open();
    await ue.click(screen.getByRole('button', { name: '重置密码：张三' }));
    const dialog = screen.getByRole('alertdialog', { name: '重置 张三 的密码？' });
    expect(dialog.textContent).toContain('锁定也会解除');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '取消' }));
    await ue.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(http.calls.some((c) => c.path.endsWith('/password'))).toBe(false);

    await ue.click(screen.getByRole('button', { name: '重置密码：张三' }));
    await ue.click(
      within(screen.getByRole('alertdialog', { name: '重置 张三 的密码？' })).getByRole('button', {
        name: '重置密码',
      }),
    );
    expect(http.calls.filter((c) => c.path === '/api/users/s1/password')).toEqual([
      { method: 'POST', path: '/api/users/s1/password', body: {} },
    ]);
    expect(await screen.findByText('NewOne4567ab')).toBeTruthy();
  });

  it('manages a class: hand it to an instructor, add a trainer, remove a student, renew the code', async () => {
    const { user: ue, http } = await open();
    const classes = screen.getByRole('table', { name: '班级列表' });
    expect(within(classes).getByRole('row', { name: /电商2401班/ }).textContent).toContain(
      '管理员（管理员）',
    );
    await ue.click(screen.getByRole('button', { name: '管理班级：电商2401班' }));
    await screen.findByRole('heading', { name: '电商2401班' });

    await ue.selectOptions(screen.getByLabelText(/负责讲师：/), '王老师（t1）');
    await ue.click(screen.getByRole('button', { name: '更换讲师' }));
    expect(await screen.findByText('电商2401班 现在由 王老师 负责。')).toBeTruthy();

    await ue.selectOptions(screen.getByLabelText('选择评估导师或学员'), '赵导师（m1）');
    await ue.click(screen.getByRole('button', { name: '加入班级' }));
    expect(http.calls.find((c) => c.path === '/api/classes/c1/members')?.body).toEqual({
      userId: 'm1',
      role: 'trainer',
    });
    expect(await screen.findByText('已把 赵导师 加入班级。')).toBeTruthy();

    await ue.click(screen.getByRole('button', { name: '移出班级：张三' }));
    expect(http.calls.some((c) => c.method === 'DELETE' && c.path === '/api/classes/c1/members/s1')).toBe(
      true,
    );
    expect(await screen.findByText(/已把 张三 移出班级/)).toBeTruthy();

    await ue.click(screen.getByRole('button', { name: '换一个邀请码' }));
    const dialog = screen.getByRole('alertdialog', { name: '换一个邀请码？' });
    expect(dialog.textContent).toContain('ABC234');
    await ue.click(within(dialog).getByRole('button', { name: '换新邀请码' }));
    expect(await screen.findByText('新邀请码：NEW567，旧邀请码已失效。')).toBeTruthy();
  });

  it('creates a class for an instructor', async () => {
    const { user: ue, http } = await open();
    await ue.type(screen.getByLabelText('班级名称'), '新班');
    await ue.selectOptions(screen.getByLabelText('负责讲师'), '王老师（t1）');
    await ue.click(screen.getByRole('button', { name: '创建班级' }));
    expect(http.calls.find((c) => c.method === 'POST' && c.path === '/api/classes')?.body).toEqual({
      name: '新班',
      instructorId: 't1',
    });
    expect(await screen.findByText('已创建班级 新班。')).toBeTruthy();
  });
});
