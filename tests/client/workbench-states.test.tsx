// The workbench's empty and error states each say what to do next: before any buyer has come in, the chat
// pane says they will appear on the left (with a sound, Alt+1 opens the first) instead of "pick one"; while
// the server cannot be reached, a band says to keep the page open (replies go out once it is back) and whom
// to ask; it goes when the connection is back. (A session that ends: session-ended.test.tsx.)
import type { CatalogResponse } from '@kefu/shared/protocol';
import { act, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../../client/src/workbench/Workbench.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, polyfillDialog, setup } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

beforeAll(polyfillDialog);

async function workbench(language: 'zh-CN' | 'en' = 'zh-CN') {
  const http = apiFrom(async () => ({ products: [JACKET], phrases: [PHRASES] }) satisfies CatalogResponse);
  const h = await setup({ http, language });
  h.stores.practice.getState().begin(['a'], 'u1');
  await act(async () => {
    h.render(<Workbench />);
  });
  return h;
}

describe('the workbench before any buyer has come in', () => {
  it('says buyers will appear on the left, with a sound, and how to open the first', async () => {
    await workbench();
    expect(screen.getByText('等待买家进店…')).toBeTruthy();
    expect(screen.getByText(/买家还没进店。.*左边的会话列表.*提示音.*Alt\+1/)).toBeTruthy();
    expect(screen.queryByText('从左侧选择一个会话')).toBeNull();
  });

  it('once a buyer is listed and none is open, asks to pick one', async () => {
    const h = await workbench();
    act(() => {
      h.stores.conversations.getState().upsertView(conversationView('a'));
      h.feed('a', buyerSays(Date.now(), 'a1', '在吗'));
      h.stores.conversations.getState().setActive(null);
    });
    expect(screen.queryByText(/买家还没进店/)).toBeNull();
    expect(screen.getByText('从左侧选择一个会话')).toBeTruthy();
  });

  it('in English too', async () => {
    await workbench('en');
    expect(screen.getByText(/^No shopper has come in yet\./)).toBeTruthy();
  });
});

describe('the workbench while the server cannot be reached', () => {
  it('says to keep the page open and whom to ask, and stops once the connection is back', async () => {
    const h = await workbench();
    act(() => h.stores.connection.getState().setStatus('online'));
    expect(screen.queryByText(/连接断了/)).toBeNull();
    act(() => h.stores.connection.getState().setStatus('reconnecting'));
    const notice = screen.getByText(/与服务器的连接断了/);
    expect(notice.textContent).toContain('请不要关闭页面');
    expect(notice.textContent).toContain('告诉老师');
    act(() => h.stores.connection.getState().setStatus('online'));
    expect(screen.queryByText(/连接断了/)).toBeNull();
  });
});
