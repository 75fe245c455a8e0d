// The pure fold from the server's events to what the chat pane shows.
import type { EventEnvelope, PublicEvent } from '@kefu/shared/protocol';
import { describe, expect, it } from 'vitest';
import type { AgentItem } from '../../client/src/conversation/chat-item.ts';
import {
  applyEnvelope,
  applyEnvelopes,
  type ConversationEntry,
  createEntry,
  upsertOwnMessage,
} from '../../client/src/conversation/entry.ts';
import { createConversationsStore } from '../../client/src/stores/conversations.ts';
import { conversationView, T0 } from './harness.tsx';

const env = (seq: number, prevSeq: number, event: PublicEvent, conversationId = 'a'): EventEnvelope => ({
  conversationId,
  seq,
  prevSeq,
  event,
});

const own = (id: string, text: string): AgentItem => ({
  kind: 'agent',
  key: `m:${id}`,
  id,
  at: T0 + 1,
  text,
  source: 'typed',
  status: 'pending',
});

describe('applyEnvelopes', () => {
  it('applies in order, drops duplicates, stops at a gap, and leaves the input untouched', () => {
    const start = createEntry(conversationView('a'));
    const { entry, results } = applyEnvelopes(start, [
      env(1, 0, { type: 'started', at: T0 }),
      env(3, 1, { type: 'buyer-message', at: T0 + 5, id: 'b1', text: '在吗' }), // seq 2 was hidden
      env(3, 1, { type: 'buyer-message', at: T0 + 5, id: 'b1', text: '在吗' }),
      env(9, 7, { type: 'buyer-message', at: T0 + 9, id: 'b9', text: '?' }),
    ]);
    expect(results).toEqual(['applied', 'applied', 'duplicate', 'gap']);
    expect(entry.lastSeq).toBe(3);
    expect(entry.items.map((i) => i.kind)).toEqual(['notice', 'buyer']);
    expect(entry.waitingSince).toBe(T0 + 5);
    expect(start.items).toEqual([]);
    expect(start.lastSeq).toBe(0);
    expect(applyEnvelope(entry, env(2, 1, { type: 'started', at: T0 })).entry).toBe(entry);
  });

  it('puts the server’s copy of an own message in place of the optimistic one, in the log’s order', () => {
    const rows = (e: ConversationEntry) =>
      e.items.map((i) =>
        i.kind === 'agent' ? `${i.id}:${i.status}` : i.kind === 'buyer' ? `buyer:${i.id}` : i.kind,
      );
    let entry = applyEnvelope(createEntry(conversationView('a')), env(1, 0, buyer('b1', '在吗'))).entry;
    entry = upsertOwnMessage(entry, own('c1', '在的'));
    entry = applyEnvelope(entry, env(2, 1, buyer('b2', '有黑色吗'))).entry;
    entry = upsertOwnMessage(entry, own('c2', '有的'));
    expect(entry.unconfirmed).toBe(2);
    // The buyer's b2 was stored before c1 (it came while c1 was on its way, e.g. offline): the student's
    // chat shows what the report and their other tabs show, c1 answering b2, and c2 still pending after it.
    entry = applyEnvelope(entry, env(3, 2, agent('c1', '在的'))).entry;
    expect(rows(entry)).toEqual(['buyer:b1', 'buyer:b2', 'c1:sent', 'c2:pending']);
    entry = applyEnvelope(entry, env(4, 3, agent('c2', '有的'))).entry;
    expect(rows(entry)).toEqual(['buyer:b1', 'buyer:b2', 'c1:sent', 'c2:sent']);
    // Confirmed at once, nothing in between: it stays where it stands.
    entry = upsertOwnMessage(entry, own('c3', '拍下就发'));
    entry = applyEnvelope(entry, env(5, 4, agent('c3', '拍下就发'))).entry;
    expect(rows(entry)).toEqual(['buyer:b1', 'buyer:b2', 'c1:sent', 'c2:sent', 'c3:sent']);
    expect(entry.unconfirmed).toBe(0);
    // A late failure report does not undo what the server confirmed.
    expect(upsertOwnMessage(entry, { ...own('c1', '在的'), status: 'failed' })).toBe(entry);
  });

  it('shows the same chat whether a send’s ack or its own event comes first', () => {
    // The server acknowledges a student's send, then publishes the step's events (the own message first).
    const sent = (id: string, text: string): AgentItem => ({ ...own(id, text), status: 'sent', at: T0 + 2 });
    const play = (ackFirst: boolean) => {
      const store = createConversationsStore();
      store.getState().upsertView(conversationView('a'));
      store.getState().receive(env(1, 0, buyer('b1', '在吗')));
      store.getState().addOwn('a', own('c1', '在的'));
      // b2 was stored before c1 (it came while c1 was on its way): c1's place is after it.
      store.getState().receive(env(2, 1, buyer('b2', '有黑色吗')));
      const ack = () => store.getState().addOwn('a', sent('c1', '在的'));
      const echo = () => store.getState().receive(env(3, 2, agent('c1', '在的')));
      if (ackFirst) {
        ack();
        echo();
      } else {
        echo();
        ack();
      }
      return store.getState().byId.a!;
    };
    const ackFirst = play(true);
    const echoFirst = play(false);
    const rows = (e: ConversationEntry) =>
      e.items.map((i) =>
        i.kind === 'agent' ? `${i.id}:${i.status}` : i.kind === 'buyer' ? `buyer:${i.id}` : i.kind,
      );
    expect(rows(ackFirst)).toEqual(['buyer:b1', 'buyer:b2', 'c1:sent']);
    expect(rows(echoFirst)).toEqual(rows(ackFirst));
    for (const entry of [ackFirst, echoFirst]) {
      expect(entry.unconfirmed).toBe(0);
      expect(entry.lastSeq).toBe(3);
      expect(entry.waitingSince).toBeNull();
    }
  });

  it('marks orders paid and ends the turn when the buyer leaves', () => {
    const { entry } = applyEnvelopes(createEntry(conversationView('a')), [
      env(1, 0, buyer('b1', '拍了')),
      env(2, 1, { type: 'order-placed', at: T0 + 1, orderId: 'o1', product: 'p', quantity: 2, amount: 10 }),
      env(3, 2, { type: 'order-paid', at: T0 + 2, orderId: 'o1' }),
      env(4, 3, { type: 'buyer-left', at: T0 + 3, reason: 'patience', waitingFor: 'reply' }),
    ]);
    expect(entry.items.find((i) => i.kind === 'order')).toMatchObject({ orderId: 'o1', paidAt: T0 + 2 });
    expect(entry.items.at(-1)).toMatchObject({ kind: 'notice', notice: 'leftPatience' });
    expect(entry.left).toBe(true);
    expect(entry.waitingSince).toBeNull();
  });

  it('says why the buyer left only as the shopper logged it', () => {
    const leaving = (left: Record<string, unknown>) =>
      applyEnvelopes(createEntry(conversationView('a')), [
        env(1, 0, buyer('b1', '有礼盒吗')),
        env(2, 1, { type: 'buyer-left', at: T0 + 90_000, reason: 'patience', ...left } as never),
      ]).entry.items.at(-1);
    expect(leaving({ waitingFor: 'answers' })).toMatchObject({ notice: 'leftUnresolved' });
    expect(leaving({ waitingFor: 'change' })).toMatchObject({ notice: 'leftUnresolved' });
    expect(leaving({ waitingFor: 'reply' })).toMatchObject({ notice: 'leftPatience' });
    // A log from before the shopper said what the buyer waited for names no cause it cannot show.
    expect(leaving({})).toMatchObject({ notice: 'left' });
    expect(leaving({ reason: 'scripted' })).toMatchObject({ notice: 'left' });
  });

  it('catches up on a long history in one pass', () => {
    const envelopes = Array.from({ length: 20_000 }, (_, i) =>
      env(i + 1, i, i % 2 ? agent(`a${i}`, '好的') : buyer(`b${i}`, '在吗')),
    );
    const { entry, results } = applyEnvelopes(createEntry(conversationView('a')), envelopes);
    expect(results.every((r) => r === 'applied')).toBe(true);
    expect(entry.items).toHaveLength(20_000);
    expect(new Set(entry.items.map((i) => i.key)).size).toBe(20_000);
  });
});

describe('conversations store receiveMany', () => {
  it('applies a batch to several conversations at once and counts unread buyer lines off-screen', () => {
    const store = createConversationsStore();
    store.getState().upsertView(conversationView('a'));
    store.getState().upsertView(conversationView('b'));
    let notifications = 0;
    store.subscribe(() => {
      notifications += 1;
    });
    const results = store
      .getState()
      .receiveMany([
        env(1, 0, buyer('a1', '你好'), 'a'),
        env(1, 0, buyer('b1', '在吗'), 'b'),
        env(2, 1, buyer('b2', '有货吗'), 'b'),
        env(1, 0, buyer('x1', '?'), 'x'),
      ]);
    expect(results).toEqual(['applied', 'applied', 'applied', 'unknown']);
    expect(notifications).toBe(1);
    const { byId } = store.getState();
    expect(byId.a!.unread).toBe(0); // a is open
    expect(byId.b!.unread).toBe(2);
    expect(byId.b!.preview).toBe('有货吗');
  });
});

function buyer(id: string, text: string): PublicEvent {
  return { type: 'buyer-message', at: T0 + 1, id, text };
}

function agent(id: string, text: string): PublicEvent {
  return { type: 'agent-message', at: T0 + 2, id, text, source: 'typed' };
}
