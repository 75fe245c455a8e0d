// Importing a class list: one student account per row (username = 学号, a one-time password each) enrolled in
// the class; existing students enrolled only by an admin (otherwise they join with the code); any bad row imports nothing; only the class's
// instructor or an admin may import. The new passwords log in and must be changed first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readClassList } from '../../server/src/roster/class-list.ts';
import { api, seedUser, startServer, type TestServer, type TestUser } from './helpers/server.ts';

let server: TestServer;
let owner: TestUser;
let other: TestUser;
let admin: TestUser;
let trainer: TestUser;
let classId: string;

beforeAll(async () => {
  server = await startServer();
  owner = await seedUser(server.app, 'instructor', 'import-owner');
  other = await seedUser(server.app, 'instructor', 'import-other');
  admin = await seedUser(server.app, 'admin', 'import-admin');
  trainer = await seedUser(server.app, 'trainer', 'T2024');
  const created = await api(server, 'POST', '/api/classes', { as: owner, body: { name: '电商2401班' } });
  classId = created.body.class.id;
});

afterAll(async () => {
  await server?.close();
  server?.cleanup();
});

const importList = (csv: string, as: TestUser = owner) =>
  api(server, 'POST', `/api/classes/${classId}/import`, { as, body: { csv } });

const studentCount = async () =>
  (await server.app.classes.members(classId)).filter((m) => m.role === 'student').length;

describe('class list import', () => {
  it('creates a student per row with a one-time password, enrolled in the class, in file order', async () => {
    // Excel's UTF-8 CSV: BOM, CRLF, an extra column, a quoted name, a trailing empty row.
    const csv = '\uFEFF序号,姓名,学号\r\n1,张三,2024001\r\n2,"李四",2024002\r\n3,王五,2024003\r\n,,\r\n';
    const res = await importList(csv);
    expect(res.status).toBe(200);
    const students = res.body.students as {
      user: { username: string; displayName: string; mustChangePassword: boolean };
      password: string | null;
      existing: boolean;
    }[];
    expect(students.map((s) => [s.user.username, s.user.displayName, s.existing])).toEqual([
      ['2024001', '张三', false],
      ['2024002', '李四', false],
      ['2024003', '王五', false],
    ]);
    expect(students.every((s) => s.user.mustChangePassword && typeof s.password === 'string')).toBe(true);
    expect(new Set(students.map((s) => s.password)).size).toBe(3);
    expect(await studentCount()).toBe(3);

    // The password logs in, and the first thing asked is a new password.
    const login = await api(server, 'POST', '/api/auth/login', {
      body: { username: '2024002', password: students[1]!.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
  });

  it("leaves an existing student out of an instructor's list (they join with the code); an admin enrols them", async () => {
    const outsider = await seedUser(server.app, 'student', '2024100');
    const res = await importList('学号,姓名\n2024100,赵六\n2024001,张三\n2024004,孙七\n');
    expect(res.status).toBe(200);
    type Row = {
      user: { id: string; username: string };
      password: string | null;
      existing: boolean;
      enrolled: boolean;
    };
    const byName = Object.fromEntries((res.body.students as Row[]).map((s) => [s.user.username, s]));
    // Enrolling would show this class's staff the student's practice: the student consents with the code.
    expect(byName['2024100']).toMatchObject({
      password: null,
      existing: true,
      enrolled: false,
      user: { id: outsider.user.id },
    });
    expect(byName['2024001']).toMatchObject({ password: null, existing: true, enrolled: true });
    expect(byName['2024004']).toMatchObject({ existing: false, enrolled: true });
    expect(typeof byName['2024004']!.password).toBe('string');
    expect(await studentCount()).toBe(4);

    const byAdmin = await importList('学号,姓名\n2024100,赵六\n', admin);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.students[0]).toMatchObject({ existing: true, enrolled: true });
    expect(await studentCount()).toBe(5);
  });

  it('refuses a list with bad rows, naming every line, and creates nothing', async () => {
    const before = (await server.app.users.list()).length;
    const csv = [
      '学号,姓名',
      '2024201,周八',
      ',吴九', // no number
      '20 24,郑十', // not a username
      '2024201,周八', // duplicate of line 2
      'T2024,冯一', // a trainer's username
      '2024205,', // no name
      '2024206,"陈\n二"', // a name on two lines
    ].join('\n');
    const res = await importList(csv);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('class-list-invalid');
    expect(res.body.error.params).toMatchObject({ count: 6, lines: '3、4、5、6、7、8' });
    expect(res.body.error.message).toContain('第 3 行：缺少学号');
    expect(res.body.error.message).toContain('第 5 行：学号 2024201 与第 2 行重复');
    expect(res.body.error.message).toContain('第 6 行：学号 T2024 已是评估导师的用户名');
    expect(res.body.error.message).toContain('第 7 行：缺少姓名');
    expect(res.body.error.message).toContain('第 8 行：姓名只能写一行，不能有换行或制表符');
    expect((await server.app.users.list()).length).toBe(before);
    expect(await server.app.users.findByUsername('2024201')).toBeUndefined();
  });

  it('asks for a header row with 学号 and 姓名', async () => {
    const res = await importList('2024301,陈二\n2024302,褚三\n');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('第 1 行：第一行应是表头');
    expect(await server.app.users.findByUsername('2024301')).toBeUndefined();
  });

  it('is for the class instructor and admins only', async () => {
    const csv = '学号,姓名\n2024401,卫四\n';
    expect((await importList(csv, other)).status).toBe(404);
    expect((await importList(csv, trainer)).status).toBe(403);
    const byAdmin = await importList(csv, admin);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.students).toHaveLength(1);
  });
});

describe('reading a class list', () => {
  it('names the line of a broken quote, and reads 学生姓名/学生学号 headers and tab-free Excel rows', () => {
    const broken = readClassList('学号,姓名\n2024001,"张三\n2024002,李四\n');
    expect(broken.rows).toEqual([]);
    expect(broken.problems[0]?.problem).toContain('另存为 CSV');
    const synonyms = readClassList('学生姓名,学生学号\n 张三 , 2024001 \n');
    expect(synonyms).toEqual({ rows: [{ line: 2, studentNo: '2024001', name: '张三' }], problems: [] });
  });

  it('reads cells pasted from a spreadsheet (tab-separated) like a CSV file', () => {
    const pasted = readClassList('序号\t学号\t姓名\r\n1\t2024001\t张三\r\n2\t2024002\t欧阳 娜娜\r\n');
    expect(pasted).toEqual({
      rows: [
        { line: 2, studentNo: '2024001', name: '张三' },
        { line: 3, studentNo: '2024002', name: '欧阳 娜娜' },
      ],
      problems: [],
    });
  });

  it('refuses a list longer than a class', () => {
    const csv = ['学号,姓名', ...Array.from({ length: 201 }, (_, i) => `s${1000 + i},学生${i}`)].join('\n');
    expect(readClassList(csv).problems[0]?.problem).toContain('一次最多导入 200 名学生');
  });
});
