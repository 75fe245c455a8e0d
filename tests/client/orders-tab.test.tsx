// The order tab: each order as the log has it (number, SKU, amount, address, note, payment and shipping),
// the seller's order changes sent to the server (shown once its event comes back, refusals shown as said),
// 改价 or a coupon within the allowed concession, and a related product.
import type { Product } from '@kefu/shared/scenario/schema';
import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { OrdersTab } from '../../client/src/workbench/OrdersTab.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

/** The jacket in sizes too, so a SKU has two parts; white is in stock, red is not. */
const SIZED: Product = {
  ...JACKET,
  facts: {
    ...JACKET.facts,
    colour: {
      kind: 'options',
      topic: 'colour',
      options: [
        { value: '黑色', aliases: [], inStock: true },
        { value: '白色', aliases: [], inStock: true },
        { value: '红色', aliases: [], inStock: false },
      ],
    },
    size: {
      kind: 'options',
      topic: 'size',
      options: [
        { value: 'M码', aliases: [], inStock: true },
        { value: 'L码', aliases: [], inStock: true },
      ],
    },
  },
};
const SCARF: Product = { id: 'wool-scarf', name: '羊毛围巾', aliases: [], price: 89, facts: {} };

beforeEach(async () => {
  h = await setup();
  h.stores.catalog.getState().setCatalog([SIZED, SCARF], [PHRASES]);
  h.stores.conversations.getState().upsertView(conversationView('a'));
  h.feed('a', buyerSays(T0, 'b1', '黑色有货吗？'));
  h.render(<OrdersTab conversationId="a" />);
});

function placeOrder() {
  act(() =>
    h.feed('a', {
      type: 'order-placed',
      at: T0 + 30_000,
      orderId: 'o1',
      orderNo: '2611230001',
      product: 'down-jacket',
      quantity: 1,
      amount: 399,
      sku: { colour: '黑色', size: 'M码' },
      address: '上海市浦东新区世纪大道1号 周女士',
    }),
  );
  return screen.getByRole('region', { name: '订单 2611230001' });
}

/** The value shown after a label of the order's facts. */
function fact(order: HTMLElement, label: string): string {
  const term = within(order).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('OrdersTab', () => {
  it('invites an order before there is one', async () => {
    expect(screen.getByText('买家还没有下单')).toBeTruthy();
    await h.user.click(screen.getByRole('button', { name: '邀请下单' }));
    expect(h.gateway.sent).toHaveLength(1);
    expect(h.gateway.sent[0]!.message).toMatchObject({ source: 'action', action: 'inviteOrder' });
    // The card shows in the conversation at once as the student's own message.
    const own = h.stores.conversations.getState().byId.a!.items.at(-1);
    expect(own).toMatchObject({ kind: 'agent', card: 'order-invite', status: 'pending' });
  });

  it('shows an order: number, SKU, amount, address, note, payment and shipping; 催付 until paid', async () => {
    const order = placeOrder();
    expect(within(order).getByText('轻薄白鸭绒羽绒服')).toBeTruthy();
    expect(fact(order, '订单号')).toBe('2611230001');
    expect(fact(order, '款式')).toBe('黑色 · M码');
    expect(fact(order, '实付金额')).toContain('¥399');
    expect(fact(order, '收货地址')).toBe('上海市浦东新区世纪大道1号 周女士');
    expect(fact(order, '卖家备注')).toBe('无');
    expect(within(order).getByText('待付款')).toBeTruthy();
    expect(fact(order, '发货状态')).toBe('未付款，未发货');
    await h.user.click(within(order).getByRole('button', { name: '催付' }));
    expect(h.gateway.sent.map((s) => s.message)).toEqual([
      expect.objectContaining({ source: 'action', action: 'remindPayment' }),
    ]);

    act(() => h.feed('a', { type: 'order-paid', at: T0 + 40_000, orderId: 'o1' }));
    expect(within(order).getByText('已付款')).toBeTruthy();
    expect(fact(order, '发货状态')).toBe('待发货');
    expect(within(order).queryByRole('button', { name: '催付' })).toBeNull();
  });

  it('changes the address through the server and shows it once the change is in the log', async () => {
    const order = placeOrder();
    const toggle = within(order).getByRole('button', { name: '修改地址' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await h.user.click(toggle);
    const field = within(order).getByRole('textbox', { name: '收货地址' });
    await h.user.clear(field);
    await h.user.type(field, '杭州市西湖区文三路90号 周女士');
    await h.user.click(within(order).getByRole('button', { name: '保存地址' }));
    expect(h.gateway.orders).toEqual([
      { conversationId: 'a', change: { orderId: 'o1', address: '杭州市西湖区文三路90号 周女士' } },
    ]);
    expect(within(order).queryByRole('textbox', { name: '收货地址' })).toBeNull();
    // Not shown as changed until the server's event says so.
    expect(fact(order, '收货地址')).toBe('上海市浦东新区世纪大道1号 周女士');
    act(() =>
      h.feed('a', {
        type: 'order-updated',
        at: T0 + 45_000,
        id: 'u1',
        orderId: 'o1',
        address: '杭州市西湖区文三路90号 周女士',
      }),
    );
    expect(fact(order, '收货地址')).toBe('杭州市西湖区文三路90号 周女士');
  });

  it('shows why the server refused a change and keeps the form open', async () => {
    const order = placeOrder();
    h.gateway.orderResult = { ok: false, error: '这位买家的对话已经结束，不能再改订单' };
    await h.user.click(within(order).getByRole('button', { name: '修改地址' }));
    await h.user.type(within(order).getByRole('textbox', { name: '收货地址' }), '，3楼');
    await h.user.click(within(order).getByRole('button', { name: '保存地址' }));
    expect(within(order).getByRole('alert').textContent).toBe('这位买家的对话已经结束，不能再改订单');
    expect(within(order).getByRole('textbox', { name: '收货地址' })).toBeTruthy();
  });

  it('changes the SKU to an option in stock; the current one and those out of stock cannot be picked', async () => {
    const order = placeOrder();
    await h.user.click(within(order).getByRole('button', { name: '修改款式' }));
    const select = within(order).getByRole('combobox', { name: '改成' }) as HTMLSelectElement;
    const option = (name: string) => within(select).getByRole('option', { name }) as HTMLOptionElement;
    expect(option('红色（缺货）').disabled).toBe(true);
    expect(option('黑色').disabled).toBe(true);
    expect(option('L码').disabled).toBe(false);
    await h.user.selectOptions(select, 'L码');
    await h.user.click(within(order).getByRole('button', { name: '确认修改款式' }));
    expect(h.gateway.orders.map((o) => o.change)).toEqual([{ orderId: 'o1', option: 'L码' }]);
    act(() =>
      h.feed('a', {
        type: 'order-updated',
        at: T0 + 45_000,
        id: 'u2',
        orderId: 'o1',
        option: 'L码',
        sku: { colour: '黑色', size: 'L码' },
      }),
    );
    expect(fact(order, '款式')).toBe('黑色 · L码');
  });

  it('adds a seller note', async () => {
    const order = placeOrder();
    const save = within(order).getByRole('button', { name: '保存备注' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await h.user.type(within(order).getByRole('textbox', { name: '卖家备注' }), '送礼，不放价格单');
    await h.user.click(save);
    expect(h.gateway.orders.map((o) => o.change)).toEqual([{ orderId: 'o1', note: '送礼，不放价格单' }]);
    act(() =>
      h.feed('a', {
        type: 'order-updated',
        at: T0 + 45_000,
        id: 'u3',
        orderId: 'o1',
        note: '送礼，不放价格单',
      }),
    );
    expect(fact(order, '卖家备注')).toBe('送礼，不放价格单');
  });

  it('sends a coupon before the order and 改价 on an unpaid one, showing the allowed concession', async () => {
    expect(screen.getByText('本单最多可让利 ¥30')).toBeTruthy();
    const amount = screen.getByRole('spinbutton', { name: '让利金额（元）' });
    await h.user.type(amount, '10');
    await h.user.click(screen.getByRole('button', { name: '发优惠券' }));
    expect(h.gateway.sent.at(-1)!.message).toMatchObject({ action: 'discount', amount: 10 });
    expect(h.gateway.sent.at(-1)!.message.text).toMatch(/^【优惠券】¥10/);

    placeOrder();
    await h.user.type(amount, '20');
    expect(screen.queryByRole('button', { name: '发优惠券' })).toBeNull();
    await h.user.click(screen.getByRole('button', { name: '改价' }));
    expect(h.gateway.sent.at(-1)!.message).toMatchObject({ action: 'discount', amount: 20 });
    expect(h.gateway.sent.at(-1)!.message.text).toMatch(/^【改价】/);
  });

  it('warns before a discount beyond the allowed concession, and sends nothing for a bad amount', async () => {
    const amount = screen.getByRole('spinbutton', { name: '让利金额（元）' });
    await h.user.type(amount, '50');
    expect(screen.getByText('超出可让利额度 ¥30，会被判为让利过多')).toBeTruthy();
    await h.user.clear(amount);
    await h.user.type(amount, '0');
    expect((screen.getByRole('button', { name: '发优惠券' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a new price after 改价 and a recommended item the buyer added', () => {
    const order = placeOrder();
    act(() =>
      h.feed(
        'a',
        {
          type: 'order-repriced',
          at: T0 + 41_000,
          orderId: 'o1',
          amount: 379,
          discount: 20,
          messageId: 'm9',
        },
        {
          type: 'order-item-added',
          at: T0 + 42_000,
          orderId: 'o1',
          product: 'wool-scarf',
          amount: 89,
          messageId: 'm10',
        },
      ),
    );
    expect(fact(order, '实付金额')).toContain('¥468');
    expect(fact(order, '加购商品')).toBe('羊毛围巾');
  });

  it('recommends another product of the shop', async () => {
    const select = screen.getByRole('combobox', { name: '关联推荐' });
    expect(within(select).queryByRole('option', { name: /羽绒服/ })).toBeNull();
    await h.user.selectOptions(select, 'wool-scarf');
    await h.user.click(screen.getByRole('button', { name: '发送推荐' }));
    expect(h.gateway.sent.at(-1)!.message).toMatchObject({
      action: 'recommend',
      product: 'wool-scarf',
      text: expect.stringMatching(/^【推荐】羊毛围巾 ¥89/),
    });
  });

  it('disables the buyer-facing actions and order changes once the conversation has ended', () => {
    const order = placeOrder();
    act(() => h.feed('a', { type: 'ended', at: T0 + 90_000, reason: 'unpaid' }));
    expect((screen.getByRole('button', { name: '邀请下单' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(order).getByRole('button', { name: '催付' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(order).getByRole('button', { name: '修改地址' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(within(order).queryByRole('textbox', { name: '卖家备注' })).toBeNull();
  });
});
