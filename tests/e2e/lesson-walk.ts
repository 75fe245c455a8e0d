// A lesson walked through in real Chromium, as a class would live it, against the product started the way the
// README says (`npm start`, a free port, an empty DATA_DIR): the admin makes an instructor and a trainer; the
// instructor makes a class, pastes its list of three students, starts a drill and watches it; the students (two
// at 1280×800, one on a 390 px phone) receive the buyer — one well (quick phrases with a picture, 关联推荐, a
// coupon within the limit, the size, address and note changed on the order), one badly and slowly, one dodging
// with quick phrases — and one disputes a verdict; the trainer reads the reports, decides the appeal and exports
// the grades; a student practises alone and sees their progress. Every step is a screenshot to look at.
//
//   npm run build && npx tsx tests/e2e/lesson-walk.ts     (pictures in tests/.artifacts/lesson-walk/)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

const OUT = resolve('tests/.artifacts/lesson-walk');
const PASSWORD = 'Lesson-walk-2026';
const CLASS = '电商2403班';
const DRILL = '第三周 售中改单演练';
const SCENARIO = '一单改到底：尺码、优惠、加购、改码改地址、备注';
const STUDENTS = [
  { no: '2403001', name: '陈思远' },
  { no: '2403002', name: '刘佳怡' },
  { no: '2403003', name: '周子豪' },
];

let step = 0;
const notes: string[] = [];

async function shot(page: Page, name: string): Promise<void> {
  step += 1;
  const file = join(OUT, `${String(step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`shot ${file}`);
}

function note(text: string): void {
  notes.push(text);
  console.log(`NOTE ${text}`);
}

/** `npm start` on a free port with an empty DATA_DIR; resolves with its URL and the admin's one-time password. */
async function startProduct(): Promise<{ url: string; adminPassword: string; stop: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-lesson-'));
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG: '0' },
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

let browser: Browser;
let url = '';

async function newPage(width = 1280, height = 800): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await ctx.newPage();
  page.on('pageerror', (err) => note(`page error (${width}px): ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') note(`console error (${width}px): ${msg.text()}`);
  });
  return page;
}

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function firstLogin(page: Page, username: string, oneTime: string): Promise<void> {
  await login(page, username, oneTime);
  await page.getByText('首次登录请先设置新密码。').waitFor();
  await page.getByLabel('当前密码').fill(oneTime);
  await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('再次输入新密码').fill(PASSWORD);
  await page.getByRole('button', { name: '保存新密码' }).click();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The index (in the whole chat) of the newest buyer line on screen; the chat is virtualised, so rows out of
 *  view are not in the page and counting them says nothing. It follows the newest message. */
function lastBuyerIndex(page: Page): Promise<number> {
  return page.evaluate(() => {
    let last = -1;
    for (const slot of document.querySelectorAll('.msg-slot')) {
      if (slot.querySelector('.msg-buyer')) last = Math.max(last, Number(slot.getAttribute('data-index')));
    }
    return last;
  });
}

/** Waits for a buyer line after the one at index `seen` (-1: the first); returns its index. */
async function nextBuyerLine(page: Page, seen: number, timeout = 90_000): Promise<number> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const last = await lastBuyerIndex(page);
    if (last > seen) return last;
    await sleep(300);
  }
  throw new Error(`no buyer line after row ${seen}`);
}

async function say(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('combobox', { name: '输入消息' });
  await composer.fill(text);
  await composer.press('Enter');
  await page
    .locator('.msg-agent', { hasText: text.slice(0, 8) })
    .last()
    .waitFor();
}

async function sendPhrase(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: '快捷短语' }).click();
  await page.getByRole('button', { name: `直接发送：${title}` }).click();
}

async function sideTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** The good student: every beat answered as the model answer does, with the workbench's own tools. */
async function goodStudent(page: Page): Promise<void> {
  let seen = await nextBuyerLine(page, -1);
  await page.getByRole('button', { name: '快捷短语' }).click();
  await page.getByPlaceholder('搜索话术（标题、内容或编码）').fill('尺码');
  await page.getByRole('button', { name: '直接发送：尺码表（图片）' }).click();
  await shot(page, 'good-size-chart-sent');
  seen = await nextBuyerLine(page, seen);
  await shot(page, 'good-buyer-cold-neck');
  await sideTab(page, '订单');
  const scarf = await page
    .getByLabel('关联推荐')
    .locator('option', { hasText: '围巾' })
    .first()
    .textContent();
  await page.getByLabel('关联推荐').selectOption({ label: scarf ?? '' });
  await shot(page, 'good-orders-tab-recommend');
  await page.getByRole('button', { name: '发送推荐' }).click();
  await say(page, '亲，配一条羊毛围巾挡风，脖子就不冷啦，可以和羽绒服一起拍下哦~');
  seen = await nextBuyerLine(page, seen);
  await page.getByLabel('让利金额（元）').fill('20');
  await shot(page, 'good-coupon-filled');
  await page.getByRole('button', { name: '发优惠券' }).click();
  await say(page, '亲，给您发了一张20元的店铺券，券后279，可以直接拍下哦~');
  seen = await nextBuyerLine(page, seen);
  await shot(page, 'good-buyer-paid');
  await say(page, '亲，付款收到啦，谢谢支持~');
  seen = await nextBuyerLine(page, seen);
  await page.getByRole('button', { name: '修改款式' }).click();
  await page.getByLabel('改成').selectOption({ label: 'L码' });
  await shot(page, 'good-change-sku');
  await page.getByRole('button', { name: '确认修改款式' }).click();
  await say(page, '已经帮您换成黑色L码了，麻烦核对一下订单哦~');
  seen = await nextBuyerLine(page, seen);
  await page.getByRole('button', { name: '修改地址' }).click();
  await page.getByLabel('收货地址').fill('杭州市西湖区文三路90号 张小姐');
  await page.getByRole('button', { name: '保存地址' }).click();
  // The slash completion, as the README teaches.
  const composer = page.getByRole('combobox', { name: '输入消息' });
  await composer.fill('/dz2');
  await shot(page, 'good-slash-completion');
  await composer.press('Enter');
  await composer.press('Enter');
  seen = await nextBuyerLine(page, seen);
  await page.getByLabel('卖家备注').fill('送礼，不放价格单');
  await page.getByRole('button', { name: '保存备注' }).click();
  await sendPhrase(page, '送礼不放价格单');
  seen = await nextBuyerLine(page, seen);
  await say(page, '不客气，有问题随时找我~');
  await sleep(2000);
  await shot(page, 'good-done');
}

/** The weak student: slow, wrong size, no recommendation, no coupon, says the order is changed when it is not. */
async function badStudent(page: Page): Promise<void> {
  const replies = [
    '亲，您这个身高体重拍S码就可以了',
    '围巾我们店没有哦',
    '不能便宜，已经是最低价了',
    '好的',
    '已经给您改好了',
  ];
  let seen = -1;
  for (const [i, reply] of replies.entries()) {
    seen = await nextBuyerLine(page, seen, 120_000);
    if (i === 0) await shot(page, 'bad-phone-buyer-arrives');
    await sleep(35_000);
    await shot(page, `bad-phone-waiting-${i}`);
    if ((await page.getByText('本次接待已结束').count()) > 0) break;
    await say(page, reply);
  }
  await shot(page, 'bad-phone-done');
}

/** The dodger: answers every line within a second or two with whatever quick phrase comes to hand. */
async function dodger(page: Page): Promise<void> {
  const phrases = ['在的', '简短问候', '在的', '包邮', '在的', '长欢迎语'];
  let seen = -1;
  for (const title of phrases) {
    try {
      seen = await nextBuyerLine(page, seen, 100_000);
    } catch {
      break;
    }
    await sleep(1200);
    if ((await page.getByText('本次接待已结束').count()) > 0) break;
    await sendPhrase(page, title);
  }
  await shot(page, 'dodger-done');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const product = await startProduct();
  url = product.url;
  console.log(`product at ${url}`);
  browser = await launchChromium();
  try {
    // 1. The admin's first login and the two staff accounts.
    const admin = await newPage();
    await firstLogin(admin, 'admin', product.adminPassword);
    await admin.getByRole('heading', { name: '账号与班级' }).waitFor();
    await shot(admin, 'admin-home');
    const oneTime = new Map<string, string>();
    for (const [username, name, role] of [
      ['wang.laoshi', '王老师', '讲师'],
      ['zhao.daoshi', '赵导师', '评估导师'],
    ] as const) {
      await admin.getByLabel('用户名', { exact: true }).fill(username);
      await admin.getByLabel('姓名', { exact: true }).fill(name);
      await admin.getByLabel('角色', { exact: true }).selectOption({ label: role });
      await admin.getByRole('button', { name: '创建账号' }).click();
      await admin.getByText(`已创建 ${role}账号 ${name}（${username}）。`).waitFor();
      oneTime.set(username, (await admin.locator('.secret-password').textContent()) ?? '');
      await shot(admin, `admin-created-${username}`);
    }

    // 2. The instructor: a class, its list pasted from the spreadsheet.
    const teacher = await newPage();
    await firstLogin(teacher, 'wang.laoshi', oneTime.get('wang.laoshi')!);
    await teacher.getByText(/还没有班级/).waitFor();
    await shot(teacher, 'teacher-first-home');
    await teacher.getByLabel('新建班级').fill(CLASS);
    await teacher.getByRole('button', { name: '创建', exact: true }).click();
    await teacher.getByRole('button', { name: `导入名单：${CLASS}` }).click();
    await teacher.getByRole('heading', { name: `${CLASS} · 导入学员名单` }).waitFor();
    await shot(teacher, 'teacher-import-page');
    const pasted = ['学号\t姓名', ...STUDENTS.map((s) => `${s.no}\t${s.name}`)].join('\n');
    const box = teacher.getByLabel('或者粘贴名单');
    if ((await box.count()) > 0) {
      await box.click();
      await box.fill(pasted);
    } else {
      note('no way to paste a list: only a CSV file can be chosen');
      await teacher.locator('input[type=file]').setInputFiles({
        name: `${CLASS}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(pasted.replaceAll('\t', ','), 'utf8'),
      });
    }
    await shot(teacher, 'teacher-list-ready');
    await teacher.getByRole('button', { name: '导入名单' }).click();
    await teacher.getByText(/已导入 3 名学员/).waitFor();
    for (const row of await teacher.locator('tbody tr').all()) {
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
      if (cells.length === 3) oneTime.set(cells[0]!, cells[2]!);
    }
    await shot(teacher, 'teacher-imported');

    // 3. The admin puts the trainer in the class.
    await admin.reload();
    await admin
      .getByRole('row', { name: new RegExp(CLASS) })
      .getByRole('button', { name: '管理' })
      .click();
    await admin.getByLabel('选择评估导师或学员').selectOption({ label: '赵导师（zhao.daoshi）' });
    await admin.getByRole('button', { name: '加入班级' }).click();
    await admin.getByText('已把 赵导师 加入班级。').waitFor();
    await shot(admin, 'admin-class-manage');

    // 4. The drill.
    await teacher.getByRole('button', { name: '返回班级列表' }).click();
    await teacher.getByRole('button', { name: `演练与监控：${CLASS}` }).click();
    await shot(teacher, 'teacher-drills-page');
    const form = teacher.getByRole('form', { name: '新建演练' });
    await form.getByLabel('演练名称').fill(DRILL);
    await form.getByRole('checkbox', { name: SCENARIO, exact: true }).check();
    await form.getByLabel('每位学员的买家数').fill('1');
    await form.getByLabel('买家到达间隔（秒）').fill('0');
    await form.getByLabel('同时接待上限').fill('1');
    await form.getByLabel('时长（分钟）').fill('8');
    await shot(teacher, 'teacher-drill-form');
    await form.getByRole('button', { name: '创建演练' }).click();
    await teacher.getByRole('button', { name: '开始' }).click();
    await teacher.getByRole('heading', { name: `实时监控 · ${DRILL}` }).waitFor();
    await shot(teacher, 'teacher-monitor-empty');

    // 5. Students: first login, join, and receive the buyer at once (each in their own way).
    const pages: Page[] = [];
    const walks = [goodStudent, badStudent, dodger];
    const watch = (async () => {
      for (let i = 0; i < 5; i++) {
        await sleep(25_000);
        await shot(teacher, `teacher-monitor-live-${i}`);
      }
    })();
    const running: Promise<void>[] = [];
    for (const [i, s] of STUDENTS.entries()) {
      const phone = i === 1;
      const page = phone ? await newPage(390, 844) : await newPage();
      pages.push(page);
      await firstLogin(page, s.no, oneTime.get(s.no)!);
      await page.getByRole('heading', { name: /你好/ }).waitFor();
      await shot(page, `student-home-${s.no}${phone ? '-phone' : ''}`);
      await page.getByRole('button', { name: '加入演练' }).click();
      await page.getByText(`演练：${DRILL}`).waitFor();
      if (phone) await page.locator('.conv-row').first().click({ timeout: 30_000 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > (phone ? 390 : 1280)) note(`${s.no}: page ${width}px wide`);
      running.push(
        walks[i]!(page).catch(async (err: unknown) => {
          note(`student ${s.no} walk failed: ${String(err).slice(0, 300)}`);
          await shot(page, `student-${s.no}-stuck`);
        }),
      );
    }
    await Promise.all(running);
    await watch;
    await shot(teacher, 'teacher-monitor-after');
    for (const [i, page] of pages.entries()) await shot(page, `student-end-${STUDENTS[i]!.no}`);

    // 6. The instructor ends the drill and opens its results.
    await teacher.getByRole('button', { name: '结束演练' }).click();
    await teacher.getByRole('alertdialog').getByRole('button', { name: '结束演练' }).click();
    await teacher.getByText('已结束').waitFor();
    await shot(teacher, 'teacher-drill-ended');
    const resultsButton = teacher.getByRole('button', { name: '查看结果' });
    if ((await resultsButton.count()) > 0) {
      await resultsButton.first().click();
      await sleep(1500);
      await shot(teacher, 'teacher-drill-results');
    } else note('no 查看结果 on the ended monitor');

    // 7. Every student reads their report; the dodger appeals a verdict.
    for (const [i, page] of pages.entries()) {
      const s = STUDENTS[i]!;
      await page.goto(url);
      await page.getByRole('heading', { name: /你好/ }).waitFor();
      await shot(page, `student-home-after-${s.no}`);
      await page
        .getByRole('region', { name: '我的报告' })
        .getByRole('button', { name: '查看' })
        .first()
        .click();
      await page.locator('li.violation, .summary').first().waitFor();
      await sleep(1000);
      await shot(page, `student-report-${s.no}`);
    }
    const appealer = pages[2]!;
    const item = appealer.locator('li.violation[data-rule="question-evaded"], li.violation');
    if ((await item.count()) > 0) {
      const first = item.first();
      await first.getByRole('button', { name: '申诉' }).click();
      await first
        .getByLabel('用一句话说明你为什么认为这条判错了')
        .fill('我发的是店里的标准话术，顾客也没有不满意');
      await shot(appealer, 'dodger-appeal-form');
      await first.getByRole('button', { name: '提交申诉' }).click();
      await first.getByText('申诉中 · 等老师处理').waitFor();
      await shot(appealer, 'dodger-appealed');
    } else note('the dodger has no violation to appeal');

    // 8. The trainer: appeals, the class report, a student's report, the grades.
    const trainer = await newPage();
    await firstLogin(trainer, 'zhao.daoshi', oneTime.get('zhao.daoshi')!);
    await trainer.getByRole('heading', { name: '我的班级' }).waitFor();
    await shot(trainer, 'trainer-home');
    await trainer.getByRole('button', { name: '申诉', exact: true }).click();
    await sleep(1000);
    await shot(trainer, 'trainer-appeals');
    const card = trainer.locator('li.appeal-card').first();
    if ((await card.count()) > 0) {
      await card.getByLabel('裁定理由（学员能看到）').fill('顾客问的问题没有正面回答，话术与问题无关');
      await card.getByRole('button', { name: '维持原判' }).click();
      await trainer.getByText('没有待处理的申诉。').waitFor();
      await sleep(3000);
      await shot(trainer, 'trainer-appeal-decided');
    }
    await trainer.getByRole('button', { name: '班级', exact: true }).click();
    await trainer.getByRole('button', { name: `班级报告：${CLASS}` }).click();
    await sleep(1500);
    await shot(trainer, 'trainer-class-report');
    for (const s of STUDENTS) {
      await trainer.getByRole('button', { name: s.name, exact: true }).first().click();
      await sleep(1500);
      await shot(trainer, `trainer-student-${s.no}`);
      await trainer.goBack();
      await sleep(1000);
    }
    const [download] = await Promise.all([
      trainer.waitForEvent('download'),
      trainer.getByRole('link', { name: '导出成绩 CSV' }).click(),
    ]);
    const csv = join(OUT, 'grades.csv');
    await download.saveAs(csv);
    console.log(`grades ${csv}`);

    // 9. A student practises alone and sees their progress.
    const solo = pages[1]!;
    await solo.goto(url);
    await solo.getByRole('heading', { name: /你好/ }).waitFor();
    await shot(solo, 'solo-home-phone');
    await solo.getByRole('button', { name: '开始练习：羽绒服选颜色和尺码' }).click();
    await solo.locator('.conv-row').first().click({ timeout: 30_000 });
    let line = await nextBuyerLine(solo, -1);
    await shot(solo, 'solo-buyer');
    for (const reply of [
      '亲，酒红色缺货了哦，黑色、米白色和雾霾蓝都有现货，您看看喜欢哪个~',
      '163、105斤的话建议拍M码，穿着刚刚好~',
      '这款是标准尺码，按平时穿的码拍就行，喜欢的话可以直接拍下哦~',
    ]) {
      await say(solo, reply);
      line = await nextBuyerLine(solo, line, 60_000);
    }
    await shot(solo, 'solo-buyer-ordered');
    const composer = solo.getByRole('combobox', { name: '输入消息' });
    await composer.fill('/js2');
    await composer.press('Enter');
    await composer.press('Enter');
    await solo.getByRole('button', { name: '查看本会话评分' }).waitFor({ timeout: 60_000 });
    await shot(solo, 'solo-ended');
    await solo.getByRole('button', { name: '查看本会话评分' }).click();
    await solo.locator('.summary, h1').first().waitFor();
    await sleep(1000);
    await shot(solo, 'solo-report');
    await solo.goto(url);
    await solo.getByRole('heading', { name: /你好/ }).waitFor();
    await sleep(1000);
    await shot(solo, 'solo-home-progress');
  } finally {
    writeFileSync(join(OUT, 'notes.txt'), `${notes.join('\n')}\n`);
    await browser.close();
    product.stop();
  }
}

await main();
