// The live connection: Socket.IO to the same origin (the HttpOnly cookie rides along), automatic
// reconnect, and catch-up from the last seq of every conversation whenever the socket (re)connects or an
// envelope shows a gap. Messages keep their client id across retries; pending ones are flushed on reconnect.
import type {
  ClientToServerEvents,
  EventEnvelope,
  ResyncAck,
  SendAck,
  ServerToClientEvents,
} from '@kefu/shared/protocol';
import { io, type Socket } from 'socket.io-client';
import type { AgentItem } from '../conversation/chat-item.ts';
import { cardOfAction } from '../conversation/chat-item.ts';
import { newClientId } from '../conversation/outgoing.ts';
import type { Stores } from '../stores/index.ts';
import { handshakeRefusal } from './error-text.ts';
import type { Gateway } from './gateway.ts';
import type { Api } from './http.ts';

type WorkbenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 8_000;

export interface SocketGatewayOptions {
  api: Api;
  /** A buyer wrote (live, not replayed history): ring and flash the title. */
  onBuyerMessage?: (conversationId: string) => void;
  onUnauthenticated?: () => void;
  connect?: () => WorkbenchSocket;
}

export interface SocketGateway extends Gateway {
  start(): void;
  stop(): void;
}

export function createSocketGateway(stores: Stores, options: SocketGatewayOptions): SocketGateway {
  const conversations = stores.conversations;
  const connection = stores.connection;
  const socket: WorkbenchSocket =
    options.connect?.() ??
    io({
      autoConnect: false,
      withCredentials: true,
      // WebSocket only: browsers always send Origin on the upgrade (the server checks it), but not on a
      // same-origin polling GET; and one long-lived connection is all the workbench needs.
      transports: ['websocket'],
      reconnectionDelay: 300,
      reconnectionDelayMax: 2_000,
    });
  const resyncing = new Set<string>();
  const resyncAgain = new Set<string>();

  function serverNow(): number {
    return Date.now() + conversations.getState().clockOffset;
  }

  function resync(conversationId: string): void {
    if (!socket.connected) return;
    if (resyncing.has(conversationId)) {
      resyncAgain.add(conversationId);
      return;
    }
    resyncing.add(conversationId);
    const afterSeq = conversations.getState().byId[conversationId]?.lastSeq ?? 0;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('conversation:resync', { conversationId, afterSeq }, (err: Error | null, ack: ResyncAck) => {
        resyncing.delete(conversationId);
        if (!err && ack.ok) {
          const state = conversations.getState();
          state.upsertView(ack.conversation);
          state.setServerTime(ack.serverTime);
          if (state.receiveMany(ack.events).includes('gap')) resyncAgain.add(conversationId);
        }
        if (resyncAgain.delete(conversationId) || err) {
          // A gap showed up meanwhile, or the ack timed out: try once more while connected.
          if (socket.connected) setTimeout(() => resync(conversationId), err ? 1_000 : 0);
        }
      });
  }

  function onEvent(envelope: EventEnvelope): void {
    const result = conversations.getState().receive(envelope);
    if (result === 'gap' || result === 'unknown') resync(envelope.conversationId);
    else if (result === 'applied' && envelope.event.type === 'buyer-message') {
      options.onBuyerMessage?.(envelope.conversationId);
    }
  }

  /** A send's or order change's ack carries its step's events: this socket gets them there, not as events. */
  function onAckEvents(events: readonly EventEnvelope[]): void {
    for (const envelope of events) onEvent(envelope);
  }

  function deliver(conversationId: string, item: AgentItem): void {
    if (!socket.connected) return; // stays pending; flushed on reconnect
    const message: Parameters<ClientToServerEvents['conversation:send']>[0]['message'] = {
      id: item.id,
      text: item.text,
      source: item.source,
    };
    if (item.phraseId !== undefined) message.phraseId = item.phraseId;
    if (item.action !== undefined) message.action = item.action;
    if (item.amount !== undefined) message.amount = item.amount;
    if (item.product !== undefined) message.product = item.product;
    if (item.image !== undefined) message.image = item.image;
    socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('conversation:send', { conversationId, message }, (err: Error | null, ack: SendAck) => {
        const state = conversations.getState();
        // No answer because the connection dropped meanwhile: still pending, it goes again on reconnect
        // (same id, stored once). No answer on a live connection: failed, with 重试.
        if (err) state.addOwn(conversationId, { ...item, status: socket.connected ? 'failed' : 'pending' });
        else if (ack.ok) {
          onAckEvents(ack.events);
          state.addOwn(conversationId, { ...item, status: 'sent', at: ack.at });
        } else
          state.addOwn(conversationId, { ...item, status: 'failed', error: options.api.describe(ack.error) });
      });
  }

  /** After a reconnect: everything still pending, and what failed only for want of a network, goes again. */
  function flushUnsent(): void {
    const { byId } = conversations.getState();
    for (const [conversationId, entry] of Object.entries(byId)) {
      for (const item of entry.items) {
        if (item.kind !== 'agent') continue;
        if (item.status === 'pending' || (item.status === 'failed' && item.error === undefined)) {
          const retry: AgentItem = { ...item, status: 'pending' };
          conversations.getState().addOwn(conversationId, retry);
          deliver(conversationId, retry);
        }
      }
    }
  }

  async function syncAll(): Promise<void> {
    try {
      const open = await options.api.practice.conversations({ query: { status: 'open' } });
      const state = conversations.getState();
      state.setServerTime(open.serverTime);
      for (const view of open.conversations) state.upsertView(view);
      stores.practice.getState().add(open.conversations.map((view) => view.id));
      await restoreEnded();
    } catch {
      // the socket's own resync below still catches up what we know about
    }
    for (const id of conversations.getState().ids) resync(id);
    flushUnsent();
  }

  /** After a reload the store is empty: bring back the current practice's ended conversations too, so
   * the workbench still shows them (marked ended) and the practice summary stays reachable. */
  async function restoreEnded(): Promise<void> {
    const { byId } = conversations.getState();
    const missing = new Set(stores.practice.getState().conversationIds.filter((id) => !byId[id]));
    if (missing.size === 0) return;
    const ended = await options.api.practice.conversations({ query: { status: 'ended' } });
    const state = conversations.getState();
    for (const view of ended.conversations) if (missing.has(view.id)) state.upsertView(view);
  }

  socket.on('connect', () => {
    connection.getState().setStatus('online');
    void syncAll();
  });
  socket.on('disconnect', (reason) => {
    connection.getState().setStatus('reconnecting');
    // The server closed us on purpose (e.g. restart): socket.io will not retry by itself.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 500);
  });
  socket.on('connect_error', (error) => {
    if (handshakeRefusal(error) === 'unauthenticated') {
      connection.getState().setStatus('offline');
      options.onUnauthenticated?.();
      return;
    }
    connection.getState().setStatus('reconnecting');
    if (!socket.active) setTimeout(() => socket.connect(), 1_000);
  });
  socket.on('session:hello', (hello) => {
    conversations.getState().setServerTime(hello.serverTime);
    stores.session.getState().setUser(hello.user);
  });
  socket.on('conversation:opened', ({ conversation }) => {
    conversations.getState().upsertView(conversation);
    stores.practice.getState().add([conversation.id]);
  });
  socket.on('conversation:event', onEvent);
  socket.on('drill:status', () => connection.getState().drillChanged());

  return {
    start() {
      connection.getState().setStatus('connecting');
      socket.connect();
    },
    stop() {
      socket.removeAllListeners();
      socket.disconnect();
      connection.getState().setStatus('offline');
    },
    send(conversationId, outgoing) {
      const item: AgentItem = {
        kind: 'agent',
        key: '',
        id: newClientId(),
        at: serverNow(),
        text: outgoing.text,
        source: outgoing.source,
        status: 'pending',
      };
      item.key = `m:${item.id}`;
      if (outgoing.phraseId !== undefined) item.phraseId = outgoing.phraseId;
      if (outgoing.action !== undefined) item.action = outgoing.action;
      if (outgoing.amount !== undefined) item.amount = outgoing.amount;
      if (outgoing.product !== undefined) item.product = outgoing.product;
      if (outgoing.image !== undefined) item.image = outgoing.image;
      const card = cardOfAction(outgoing.action);
      if (card) item.card = card;
      conversations.getState().addOwn(conversationId, item);
      deliver(conversationId, item);
      return item.id;
    },
    sync() {
      if (socket.connected) void syncAll();
    },
    updateOrder(conversationId, change) {
      // One id for this change: a retry after a lost ack is the same change, stored once.
      const update = { id: newClientId(), ...change };
      return new Promise((resolve) => {
        if (!socket.connected) {
          resolve({ ok: false, error: options.api.describe({ code: 'network' }) });
          return;
        }
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emit('conversation:order', { conversationId, update }, (err: Error | null, ack: SendAck) => {
            if (err) resolve({ ok: false, error: options.api.describe({ code: 'network' }) });
            else if (ack.ok) {
              onAckEvents(ack.events);
              resolve({ ok: true });
            } else resolve({ ok: false, error: options.api.describe(ack.error) });
          });
      });
    },
    retry(conversationId, messageId) {
      const entry = conversations.getState().byId[conversationId];
      const item = entry?.items.find((i): i is AgentItem => i.kind === 'agent' && i.id === messageId);
      if (!item || item.status === 'sent') return;
      const again: AgentItem = { ...item, status: 'pending' };
      delete again.error;
      conversations.getState().addOwn(conversationId, again);
      deliver(conversationId, again);
    },
  };
}
