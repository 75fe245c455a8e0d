// Stores are read through selectors: a new message or a keystroke re-renders only the parts that show it.

import { screen } from '@testing-library/react';
import { act, Profiler, type ProfilerOnRenderCallback } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChatPane } from '../../client/src/workbench/ChatPane.tsx';
import { ConversationList } from '../../client/src/workbench/ConversationList.tsx';
import { SidePanel } from '../../client/src/workbench/SidePanel.tsx';
import { buyerSays, conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;
const renders = new Map<string, number>();
const count: ProfilerOnRenderCallback = (id) => {
  renders.set(id, (renders.get(id) ?? 0) + 1);
};

beforeEach(async () => {
  renders.clear();
  h = await setup();
  h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
  for (const id of ['a', 'b']) h.stores.conversations.getState().upsertView(conversationView(id));
  h.feed('a', buyerSays(T0, 'a1', '在吗'));
  h.feed('b', buyerSays(T0, 'b1', '你好'));
  h.render(
    <>
      <Profiler id="list" onRender={count}>
        <ConversationList />
      </Profiler>
      <Profiler id="chat-a" onRender={count}>
        <ChatPane conversationId="a" />
      </Profiler>
      <Profiler id="side-a" onRender={count}>
        <SidePanel conversationId="a" />
      </Profiler>
    </>,
  );
  renders.clear();
});

describe('render isolation', () => {
  it('a message for another conversation does not re-render the open chat or its side panel', () => {
    act(() => h.feed('b', buyerSays(T0 + 1_000, 'b2', '有货吗')));
    expect(renders.get('list')).toBeGreaterThan(0);
    expect(renders.get('chat-a')).toBeUndefined();
    expect(renders.get('side-a')).toBeUndefined();
  });

  it('typing re-renders the composer only: not the list, not the side panel', async () => {
    await h.user.click(screen.getByRole('combobox', { name: '输入消息' }));
    renders.clear();
    await h.user.keyboard('亲在的');
    expect(renders.get('chat-a')).toBeGreaterThan(0); // the composer lives in the chat pane
    expect(renders.get('list')).toBeUndefined();
    expect(renders.get('side-a')).toBeUndefined();
  });

  it('after the first character, typing renders nothing at all, and the draft still follows every key', async () => {
    const input = screen.getByRole('combobox', { name: '输入消息' }) as HTMLTextAreaElement;
    await h.user.click(input);
    await h.user.keyboard('亲');
    renders.clear();
    await h.user.keyboard('，在的呢');
    expect(renders.get('chat-a')).toBeUndefined();
    expect(input.value).toBe('亲，在的呢');
    expect(h.stores.drafts.getState().byConversation.a).toBe('亲，在的呢');
    // A `/` code does render: its completions are shown.
    await h.user.keyboard(' /d');
    expect(renders.get('chat-a')).toBeGreaterThan(0);
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('a clock tick that changes no wait text renders nothing; the tick that does renders the list', () => {
    expect(screen.getAllByText('0s')).toHaveLength(2);
    act(() => h.ticker.advance(250));
    act(() => h.ticker.advance(250));
    expect(renders.get('list')).toBeUndefined();
    expect(renders.get('chat-a')).toBeUndefined();
    act(() => h.ticker.advance(500));
    expect(renders.get('list')).toBeGreaterThan(0);
    expect(screen.getAllByText('1s')).toHaveLength(2);
  });
});
