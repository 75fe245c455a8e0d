// Nothing typed is lost: drafts live in their own store (a reconnect never touches them) and are saved to
// sessionStorage, so even a page reload brings them back.
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraftsStore } from '../../client/src/stores/drafts.ts';
import { Composer } from '../../client/src/workbench/Composer.tsx';
import { conversationView, setup } from './harness.tsx';

afterEach(() => {
  vi.useRealTimers();
  sessionStorage.clear();
});

describe('drafts', () => {
  it('survive the connection dropping and coming back', async () => {
    const h = await setup();
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.render(<Composer conversationId="a" />);
    const input = screen.getByRole('combobox', { name: '输入消息' }) as HTMLTextAreaElement;
    await h.user.click(input);
    await h.user.keyboard('亲，这款有现货');
    act(() => {
      h.stores.connection.getState().setStatus('reconnecting');
      h.stores.conversations.getState().upsertView(conversationView('a', { lastSeq: 9 }));
      h.stores.connection.getState().setStatus('online');
    });
    expect(input.value).toBe('亲，这款有现货');
    await h.user.keyboard('的{Enter}');
    expect(h.gateway.sent.map((s) => s.message.text)).toEqual(['亲，这款有现货的']);
  });

  it('are saved to session storage and restored by a new store (page reload)', () => {
    vi.useFakeTimers();
    const first = createDraftsStore(sessionStorage);
    first.getState().setDraft('a', '写到一半');
    first.getState().setDraft('b', '另一个');
    vi.advanceTimersByTime(300);
    first.getState().clear('b');
    vi.advanceTimersByTime(300);
    const reloaded = createDraftsStore(sessionStorage);
    expect(reloaded.getState().byConversation).toEqual({ a: '写到一半' });
  });

  it('are saved at once when the page goes away (a reload right after typing)', () => {
    vi.useFakeTimers();
    const first = createDraftsStore(sessionStorage);
    first.getState().setDraft('a', '刚打完的字');
    window.dispatchEvent(new Event('pagehide'));
    const reloaded = createDraftsStore(sessionStorage);
    expect(reloaded.getState().byConversation).toEqual({ a: '刚打完的字' });
  });

  it('ignore a corrupt saved value', () => {
    sessionStorage.setItem('kefu.drafts', '{not json');
    expect(createDraftsStore(sessionStorage).getState().byConversation).toEqual({});
  });
});
