// A class list file as Excel saves it (GBK "CSV", "CSV UTF-8" with a BOM, plain UTF-8) reads as the same text;
// the password sheet lists every new account, escaped, on A4.
import type { ImportedStudent } from '@kefu/shared/protocol';
import { describe, expect, it } from 'vitest';
import { decodeClassList, readClassListFile } from '../../../client/src/staff/roster/class-list-file.ts';
import {
  passwordSheetHtml,
  sheetEntries,
  sheetFileName,
} from '../../../client/src/staff/roster/password-sheet.ts';

const TEXT = '学号,姓名\n2024001,张三\n';
/** The same text as Excel's plain "CSV" writes it on a Chinese Windows (GBK). */
const GBK = Uint8Array.from(Buffer.from('d1a7bac52cd0d5c3fb0a323032343030312cd5c5c8fd0a', 'hex'));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeClassList', () => {
  it('reads UTF-8, UTF-8 with a BOM, and GBK as the same text', () => {
    expect(decodeClassList(utf8(TEXT))).toBe(TEXT);
    expect(decodeClassList(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(TEXT)]))).toBe(TEXT);
    expect(decodeClassList(GBK)).toBe(TEXT);
    expect(decodeClassList(GBK.buffer.slice(GBK.byteOffset, GBK.byteOffset + GBK.byteLength))).toBe(TEXT);
  });

  it('reads a chosen file', async () => {
    expect(await readClassListFile(new Blob([GBK]))).toBe(TEXT);
  });
});

const student = (username: string, displayName: string, password: string | null): ImportedStudent => ({
  user: {
    id: `id-${username}`,
    username,
    displayName,
    role: 'student',
    mustChangePassword: password !== null,
  },
  password,
  existing: password === null,
  enrolled: true,
});

const WORDS = {
  title: '学员初始密码',
  name: '姓名',
  username: '用户名',
  password: '初始密码',
  loginAt: '登录网址',
  note: '首次登录后请立即修改密码',
};

describe('the password sheet', () => {
  const students = [
    student('2024001', '张三', 'Abc123xyz789'),
    student('2024002', '已有账号', null),
    student('2024003', '<b>李&四</b>', 'Qwe456rty012'),
  ];

  it('lists the new accounts only, in the list’s order, never an internal id', () => {
    expect(sheetEntries(students)).toEqual([
      { name: '张三', username: '2024001', password: 'Abc123xyz789' },
      { name: '<b>李&四</b>', username: '2024003', password: 'Qwe456rty012' },
    ]);
  });

  it('is a standalone A4 page with one slip per student, text escaped', () => {
    const html = passwordSheetHtml(
      { className: '电商2401班', loginUrl: 'https://kefu.example.edu.cn/', entries: sheetEntries(students) },
      WORDS,
      'zh-CN',
    );
    expect(html).toContain('@page { size: A4;');
    expect(html.match(/class="slip"/g)).toHaveLength(2);
    expect(html).toContain('Abc123xyz789');
    expect(html).toContain('Qwe456rty012');
    expect(html).toContain('&lt;b&gt;李&amp;四&lt;/b&gt;');
    expect(html).not.toContain('<b>李');
    expect(html).not.toContain('id-2024001');
    expect(html).toContain('https://kefu.example.edu.cn/');
    // Nothing loaded from elsewhere: it prints the same offline.
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it('is saved under the class’s name, without characters a file system refuses', () => {
    expect(sheetFileName('电商/2401:班', '学员初始密码')).toBe('电商_2401_班-学员初始密码.html');
  });
});
