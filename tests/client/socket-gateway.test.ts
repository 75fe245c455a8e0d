// The socket gateway against a scripted fake socket (jsdom has no Socket.IO server): reconnect with resync
// from the last seq seen, pending messages flushed with the same client id, gaps filled, nothing lost.
import type {
  ConversationsResponse,
  EventEnvelope,
  PublicEvent,
  ResyncAck,
  SendAck,
} from '@kefu/shared/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSocketGateway, type SocketGatewayOptions } from '../../client/src/api/socket.ts';
import { initI18n } from '../../client/src/i18n/index.ts';
import { createStores, type Stores } from '../../client/src/stores/index.ts';
import { conversationView, T0 } from './harness.tsx';
import { apiFrom } from './staff/fake-http.ts';

type FakeSocketType = ReturnType<NonNullable<SocketGatewayOptions['connect']>>;
type Handler = (...args: never[]) => void;

interface Emitted {
  event: string;
  payload: unknown;
  ack: (err: Error | null, response: unknown) => void;
}

/** Just enough of a Socket.IO client socket: the test plays the server. */
class FakeSocket {
  connected = false;
  active = true;
  emitted: Emitted[] = [];
  private handlers = new Map<string, Handler[]>();

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  connect() {
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  timeout(_ms: number) {
    return {
      emit: (event: string, payload: unknown, ack: Emitted['ack']) => {
        this.emitted.push({ event, payload, ack });
      },
    };
  }
  /** The server side: deliver an event to the client's handlers. */
  serverSends(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
  goOnline() {
    this.connected = true;
    this.serverSends('connect');
  }
  drop() {
    this.connected = false;
    this.serverSends('disconnect', 'transport close');
  }
  take(event: string): Emitted[] {
    const matching = this.emitted.filter((e) => e.event === event);
    this.emitted = this.emitted.filter((e) => e.event !== event);
    return matching;
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function envelope(conversationId: string, seq: number, prevSeq: number, event: PublicEvent): EventEnvelope {
  return { conversationId, seq, prevSeq, event };
}

function start(openConversations = [conversationView('a')]) {
  const stores: Stores = createStores();
  const socket = new FakeSocket();
  const buyerAlerts: string[] = [];
  const httpCalls: string[] = [];
  const http = apiFrom(async (method: string, path: string) => {
    httpCalls.push(`${method} ${path}`);
    const body: ConversationsResponse = { conversations: openConversations, serverTime: T0 };
    return body;
  });
  const gateway = createSocketGateway(stores, {
    api: http,
    onBuyerMessage: (id) => buyerAlerts.push(id),
    connect: () => socket as unknown as FakeSocketType,
  });
  gateway.start();
  return { stores, socket, gateway, buyerAlerts, httpCalls };
}

function agentItems(stores: Stores, id = 'a') {
  return stores.conversations.getState().byId[id]!.items.filter((item) => item.kind === 'agent');
}

// Refusals are worded from their code in the UI language.
beforeAll(() => initI18n('zh-CN'));

describe('socket gateway', () => {
  it('on connect fetches the open conversations and resyncs each from seq 0', async () => {
    const { stores, socket, httpCalls } = start();
    expect(stores.connection.getState().status).toBe('connecting');
    socket.goOnline();
    await flush();
    expect(stores.connection.getState().status).toBe('online');
    expect(httpCalls).toEqual(['GET /api/conversations?status=open']);
    const [resync] = socket.take('conversation:resync');
    expect(resync!.payload).toEqual({ conversationId: 'a', afterSeq: 0 });
    const ack: ResyncAck = {
      ok: true,
      conversation: conversationView('a', { lastSeq: 2 }),
      serverTime: T0 + 1_000,
      events: [
        envelope('a', 1, 0, { type: 'started', at: T0 }),
        envelope('a', 2, 1, { type: 'buyer-message', at: T0 + 500, id: 'b1', text: '在吗？' }),
      ],
    };
    resync!.ack(null, ack);
    const entry = stores.conversations.getState().byId.a!;
    expect(entry.lastSeq).toBe(2);
    expect(entry.waitingSince).toBe(T0 + 500);
  });

  it('delivers a message with its client id and marks it sent on the ack; a refusal shows the reason', async () => {
    const { stores, socket, gateway } = start();
    socket.goOnline();
    await flush();
    socket.take('conversation:resync');
    const id = gateway.send('a', { text: '在的亲', source: 'typed' })!;
    expect(agentItems(stores)).toMatchObject([{ id, status: 'pending' }]);
    const [send] = socket.take('conversation:send');
    expect(send!.payload).toEqual({ conversationId: 'a', message: { id, text: '在的亲', source: 'typed' } });
    const ok: SendAck = { ok: true, seq: 3, at: T0 + 2_000, duplicate: true, events: [] };
    send!.ack(null, ok);
    expect(agentItems(stores)).toMatchObject([{ id, status: 'sent', at: T0 + 2_000 }]);

    gateway.send('a', { text: 'x'.repeat(3), source: 'typed' });
    const refused: SendAck = { ok: false, error: { code: 'conversation-ended', message: '会话已结束' } };
    socket.take('conversation:send')[0]!.ack(null, refused);
    expect(agentItems(stores)[1]).toMatchObject({
      status: 'failed',
      error: '这位买家的对话已经结束，不能再发送消息',
    });
  });

  it('takes its own message from the send’s ack as from a broadcast: one bubble, in the log’s place, no resync', async () => {
    const { stores, socket, gateway, buyerAlerts } = start();
    socket.goOnline();
    await flush();
    socket.take('conversation:resync')[0]!.ack(null, {
      ok: true,
      conversation: conversationView('a'),
      serverTime: T0,
      events: [
        envelope('a', 1, 0, { type: 'started', at: T0 }),
        envelope('a', 2, 1, { type: 'buyer-message', at: T0 + 500, id: 'b1', text: '在吗？' }),
      ],
    } satisfies ResyncAck);
    const id = gateway.send('a', { text: '在的亲', source: 'typed' })!;
    const [send] = socket.take('conversation:send');
    // A buyer line stored before the message, arriving while it is on its way.
    socket.serverSends(
      'conversation:event',
      envelope('a', 3, 2, { type: 'buyer-message', at: T0 + 900, id: 'b2', text: '有货吗' }),
    );
    const ack: SendAck = {
      ok: true,
      seq: 4,
      at: T0 + 1_000,
      duplicate: false,
      events: [
        envelope('a', 4, 3, { type: 'agent-message', at: T0 + 1_000, id, text: '在的亲', source: 'typed' }),
        envelope('a', 5, 4, { type: 'buyer-typing', at: T0 + 1_000 }),
      ],
    };
    send!.ack(null, ack);
    const entry = stores.conversations.getState().byId.a!;
    expect(entry.items.map((item) => item.kind)).toEqual(['notice', 'buyer', 'buyer', 'agent']);
    expect(agentItems(stores)).toMatchObject([{ id, status: 'sent', at: T0 + 1_000 }]);
    expect(entry.lastSeq).toBe(5);
    expect(entry.unconfirmed).toBe(0);
    expect(entry.typingAt).toBe(T0 + 1_000);
    expect(socket.take('conversation:resync')).toEqual([]);
    expect(buyerAlerts).toEqual(['a']);
    // The same events again (another tab's copy after a resync, say) change nothing.
    socket.serverSends('conversation:event', ack.events[0]);
    expect(stores.conversations.getState().byId.a!.items).toHaveLength(4);
  });

  it('an ack whose events show a gap asks for a resync, like a broadcast would', async () => {
    const { stores, socket, gateway } = start();
    socket.goOnline();
    await flush();
    socket.take('conversation:resync')[0]!.ack(null, {
      ok: true,
      conversation: conversationView('a'),
      serverTime: T0,
      events: [envelope('a', 1, 0, { type: 'started', at: T0 })],
    } satisfies ResyncAck);
    const id = gateway.send('a', { text: '在的亲', source: 'typed' })!;
    // seq 2 (a buyer line) was lost on the way.
    socket.take('conversation:send')[0]!.ack(null, {
      ok: true,
      seq: 3,
      at: T0 + 1_000,
      duplicate: false,
      events: [
        envelope('a', 3, 2, { type: 'agent-message', at: T0 + 1_000, id, text: '在的亲', source: 'typed' }),
      ],
    } satisfies SendAck);
    expect(socket.take('conversation:resync').map((e) => e.payload)).toEqual([
      { conversationId: 'a', afterSeq: 1 },
    ]);
    expect(agentItems(stores)).toMatchObject([{ id, status: 'sent' }]);
  });

  it('keeps messages sent while offline pending, then sends them again with the same id after reconnecting', async () => {
    const { stores, socket, gateway } = start();
    socket.goOnline();
    await flush();
    socket.take('conversation:resync')[0]!.ack(null, {
      ok: true,
      conversation: conversationView('a'),
      serverTime: T0,
      events: [
        envelope('a', 1, 0, { type: 'started', at: T0 }),
        envelope('a', 4, 1, { type: 'buyer-message', at: T0 + 500, id: 'b1', text: '在吗？' }),
      ],
    } satisfies ResyncAck);

    // An ack that never comes (timeout) fails the message without a server reason: it is retried later.
    const first = gateway.send('a', { text: '第一条', source: 'typed' })!;
    socket.take('conversation:send')[0]!.ack(new Error('operation has timed out'), undefined);
    expect(agentItems(stores)[0]).toMatchObject({ id: first, status: 'failed' });

    socket.drop();
    expect(stores.connection.getState().status).toBe('reconnecting');
    const second = gateway.send('a', { text: '第二条', source: 'typed' })!;
    expect(socket.take('conversation:send')).toEqual([]);
    expect(agentItems(stores)[1]).toMatchObject({ id: second, status: 'pending' });

    socket.goOnline();
    await flush();
    expect(stores.connection.getState().status).toBe('online');
    expect(stores.connection.getState().reconnects).toBe(1);
    // Resync from the last seq this client holds…
    expect(socket.take('conversation:resync').map((e) => e.payload)).toEqual([
      { conversationId: 'a', afterSeq: 4 },
    ]);
    // …and both unsent messages go again under their original ids.
    const resent = socket
      .take('conversation:send')
      .map((e) => (e.payload as { message: { id: string } }).message.id);
    expect(resent).toEqual([first, second]);
    expect(agentItems(stores).map((item) => item.status)).toEqual(['pending', 'pending']);
  });

  it('keeps a message whose ack was cut off by the connection dropping pending (not failed), and sends it again', async () => {
    const { stores, socket, gateway } = start();
    socket.goOnline();
    await flush();
    const id = gateway.send('a', { text: '在的亲', source: 'typed' })!;
    const [send] = socket.take('conversation:send');
    socket.drop();
    send!.ack(new Error('operation has timed out'), undefined);
    expect(agentItems(stores)[0]).toMatchObject({ id, status: 'pending' });
    socket.goOnline();
    await flush();
    expect(
      socket.take('conversation:send').map((e) => (e.payload as { message: { id: string } }).message.id),
    ).toEqual([id]);
  });

  it('asks for a resync when an envelope shows a gap, and alerts on live buyer messages', async () => {
    const { stores, socket, buyerAlerts } = start();
    socket.goOnline();
    await flush();
    socket.take('conversation:resync')[0]!.ack(null, {
      ok: true,
      conversation: conversationView('a'),
      serverTime: T0,
      events: [envelope('a', 1, 0, { type: 'started', at: T0 })],
    } satisfies ResyncAck);

    socket.serverSends(
      'conversation:event',
      envelope('a', 2, 1, { type: 'buyer-message', at: T0 + 1, id: 'b1', text: '你好' }),
    );
    expect(buyerAlerts).toEqual(['a']);
    expect(socket.take('conversation:resync')).toEqual([]);

    // seq 3 was lost on the way: seq 4 says its predecessor was 3.
    socket.serverSends(
      'conversation:event',
      envelope('a', 4, 3, { type: 'buyer-message', at: T0 + 3, id: 'b3', text: '在吗' }),
    );
    expect(stores.conversations.getState().byId.a!.lastSeq).toBe(2);
    expect(socket.take('conversation:resync').map((e) => e.payload)).toEqual([
      { conversationId: 'a', afterSeq: 2 },
    ]);
    // A duplicate is ignored.
    socket.serverSends(
      'conversation:event',
      envelope('a', 2, 1, { type: 'buyer-message', at: T0 + 1, id: 'b1', text: '你好' }),
    );
    expect(stores.conversations.getState().byId.a!.items.filter((i) => i.kind === 'buyer')).toHaveLength(1);
  });

  it('an event for a conversation it has not heard of triggers a resync that brings the conversation', async () => {
    const { stores, socket } = start([]);
    socket.goOnline();
    await flush();
    socket.serverSends('conversation:event', envelope('new', 1, 0, { type: 'started', at: T0 }));
    const [resync] = socket.take('conversation:resync');
    expect(resync!.payload).toEqual({ conversationId: 'new', afterSeq: 0 });
    resync!.ack(null, {
      ok: true,
      conversation: conversationView('new'),
      serverTime: T0,
      events: [envelope('new', 1, 0, { type: 'started', at: T0 })],
    } satisfies ResyncAck);
    expect(stores.conversations.getState().ids).toEqual(['new']);
  });
});

describe('after every buyer has left', () => {
  it('a reload brings back the practice’s ended conversations (and only those), so its summary is reachable', async () => {
    window.sessionStorage.clear();
    // The practice started with buyers a and b; both have left since.
    createStores({ draftStorage: window.sessionStorage }).practice.getState().begin(['a', 'b']);

    // The page reloads: fresh stores over the same sessionStorage, nothing open on the server.
    const stores = createStores({ draftStorage: window.sessionStorage });
    const socket = new FakeSocket();
    const httpCalls: string[] = [];
    const ended = (id: string) => conversationView(id, { status: 'ended', endedAt: T0 + 60_000, lastSeq: 1 });
    const http = apiFrom(async (method: string, path: string) => {
      httpCalls.push(`${method} ${path}`);
      const conversations = path.endsWith('status=ended') ? [ended('older'), ended('a'), ended('b')] : [];
      return { conversations, serverTime: T0 } satisfies ConversationsResponse;
    });
    createSocketGateway(stores, { api: http, connect: () => socket as unknown as FakeSocketType }).start();
    socket.goOnline();
    await flush();
    await flush();

    const state = stores.conversations.getState();
    expect(state.ids).toEqual(['a', 'b']); // an earlier practice's conversation stays out
    expect(state.ids.every((id) => state.byId[id]!.ended)).toBe(true);
    expect(state.activeId).toBe('a');
    // Their histories come back too.
    expect(socket.take('conversation:resync').map((e) => e.payload)).toEqual([
      { conversationId: 'a', afterSeq: 0 },
      { conversationId: 'b', afterSeq: 0 },
    ]);
    expect(httpCalls).toEqual(['GET /api/conversations?status=open', 'GET /api/conversations?status=ended']);
    window.sessionStorage.clear();
  });

  it('a new practice replaces the remembered one; a drill’s arrivals join it', async () => {
    const { stores, socket } = start([]);
    stores.practice.getState().begin(['x']);
    socket.goOnline();
    await flush();
    socket.serverSends('conversation:opened', { conversation: conversationView('d1', { drillId: 'drill' }) });
    expect(stores.practice.getState().conversationIds).toEqual(['x', 'd1']);
    stores.practice.getState().begin(['p1', 'p2']);
    expect(stores.practice.getState().conversationIds).toEqual(['p1', 'p2']);
  });
});

describe('order changes', () => {
  it('sends an order change with a client id and answers the server’s word: done, or refused by code', async () => {
    const { socket, gateway } = start();
    socket.goOnline();
    await flush();
    const done = gateway.updateOrder('a', { orderId: 'o1', address: '杭州市西湖区文三路90号' });
    const [first] = socket.take('conversation:order');
    const payload = first!.payload as { conversationId: string; update: { id: string } };
    expect(payload).toEqual({
      conversationId: 'a',
      update: { id: expect.stringMatching(/^c-/), orderId: 'o1', address: '杭州市西湖区文三路90号' },
    });
    first!.ack(null, { ok: true, seq: 7, at: T0, duplicate: true, events: [] } satisfies SendAck);
    expect(await done).toEqual({ ok: true });

    const refused = gateway.updateOrder('a', { option: '44码' });
    const [second] = socket.take('conversation:order');
    expect((second!.payload as typeof payload).update.id).not.toBe(payload.update.id);
    second!.ack(null, {
      ok: false,
      error: { code: 'option-out-of-stock', message: 'server words', params: { option: '44码' } },
    });
    expect(await refused).toEqual({ ok: false, error: '44码缺货，不能改成这个款式，换一个有货的' });
  });

  it('says the network is down instead of sending while offline', async () => {
    const { socket, gateway } = start();
    const result = await gateway.updateOrder('a', { note: '加急' });
    expect(result.ok).toBe(false);
    expect(socket.take('conversation:order')).toEqual([]);
  });
});

describe('drill announcements', () => {
  it('a drill:status from the server tells the screens listing drills to look again', async () => {
    const { stores, socket } = start([]);
    socket.goOnline();
    await flush();
    expect(stores.connection.getState().drillChanges).toBe(0);
    socket.serverSends('drill:status', { drill: { id: 'drill-1', status: 'running' } });
    expect(stores.connection.getState().drillChanges).toBe(1);
  });

  it('goes to the login page when the handshake is refused as unauthenticated — by code, not by wording', async () => {
    const socket = new FakeSocket();
    let loggedOut = 0;
    const gateway = createSocketGateway(createStores(), {
      api: apiFrom(async () => ({ conversations: [], serverTime: T0 })),
      onUnauthenticated: () => loggedOut++,
      connect: () => socket as unknown as FakeSocketType,
    });
    gateway.start();
    // Words that mention logging in, without the code, are some other failure: keep reconnecting.
    socket.serverSends('connect_error', new Error('请先登录 401 unauthorized'));
    expect(loggedOut).toBe(0);
    const refused = Object.assign(new Error('whatever the server says'), {
      data: { error: { code: 'unauthenticated', message: '请先登录' } },
    });
    socket.serverSends('connect_error', refused);
    expect(loggedOut).toBe(1);
    gateway.stop();
  });
});
