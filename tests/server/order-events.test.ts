// Order operations over the socket: `conversation:order` changes an order (address, SKU, note) as an event of
// the log, idempotent by its id; a change that cannot be made is refused with a stable code and stores
// nothing. Discount and recommendation cards travel as messages: the shop, not the sender, words a discount.
import type { Ack, ConversationEvent, PracticeResponse, SendAck } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from './helpers/manual-clock.ts';
import {
  api,
  connect,
  type LiveClient,
  request,
  seedUser,
  startServer,
  type TestServer,
  type TestUser,
} from './helpers/server.ts';

let server: TestServer;
let clock: ManualClock;
let student: TestUser;
let other: TestUser;
let client: LiveClient;

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 10, 23, 2, 0, 0));
  server = await startServer({ clock, seedSource: () => 11 });
  student = await seedUser(server.app, 'student');
  other = await seedUser(server.app, 'student');
  client = await connect(server, student);
});

afterAll(async () => {
  client?.close();
  await server?.close();
  server?.cleanup();
});

async function start(scenarioId: string, as: TestUser = student): Promise<string> {
  const res = await api<PracticeResponse>(server, 'POST', '/api/practice', { as, body: { scenarioId } });
  expect(res.status).toBe(200);
  return res.body.conversations[0]!.id;
}

async function log(id: string): Promise<ConversationEvent[]> {
  return (await server.app.eventLog.read(id)).map((s) => s.event);
}

/** Lets the buyer type and send until the log holds an event of this type. */
async function until(id: string, type: ConversationEvent['type']): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await log(id)).some((e) => e.type === type)) return;
    await clock.advanceBy(1_000);
  }
  throw new Error(`no ${type} in ${id}`);
}

const order = (conversationId: string, update: Record<string, unknown>) =>
  request<Ack<SendAck>>(client.socket, 'conversation:order', { conversationId, update });

describe('conversation:order', () => {
  it('changes the SKU in the log, shows it to the student, and a repeat of the id changes nothing', async () => {
    const id = await start('mid-change-size-shoes');
    await until(id, 'order-placed');
    const ack = await order(id, { id: 'u1', option: '42码' });
    expect(ack).toMatchObject({ ok: true, duplicate: false });
    const updated = (await log(id)).find((e) => e.type === 'order-updated');
    expect(updated).toMatchObject({ id: 'u1', option: '42码', sku: { colour: '黑白色', size: '42码' } });
    expect(client.events.some((e) => e.conversationId === id && e.event.type === 'order-updated')).toBe(true);

    const length = (await log(id)).length;
    const again = await order(id, { id: 'u1', option: '42码' });
    expect(again).toEqual({ ...ack, duplicate: true, events: [] });
    expect(await log(id)).toHaveLength(length);
  });

  it('changes the address and adds a seller note', async () => {
    const id = await start('mid-change-size-shoes');
    await until(id, 'order-placed');
    const ack = await order(id, { id: 'u2', address: '杭州市西湖区文三路90号 周女士', note: '改42码' });
    expect(ack.ok).toBe(true);
    expect((await log(id)).find((e) => e.type === 'order-updated')).toMatchObject({
      address: '杭州市西湖区文三路90号 周女士',
      note: '改42码',
    });
  });

  it('refuses what cannot be done with a stable code, and stores nothing', async () => {
    const id = await start('mid-change-size-shoes');
    await until(id, 'order-placed');
    const before = (await log(id)).length;
    const refused: Array<[Record<string, unknown>, string, Record<string, unknown>?]> = [
      [{ id: 'r1', option: '44码' }, 'option-out-of-stock', { option: '44码' }],
      [{ id: 'r2', option: '紫色' }, 'option-unknown', { option: '紫色' }],
      [{ id: 'r3', orderId: 'o9', note: '加急' }, 'order-not-found'],
      [{ id: 'r4' }, 'bad-request'],
      [{ id: 'r5', address: '   ' }, 'bad-request'],
      [{ id: 'r6', note: 'x', price: 1 }, 'bad-request'],
    ];
    for (const [update, code, params] of refused) {
      const ack = await order(id, update);
      expect(ack, JSON.stringify(update)).toMatchObject({ ok: false, error: { code } });
      if (!ack.ok && params) expect(ack.error.params).toEqual(params);
      if (!ack.ok) expect(ack.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await log(id)).toHaveLength(before);
    // A refused id is not spent: once valid, it goes through.
    expect(await order(id, { id: 'r1', option: '43码' })).toMatchObject({ ok: true, duplicate: false });
  });

  it('refuses a change before the buyer ordered, in another student’s conversation, and after the end', async () => {
    const early = await start('pre-shoes-size-by-foot');
    await clock.advanceBy(3_000);
    expect(await order(early, { id: 'e1', note: '加急' })).toMatchObject({
      ok: false,
      error: { code: 'no-order-yet' },
    });

    const theirs = await start('mid-change-size-shoes', other);
    await until(theirs, 'order-placed');
    expect(await order(theirs, { id: 'x1', option: '42码' })).toMatchObject({
      ok: false,
      error: { code: 'conversation-not-found' },
    });
    expect((await log(theirs)).some((e) => e.type === 'order-updated')).toBe(false);

    const ended = await start('mid-change-size-shoes');
    await until(ended, 'order-placed');
    const abandon = await api(server, 'POST', '/api/practice/abandon', { as: student });
    expect(abandon.status).toBe(200);
    expect(await order(ended, { id: 'z1', option: '42码' })).toMatchObject({
      ok: false,
      error: { code: 'conversation-ended' },
    });
  });
});

describe('discount and recommendation cards', () => {
  it('words a discount on an unpaid order as 改价, whatever text the sender gave, and reprices it', async () => {
    const id = await start('mid-remind-pay-price-doubt');
    await until(id, 'order-placed');
    const ack = await request<Ack<SendAck>>(client.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'd1', text: '【优惠券】随便写的', source: 'action', action: 'discount', amount: 20 },
    });
    expect(ack.ok).toBe(true);
    const events = await log(id);
    const card = events.find((e) => e.type === 'agent-message' && e.id === 'd1');
    expect(card).toMatchObject({ card: 'discount', amount: 20 });
    expect(card && 'text' in card ? card.text : '').toMatch(/^【改价】.*¥20/);
    expect(events.find((e) => e.type === 'order-repriced')).toMatchObject({ discount: 20, messageId: 'd1' });
  });

  it('words a discount before any order as a coupon', async () => {
    const id = await start('pre-shoes-size-by-foot');
    await until(id, 'buyer-message');
    await request<Ack<SendAck>>(client.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'd2', text: '【改价】', source: 'action', action: 'discount', amount: 10 },
    });
    const card = (await log(id)).find((e) => e.type === 'agent-message' && e.id === 'd2');
    expect(card && 'text' in card ? card.text : '').toMatch(/^【优惠券】¥10/);
  });

  it('refuses a recommendation of a product the shop does not have, and a picture not in the library', async () => {
    const id = await start('pre-shoes-size-by-foot');
    await until(id, 'buyer-message');
    const before = (await log(id)).length;
    const ghost = await request<Ack<SendAck>>(client.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'g1', text: '【推荐】', source: 'action', action: 'recommend', product: 'flying-car' },
    });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'product-unknown' } });
    const picture = await request<Ack<SendAck>>(client.socket, 'conversation:send', {
      conversationId: id,
      message: { id: 'g2', text: '尺码表', source: 'phrase', image: 'images/not-there.png' },
    });
    expect(picture).toMatchObject({ ok: false, error: { code: 'image-unknown' } });
    expect(await log(id)).toHaveLength(before);
  });
});
