// The Content-Security-Policy in real Chromium: the workbench (with its socket), the studio's CodeMirror
// editor and its proofs (a worker compiling WebAssembly) and the report charts run under it with no
// violation, while an image from another origin (a scenario avatar such as //evil.example/track.png) is
// blocked, and no page of ours can be framed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SIMULATION_EPOCH } from '@kefu/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import { TEST_PASSWORD, type TestServer, type TestUser } from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';
import { ARTIFACTS, playConversation, type StaffClass, seedClass, startStaffServer } from './staff-server.ts';

const OUT = join(ARTIFACTS, 'csp');
let server: TestServer;
let browser: Browser;
let cls: StaffClass;
const contexts: BrowserContext[] = [];
/** Every CSP violation any page reported, as `directive blocked-uri`. */
const violations: string[] = [];

async function loginPage(user: TestUser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.goto(server.url);
  await page.getByLabel('用户名').fill(user.user.username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: user.user.role === 'student' ? /你好/ : '我的班级' }).waitFor();
  return page;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const clock = new ManualClock(SIMULATION_EPOCH);
  server = await startStaffServer(clock, 7, inject('clientDir'));
  cls = await seedClass(server, ['csp-stu']);
  await playConversation(server, clock, cls.students[0]!, 'jacket-colour-size');
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.close();
  server?.cleanup();
});

describe('content security policy', () => {
  it('is sent with the page, with nosniff and frame-ancestors none', async () => {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy') ?? '';
    // WebAssembly may compile (the studio's proofs use jieba's), JavaScript eval may not.
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets the studio editor, the report charts and the workbench run without a violation', async () => {
    const teacher = await loginPage(cls.instructor);
    await teacher.getByRole('button', { name: '场景工作室' }).first().click();
    await teacher.getByRole('button', { name: '新建场景' }).click();
    await teacher.locator('.cm-content').waitFor();
    // CodeMirror's own styles were injected and applied (its base theme lays the editor out as flex).
    expect(await teacher.locator('.cm-editor').evaluate((el) => getComputedStyle(el).display)).toBe('flex');
    await teacher.getByText('校验通过').waitFor();
    // Proving runs in a worker that compiles the segmenter's WebAssembly, under the same policy.
    await teacher.getByRole('button', { name: '证明' }).click();
    await teacher.getByText(/全部通过/).waitFor();
    await teacher.screenshot({ path: join(OUT, 'studio.png') });

    const trainer = await loginPage(cls.trainer);
    await trainer.getByRole('button', { name: /班级报告：电商2401班/ }).click();
    const canvas = trainer.locator('.staff-chart canvas').first();
    await canvas.waitFor();
    expect(await canvas.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(0);
    await trainer.screenshot({ path: join(OUT, 'class-report.png') });

    const student = await loginPage(cls.students[0]!);
    await student
      .getByRole('button', { name: /开始练习|随机/ })
      .first()
      .click();
    const composer = student.getByRole('combobox', { name: '输入消息' });
    await composer.waitFor();
    await composer.fill('亲，在的~');
    await composer.press('Enter');
    await student.getByText('亲，在的~').first().waitFor();
    await student.screenshot({ path: join(OUT, 'workbench.png') });

    expect(violations).toEqual([]);

    // …and the policy is really enforced: an image from another origin is refused.
    await student.evaluate(() => {
      const img = document.createElement('img');
      img.src = '//evil.example/track.png';
      document.body.append(img);
    });
    await expect.poll(() => violations.join('\n')).toMatch(/img-src http:\/\/evil\.example\/track\.png/);
  });
});
