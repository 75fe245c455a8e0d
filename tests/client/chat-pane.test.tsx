// The chat pane: messages with times, order cards, notices, the typing indicator, and per-message delivery
// state with a retry that reuses the message's client id.
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatPane } from '../../client/src/workbench/ChatPane.tsx';
import { formatClock } from '../../client/src/workbench/format.ts';
import { buyerSays, conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

beforeEach(async () => {
  // jsdom does no layout: give the history a 600 px viewport and each row 50 px, so the virtualised list
  // has something to show.
  const viewport = (el: HTMLElement, size: number) => (el.classList.contains('msg-scroll') ? 600 : size);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function height(
    this: HTMLElement,
  ) {
    return viewport(this, 0);
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function width(this: HTMLElement) {
    return viewport(this, 0);
  });
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function height(
    this: HTMLElement,
  ) {
    return viewport(this, 50);
  });
  h = await setup();
  h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
  h.stores.conversations.getState().upsertView(conversationView('a'));
  h.feed('a', { type: 'started', at: T0 }, buyerSays(T0 + 1_000, 'b1', '这件有黑色吗？'));
  h.render(<ChatPane conversationId="a" />);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const log = () => screen.getByRole('log', { name: '消息记录' });

describe('ChatPane', () => {
  it('shows buyer messages with their time, the products asked about, and notices', () => {
    const message = within(log()).getByText('这件有黑色吗？').closest('[data-message-id]') as HTMLElement;
    expect(within(message).getByText(formatClock(T0 + 1_000))).toBeTruthy();
    expect(within(message).getByText('买家a')).toBeTruthy();
    expect(within(log()).getByText('买家进店了', { exact: false })).toBeTruthy();
    const viewing = screen.getByRole('list', { name: '买家咨询的商品' });
    expect(viewing.textContent).toContain('轻薄白鸭绒羽绒服');
    expect(viewing.textContent).toContain('¥399');
  });

  it('shows the photo a buyer sent with the line, from the library', () => {
    act(() =>
      h.feed('a', {
        type: 'buyer-message',
        at: T0 + 2_000,
        id: 'b2',
        text: '收到的橙子坏了好几个',
        image: 'images/bad-oranges.png',
      }),
    );
    const message = within(log())
      .getByText('收到的橙子坏了好几个')
      .closest('[data-message-id]') as HTMLElement;
    const photo = within(message).getByRole('img', { name: '买家发来的图片' });
    expect(photo.getAttribute('src')).toBe('/library/images/bad-oranges.png');
    expect(within(message).queryAllByRole('img')).toHaveLength(1);
  });

  it('shows the buyer typing until their message lands, and not for ever', () => {
    const typing = () => screen.queryByText('对方正在输入…');
    expect(typing()).toBeNull();
    act(() => h.feed('a', { type: 'buyer-typing', at: T0 + 2_000 }));
    expect(typing()).toBeTruthy();
    act(() => h.feed('a', buyerSays(T0 + 3_000, 'b2', '还有M码吗')));
    expect(typing()).toBeNull();
    act(() => h.feed('a', { type: 'buyer-typing', at: T0 + 4_000 }));
    act(() => h.ticker.set(T0 + 4_000 + 7_000));
    expect(typing()).toBeTruthy();
    act(() => h.ticker.set(T0 + 4_000 + 9_000));
    expect(typing()).toBeNull();
  });

  it('shows an order card as 待付款 and then 已付款, with a notice when paid', () => {
    act(() =>
      h.feed('a', {
        type: 'order-placed',
        at: T0 + 5_000,
        orderId: 'o1',
        product: 'down-jacket',
        quantity: 2,
        amount: 798,
      }),
    );
    const card = log().querySelector('[data-order-id="o1"]') as HTMLElement;
    expect(within(card).getByText('待付款')).toBeTruthy();
    expect(within(card).getByText('轻薄白鸭绒羽绒服')).toBeTruthy();
    expect(within(card).getByText('数量 2')).toBeTruthy();
    act(() => h.feed('a', { type: 'order-paid', at: T0 + 9_000, orderId: 'o1' }));
    expect(
      within(log().querySelector('[data-order-id="o1"]') as HTMLElement).getByText('已付款'),
    ).toBeTruthy();
    expect(within(log()).getByText('买家已付款', { exact: false })).toBeTruthy();
  });

  it('marks a message pending, then failed with the reason, and retries it under the same id', async () => {
    let id = '';
    act(() => {
      id = h.gateway.send('a', { text: '有的亲', source: 'typed' })!;
    });
    const row = () => log().querySelector(`[data-message-id="${id}"]`) as HTMLElement;
    expect(row().dataset.status).toBe('pending');
    expect(within(row()).getByText('发送中')).toBeTruthy();
    // The connection drops: the row says the message waits for it and goes out by itself.
    act(() => h.stores.connection.getState().setStatus('reconnecting'));
    expect(within(row()).getByText('网络断开，恢复后自动发送')).toBeTruthy();
    act(() => h.stores.connection.getState().setStatus('online'));
    expect(within(row()).getByText('发送中')).toBeTruthy();

    const item = h.stores.conversations.getState().byId.a!.items.find((i) => i.kind === 'agent')!;
    act(() =>
      h.stores.conversations.getState().addOwn('a', {
        ...(item as Extract<typeof item, { kind: 'agent' }>),
        status: 'failed',
        error: '操作太频繁了',
      }),
    );
    expect(row().dataset.status).toBe('failed');
    expect(within(row()).getByRole('alert').textContent).toContain('发送失败：操作太频繁了');
    await h.user.click(within(row()).getByRole('button', { name: '重试' }));
    expect(h.gateway.retried).toEqual([{ conversationId: 'a', messageId: id }]);

    // The server's copy arrives: the message is sent, in the same place, without a status line.
    act(() => h.feed('a', { type: 'agent-message', at: T0 + 6_000, id, text: '有的亲', source: 'typed' }));
    expect(row().dataset.status).toBe('sent');
    expect(within(row()).queryByRole('alert')).toBeNull();
    expect(log().querySelectorAll(`[data-message-id="${id}"]`)).toHaveLength(1);
  });

  it('offers no 重试 for a message that failed because the conversation had ended', () => {
    let id = '';
    act(() => {
      id = h.gateway.send('a', { text: '亲，您好~', source: 'typed' })!;
    });
    act(() =>
      h.feed(
        'a',
        { type: 'buyer-left', at: T0 + 95_000, reason: 'patience', waitingFor: 'answers' },
        { type: 'ended', at: T0 + 95_000, reason: 'buyer-left' },
      ),
    );
    const item = h.stores.conversations.getState().byId.a!.items.find((i) => i.kind === 'agent')!;
    act(() =>
      h.stores.conversations.getState().addOwn('a', {
        ...(item as Extract<typeof item, { kind: 'agent' }>),
        status: 'failed',
        error: '这位买家的对话已经结束，不能再发送消息',
      }),
    );
    const row = log().querySelector(`[data-message-id="${id}"]`) as HTMLElement;
    expect(within(row).getByRole('alert').textContent).toContain('对话已经结束');
    expect(within(row).queryByRole('button', { name: '重试' })).toBeNull();
  });

  it('says when the buyer has left and offers the report once the conversation ends', () => {
    act(() =>
      h.feed(
        'a',
        { type: 'buyer-left', at: T0 + 95_000, reason: 'patience', waitingFor: 'reply' },
        { type: 'ended', at: T0 + 95_000, reason: 'buyer-left' },
      ),
    );
    expect(within(log()).getByText('买家等不及回复，已离开', { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: '查看本会话评分' })).toBeTruthy();
  });

  it('says the buyer left for want of an answer, not of a reply, when every message had one', () => {
    act(() =>
      h.feed(
        'a',
        { type: 'buyer-left', at: T0 + 95_000, reason: 'patience', waitingFor: 'answers' },
        { type: 'ended', at: T0 + 95_000, reason: 'buyer-left' },
      ),
    );
    expect(within(log()).getByText('买家没等到想要的答复，已离开', { exact: false })).toBeTruthy();
    expect(within(log()).queryByText('等不及', { exact: false })).toBeNull();
  });
});
