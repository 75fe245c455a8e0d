// The performance page (built only with KEFU_PERF_BUILD=1): the real workbench, with no server behind it.
// Three buyers, the open one with 5,000 messages in its history; the gateway acks locally. The perf script
// (tests/perf/client-perf.ts) reads `window.__kefuPerf` for the ready time and the keystroke latencies;
// perf.html also holds a bare <textarea> outside the app, timed by the same probe.
import type { CatalogResponse, EventEnvelope, PublicEvent } from '@kefu/shared/protocol';
import type { PhraseLibrary, Product } from '@kefu/shared/scenario/schema';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Gateway } from '../api/gateway.ts';
import { createApi } from '../api/http.ts';
import { createTicker } from '../app/clock.ts';
import { AppProviders } from '../app/context.tsx';
import { newClientId } from '../conversation/outgoing.ts';
import { i18n, initI18n } from '../i18n/index.ts';
import { createStores } from '../stores/index.ts';
import { Workbench } from '../workbench/Workbench.tsx';
import '../styles.css';
import { type KeySample, watchKeystrokes } from './keystroke-probe.ts';

interface PerfProbe {
  messages: number;
  /** Applying the seeded history to the stores (as a resync would), ms. */
  seedMs: number | null;
  readyAt: number | null;
  /** Every keystroke in the composer and in the bare <textarea> beside the app, in order. */
  keys: KeySample[];
}

declare global {
  interface Window {
    __kefuPerf: PerfProbe;
  }
}

const params = new URLSearchParams(location.search);
const MESSAGES = Number(params.get('messages') ?? 5000);
const probe: PerfProbe = { messages: MESSAGES, seedMs: null, readyAt: null, keys: [] };
window.__kefuPerf = probe;

const product: Product = {
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
        { value: '米白色', aliases: [], inStock: true },
        { value: '红色', aliases: [], inStock: false },
      ],
    },
    material: { kind: 'value', topic: 'material', value: '90%白鸭绒', aliases: [], wrong: [], except: [] },
    'free-shipping': {
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
const phrases: PhraseLibrary = {
  id: 'shop',
  name: '小店快捷话术',
  groups: [
    {
      id: 'greeting',
      name: '问候',
      phrases: [
        { id: 'greet', code: 'hy', title: '简短问候', text: '亲，您好~ 有什么可以帮您的吗？', topics: [] },
        { id: 'hold', code: 'dd', title: '稍等', text: '亲，稍等一下，我帮您查一下哦~', topics: [] },
      ],
    },
  ],
};

const BUYER_LINES = [
  '这件有黑色吗？',
  '包邮吗？',
  '我身高165穿什么码',
  '什么时候发货呀',
  '可以便宜点吗',
  '好的',
];
const AGENT_LINES = [
  '亲，有的哦，黑色现货',
  '亲，全国包邮的~',
  '亲，165建议拿M码，偏大一码',
  '今天下单48小时内发货哦',
  '亲，已经是活动价了呢，送运费险哦',
];

function history(count: number, start: number): PublicEvent[] {
  const events: PublicEvent[] = [{ type: 'started', at: start }];
  for (let i = 0; events.length < count; i++) {
    const at = start + i * 4_000;
    events.push({ type: 'buyer-message', at, id: `b${i}`, text: BUYER_LINES[i % BUYER_LINES.length]! });
    if (i % 97 === 50) {
      events.push({
        type: 'order-placed',
        at: at + 500,
        orderId: `o${i}`,
        product: product.id,
        quantity: 1,
        amount: 399,
      });
    }
    events.push({
      type: 'agent-message',
      at: at + 2_000,
      id: `a${i}`,
      text: AGENT_LINES[i % AGENT_LINES.length]!,
      source: i % 3 === 0 ? 'phrase' : 'typed',
    });
  }
  return events.slice(0, count);
}

function seed(stores: ReturnType<typeof createStores>): void {
  const now = Date.now();
  const conversations = stores.conversations.getState();
  const buyers = [
    { id: 'c-long', name: '精打细算的阿May', events: history(MESSAGES, now - MESSAGES * 2_000) },
    { id: 'c-two', name: '急性子的Coco', events: history(7, now - 20_000) },
    { id: 'c-three', name: '月亮姐姐', events: history(3, now - 5_000) },
  ];
  for (const buyer of buyers) {
    conversations.upsertView({
      id: buyer.id,
      studentId: 'perf',
      scenarioId: 'perf',
      scenarioTitle: '性能测试',
      drillId: null,
      status: 'open',
      startedAt: buyer.events[0]!.at,
      endedAt: null,
      buyer: { name: buyer.name, returning: buyer.id === 'c-long', membership: 'VIP2', orders: [] },
      products: [product.id],
      maxDiscount: 30,
      lastSeq: buyer.events.length,
      benchmarks: { firstResponseSeconds: 3, responseSeconds: 30 },
    });
    const envelopes = buyer.events.map(
      (event, index): EventEnvelope => ({ conversationId: buyer.id, seq: index + 1, prevSeq: index, event }),
    );
    // As a resync's catch-up would deliver them.
    stores.conversations.getState().receiveMany(envelopes);
  }
  stores.conversations.getState().setActive('c-long');
}

function localGateway(stores: ReturnType<typeof createStores>): Gateway {
  return {
    send(conversationId, message) {
      const id = newClientId();
      stores.conversations.getState().addOwn(conversationId, {
        kind: 'agent',
        key: `m:${id}`,
        id,
        at: Date.now(),
        text: message.text,
        source: message.source,
        status: 'pending',
      });
      return id;
    },
    retry() {},
    sync() {},
    async updateOrder() {
      return { ok: true };
    },
  };
}

async function main(): Promise<void> {
  await initI18n('zh-CN');
  const stores = createStores();
  stores.session.getState().setUser({
    id: 'perf',
    username: 'perf',
    displayName: '性能测试',
    role: 'student',
    mustChangePassword: false,
  });
  stores.connection.getState().setStatus('online');
  const seedStart = performance.now();
  seed(stores);
  probe.seedMs = performance.now() - seedStart;
  const catalog: CatalogResponse = { products: [product], phrases: [phrases] };
  // The only request the workbench makes here is the catalogue.
  const api = createApi({
    describe: (e) => e.code,
    fetch: async () => new Response(JSON.stringify(catalog)),
  });
  // The composer, and the bare <textarea> of perf.html (outside React): the same probe times both.
  watchKeystrokes(probe.keys, (target) =>
    target instanceof HTMLTextAreaElement
      ? target.classList.contains('perf-bare')
        ? 'bare'
        : 'composer'
      : null,
  );
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppProviders
          stores={stores}
          services={{ api, gateway: localGateway(stores), ticker: createTicker() }}
        >
          <Workbench />
        </AppProviders>
      </I18nextProvider>
    </StrictMode>,
  );
  // Ready: the newest message of the open conversation is on screen.
  const poll = () => {
    if (document.querySelector(`.msg-slot[data-index="${MESSAGES - 1}"]`)) {
      requestAnimationFrame(() => {
        probe.readyAt = performance.now();
      });
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
}

void main();
