// Screenshots of a catalogue 发布 in the studio, for a person to look at (not a test): a lexicon change,
// which every scenario reads, proven in the browser then on the server in steps (正在验证 N / M).
//   npm run build -w client && npx tsx tests/e2e/publish-screens.ts
// Prints the PNGs it saved (tests/.artifacts/staff, git-ignored).
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
  const shot = async (name: string) => {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
    console.log(`saved ${join(ARTIFACTS, `${name}.png`)}`);
  };
  await page.goto(`${server.url}/#/staff/studio`);
  await page.getByRole('button', { name: /lexicon\.yaml/ }).click();
  await page.getByText('校验通过').waitFor({ timeout: 120_000 });
  const text = readFileSync('scenarios/lexicon.yaml', 'utf8').replace(
    'terms: [老顾客, 老客户,',
    'terms: [老铁, 老顾客, 老客户,',
  );
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.getByText('校验通过').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByText(/正在证明：已完成 [1-9]/).waitFor({ timeout: 300_000 });
  await shot('20-publish-browser-proof');
  await page.getByText(/服务器正在验证：/).waitFor({ timeout: 600_000 });
  await shot('21-publish-server-proof');
  await page.getByText(/已发布：/).waitFor({ timeout: 600_000 });
  await shot('22-published');
} finally {
  await browser.close();
  await server.close();
  server.cleanup();
}
