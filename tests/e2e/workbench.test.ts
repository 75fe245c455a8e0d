// The student's workbench end to end in real Chromium against the real server, whose clock the test moves:
// the shoppers act exactly when the test lets them (from one shopper timer to the next), so the student's
// reply times, and the report, do not depend on how busy the machine is, and nothing waits on wall time.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConversationEvent } from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/src/app.ts';
import { TEST_PASSWORD_COST } from '../../server/src/auth/password.ts';
import { ManualClock } from '../server/helpers/manual-clock.ts';
import {
  SCENARIOS_DIR,
  seedUser,
  TEST_PASSWORD,
  type TestUser,
  tempDataDir,
} from '../server/helpers/server.ts';
import { launchChromium } from './browser.ts';

/** The picture's width once the browser has loaded and decoded it (0 if it cannot): an <img> is in the page
 * before its bytes arrive, so reading naturalWidth straight away races the download. */
function loadedWidth(img: Element): Promise<number> {
  const picture = img as HTMLImageElement;
  return picture.decode().then(
    () => picture.naturalWidth,
    () => 0,
  );
}

const CLIENT_OUT = inject('clientDir');
const SHOTS = resolve('tests/.artifacts/workbench');

let dataDir: string;
let app: FastifyInstance;
let port = 0;
let browser: Browser;
let student: TestUser;
const clock = new ManualClock(Date.now());

async function startApp(): Promise<void> {
  app = await buildApp({
    dataDir,
    scenariosDir: SCENARIOS_DIR,
    publicOrigin: null,
    clientDir: CLIENT_OUT,
    logger: false,
    sessionTtlMs: 24 * 60 * 60 * 1000,
    passwordCost: TEST_PASSWORD_COST,
    clock,
    seedSource: () => 7,
    // The mixes here draw from the whole library; the path's order has its own tests.
    pathInOrder: false,
  });
  const address = await app.listen({ port, host: '127.0.0.1' });
  port = Number(new URL(address).port);
}

async function loggedInPage(who: TestUser = student): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByLabel('用户名').fill(who.user.username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: /你好/ }).waitFor();
  return page;
}

/** Starts a scenario from the home's learning path, found with its search (its unit may be folded). */
async function startSolo(page: Page, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: '搜索场景' }).fill(title);
  await page.getByRole('button', { name: `开始练习：${title}` }).click();
}
const composerOf = (page: Page) => page.getByRole('combobox', { name: '输入消息' });
const connection = (page: Page) => page.getByRole('status', { name: '连接状态' });

async function openConversationId(page: Page): Promise<string> {
  const id = await page.locator('.conv-row.active').getAttribute('data-conversation-id');
  if (!id) throw new Error('no conversation is open');
  return id;
}

const logged = async (conversationId: string) =>
  (await app.eventLog.read(conversationId)).map((e) => e.event);

/**
 * Lets the shoppers act: moves the server's clock from one timer to the next until the log holds an event
 * of this type (or one the test accepts).
 */
async function shoppersUntil(
  conversationId: string,
  what: ConversationEvent['type'] | ((e: ConversationEvent) => boolean),
): Promise<void> {
  const wanted = typeof what === 'string' ? (e: ConversationEvent) => e.type === what : what;
  const name = typeof what === 'string' ? what : 'awaited event';
  for (let step = 0; step < 100; step++) {
    if ((await logged(conversationId)).some(wanted)) return;
    const next = clock.nextDue();
    if (next === null) throw new Error(`no shopper has anything left to do, and no ${name} was logged`);
    await clock.advanceTo(next);
  }
  throw new Error(`no ${name} after 100 shopper steps`);
}

const buyerLine = (beat: string) => (e: ConversationEvent) => e.type === 'buyer-message' && e.beat === beat;

/**
 * Another open conversation of `who` whose buyer has spoken; the shoppers act until there is one (a random
 * mix's later buyers walk in one after another, and are listed only then).
 */
async function shoppersUntilAnother(current: string | null, who: TestUser = student): Promise<string> {
  const ids = (await app.conversations.listForStudent(who.user.id, 'open')).map((row) => row.id);
  const talking = async (id: string) => {
    const events = await logged(id);
    return events.some((e) => e.type === 'buyer-message') && !events.some((e) => e.type === 'ended');
  };
  for (let step = 0; step < 100; step++) {
    for (const id of ids) if (id !== current && (await talking(id))) return id;
    const next = clock.nextDue();
    if (next === null) throw new Error('no other buyer is talking, and no shopper has anything left to do');
    await clock.advanceTo(next);
  }
  throw new Error('no other buyer talking after 100 shopper steps');
}

/** Sends a typed line and waits until the server has stored it (the workbench marks it sent). */
async function send(page: Page, text: string): Promise<void> {
  await composerOf(page).fill(text);
  await composerOf(page).press('Enter');
  await expect
    .poll(() => page.locator('.msg-agent', { hasText: text }).last().getAttribute('data-status'))
    .toBe('sent');
}

/** Waits until the open chat shows every buyer message the server logged for the conversation. */
async function caughtUp(page: Page, conversationId: string): Promise<void> {
  const ids = (await logged(conversationId)).flatMap((e) => (e.type === 'buyer-message' ? [e.id] : []));
  for (const id of ids) await page.locator(`.msg-buyer[data-message-id="${id}"]`).waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dataDir = tempDataDir();
  await startApp();
  student = await seedUser(app, 'student', 'stu-e2e');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('workbench end to end', () => {
  it('plays 拍下不付款 well: reply, order card, 催付, payment, and a clean report', async () => {
    const page = await loggedInPage();
    await startSolo(page, '拍下不付款');
    const composer = composerOf(page);
    await expect.poll(() => connection(page).textContent()).toContain('已连接');
    const id = await openConversationId(page);
    await shoppersUntil(id, 'buyer-message');
    await page.locator('.msg-buyer').first().waitFor();

    await send(page, '亲，是一级能效的，很省电省水，喜欢可以直接拍下哦~');
    await shoppersUntil(id, 'order-placed');
    const order = page.locator('.order-card');
    await order.waitFor();
    expect(await order.textContent()).toContain('待付款');
    await send(page, '好的亲，订单收到啦~');

    await page.getByRole('tab', { name: '订单' }).click();
    await page.getByRole('button', { name: '催付' }).click();
    await expect
      .poll(async () =>
        (await logged(id)).some((e) => e.type === 'agent-message' && e.card === 'payment-reminder'),
      )
      .toBe(true);
    await shoppersUntil(id, 'order-paid');
    await expect.poll(() => order.textContent()).toContain('已付款');
    const agentMessages = (await logged(id)).filter((e) => e.type === 'agent-message').length;
    await composer.pressSequentially('/js2');
    await composer.press('Enter'); // completes the phrase
    await composer.press('Enter'); // sends it
    await expect
      .poll(async () => (await logged(id)).filter((e) => e.type === 'agent-message').length)
      .toBe(agentMessages + 1);
    await shoppersUntil(id, 'ended');
    await page.getByRole('button', { name: '查看本会话评分' }).click();
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });

    const card = page.locator('.summary-card');
    await card.waitFor();
    expect(await card.getByText('没有发现问题，做得很好！').count()).toBe(1);
    const gauge = await card.getByRole('img', { name: /^得分 / }).getAttribute('aria-label');
    expect(Number(gauge?.replace('得分 ', ''))).toBeGreaterThanOrEqual(90);
    // The transcript replays the whole conversation, order card and reminder included.
    expect(await card.locator('.transcript .order-card').count()).toBe(1);
    expect(await card.locator('.transcript .card-payment-reminder').count()).toBe(1);

    // Every buyer has left: reloading the workbench still shows the practice, ended, and its summary.
    await page.goto(`http://127.0.0.1:${port}/#/workbench`);
    await page.reload();
    const row = page.locator('.conv-row');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.textContent()).toContain('已结束');
    const summary = page.getByRole('button', { name: '查看练习总结' });
    await expect.poll(() => summary.isEnabled()).toBe(true);
    await summary.click();
    await page.locator('.summary-card').waitFor();
    await page.context().close();
  });

  it('changes the address in the order tab, and the buyer sees it done and thanks', async () => {
    const mover = await seedUser(app, 'student', 'stu-orders');
    const page = await loggedInPage(mover);
    await startSolo(page, '搬家了要改收货地址');
    await expect.poll(() => connection(page).textContent()).toContain('已连接');
    const id = await openConversationId(page);
    await shoppersUntil(id, 'order-paid');
    await page.locator('.msg-buyer').first().waitFor();
    await send(page, '亲，付款收到啦，新地址发给我就行~');
    await shoppersUntil(id, buyerLine('new-address'));
    await caughtUp(page, id);
    await send(page, '还没发货，我们是48小时内发货，现在改来得及~');

    await page.getByRole('tab', { name: '订单' }).click();
    const order = page.locator('.order-panel');
    expect(await order.locator('.order-address').textContent()).toBe('上海市浦东新区张江路88弄3号 林先生');
    await order.getByRole('button', { name: '修改地址' }).click();
    const field = order.getByRole('textbox', { name: '收货地址' });
    await field.fill('上海市徐汇区漕溪北路200号 林先生');
    await field.press('Tab');
    await page.keyboard.press('Enter'); // the keyboard reaches 保存地址
    await expect
      .poll(() => order.locator('.order-address').textContent())
      .toBe('上海市徐汇区漕溪北路200号 林先生');
    expect((await logged(id)).filter((e) => e.type === 'order-updated')).toEqual([
      expect.objectContaining({ orderId: 'o1', address: '上海市徐汇区漕溪北路200号 林先生' }),
    ]);
    await send(page, '亲，地址已经帮您修改好了，麻烦核对一下新地址哦~');
    await shoppersUntil(id, buyerLine('thanks'));
    await caughtUp(page, id);
    await page.screenshot({ path: join(SHOTS, 'order-address-changed.png') });

    // The buyer thanked for a real change: nothing about the order is judged wrong.
    await send(page, '不客气，发出后单号在订单里就能看到~');
    await shoppersUntil(id, 'ended');
    await page.getByRole('button', { name: '查看本会话评分' }).click();
    const card = page.locator('.summary-card');
    await card.waitFor();
    expect(await card.getByText('没有发现问题，做得很好！').count()).toBe(1);
    const goals = page.getByRole('region', { name: '接待目标' });
    // The buyer came with the order already paid: it is not the reception's sale, so no order value (客单价).
    expect(await goals.textContent()).toContain('客单价—');
    await page.screenshot({ path: join(SHOTS, 'order-report.png'), fullPage: true });
    await page.context().close();
  });

  it('performs every order operation by keyboard, fills phrase variables, sends a picture and an emoji: the buyer reacts, the report is clean', async () => {
    const buyer = await seedUser(app, 'student', 'stu-every-change');
    const page = await loggedInPage(buyer);
    await startSolo(page, '一单改到底：尺码、优惠、加购、改码改地址、备注');
    await expect.poll(() => connection(page).textContent()).toContain('已连接');
    const id = await openConversationId(page);
    const composer = composerOf(page);
    const agentLines = async () => (await logged(id)).filter((e) => e.type === 'agent-message');
    /** Sends what the composer holds with Enter and waits for the server to store it. */
    const enterSends = async () => {
      const before = (await agentLines()).length;
      await composer.press('Enter');
      await expect.poll(async () => (await agentLines()).length).toBe(before + 1);
      return (await agentLines()).at(-1)!;
    };
    const orderTab = async () => {
      await page.getByRole('tab', { selected: true }).focus();
      for (
        let i = 0;
        i < 3 && (await page.getByRole('tab', { name: '订单' }).getAttribute('aria-selected')) !== 'true';
        i++
      )
        await page.keyboard.press('ArrowRight');
    };
    // The chat is a virtual list: a long chat shows its newest lines, so wait for the newest buyer line.
    const newestShown = async () => {
      const lines = (await logged(id)).filter((e) => e.type === 'buyer-message');
      await page.locator(`.msg-buyer[data-message-id="${lines.at(-1)!.id}"]`).waitFor();
    };
    const orderPanel = page.locator('.order-panel');
    const orderFact = (label: string) =>
      orderPanel.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

    // 穿什么码: the size chart, an image phrase completed from its code; the buyer sees the picture.
    await shoppersUntil(id, buyerLine('ask-size'));
    await newestShown();
    // The product tab shows the product's picture; the phrase panel marks the size chart as a picture phrase.
    await page.getByRole('tab', { name: '商品' }).click();
    const picture = page.getByRole('region', { name: '女款轻薄短款羽绒服' }).locator('img.product-picture');
    await picture.waitFor();
    expect(await picture.evaluate(loadedWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: '快捷短语', exact: true }).click();
    await page.getByPlaceholder('搜索话术（标题、内容或编码）').fill('尺码表');
    const chartPhrase = page.getByRole('button', { name: '插入：尺码表（图片）' });
    expect(await chartPhrase.textContent()).toContain('附图');
    await chartPhrase.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'product-tab-and-image-phrase.png') });
    await page.keyboard.press('Escape');
    await composer.focus();
    await composer.pressSequentially('/cmt');
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe('亲，这是尺码表，您对照身高体重选就可以，拿不准告诉我帮您推荐~');
    expect(await enterSends()).toMatchObject({ source: 'phrase', image: 'images/size-chart-jacket.png' });
    const chart = page.locator('.msg-agent').last().getByRole('img', { name: '随话术发出的图片' });
    await chart.waitFor();
    expect(await chart.evaluate(loadedWidth)).toBeGreaterThan(0);

    // 脖子怕冷: recommend the scarf from the order tab, then invite, with an emoji from the picker.
    await shoppersUntil(id, buyerLine('cold-neck'));
    await newestShown();
    await orderTab();
    const recommend = page.getByRole('combobox', { name: '关联推荐' });
    await recommend.focus();
    for (let i = 0; i < 20 && !(await recommend.inputValue()).includes('wool-scarf'); i++)
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 发送推荐
    await expect.poll(async () => (await agentLines()).at(-1)?.product).toBe('wool-scarf');
    await composer.focus();
    await composer.pressSequentially('亲，配一条羊毛围巾挡风，脖子就不冷啦，可以和羽绒服一起拍下哦~');
    await page.getByRole('button', { name: '表情' }).focus();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: '选择表情' });
    await picker.waitFor();
    await page.screenshot({ path: join(SHOTS, 'emoji-picker.png') });
    await page.keyboard.press('Enter'); // the first emoji, at the caret
    expect(await composer.inputValue()).toBe(
      '亲，配一条羊毛围巾挡风，脖子就不冷啦，可以和羽绒服一起拍下哦~😊',
    );
    expect((await enterSends()).text).toBe('亲，配一条羊毛围巾挡风，脖子就不冷啦，可以和羽绒服一起拍下哦~😊');

    // 能便宜点吗: a ¥20 coupon, the most the shop allows.
    await shoppersUntil(id, buyerLine('haggle'));
    await newestShown();
    const amount = page.getByRole('spinbutton', { name: /让利金额/ });
    await amount.focus();
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await agentLines()).at(-1)?.amount).toBe(20);
    await composer.focus();
    await composer.pressSequentially('亲，给您发了一张20元的店铺券，券后279，可以直接拍下哦~');
    await enterSends();
    // No order yet: 核对订单's {订单号} stays, flagged and selected, and Enter does not send it.
    const sentSoFar = (await agentLines()).length;
    await composer.pressSequentially('/hd');
    await composer.press('Enter');
    await page.getByText('{订单号} 还没有填写：换成实际内容再发送').waitFor();
    expect(await composer.inputValue()).toContain('{订单号}');
    await composer.press('Enter');
    await page.screenshot({ path: join(SHOTS, 'phrase-variable-unfilled.png') });
    expect((await agentLines()).length).toBe(sentSoFar);
    await composer.press('Control+A');
    await composer.press('Delete');

    // Paid, with the scarf: {订单号} and {商品} come from the order, {订单号} was flagged before it existed.
    await shoppersUntil(id, 'order-paid');
    await newestShown();
    await expect.poll(() => orderFact('加购').textContent()).toBe('羊毛针织围巾');
    const orderNo = (await orderFact('订单号').textContent()) ?? '';
    expect(orderNo).toMatch(/^\d{10,}$/);
    await composer.focus();
    await composer.pressSequentially('/hd');
    await composer.press('Enter');
    expect(await composer.inputValue()).toBe(
      `亲，您的订单 ${orderNo}（女款轻薄短款羽绒服）已经核对好了，会尽快为您发货~`,
    );
    expect(await page.locator('.composer-error').count()).toBe(0);
    expect(await enterSends()).toMatchObject({ source: 'phrase', phraseId: 'order-confirm' });

    // 换成L码: 修改款式 from the product's stock.
    await shoppersUntil(id, buyerLine('change-size'));
    await newestShown();
    await orderPanel.getByRole('button', { name: '修改款式' }).focus();
    await page.keyboard.press('Enter');
    const sku = orderPanel.getByRole('combobox', { name: '改成' });
    await sku.focus();
    for (let i = 0; i < 12 && (await sku.inputValue()) !== 'L码'; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 确认修改款式
    await expect.poll(() => orderFact('款式').textContent()).toBe('黑色 · L码');
    await composer.focus();
    await composer.pressSequentially('已经帮您换成黑色L码了，麻烦核对一下订单哦~');
    await enterSends();

    // 改地址: to what the buyer wrote.
    await shoppersUntil(id, buyerLine('change-address'));
    await newestShown();
    await orderPanel.getByRole('button', { name: '修改地址' }).focus();
    await page.keyboard.press('Enter');
    const address = orderPanel.getByRole('textbox', { name: '收货地址' });
    await address.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('杭州市西湖区文三路90号 张小姐');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 保存地址
    await expect
      .poll(() => orderPanel.locator('.order-address').textContent())
      .toBe('杭州市西湖区文三路90号 张小姐');
    await composer.focus();
    await composer.pressSequentially('/dz2');
    await composer.press('Enter');
    await enterSends();

    // 备注不放价格单: the seller note.
    await shoppersUntil(id, buyerLine('no-price'));
    await newestShown();
    const note = orderPanel.getByRole('textbox', { name: '卖家备注' });
    await note.focus();
    await page.keyboard.type('送礼，不放价格单');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // 保存备注
    await expect.poll(() => orderFact('卖家备注').textContent()).toBe('送礼，不放价格单');
    await page.screenshot({ path: join(SHOTS, 'order-every-change.png') });
    await composer.focus();
    await composer.pressSequentially('/bz2');
    await composer.press('Enter');
    await enterSends();

    // Every change is in the log as the server's event, each the buyer asked for.
    const updates = (await logged(id)).filter((e) => e.type === 'order-updated');
    expect(updates).toEqual([
      expect.objectContaining({ option: 'L码' }),
      expect.objectContaining({ address: '杭州市西湖区文三路90号 张小姐' }),
      expect.objectContaining({ note: '送礼，不放价格单' }),
    ]);
    await shoppersUntil(id, buyerLine('thanks'));
    await newestShown();
    await send(page, '不客气，有问题随时找我~');
    await shoppersUntil(id, 'ended');
    await page.getByRole('button', { name: '查看本会话评分' }).click();
    const card = page.locator('.summary-card');
    await card.waitFor();
    expect(await card.getByText('没有发现问题，做得很好！').count()).toBe(1);
    const goals = page.getByRole('region', { name: '接待目标' });
    expect(await goals.textContent()).toContain('客单价¥368');
    await page.screenshot({ path: join(SHOTS, 'order-every-change-report.png'), fullPage: true });
    await page.context().close();
  });

  it('with several buyers open, the chat shows only the open buyer’s history after every switch', async () => {
    const page = await loggedInPage();
    await page.getByRole('button', { name: '随机开始' }).click();
    await page.locator('.conv-row').first().waitFor();
    await expect.poll(() => connection(page).textContent()).toContain('已连接');
    let open: string | null = null;
    for (let round = 0; round < 4; round++) {
      // Switch to another buyer who has spoken (the shoppers act until there is one).
      const id = await shoppersUntilAnother(open);
      await page.locator(`.conv-row[data-conversation-id="${id}"]`).click();
      expect(await openConversationId(page)).toBe(id);
      open = id;
      const name = (await page.locator('.chat-head h2').textContent()) ?? '';
      await send(page, '亲，在的，请问有什么可以帮您？');
      // A second passes, with whatever the shoppers do in it; the chat has this buyer's messages and only those.
      await clock.advanceBy(1_000);
      await caughtUp(page, id);
      expect(await page.locator('.msg-scroll').count()).toBe(1);
      const who = await page.locator('.msg-scroll .msg-buyer .msg-who').allTextContents();
      expect(new Set(who)).toEqual(new Set([name]));
    }
    await page.context().close();
  });

  it('survives the server going away: says so, reconnects, resyncs, sends once, keeps the draft', async () => {
    const page = await loggedInPage();
    await startSolo(page, '问完就不说话的顾客');
    const composer = composerOf(page);
    await expect.poll(() => connection(page).textContent()).toContain('已连接');
    await shoppersUntil(await openConversationId(page), 'buyer-message');
    await page.locator('.msg-buyer').first().waitFor();
    await expect.poll(() => connection(page).textContent()).toContain('已连接');

    await app.close();
    await expect.poll(() => connection(page).textContent(), { timeout: 15_000 }).toContain('正在重连');
    // Sent while offline: shown at once as pending.
    await composer.fill('亲，您好，在的！');
    await composer.press('Enter');
    const offline = page.locator('.msg-agent', { hasText: '亲，您好，在的！' });
    expect(await offline.getAttribute('data-status')).toBe('pending');
    // Being typed while offline.
    await composer.fill('请问您想了解哪方面呢');
    await page.screenshot({ path: join(SHOTS, 'reconnecting.png') });

    await startApp();
    await expect.poll(() => connection(page).textContent(), { timeout: 20_000 }).toContain('已连接');
    await expect.poll(() => offline.getAttribute('data-status'), { timeout: 15_000 }).toBe('sent');
    expect(await page.locator('.msg-agent', { hasText: '亲，您好，在的！' }).count()).toBe(1);
    expect(await composer.inputValue()).toBe('请问您想了解哪方面呢');

    // The server stored it exactly once.
    const id = await offline.getAttribute('data-message-id');
    const conversationId = await page.locator('.conv-row.active').getAttribute('data-conversation-id');
    const detail = await page.evaluate(async (cid) => {
      const response = await fetch(`/api/conversations/${cid}`);
      return (await response.json()) as { events: { event: { type: string; id?: string } }[] };
    }, conversationId);
    expect(detail.events.filter((e) => e.event.type === 'agent-message' && e.event.id === id)).toHaveLength(
      1,
    );

    // And the conversation carries on: the draft goes out normally.
    await composer.press('Enter');
    await expect
      .poll(() => page.locator('.msg-agent', { hasText: '请问您想了解哪方面呢' }).getAttribute('data-status'))
      .toBe('sent');
    await page.screenshot({ path: join(SHOTS, 'reconnected.png') });
    await page.context().close();
  });

  it('the browser goes offline mid-chat, then the student is logged out in another tab: each says what happens, nothing is lost', async () => {
    const who = await seedUser(app, 'student', 'stu-offline');
    const page = await loggedInPage(who);
    await startSolo(page, '羽绒服选颜色和尺码');
    const composer = composerOf(page);
    const conversationId = await openConversationId(page);
    await shoppersUntil(conversationId, 'buyer-message');
    await caughtUp(page, conversationId);
    await send(page, '亲，您好~酒红色暂时缺货了，黑色、米白色和雾霾蓝都有现货哦');

    // Offline (Chromium's network off): the badge says so, and a line typed now says it waits for it.
    await page.context().setOffline(true);
    await expect.poll(() => connection(page).textContent(), { timeout: 15_000 }).toContain('正在重连');
    // The buyer asks the next question meanwhile.
    const buyerLines = async () =>
      (await logged(conversationId)).flatMap((e) => (e.type === 'buyer-message' ? [e.id] : []));
    const before = (await buyerLines()).length;
    for (let step = 0; step < 100 && (await buyerLines()).length === before; step++) {
      const next = clock.nextDue();
      if (next === null) break;
      await clock.advanceTo(next);
    }
    const question = (await buyerLines())[before];
    if (!question) throw new Error('the buyer wrote nothing more');
    await composer.fill('亲，按您的身高体重建议拍M码，版型是正常码');
    await composer.press('Enter');
    const reply = page.locator('.msg-agent', { hasText: '建议拍M码' });
    await reply.getByText('网络断开，恢复后自动发送').waitFor();
    await page.screenshot({ path: join(SHOTS, 'offline-pending.png') });

    // Back online: the reply is stored once and shows below the buyer line that came meanwhile, as the log has it.
    await page.context().setOffline(false);
    await expect.poll(() => reply.getAttribute('data-status'), { timeout: 20_000 }).toBe('sent');
    await page.locator(`.msg-buyer[data-message-id="${question}"]`).waitFor();
    const order = await page
      .locator('.msg-scroll [data-message-id]')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.messageId));
    const replyId = await reply.getAttribute('data-message-id');
    expect(order.indexOf(question)).toBeLessThan(order.indexOf(replyId!));

    // Logged out in another tab: the chat's tab says so on the login page, and logging in leads back
    // to the workbench with the draft.
    await composer.fill('还在打的草稿');
    await page.waitForTimeout(400);
    const other = await page.context().newPage();
    await other.goto(`http://127.0.0.1:${port}/`);
    await other.getByRole('button', { name: '退出登录' }).click();
    await page.getByText('你已退出登录（在别的窗口退出了，或登录已过期）').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SHOTS, 'logged-out-elsewhere.png') });
    await page.getByLabel('用户名').fill(who.user.username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => composerOf(page).inputValue(), { timeout: 15_000 }).toBe('还在打的草稿');
    expect(page.url()).toContain('#/workbench');
    await page.context().close();
  });

  it('a random mix: buyers walk in one by one; a reload keeps unread counts and the open buyer; 结束练习 ends it as 已放弃', async () => {
    // A student of their own: nothing open from the tests before.
    const mixer = await seedUser(app, 'student', 'stu-mix');
    const page = await loggedInPage(mixer);
    await page.getByRole('button', { name: '随机开始' }).click();
    await expect.poll(() => connection(page).textContent()).toContain('已连接');
    const first = await openConversationId(page);
    await shoppersUntil(first, 'buyer-message');
    await page.locator('.msg-buyer').first().waitFor();
    // Only the first buyer is in; the second walks in seconds later and is not listed before.
    const rows = page.locator('.conv-row');
    expect(await rows.count()).toBe(1);
    const second = await shoppersUntilAnother(first, mixer);
    const secondRow = page.locator(`.conv-row[data-conversation-id="${second}"]`);
    const badge = secondRow.locator('.badge [aria-hidden]');
    const buyerLines = async () => (await logged(second)).filter((e) => e.type === 'buyer-message').length;
    const seen = await buyerLines();
    await expect.poll(() => badge.textContent()).toBe(String(seen));

    // Read the second buyer and answer; back to the first while the second buyer writes again.
    await secondRow.click();
    await caughtUp(page, second);
    expect(await badge.count()).toBe(0);
    await send(page, '亲，在的，请问有什么可以帮您？');
    await page.locator(`.conv-row[data-conversation-id="${first}"]`).click();
    for (let step = 0; step < 100 && (await buyerLines()) === seen; step++) {
      const next = clock.nextDue();
      if (next === null) throw new Error('the second buyer wrote nothing more');
      await clock.advanceTo(next);
    }
    const unread = String((await buyerLines()) - seen);
    await expect.poll(() => badge.textContent()).toBe(unread);

    // A reload replays every event: only the lines not read count (1 stays 1), the open buyer stays open.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await openConversationId(page)).toBe(first);
    await caughtUp(page, first);
    await expect.poll(() => badge.textContent()).toBe(unread);

    // Open the second buyer: still the open one after another reload, nothing unread.
    await secondRow.click();
    await page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(() => openConversationId(page)).toBe(second);
    await caughtUp(page, second);
    expect(await badge.count()).toBe(0);

    // A product card is a card: picture, name, price, 立即购买.
    await page.getByRole('tab', { name: '商品' }).click();
    await page.getByRole('button', { name: '发送商品卡片' }).click();
    const card = page.locator('.msg-agent .product-card').last();
    await card.waitFor();
    expect(await card.textContent()).toContain('立即购买');
    expect(await card.textContent()).toMatch(/¥\d+/);
    // The phrase panel opens above the composer, never over the chat.
    await page.getByRole('button', { name: '快捷短语', exact: true }).click();
    const panel = await page.getByRole('region', { name: '快捷短语' }).boundingBox();
    const chat = await page.locator('.msg-scroll').boundingBox();
    expect(panel && chat && chat.y + chat.height <= panel.y + 1).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'cards-and-phrases.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'cards-and-phrases-390.png') });
    await page.setViewportSize({ width: 1366, height: 800 });
    await page.getByRole('button', { name: '快捷短语', exact: true }).click();

    await page.getByRole('button', { name: '结束练习' }).click();
    const dialog = page.getByRole('alertdialog', { name: '结束这次练习？' });
    await dialog.waitFor();
    await page.screenshot({ path: join(SHOTS, 'end-practice.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, 'end-practice-390.png') });
    await page.setViewportSize({ width: 1366, height: 800 });
    await dialog.getByRole('button', { name: '结束练习' }).click();
    await page.getByRole('heading', { name: /你好/ }).waitFor();
    const reports = page.getByRole('region', { name: '我的报告' });
    await expect.poll(() => reports.getByText('已放弃').count(), { timeout: 15_000 }).toBe(2);
    expect(await reports.getByText(/^\d+(\.\d)? 分$/).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'home-abandoned.png'), fullPage: true });
    await page.context().close();
  });
});
