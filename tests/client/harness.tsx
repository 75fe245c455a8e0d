// Test harness for the client: real stores, real i18n (zh-CN), a hand-driven clock, and a gateway fake
// that does what the socket gateway does locally (shows the message as pending) and records what was sent.
// jsdom has no socket server, so tests drive the stores the way server events would.
import type { ConversationView, EventEnvelope, PublicEvent } from '@kefu/shared/protocol';
import type { PhraseLibrary, Product } from '@kefu/shared/scenario/schema';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Gateway, OrderChangeResult } from '../../client/src/api/gateway.ts';
import type { Api } from '../../client/src/api/http.ts';
import type { Ticker } from '../../client/src/app/clock.ts';
import { AppProviders } from '../../client/src/app/context.tsx';
import type { AgentItem } from '../../client/src/conversation/chat-item.ts';
import { cardOfAction } from '../../client/src/conversation/chat-item.ts';
import type { OrderChange, OutgoingMessage } from '../../client/src/conversation/outgoing.ts';
import { i18n, initI18n } from '../../client/src/i18n/index.ts';
import { createStores, type Stores } from '../../client/src/stores/index.ts';
import { apiFrom } from './staff/fake-http.ts';

export const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);

export interface FakeTicker extends Ticker {
  advance(ms: number): void;
  set(at: number): void;
}

export function createFakeTicker(start = T0): FakeTicker {
  let now = start;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    now: () => now,
    getSnapshot: () => now,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    advance(ms) {
      now += ms;
      notify();
    },
    set(at) {
      now = at;
      notify();
    },
  };
}

export interface Sent {
  conversationId: string;
  message: OutgoingMessage;
  id: string;
}

export interface FakeGateway extends Gateway {
  sent: Sent[];
  /** Order changes asked for; each answers `orderResult` (the server's word). */
  orders: { conversationId: string; change: OrderChange }[];
  orderResult: OrderChangeResult;
  retried: { conversationId: string; messageId: string }[];
  syncs: number;
}

export function createFakeGateway(stores: Stores, now: () => number): FakeGateway {
  let n = 0;
  const gateway: FakeGateway = {
    sent: [],
    orders: [],
    orderResult: { ok: true },
    retried: [],
    syncs: 0,
    send(conversationId, message) {
      n += 1;
      const id = `client-${n}`;
      const item: AgentItem = {
        kind: 'agent',
        key: `m:${id}`,
        id,
        at: now(),
        text: message.text,
        source: message.source,
        status: 'pending',
      };
      if (message.phraseId !== undefined) item.phraseId = message.phraseId;
      if (message.action !== undefined) item.action = message.action;
      if (message.amount !== undefined) item.amount = message.amount;
      if (message.product !== undefined) item.product = message.product;
      if (message.image !== undefined) item.image = message.image;
      const card = cardOfAction(message.action);
      if (card) item.card = card;
      stores.conversations.getState().addOwn(conversationId, item);
      gateway.sent.push({ conversationId, message, id });
      return id;
    },
    retry(conversationId, messageId) {
      gateway.retried.push({ conversationId, messageId });
    },
    sync() {
      gateway.syncs += 1;
    },
    async updateOrder(conversationId, change) {
      gateway.orders.push({ conversationId, change });
      return gateway.orderResult;
    },
  };
  return gateway;
}

const unexpectedHttp = () =>
  apiFrom((method, path) => {
    throw new Error(`unexpected HTTP ${method} ${path}`);
  });

export async function setup(options: { http?: Api; language?: 'zh-CN' | 'en' } = {}) {
  await initI18n(options.language ?? 'zh-CN');
  const stores = createStores();
  const ticker = createFakeTicker();
  const gateway = createFakeGateway(stores, ticker.now);
  const http = options.http ?? unexpectedHttp();
  const user = userEvent.setup();
  const seqs = new Map<string, number>();

  /** Apply server events to a conversation as the socket would deliver them (consecutive seqs). */
  function feed(conversationId: string, ...events: PublicEvent[]): void {
    for (const event of events) {
      const prevSeq = seqs.get(conversationId) ?? 0;
      const envelope: EventEnvelope = { conversationId, seq: prevSeq + 1, prevSeq, event };
      seqs.set(conversationId, prevSeq + 1);
      stores.conversations.getState().receive(envelope);
    }
  }

  function renderUi(ui: ReactElement) {
    return render(
      <I18nextProvider i18n={i18n}>
        <AppProviders stores={stores} services={{ api: http, gateway, ticker }}>
          {ui}
        </AppProviders>
      </I18nextProvider>,
    );
  }

  return { stores, ticker, gateway, user, feed, render: renderUi };
}

export function conversationView(id: string, overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id,
    studentId: 'student-1',
    scenarioId: `scenario-${id}`,
    scenarioTitle: `场景 ${id}`,
    drillId: null,
    status: 'open',
    startedAt: T0,
    endedAt: null,
    buyer: { name: `买家${id}`, returning: false, orders: [] },
    products: ['down-jacket'],
    maxDiscount: 30,
    lastSeq: 0,
    benchmarks: { firstResponseSeconds: 3, responseSeconds: 30 },
    ...overrides,
  };
}

export const JACKET: Product = {
  id: 'down-jacket',
  name: '轻薄白鸭绒羽绒服',
  aliases: [],
  price: 399,
  facts: {
    colour: {
      kind: 'options',
      topic: 'colour',
      options: [
        { value: '黑色', aliases: [], inStock: true },
        { value: '红色', aliases: [], inStock: false },
      ],
    },
    material: { kind: 'value', topic: 'material', value: '90%白鸭绒', aliases: [], wrong: [], except: [] },
    freeShipping: {
      kind: 'yesno',
      topic: 'shipping',
      value: true,
      terms: ['包邮'],
      opposite: [],
      costs: [],
      except: [],
    },
  },
};

export const PHRASES: PhraseLibrary = {
  id: 'shop',
  name: '小店快捷话术',
  groups: [
    {
      id: 'greeting',
      name: '问候',
      phrases: [
        {
          id: 'greet-short',
          code: 'hy',
          title: '简短问候',
          text: '亲，您好~ 有什么可以帮您的吗？',
          topics: [],
        },
        { id: 'greet-here', code: 'hy2', title: '在的', text: '在的亲，请问有什么可以帮您？', topics: [] },
        { id: 'hold', code: 'dd', title: '稍等', text: '亲，稍等一下，我帮您查一下哦~', topics: [] },
      ],
    },
    {
      id: 'shipping',
      name: '物流',
      phrases: [
        { id: 'ship-time', code: 'fh', title: '发货时间', text: '亲，今天下单48小时内发货哦~', topics: [] },
      ],
    },
  ],
};

export function buyerSays(at: number, id: string, text: string): PublicEvent {
  return { type: 'buyer-message', at, id, text };
}

/** jsdom has no <dialog> behaviour: showModal and close only toggle `open` (and close fires its event). */
export function polyfillDialog(): void {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}
