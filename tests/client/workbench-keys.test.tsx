// Keyboard-first: the action records drive the keys and the shortcuts help alike.
import type { CatalogResponse } from '@kefu/shared/protocol';
import { act, screen, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEY_ACTIONS } from '../../client/src/keyboard/actions.ts';
import { Workbench } from '../../client/src/workbench/Workbench.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, polyfillDialog, setup, T0 } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;
let catalogRequests = 0;

beforeAll(polyfillDialog);

beforeEach(async () => {
  catalogRequests = 0;
  const http = apiFrom(async (_method: string, path: string) => {
    if (path !== '/api/catalog') throw new Error(`unexpected ${path}`);
    catalogRequests += 1;
    const body: CatalogResponse = { products: [JACKET], phrases: [PHRASES] };
    return body;
  });
  h = await setup({ http });
  const state = h.stores.conversations.getState();
  for (const id of ['a', 'b', 'c']) state.upsertView(conversationView(id));
  // b has waited longest, then c; a was answered.
  h.feed('a', buyerSays(T0, 'a1', '你好'), {
    type: 'agent-message',
    at: T0 + 500,
    id: 'a2',
    text: '您好',
    source: 'typed',
  });
  h.feed('b', buyerSays(T0 + 1_000, 'b1', '在吗'));
  h.feed('c', buyerSays(T0 + 2_000, 'c1', '有货吗'));
  await act(async () => {
    h.render(<Workbench />);
  });
});

function active(): string | null {
  return h.stores.conversations.getState().activeId;
}

describe('Workbench keyboard', () => {
  it('loads the catalogue once and asks the gateway to catch up', () => {
    expect(catalogRequests).toBe(1);
    expect(h.gateway.syncs).toBe(1);
    expect(h.stores.catalog.getState().phrases).toHaveLength(4);
  });

  it('Alt+↓ / Alt+↑ walk the conversations in list order; Alt+number jumps', async () => {
    expect(active()).toBe('a');
    // List order: b, c (waiting, longest first), then a.
    await h.user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(active()).toBe('b');
    await h.user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(active()).toBe('c');
    await h.user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    expect(active()).toBe('b');
    await h.user.keyboard('{Alt>}3{/Alt}');
    expect(active()).toBe('a');
    // Switching puts the cursor in the new conversation's composer, ready to type.
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: '输入消息' }));
    await h.user.keyboard('你好');
    expect(h.stores.drafts.getState().byConversation.a).toBe('你好');
    expect(screen.getByRole('heading', { level: 2, name: '买家a' })).toBeTruthy();
  });

  it('Alt+I focuses the composer and Alt+P toggles the phrase panel', async () => {
    await h.user.keyboard('{Alt>}i{/Alt}');
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: '输入消息' }));
    await h.user.keyboard('{Alt>}p{/Alt}');
    expect(screen.getByRole('region', { name: '快捷短语' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^直接发送/ })).toHaveLength(4);
    await h.user.keyboard('{Alt>}p{/Alt}');
    expect(screen.queryByRole('region', { name: '快捷短语' })).toBeNull();
  });

  it('F1 opens the shortcuts help, listing every action record', async () => {
    await h.user.keyboard('{F1}');
    const dialog = screen.getByRole('dialog', { name: '键盘快捷键' });
    const rows = within(dialog).getAllByRole('row');
    // Every key action plus the composer's own keys (send, new line, complete).
    expect(rows).toHaveLength(KEY_ACTIONS.length + 3);
    expect(within(dialog).getByRole('rowheader', { name: '打开/关闭快捷短语' })).toBeTruthy();
    await h.user.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(h.stores.ui.getState().helpOpen).toBe(false);
  });

  it('offers the report of a conversation once it has ended', async () => {
    act(() => h.feed('a', { type: 'ended', at: T0 + 50_000, reason: 'finished' }));
    await h.user.click(screen.getByRole('button', { name: '查看本会话评分' }));
    expect(h.stores.session.getState().screen).toEqual({ name: 'summary', conversationIds: ['a'] });
  });
});
