import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { OrdersTab } from '../../client/src/workbench/OrdersTab.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

beforeEach(async () => {
  h = await setup();
  h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
  h.stores.conversations.getState().upsertView(conversationView('a'));
  h.feed('a', buyerSays(T0, 'b1', '黑色有货吗？'));
  h.render(<OrdersTab conversationId="a" />);
});

function placeOrder() {
  act(() =>
    h.feed('a', {
      type: 'order-placed',
      at: T0 + 30_000,
      orderId: 'o-1',
      product: 'down-jacket',
      quantity: 1,
      amount: 399,
    }),
  );
  return screen.getByRole('region', { name: '订单 o-1' });
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

  it('shows an unpaid order with the 催付 card, which goes away once paid', async () => {
    const order = placeOrder();
    expect(within(order).getByText('轻薄白鸭绒羽绒服')).toBeTruthy();
    expect(within(order).getByText('待付款')).toBeTruthy();
    expect(within(order).getByText('¥399')).toBeTruthy();
    await h.user.click(within(order).getByRole('button', { name: '催付' }));
    expect(h.gateway.sent.map((s) => s.message)).toEqual([
      expect.objectContaining({ source: 'action', action: 'remindPayment' }),
    ]);

    act(() => h.feed('a', { type: 'order-paid', at: T0 + 40_000, orderId: 'o-1' }));
    expect(within(order).getByText('已付款')).toBeTruthy();
    expect(within(order).queryByRole('button', { name: '催付' })).toBeNull();
  });

  it('changes the shipping address', async () => {
    const order = placeOrder();
    const toggle = within(order).getByRole('button', { name: '修改地址' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await h.user.click(toggle);
    await h.user.type(within(order).getByRole('textbox', { name: '收货地址' }), '杭州市西湖区文三路 1 号');
    await h.user.click(within(order).getByRole('button', { name: '保存地址' }));
    expect(within(order).getByText('收货地址：杭州市西湖区文三路 1 号')).toBeTruthy();
    expect(within(order).queryByRole('textbox', { name: '收货地址' })).toBeNull();
    expect(h.stores.orderNotes.getState().byOrder['o-1']).toEqual({ address: '杭州市西湖区文三路 1 号' });
  });

  it('saves a seller note and says it is saved until it is edited again', async () => {
    const order = placeOrder();
    const note = within(order).getByRole('textbox', { name: '卖家备注' });
    await h.user.type(note, '送礼，不放发票');
    expect(within(order).queryByText('已保存')).toBeNull();
    await h.user.click(within(order).getByRole('button', { name: '保存备注' }));
    expect(within(order).getByText('已保存')).toBeTruthy();
    expect(h.stores.orderNotes.getState().byOrder['o-1']?.note).toBe('送礼，不放发票');
    await h.user.type(note, '！');
    expect(within(order).queryByText('已保存')).toBeNull();
  });

  it('disables the buyer-facing actions once the conversation has ended', () => {
    const order = placeOrder();
    act(() => h.feed('a', { type: 'ended', at: T0 + 90_000, reason: 'unpaid' }));
    expect((screen.getByRole('button', { name: '邀请下单' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(order).getByRole('button', { name: '催付' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
