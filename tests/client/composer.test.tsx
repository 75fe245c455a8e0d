import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../client/src/workbench/Composer.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

beforeEach(async () => {
  h = await setup();
  h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
  h.stores.conversations.getState().upsertView(conversationView('a'));
  h.feed('a', { type: 'started', at: T0 }, buyerSays(T0 + 1_000, 'b1', '在吗？'));
  h.render(<Composer conversationId="a" />);
});

function input(): HTMLTextAreaElement {
  return screen.getByRole('combobox', { name: '输入消息' }) as HTMLTextAreaElement;
}

function ownMessages() {
  return h.stores.conversations.getState().byId.a!.items.filter((item) => item.kind === 'agent');
}

describe('Composer', () => {
  it('sends on Enter and clears the draft; the message shows as pending at once', async () => {
    await h.user.click(input());
    await h.user.keyboard('你好，在的{Enter}');
    expect(h.gateway.sent).toEqual([
      { conversationId: 'a', message: { text: '你好，在的', source: 'typed' }, id: 'client-1' },
    ]);
    expect(input().value).toBe('');
    expect(ownMessages()).toMatchObject([{ text: '你好，在的', status: 'pending' }]);
  });

  it('breaks the line on Shift+Enter without sending', async () => {
    await h.user.click(input());
    await h.user.keyboard('第一行{Shift>}{Enter}{/Shift}第二行');
    expect(h.gateway.sent).toHaveLength(0);
    expect(input().value).toBe('第一行\n第二行');
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent.map((s) => s.message.text)).toEqual(['第一行\n第二行']);
  });

  it('does not send an empty or whitespace-only draft', async () => {
    await h.user.click(input());
    await h.user.keyboard('   {Enter}');
    expect(h.gateway.sent).toHaveLength(0);
    expect((screen.getByRole('button', { name: '发送' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers phrases for `/` + code, exact code first, and Enter completes instead of sending', async () => {
    await h.user.click(input());
    await h.user.keyboard('/hy');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      expect.stringContaining('/hy 简短问候'),
      expect.stringContaining('/hy2 在的'),
    ]);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent).toHaveLength(0);
    expect(input().value).toBe('亲，您好~ 有什么可以帮您的吗？');
    expect(screen.queryByRole('listbox')).toBeNull();
    // An unedited phrase goes out as the phrase (so scoring knows it was a quick phrase).
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent[0]!.message).toEqual({
      text: '亲，您好~ 有什么可以帮您的吗？',
      source: 'phrase',
      phraseId: 'greet-short',
    });
  });

  it('moves through completions with the arrow keys and completes inside a sentence', async () => {
    await h.user.click(input());
    await h.user.keyboard('好的 /hy{ArrowDown}');
    expect(screen.getAllByRole('option')[1]!.getAttribute('aria-selected')).toBe('true');
    await h.user.keyboard('{Tab}');
    expect(input().value).toBe('好的 在的亲，请问有什么可以帮您？');
    await h.user.keyboard('{Enter}');
    // Text around the phrase makes it the student's own message.
    expect(h.gateway.sent[0]!.message).toEqual({
      text: '好的 在的亲，请问有什么可以帮您？',
      source: 'typed',
    });
  });

  it('follows the caret: moving back into a `/code` offers it, and completing keeps the text after it', async () => {
    await h.user.click(input());
    await h.user.keyboard('/hy 好的');
    expect(screen.queryByRole('listbox')).toBeNull();
    await h.user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(screen.getAllByRole('option')).toHaveLength(2);
    await h.user.keyboard('{Enter}');
    expect(input().value).toBe('亲，您好~ 有什么可以帮您的吗？ 好的');
    expect(h.gateway.sent).toHaveLength(0);
  });

  it('shows no completions for an unknown code, and Escape dismisses them', async () => {
    await h.user.click(input());
    await h.user.keyboard('/zzz');
    expect(screen.queryByRole('listbox')).toBeNull();
    await h.user.clear(input());
    await h.user.keyboard('/d');
    expect(screen.getByRole('listbox')).toBeTruthy();
    await h.user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).toBeNull();
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent.map((s) => s.message.text)).toEqual(['/d']);
  });

  it('an edited phrase is sent as typed text', async () => {
    await h.user.click(input());
    await h.user.keyboard('/dd{Enter}');
    await h.user.keyboard('！{Enter}');
    expect(h.gateway.sent[0]!.message).toEqual({ text: '亲，稍等一下，我帮您查一下哦~！', source: 'typed' });
  });

  it('keeps each conversation’s draft in the drafts store', async () => {
    await h.user.click(input());
    await h.user.keyboard('还没写完');
    expect(h.stores.drafts.getState().byConversation.a).toBe('还没写完');
  });

  it('refuses to send once the buyer has left', async () => {
    act(() => h.feed('a', { type: 'buyer-left', at: T0 + 60_000, reason: 'patience' }));
    await h.user.click(input());
    await h.user.keyboard('抱歉久等了{Enter}');
    expect(h.gateway.sent).toHaveLength(0);
    expect(screen.getByText('会话已结束，不能再发送')).toBeTruthy();
  });

  it('counts characters near the 2,000 limit, and marks the count once over it', async () => {
    const counter = () => screen.queryByText(/\/ 2000$/);
    act(() => h.stores.drafts.getState().setDraft('a', '好'.repeat(1_000)));
    expect(counter()).toBeNull(); // a normal message shows no counter
    act(() => h.stores.drafts.getState().setDraft('a', '好'.repeat(1_850)));
    expect(counter()?.textContent).toBe('1850 / 2000');
    expect(counter()?.classList.contains('over')).toBe(false);
    act(() => h.stores.drafts.getState().setDraft('a', '好'.repeat(2_001)));
    expect(counter()?.textContent).toBe('2001 / 2000');
    expect(counter()?.classList.contains('over')).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain('消息过长');
    expect((screen.getByRole('button', { name: '发送' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a draft changed outside the textarea, and typing goes on from it', async () => {
    await h.user.click(input());
    await h.user.keyboard('亲');
    act(() => h.stores.drafts.getState().setDraft('a', '亲，这款有现货'));
    expect(input().value).toBe('亲，这款有现货');
    input().setSelectionRange(7, 7);
    await h.user.keyboard('哦{Enter}');
    expect(h.gateway.sent.map((s) => s.message.text)).toEqual(['亲，这款有现货哦']);
    expect(input().value).toBe('');
    act(() => h.stores.drafts.getState().setDraft('a', '写到一半'));
    act(() => h.stores.drafts.getState().clear('a'));
    expect(input().value).toBe('');
    expect((screen.getByRole('button', { name: '发送' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
