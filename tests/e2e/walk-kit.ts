// What the browser walk-throughs (tests/e2e/*-walk.ts) share: the product started the way the README says
// (`npm start`, a free port, an empty DATA_DIR), pages in real Chromium at a given size, numbered
// screenshots, notes of what went wrong, and the moves a user makes (log in, first login, write, wait for
// the buyer's next line).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Product {
  url: string;
  adminPassword: string;
  stop(): void;
}

/** `npm start` on a free port with an empty DATA_DIR; resolves with its URL and the admin's one-time password. */
export async function startProduct(env: Record<string, string> = {}): Promise<Product> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-walk-'));
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let out = '';
  const ready = new Promise<{ url: string; adminPassword: string }>((ok, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /网址：\s*(http:\/\/\S+)/.exec(out)?.[1];
      const adminPassword = /一次性密码：\s*(\S+)/.exec(out)?.[1];
      if (url && adminPassword && /已启动/.test(out)) ok({ url, adminPassword });
    });
    child.on('exit', (code) => fail(new Error(`npm start exited ${code}:\n${out}`)));
  });
  const started = await ready;
  return {
    ...started,
    stop: () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One walk: its browser, the product's URL, its numbered screenshots and its notes. */
export class Walk {
  private step = 0;
  readonly notes: string[] = [];
  browser!: Browser;
  url = '';

  readonly out: string;
  readonly password: string;

  constructor(out: string, password: string) {
    this.out = out;
    this.password = password;
    mkdirSync(out, { recursive: true });
  }

  async open(url: string): Promise<void> {
    this.url = url;
    this.browser = await launchChromium();
  }

  async close(): Promise<void> {
    writeFileSync(join(this.out, 'notes.txt'), `${this.notes.join('\n')}\n`);
    await this.browser?.close();
  }

  async shot(page: Page, name: string): Promise<void> {
    this.step += 1;
    const file = join(this.out, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`shot ${file}`);
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`NOTE ${text}`);
  }

  async newPage(width = 1280, height = 800): Promise<Page> {
    const ctx = await this.browser.newContext({
      viewport: { width, height },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await ctx.newPage();
    page.on('pageerror', (err) => this.note(`page error (${width}px): ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.note(`console error (${width}px): ${msg.text()}`);
    });
    return page;
  }

  async login(page: Page, username: string, password: string): Promise<void> {
    await page.goto(this.url);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  async firstLogin(page: Page, username: string, oneTime: string): Promise<void> {
    await this.login(page, username, oneTime);
    await page.getByText('首次登录请先设置新密码。').waitFor();
    await page.getByLabel('当前密码').fill(oneTime);
    await page.getByLabel('新密码', { exact: true }).fill(this.password);
    await page.getByLabel('再次输入新密码').fill(this.password);
    await page.getByRole('button', { name: '保存新密码' }).click();
  }
}

/** The index (in the whole chat) of the newest buyer line on screen; the chat is virtualised, so rows out of
 *  view are not in the page and counting them says nothing. It follows the newest message. */
export function lastBuyerIndex(page: Page): Promise<number> {
  return page.evaluate(() => {
    let last = -1;
    for (const slot of document.querySelectorAll('.msg-slot')) {
      if (slot.querySelector('.msg-buyer')) last = Math.max(last, Number(slot.getAttribute('data-index')));
    }
    return last;
  });
}

/** Waits for a buyer line after the one at index `seen` (-1: the first); returns its index. */
export async function nextBuyerLine(page: Page, seen: number, timeout = 90_000): Promise<number> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const last = await lastBuyerIndex(page);
    if (last > seen) return last;
    await sleep(300);
  }
  throw new Error(`no buyer line after row ${seen}`);
}

/** Types a message in the composer and sends it with Enter; waits until it shows in the chat. */
export async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('combobox', { name: '输入消息' });
  await composer.fill(text);
  await composer.press('Enter');
  await page
    .locator('.msg-agent', { hasText: text.slice(0, 8) })
    .last()
    .waitFor();
}
