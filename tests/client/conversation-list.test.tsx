import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConversationList } from '../../client/src/workbench/ConversationList.tsx';
import { buyerSays, conversationView, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

beforeEach(async () => {
  h = await setup();
});

function rowOrder(): string[] {
  return screen.getAllByRole('button').map((b) => b.getAttribute('data-conversation-id') ?? '');
}

function timerOf(id: string): HTMLElement | null {
  const row = document.querySelector(`[data-conversation-id="${id}"]`) as HTMLElement;
  return row.querySelector('.wait');
}

describe('ConversationList', () => {
  it('with no practice started and no drill joined, says nothing is open and leads home instead of waiting for buyers', async () => {
    h.stores.session.getState().go({ name: 'workbench' });
    h.render(<ConversationList />);
    expect(screen.queryByText('等待买家进店…')).toBeNull();
    const status = screen.getByRole('status');
    expect(status.textContent).toContain('现在没有进行中的接待');
    await h.user.click(within(status).getByRole('button', { name: '返回首页' }));
    expect(h.stores.session.getState().screen).toEqual({ name: 'home' });
  });

  it('waits for buyers once a drill is joined (they arrive over the socket) or a practice has its buyers', () => {
    h.stores.practice.getState().begin([], 'u1', 'drill-1');
    const view = h.render(<ConversationList />);
    expect(screen.getByText('等待买家进店…')).toBeTruthy();
    expect(screen.queryByText(/现在没有进行中的接待/)).toBeNull();
    view.unmount();
    h.stores.practice.getState().begin(['a'], 'u1');
    h.render(<ConversationList />);
    expect(screen.getByText('等待买家进店…')).toBeTruthy();
  });

  it('waits for a buyer who is known but has not walked in yet (试玩 opens the workbench with no practice begun)', () => {
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.render(<ConversationList />);
    expect(screen.getByText('等待买家进店…')).toBeTruthy();
    expect(screen.queryByText(/现在没有进行中的接待/)).toBeNull();
  });

  it('counts the wait from the first unanswered buyer message: amber past 3 s, red past 30 s', () => {
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.feed('a', buyerSays(T0, 'b1', '在吗？'));
    h.render(<ConversationList />);

    expect(timerOf('a')!.textContent).toBe('0s');
    expect(timerOf('a')!.dataset.level).toBe('ok');
    act(() => h.ticker.advance(2_900));
    expect(timerOf('a')!.dataset.level).toBe('ok');
    act(() => h.ticker.advance(200));
    expect(timerOf('a')!.textContent).toBe('3s');
    expect(timerOf('a')!.dataset.level).toBe('amber');
    // A second buyer message does not restart the wait: it counts from the first unanswered one.
    act(() => h.feed('a', buyerSays(T0 + 20_000, 'b2', '有人吗？')));
    act(() => h.ticker.set(T0 + 29_000));
    expect(timerOf('a')!.dataset.level).toBe('amber');
    // Late once over the benchmark, as the rules judge it: 30.000 s is still within it.
    act(() => h.ticker.set(T0 + 30_000));
    expect(timerOf('a')!.dataset.level).toBe('amber');
    act(() => h.ticker.set(T0 + 30_001));
    expect(timerOf('a')!.dataset.level).toBe('red');
    act(() => h.ticker.set(T0 + 65_000));
    expect(timerOf('a')!.textContent).toBe('1:05');
  });

  it('runs the timer on the server clock', () => {
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.feed('a', buyerSays(T0, 'b1', '在吗？'));
    // The server is 10 s ahead of this machine.
    act(() => h.stores.conversations.getState().setServerTime(T0 + 10_000, T0));
    h.render(<ConversationList />);
    expect(timerOf('a')!.textContent).toBe('10s');
    expect(timerOf('a')!.dataset.level).toBe('amber');
  });

  it('stops the timer when the agent replies', () => {
    h.stores.conversations.getState().upsertView(conversationView('a'));
    h.feed('a', buyerSays(T0, 'b1', '在吗？'));
    h.render(<ConversationList />);
    expect(timerOf('a')).not.toBeNull();
    act(() =>
      h.feed('a', { type: 'agent-message', at: T0 + 2_000, id: 'm1', text: '在的亲', source: 'typed' }),
    );
    expect(timerOf('a')).toBeNull();
  });

  it('sorts the longest-waiting first, then the others by latest activity, ended ones last', () => {
    const state = h.stores.conversations.getState();
    for (const id of ['quiet', 'recent', 'ended', 'late', 'early', 'later']) {
      state.upsertView(conversationView(id));
    }
    h.feed('quiet', buyerSays(T0 + 100, 'q1', '在吗'), {
      type: 'agent-message',
      at: T0 + 200,
      id: 'q2',
      text: '在的',
      source: 'typed',
    });
    // A random mix's later buyer: opened, but not walked in yet — not listed until their first line.
    h.feed('later', { type: 'started', at: T0 });
    h.feed('early', buyerSays(T0 + 1_000, 'e1', '这件有黑色吗？'));
    h.feed('late', buyerSays(T0 + 5_000, 'l1', '包邮吗？'));
    h.feed('recent', buyerSays(T0 + 2_000, 'r1', '你好'), {
      type: 'agent-message',
      at: T0 + 3_000,
      id: 'r2',
      text: '您好',
      source: 'typed',
    });
    h.feed('ended', buyerSays(T0 + 500, 'x1', '算了'), { type: 'ended', at: T0 + 800, reason: 'buyer-left' });
    h.render(<ConversationList />);
    expect(rowOrder()).toEqual(['early', 'late', 'recent', 'quiet', 'ended']);

    // Answering the longest wait moves it down; the other waiting buyer comes to the top.
    act(() =>
      h.feed('early', { type: 'agent-message', at: T0 + 6_000, id: 'e2', text: '有的', source: 'typed' }),
    );
    expect(rowOrder()).toEqual(['late', 'early', 'recent', 'quiet', 'ended']);

    // The later buyer walks in: now listed, waiting, at the top.
    act(() => h.feed('later', buyerSays(T0 + 4_000, 'n1', '你好，问下')));
    expect(rowOrder()).toEqual(['later', 'late', 'early', 'recent', 'quiet', 'ended']);
  });

  it('shows the last message and an unread badge that clears when the conversation is opened', async () => {
    const state = h.stores.conversations.getState();
    state.upsertView(conversationView('a'));
    state.upsertView(conversationView('b'));
    expect(h.stores.conversations.getState().activeId).toBe('a');
    h.feed('b', buyerSays(T0, 'b1', '在吗？'), buyerSays(T0 + 1_000, 'b2', '想问下尺码'));
    h.render(<ConversationList />);

    const row = screen.getByRole('button', { name: /买家b/ });
    expect(within(row).getByText('想问下尺码')).toBeTruthy();
    expect(within(row).getByText('2 条未读')).toBeTruthy();
    // Messages to the open conversation are read as they arrive.
    act(() => h.feed('a', buyerSays(T0 + 2_000, 'a1', '你好')));
    expect(screen.getByRole('button', { name: /买家a/ }).querySelector('.badge')).toBeNull();

    await h.user.click(row);
    expect(row.querySelector('.badge')).toBeNull();
    expect(row.getAttribute('aria-current')).toBe('true');
  });
});
