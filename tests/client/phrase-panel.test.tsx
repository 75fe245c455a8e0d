import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { Composer } from '../../client/src/workbench/Composer.tsx';
import { conversationView, JACKET, PHRASES, setup, T0 } from './harness.tsx';

type Harness = Awaited<ReturnType<typeof setup>>;
let h: Harness;

beforeEach(async () => {
  h = await setup();
  h.stores.catalog.getState().setCatalog([JACKET], [PHRASES]);
  h.stores.conversations.getState().upsertView(conversationView('a'));
  h.render(<Composer conversationId="a" />);
});

function panel() {
  return screen.getByRole('region', { name: '快捷短语' });
}

async function openPanel() {
  await h.user.click(screen.getByRole('button', { name: '快捷短语' }));
  return panel();
}

function composerValue(): string {
  return (screen.getByRole('combobox', { name: '输入消息' }) as HTMLTextAreaElement).value;
}

describe('PhrasePanel', () => {
  it('lists the phrases by group and puts the cursor in the search box', async () => {
    const p = await openPanel();
    const groups = within(p)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(groups).toEqual(['问候', '物流']);
    expect(within(within(p).getByRole('region', { name: '问候' })).getAllByRole('listitem')).toHaveLength(3);
    expect(document.activeElement).toBe(within(p).getByRole('searchbox'));
  });

  it('filters by title, text or code and says so when nothing matches', async () => {
    const p = await openPanel();
    const search = within(p).getByRole('searchbox');
    await h.user.type(search, '发货');
    expect(
      within(p)
        .getAllByRole('heading', { level: 3 })
        .map((x) => x.textContent),
    ).toEqual(['物流']);
    await h.user.clear(search);
    await h.user.type(search, '/dd');
    expect(
      within(p)
        .getAllByRole('button', { name: /^插入/ })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['插入：稍等']);
    await h.user.clear(search);
    await h.user.type(search, '退货');
    expect(within(p).getByText('没有匹配的话术')).toBeTruthy();
  });

  it('a click inserts the phrase into the composer for editing, without sending', async () => {
    const p = await openPanel();
    await h.user.click(within(p).getByRole('button', { name: '插入：发货时间' }));
    expect(h.gateway.sent).toHaveLength(0);
    expect(composerValue()).toBe('亲，今天下单48小时内发货哦~');
    expect(screen.queryByRole('region', { name: '快捷短语' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: '输入消息' }));
    // Sent unedited, it counts as the quick phrase.
    await h.user.keyboard('{Enter}');
    expect(h.gateway.sent[0]!.message).toEqual({
      text: '亲，今天下单48小时内发货哦~',
      source: 'phrase',
      phraseId: 'ship-time',
    });
  });

  it('the second action sends the phrase at once and leaves the draft alone', async () => {
    await h.user.click(screen.getByRole('combobox', { name: '输入消息' }));
    await h.user.keyboard('草稿');
    const p = await openPanel();
    await h.user.click(within(p).getByRole('button', { name: '直接发送：稍等' }));
    expect(h.gateway.sent.map((s) => s.message)).toEqual([
      { text: '亲，稍等一下，我帮您查一下哦~', source: 'phrase', phraseId: 'hold' },
    ]);
    expect(composerValue()).toBe('草稿');
  });

  it('sends nothing once the buyer has left: the send buttons are off', async () => {
    const p = await openPanel();
    act(() =>
      h.feed(
        'a',
        { type: 'buyer-left', at: T0 + 95_000, reason: 'patience', waitingFor: 'answers' },
        { type: 'ended', at: T0 + 95_000, reason: 'buyer-left' },
      ),
    );
    const send = within(p).getAllByRole('button', { name: /^直接发送/ });
    expect(send.length).toBeGreaterThan(0);
    expect(send.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await h.user.click(send[0]!);
    expect(h.gateway.sent).toHaveLength(0);
  });

  it('Escape closes the panel', async () => {
    await openPanel();
    await h.user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: '快捷短语' })).toBeNull();
  });
});
