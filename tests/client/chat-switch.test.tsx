// Switching conversations: the chat pane only ever holds the open buyer's history and composer. (QA found
// panes of earlier buyers left behind in the DOM after a few switches — two siblings shared one key.)
import type { CatalogResponse } from '@kefu/shared/protocol';
import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Workbench } from '../../client/src/workbench/Workbench.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;
let consoleErrors: unknown[][];

beforeEach(async () => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
  // jsdom does no layout: a 600 px history viewport and 50 px rows, so the virtualised list shows rows.
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
  const http = apiFrom(async (_method: string, path: string) => {
    if (path !== '/api/catalog') throw new Error(`unexpected ${path}`);
    const body: CatalogResponse = { products: [JACKET], phrases: [PHRASES] };
    return body;
  });
  h = await setup({ http });
  const state = h.stores.conversations.getState();
  for (const id of ['a', 'b', 'c']) state.upsertView(conversationView(id));
  for (const id of ['a', 'b', 'c'])
    h.feed(id, { type: 'started', at: T0 }, buyerSays(T0, `${id}1`, `我是${id}`));
  await act(async () => {
    h.render(<Workbench />);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function openPaneHoldsOnly(id: string): void {
  const chat = screen.getByRole('main', { name: `与 买家${id} 的对话` });
  const logs = within(chat).getAllByRole('log', { name: '消息记录' });
  expect(logs).toHaveLength(1);
  expect(within(chat).getAllByRole('combobox', { name: '输入消息' })).toHaveLength(1);
  const names = [...logs[0]!.querySelectorAll('.msg-buyer .msg-who')].map((el) => el.textContent);
  expect(names.length).toBeGreaterThan(0);
  expect(new Set(names)).toEqual(new Set([`买家${id}`]));
  expect(logs[0]!.textContent).not.toMatch(new RegExp(`我是(?!${id})`));
}

describe('switching conversations', () => {
  it('shows only the open buyer’s rows, however often the student switches and answers', async () => {
    openPaneHoldsOnly('a');
    for (const id of ['b', 'c', 'a', 'b', 'a', 'c']) {
      await h.user.click(screen.getByRole('button', { name: new RegExp(`买家${id}`) }));
      openPaneHoldsOnly(id);
      await h.user.keyboard('亲，在的{Enter}');
      act(() =>
        h.feed(id, buyerSays(h.ticker.now(), `${id}-${h.gateway.sent.length}`, `我是${id}，再问一句`)),
      );
      openPaneHoldsOnly(id);
    }
    expect(document.querySelectorAll('.msg-scroll')).toHaveLength(1);
    // React would have said so: siblings with one key are how the stale panes were left behind.
    expect(consoleErrors.map((args) => String(args[0]))).not.toContainEqual(
      expect.stringContaining('same key'),
    );
  });
});
