// 导入学员名单: a GBK class list from Excel is decoded in the browser and sent as text; the one-time passwords
// are shown once with a print button and a download of the same sheet; a refused list says every problem
// and creates nothing.
import type { ClassView, ImportStudentsResponse } from '@kefu/shared/protocol';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../../client/src/api/http.ts';
import '../../../client/src/staff/i18n/index.ts';
import ClassImport from '../../../client/src/staff/roster/ClassImport.tsx';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

const CLASS: ClassView = {
  id: 'c1',
  name: '电商2401班',
  joinCode: 'ABC234',
  ownerId: 't1',
  ownerName: '王老师',
  studentCount: 0,
  rubricId: 'default',
  gradeWeights: { system: 60, exam: 60, teacher: 20, mentor: 10, self: 10 },
  gradeSolo: false,
  createdAt: 0,
};
/** 学号,姓名 / 2024001,张三 / 2024002,李四 as Excel's plain "CSV" saves it on a Chinese Windows (GBK). */
const GBK_LIST = Buffer.from(
  'd1a7bac52cd0d5c3fb0a323032343030312cd5c5c8fd0a323032343030322cc0eecbc40a',
  'hex',
);

const imported: ImportStudentsResponse = {
  class: { ...CLASS, studentCount: 3 },
  students: [
    {
      user: {
        id: 'u-1',
        username: '2024001',
        displayName: '张三',
        role: 'student',
        mustChangePassword: true,
      },
      password: 'Abc123xyz789',
      existing: false,
      enrolled: true,
    },
    {
      user: {
        id: 'u-2',
        username: '2024002',
        displayName: '李四',
        role: 'student',
        mustChangePassword: true,
      },
      password: 'Qwe456rty012',
      existing: false,
      enrolled: true,
    },
    {
      user: {
        id: 'u-3',
        username: '2023009',
        displayName: '王五',
        role: 'student',
        mustChangePassword: false,
      },
      password: null,
      existing: true,
      enrolled: false,
    },
  ],
};

async function open(answer: (body: unknown) => unknown) {
  const http = fakeHttp({
    'GET /api/classes/c1': () => ({ class: CLASS, members: [] }),
    'POST /api/classes/c1/import': answer,
  });
  const h = await setup({ http });
  h.render(<ClassImport classId="c1" />);
  await screen.findByRole('heading', { name: '电商2401班 · 导入学员名单' });
  return { ...h, http };
}

const file = () => new File([GBK_LIST], '2401班名单.csv', { type: 'text/csv' });

describe('class list import', () => {
  it('imports rows pasted from the spreadsheet, as a teacher copies them out of Excel', async () => {
    const h = await open(() => imported);
    const submit = screen.getByRole('button', { name: '导入名单' });
    const box = screen.getByLabelText('或者粘贴名单');
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    // A file chosen first is dropped once the teacher pastes instead: one list at a time.
    await h.user.upload(screen.getByLabelText('名单文件（.csv）'), file());
    await screen.findByText('已选择 2401班名单.csv');
    await h.user.click(box);
    await h.user.paste('学号\t姓名\n2024001\t张三\n2024002\t李四');
    expect(screen.getByText('还没有选择文件')).toBeTruthy();
    expect((submit as HTMLButtonElement).disabled).toBe(false);
    await h.user.click(submit);
    const post = h.http.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ csv: '学号\t姓名\n2024001\t张三\n2024002\t李四' });
    await screen.findByText('已导入 3 名学员：新建 2 个账号，1 个已有账号。');
  });

  it('keeps 导入名单 off while the paste box holds only blanks', async () => {
    const h = await open(() => imported);
    await h.user.type(screen.getByLabelText('或者粘贴名单'), '   ');
    expect((screen.getByRole('button', { name: '导入名单' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('sends the decoded list and shows each one-time password once, with a sheet to print and download', async () => {
    const h = await open(() => imported);
    const submit = screen.getByRole('button', { name: '导入名单' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    // The file is chosen with a button in the page's language, not the browser's "Choose file".
    expect(screen.getByText('还没有选择文件')).toBeTruthy();
    expect(screen.getByRole('button', { name: '选择文件' })).toBeTruthy();
    await h.user.upload(screen.getByLabelText('名单文件（.csv）'), file());
    await screen.findByText('已选择 2401班名单.csv');
    expect(screen.getByRole('button', { name: '重新选择' })).toBeTruthy();
    await h.user.click(submit);

    const post = h.http.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ csv: '学号,姓名\n2024001,张三\n2024002,李四\n' });
    expect((await screen.findByRole('status')).textContent).toBe(
      '已导入 3 名学员：新建 2 个账号，1 个已有账号。',
    );
    const table = screen.getByRole('table', { name: '导入结果' });
    expect(within(table).getByRole('row', { name: /张三/ }).textContent).toContain('Abc123xyz789');
    expect(within(table).getByRole('row', { name: /王五/ }).textContent).toContain('邀请码 ABC234');
    // No internal ids anywhere on the page.
    expect(document.body.textContent).not.toMatch(/u-[123]/);
    expect(screen.getByText('初始密码只显示这一次')).toBeTruthy();

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await h.user.click(screen.getByRole('button', { name: '打印密码单' }));
    expect(print).toHaveBeenCalledOnce();
    // The download: the same sheet as a file named after the class.
    const saved: { name: string; blob: Blob }[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push({ name: '', blob: blob as Blob });
      return 'blob:sheet';
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved[saved.length - 1]!.name = this.download;
    });
    await h.user.click(screen.getByRole('button', { name: '下载密码单' }));
    expect(saved.map((s) => s.name)).toEqual(['电商2401班-学员初始密码.html']);
    const sheet = await saved[0]!.blob.text();
    expect(sheet).toContain('Abc123xyz789');
    expect(sheet).toContain('Qwe456rty012');
    expect(sheet).not.toContain('王五');
    createObjectURL.mockRestore();
    click.mockRestore();
    // The slips for paper: one per new account.
    expect(document.querySelectorAll('.password-sheet .slip')).toHaveLength(2);

    // Another list: the passwords are gone from the page.
    await h.user.click(screen.getByRole('button', { name: '再导入一份名单' }));
    expect(screen.queryByText('Abc123xyz789')).toBeNull();
    expect(document.querySelectorAll('.password-sheet .slip')).toHaveLength(0);
  });

  it('shows every problem the server found, and keeps the file to send again', async () => {
    const h = await open(() => {
      throw new HttpError(400, {
        code: 'class-list-invalid',
        params: { count: 1, lines: '3', problems: '第 3 行：缺少姓名' },
        message: '',
      });
    });
    await h.user.upload(screen.getByLabelText('名单文件（.csv）'), file());
    await screen.findByText('已选择 2401班名单.csv');
    await h.user.click(screen.getByRole('button', { name: '导入名单' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '名单有 1 处问题（第 3 行），一个账号也没有创建，请改好后重新导入：第 3 行：缺少姓名',
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect((screen.getByRole('button', { name: '导入名单' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
