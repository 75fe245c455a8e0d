// Screenshot of a refused catalogue 发布 in the studio, for a person to look at (not a test): the down
// jacket's 黑色 sold out breaks 羽绒服选颜色和尺码, whose model answer says it is in stock; the studio names
// the scenario at its file:line:col, the rule in the UI language and what to change.
//   npm run build -w client && npx tsx tests/e2e/publish-refused-screens.ts
// Prints the PNG it saved (tests/.artifacts/staff, git-ignored).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, seedClass, startStaffServer } from './staff-server.ts';

mkdirSync(ARTIFACTS, { recursive: true });
const server = await startStaffServer();
const browser = await launchChromium();
try {
  const cls = await seedClass(server, ['zhang-san']);
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  await ctx.addCookies([
    { name: 'kefu_session', value: cls.instructor.cookie.split('=')[1]!, url: server.url },
  ]);
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto(`${server.url}/#/staff/studio`);
  await page.getByRole('button', { name: /down-jacket\.yaml/ }).click();
  const valid = '校验通过';
  await page.getByText(valid, { exact: true }).waitFor({ timeout: 120_000 });
  const text = readFileSync('scenarios/products/down-jacket.yaml', 'utf8').replace(
    '      - value: 黑色\n        aliases: [黑的, 经典黑]\n',
    '      - value: 黑色\n        aliases: [黑的, 经典黑]\n        inStock: false\n',
  );
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.getByText(valid, { exact: true }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: '发布', exact: true }).click();
  const list = page.locator('ul.studio-problems');
  await list.waitFor({ timeout: 900_000 });
  await list.scrollIntoViewIfNeeded();
  const file = join(ARTIFACTS, '23-publish-refused.png');
  await page.screenshot({ path: file });
  console.log(`saved ${file}`);
} finally {
  await browser.close();
  await server.close();
  server.cleanup();
}
