// Quick-phrase variables and pictures in the workbench: filled from the open conversation on insert, a
// variable with no value flagged and never sent as "{订单号}", an image phrase sent with its picture; and
// the emoji picker.
import type { PhraseLibrary } from '@kefu/shared/scenario/schema';
import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../client/src/workbench/Composer.tsx';
import { buyerSays, conversationView, JACKET, setup, T0 } from './harness.tsx';

const LIBRARY: PhraseLibrary = {
  id: 'shop',
  name: '本店话术',
  groups: [
    {
      id: 'order',
      name: '订单',
      phrases: [
        { id: 'welcome', code: 'hy', title: '欢迎', text: '{买家}您好，欢迎光临~', topics: [] },
        {
          id: 'check',
          code: 'hd',
          title: '核对订单',
          text: '亲，订单{订单号}（{商品}）核对好了~',
          topics: [],
        },
        {
          id: 'chart',
          code: 'cmt',
          title: '尺码表',
          text: '亲，这是尺码表，对照身高体重选就可以~',
          image: 'images/size-chart-jacket.png',
          topics: [],
        },
      ],
    },
  ],
};

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

beforeEach(async () => {
  h = await setup();
  h.stores.catalog.getState().setCatalog([JACKET], [LIBRARY]);
  h.stores.conversations
    .getState()
    .upsertView(conversationView('a', { buyer: { name: '阿May', returning: false, orders: [] } }));
  h.feed('a', { type: 'started', at: T0 }, buyerSays(T0 + 1_000, 'b1', '在吗？'));
  h.render(<Composer conversationId="a" />);
});

const input = () => screen.getByRole('combobox', { name: '输入消息' }) as HTMLTextAreaElement;

async function insert(title: string) {
  await h.user.click(screen.getByRole('button', { name: '快捷短语' }));
  const panel = screen.getByRole('region', { name: '快捷短语' });
  await h.user.click(within(panel).getByRole('button', { name: `插入：${title}` }));
}

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
      sku: { colour: '黑色' },
    }),
  );
}

describe('quick-phrase variables in the composer', () => {
  it('fills the buyer’s nick on insert and sends it as the phrase', async () => {
    await insert('欢迎');
    expect(input().value).toBe('阿May您好，欢迎光临~');
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent[0]!.message).toEqual({
      text: '阿May您好，欢迎光临~',
      source: 'phrase',
      phraseId: 'welcome',
    });
  });

  it('fills the order number and the product once the buyer has ordered', async () => {
    placeOrder();
    await insert('核对订单');
    expect(input().value).toBe('亲，订单2611230001（轻薄白鸭绒羽绒服）核对好了~');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('before an order, leaves {订单号} visible, flags it, selects it and refuses to send it', async () => {
    await insert('核对订单');
    expect(input().value).toBe('亲，订单{订单号}（轻薄白鸭绒羽绒服）核对好了~');
    expect(screen.getByRole('alert').textContent).toBe('{订单号} 还没有填写：换成实际内容再发送');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().value.slice(input().selectionStart, input().selectionEnd)).toBe('{订单号}');
    await h.user.keyboard('{Enter}');
    await h.user.click(screen.getByRole('button', { name: '发送' }));
    expect(h.gateway.sent).toHaveLength(0);
    // Typed over, it goes out as the phrase, filled by the student.
    await h.user.keyboard('2611230001');
    expect(screen.queryByRole('alert')).toBeNull();
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent[0]!.message).toEqual({
      text: '亲，订单2611230001（轻薄白鸭绒羽绒服）核对好了~',
      source: 'phrase',
      phraseId: 'check',
    });
  });

  it('直接发送 never sends a variable left to fill: the phrase goes to the composer instead', async () => {
    await h.user.click(screen.getByRole('button', { name: '快捷短语' }));
    await h.user.click(screen.getByRole('button', { name: '直接发送：核对订单' }));
    expect(h.gateway.sent).toHaveLength(0);
    expect(input().value).toBe('亲，订单{订单号}（轻薄白鸭绒羽绒服）核对好了~');
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('`/` completion fills the variables too, and selects one left to fill', async () => {
    await h.user.click(input());
    await h.user.keyboard('/hd{Enter}');
    expect(input().value).toBe('亲，订单{订单号}（轻薄白鸭绒羽绒服）核对好了~');
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(input().value.slice(input().selectionStart, input().selectionEnd)).toBe('{订单号}');
  });
});

describe('image phrases', () => {
  it('are marked in the panel and send their picture, inserted or sent at once', async () => {
    await h.user.click(screen.getByRole('button', { name: '快捷短语' }));
    expect(screen.getByRole('button', { name: '插入：尺码表' }).textContent).toContain('附图');
    await h.user.click(screen.getByRole('button', { name: '直接发送：尺码表' }));
    await insert('尺码表');
    await h.user.keyboard('{Enter}');
    const chart = {
      text: '亲，这是尺码表，对照身高体重选就可以~',
      source: 'phrase',
      phraseId: 'chart',
      image: 'images/size-chart-jacket.png',
    };
    expect(h.gateway.sent.map((s) => s.message)).toEqual([chart, chart]);
  });

  it('an edited image phrase is the student’s own text, without the picture', async () => {
    await insert('尺码表');
    await h.user.keyboard('有问题再问我{Enter}');
    expect(h.gateway.sent[0]!.message).toEqual({
      text: '亲，这是尺码表，对照身高体重选就可以~有问题再问我',
      source: 'typed',
    });
  });
});

describe('emoji picker', () => {
  it('opens from the toolbar, moves with the arrows and inserts at the caret', async () => {
    await h.user.click(input());
    await h.user.keyboard('好的亲{ArrowLeft}');
    await h.user.click(screen.getByRole('button', { name: '表情' }));
    const picker = screen.getByRole('dialog', { name: '选择表情' });
    expect(document.activeElement).toBe(within(picker).getAllByRole('button')[0]);
    await h.user.keyboard('{ArrowRight}{ArrowDown}{Enter}');
    expect(screen.queryByRole('dialog', { name: '选择表情' })).toBeNull();
    expect(input().value).toBe('好的😅亲');
    expect(document.activeElement).toBe(input());
  });

  it('Escape closes it and gives the composer back its focus', async () => {
    await h.user.click(screen.getByRole('button', { name: '表情' }));
    await h.user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(input());
    expect(input().value).toBe('');
  });
});
