// Cards in the chat are cards: a product card (商品卡片) and a recommendation show the product's picture,
// name, price and 立即购买 from the catalogue, never an id; an order card names its product.
import type { Product } from '@kefu/shared/scenario/schema';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatItem } from '../../client/src/conversation/chat-item.ts';
import { MessageRow } from '../../client/src/workbench/MessageRow.tsx';
import { ProductTab } from '../../client/src/workbench/ProductTab.tsx';
import { conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

const SCARF: Product = {
  ...JACKET,
  id: 'wool-scarf',
  name: '羊毛围巾',
  price: 129,
  image: 'images/scarf.png',
};

/** The chat's rows as MessageList renders them (without its virtualiser, which needs a real layout). */
function Rows({ items }: { items: readonly ChatItem[] }) {
  return (
    <>
      {items.map((item) => (
        <MessageRow key={item.key} item={item} buyerName="买家a" productId="down-jacket" />
      ))}
    </>
  );
}

describe('cards in the chat', () => {
  it('shows the product card and a recommendation as product cards with 立即购买', async () => {
    const h = await setup();
    h.stores.catalog.getState().setCatalog([JACKET, SCARF], [PHRASES]);
    h.stores.conversations.getState().upsertView(conversationView('a', { products: ['down-jacket'] }));
    h.feed(
      'a',
      {
        type: 'agent-message',
        at: T0 + 1_000,
        id: 'm1',
        text: '【商品】轻薄白鸭绒羽绒服 ¥399',
        source: 'action',
        action: 'sendProductCard',
        card: 'product',
      },
      {
        type: 'agent-message',
        at: T0 + 2_000,
        id: 'm2',
        text: '【推荐】羊毛围巾 ¥129',
        source: 'action',
        action: 'recommend',
        card: 'recommend',
        product: 'wool-scarf',
      },
    );
    const items = h.stores.conversations.getState().byId.a?.items ?? [];
    await act(async () => {
      h.render(<Rows items={items} />);
    });
    const card = screen.getByRole('figure', { name: '商品卡片：轻薄白鸭绒羽绒服' });
    expect(within(card).getByText('¥399')).toBeTruthy();
    expect(within(card).getByText('立即购买')).toBeTruthy();
    const recommended = screen.getByRole('figure', { name: '推荐：羊毛围巾' });
    expect(within(recommended).getByText('¥129')).toBeTruthy();
    expect(recommended.querySelector('img')?.getAttribute('src')).toBe('/library/images/scarf.png');
    expect(document.body.textContent).not.toMatch(/down-jacket|wool-scarf/);
  });

  it('an order for a product the catalogue does not know shows no id', async () => {
    const h = await setup();
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.feed('a', {
      type: 'order-placed',
      at: T0 + 1_000,
      orderId: 'o-1',
      product: 'retired-product',
      quantity: 1,
      amount: 99,
    });
    const items = h.stores.conversations.getState().byId.a?.items ?? [];
    await act(async () => {
      h.render(<Rows items={items} />);
    });
    expect(screen.getByText('¥99')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/retired-product|o-1/);
  });

  it('a quick phrase’s picture (a size chart) shows under the text, as the buyer sees it', async () => {
    const h = await setup();
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.feed('a', {
      type: 'agent-message',
      at: T0 + 1_000,
      id: 'm1',
      text: '亲，这是尺码表~',
      source: 'phrase',
      phraseId: 'chart',
      image: 'images/size-chart-jacket.png',
    });
    const items = h.stores.conversations.getState().byId.a?.items ?? [];
    await act(async () => {
      h.render(<Rows items={items} />);
    });
    const picture = screen.getByRole('img', { name: '随话术发出的图片' });
    expect(picture.getAttribute('src')).toBe('/library/images/size-chart-jacket.png');
  });
});

describe('the product tab', () => {
  it('shows each product’s picture, and a drawn placeholder for one without', async () => {
    const h = await setup();
    h.stores.catalog.getState().setCatalog([JACKET, SCARF], [PHRASES]);
    h.stores.conversations
      .getState()
      .upsertView(conversationView('a', { products: ['wool-scarf', 'down-jacket'] }));
    h.render(<ProductTab conversationId="a" />);
    const scarf = screen.getByRole('region', { name: '羊毛围巾' });
    expect(scarf.querySelector('img.product-picture')?.getAttribute('src')).toBe('/library/images/scarf.png');
    const jacket = screen.getByRole('region', { name: '轻薄白鸭绒羽绒服' });
    expect(jacket.querySelector('img')).toBeNull();
    expect(jacket.querySelector('.product-picture-none')?.textContent).toBe('轻');
  });
});
