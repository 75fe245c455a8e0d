// Screenshots of the admin page (账号与班级) with seeded accounts and a class, for a person to look at:
//   npm run build -w client && npx tsx tests/e2e/admin-screens.ts [client-dist-dir]
// Saves PNGs to tests/.artifacts/admin (git-ignored): the page, a new account's one-time password, the
// reset-password confirmation, a class being managed.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClassResponse } from '@kefu/shared';
import type { Page } from 'playwright-core';
import { api, seedUser, startServer } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { CLIENT_DIR } from './staff-server.ts';

const OUT = resolve('tests/.artifacts/admin');
mkdirSync(OUT, { recursive: true });
const server = await startServer({ clientDir: process.argv[2] ? resolve(process.argv[2]) : CLIENT_DIR });
try {
  const { app } = server;
  const admin = await seedUser(app, 'admin', 'admin');
  const teacher = await seedUser(app, 'instructor', 'teacher-wang');
  await seedUser(app, 'instructor', 'teacher-li');
  await seedUser(app, 'trainer', 'mentor-zhao');
  const students = [];
  for (const name of ['zhang-san', 'li-si', 'wang-wu']) students.push(await seedUser(app, 'student', name));
  const created = await api<ClassResponse>(server, 'POST', '/api/classes', {
    as: admin,
    body: { name: '电商2401班', instructorId: teacher.user.id },
  });
  const classId = created.body.class.id;
  for (const s of students.slice(0, 2))
    await app.classes.addMember(classId, s.user.id, 'student', Date.now());
  await api(server, 'POST', '/api/classes', { as: admin, body: { name: '电商2402班' } });

  const browser = await launchChromium();
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  await ctx.addCookies([{ name: 'kefu_session', value: admin.cookie.split('=')[1]!, url: server.url }]);
  const page = await ctx.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  const shot = async (p: Page, name: string, full = true) => {
    await p.waitForTimeout(500);
    await p.screenshot({ path: join(OUT, `${name}.png`), fullPage: full });
    console.log(`saved ${join(OUT, name)}.png`);
  };

  await page.goto(`${server.url}/#/staff/`);
  await page.getByRole('button', { name: '账号与班级' }).click();
  await page.getByRole('table', { name: '账号列表' }).waitFor();
  await shot(page, '01-admin');

  await page.getByLabel('用户名', { exact: true }).fill('chen-liu');
  await page.getByLabel('姓名', { exact: true }).fill('陈六');
  await page.getByLabel('角色', { exact: true }).selectOption('student');
  await page.getByRole('button', { name: '创建账号' }).click();
  await page.locator('.secret-password').waitFor();
  await shot(page, '02-created-password', false);
  await page.getByRole('button', { name: '我已记下' }).click();

  await page.getByLabel('用户名', { exact: true }).fill('x');
  await page.getByLabel('姓名', { exact: true }).fill('某');
  await page.getByRole('button', { name: '创建账号' }).click();
  await page.getByRole('alert').waitFor();
  await shot(page, '03-create-refused', false);

  await page.getByRole('button', { name: '重置密码：测试zhang-san' }).click();
  await page.getByRole('alertdialog').waitFor();
  await shot(page, '04-reset-confirm', false);
  await page.getByRole('alertdialog').getByRole('button', { name: '重置密码' }).click();
  await page.getByText(/已重置/).waitFor();
  await page.getByRole('button', { name: '我已记下' }).click();

  await page.getByRole('button', { name: '管理班级：电商2401班' }).click();
  await page.getByRole('heading', { name: '电商2401班', level: 3 }).waitFor();
  await page.getByLabel('选择评估导师或学员').selectOption({ label: '测试mentor-zhao（mentor-zhao）' });
  await page.getByRole('button', { name: '加入班级' }).click();
  await page.getByText(/已把 测试mentor-zhao 加入班级/).waitFor();
  await page.getByRole('region', { name: '电商2401班' }).scrollIntoViewIfNeeded();
  await shot(page, '05-class-managed');
  await browser.close();
} finally {
  await server.close();
  server.cleanup();
}
