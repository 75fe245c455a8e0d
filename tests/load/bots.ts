// The load benchmark's students (a separate process, started by load.ts over IPC): each bot is one student
// socket keeping `shoppers` solo-practice buyers open and answering each with its scenario's model answer,
// in real time. A student starts them as the home's random mix does: one request, whose buyers walk in one
// after another (8–20 s apart); `separateStarts` makes it one request per buyer, each walking in at once.
// Replies go on `conversation:send`, order changes on `conversation:order`. It measures ack latency, how
// late buyer events arrive beyond their scripted time, and checks at the end, against the database (resync
// from 0), that nothing was lost or duplicated.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  type AgentScript,
  type ConversationView,
  createShopperContext,
  type EventEnvelope,
  loadLibrary,
  type PracticeResponse,
  type ResyncAck,
  type SendAck,
  type ShopperContext,
  scriptFireTime,
} from '@kefu/shared';
import { io, type Socket } from 'socket.io-client';
import { readLibrary } from '../../server/src/cli/read-library.ts';
import { scriptRequest } from '../server/helpers/script-request.ts';

export interface RunCommand {
  type: 'run';
  /** One server process or several: bot i talks to urls[i % n] (a sticky proxy would do the same). */
  urls: string[];
  cookies: string[];
  shoppers: number;
  /** One practice start per buyer (each walks in at once) instead of one random mix per student. */
  separateStarts: boolean;
  seconds: number;
  scenariosDir: string;
}
export interface EchoCommand {
  type: 'echo';
  url: string;
  seconds: number;
}
export interface BotStats {
  connections: number;
  connectFailures: number;
  conversations: number;
  sent: number;
  acked: number;
  /** Of the acked, order changes (`conversation:order`). */
  ordersUpdated: number;
  ackErrors: Record<string, number>;
  buyerEvents: number;
  ackMs: number[];
  /** Send → the student's own message coming back (in the ack that carries its step's events). */
  ownEventMs: number[];
  /** Sends made while the conversation's previous send was still waiting for its ack. */
  overlapping: number;
  reactionMs: number[];
  lost: number;
  duplicated: number;
  ackedMissing: number;
  gaps: number;
}

function emptyStats(): BotStats {
  return {
    connections: 0,
    connectFailures: 0,
    conversations: 0,
    sent: 0,
    acked: 0,
    ordersUpdated: 0,
    ackErrors: {},
    buyerEvents: 0,
    ackMs: [],
    ownEventMs: [],
    overlapping: 0,
    reactionMs: [],
    lost: 0,
    duplicated: 0,
    ackedMissing: 0,
    gaps: 0,
  };
}

interface Played {
  view: ConversationView;
  ctx: ShopperContext;
  script: AgentScript;
  next: number;
  previousAt: number;
  held: Map<number, EventEnvelope>;
  lastSeq: number;
  timer: NodeJS.Timeout | null;
  /** The send waiting for its ack: its id and when it went out. */
  inFlight: { id: string; t0: number } | null;
  acked: Set<string>;
  ended: boolean;
}

type Emit = (event: string, ...args: unknown[]) => void;

class Bot {
  readonly socket: Socket;
  readonly conversations = new Map<string, Played>();
  /** Send times relative to the bot's start, replayed against the echo server. */
  readonly sendOffsets: number[] = [];
  private startedAt = Date.now();
  private stopping = false;
  private readonly cookie: string;
  private readonly url: string;
  private readonly stats: BotStats;
  private readonly contexts: (id: string) => ShopperContext;
  private readonly index: number;

  constructor(
    url: string,
    cookie: string,
    index: number,
    stats: BotStats,
    contexts: (id: string) => ShopperContext,
  ) {
    this.url = url;
    this.cookie = cookie;
    this.index = index;
    this.stats = stats;
    this.contexts = contexts;
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { origin: url, cookie },
    });
    // `opened` precedes the conversation's events on the same socket, so every event finds its conversation.
    this.socket.on('conversation:opened', (p: { conversation: ConversationView }) =>
      this.adopt(p.conversation),
    );
    this.socket.on('conversation:event', (e: EventEnvelope) => this.onEvent(e));
  }

  /** The measured window starts: the echo run replays only what this bot sends from now on. */
  startWindow(): void {
    this.startedAt = Date.now();
    this.sendOffsets.length = 0;
  }

  connected(): Promise<boolean> {
    return new Promise((resolve) => {
      this.socket.once('connect', () => resolve(true));
      this.socket.once('connect_error', () => resolve(false));
    });
  }

  async openShoppers(count: number): Promise<void> {
    if (this.stopping) return;
    const res = await fetch(`${this.url}/api/practice`, {
      method: 'POST',
      headers: { origin: this.url, cookie: this.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ mix: count }),
    });
    if (!res.ok) {
      this.stats.ackErrors[`practice-${res.status}`] =
        (this.stats.ackErrors[`practice-${res.status}`] ?? 0) + 1;
      return;
    }
    const body = (await res.json()) as PracticeResponse;
    for (const view of body.conversations) this.adopt(view);
  }

  private adopt(view: ConversationView): Played {
    const existing = this.conversations.get(view.id);
    if (existing) return existing;
    const ctx = this.contexts(view.scenarioId);
    const played: Played = {
      view,
      ctx,
      script: ctx.scenario.modelAnswer,
      next: 0,
      previousAt: view.startedAt,
      held: new Map(),
      lastSeq: 0,
      timer: null,
      inFlight: null,
      acked: new Set(),
      ended: false,
    };
    this.conversations.set(view.id, played);
    this.stats.conversations++;
    return played;
  }

  private onEvent(e: EventEnvelope): void {
    const received = Date.now();
    const c = this.conversations.get(e.conversationId);
    if (!c) {
      this.stats.gaps++;
      return;
    }
    if (c.held.has(e.seq)) {
      this.stats.duplicated++;
      return;
    }
    if (e.prevSeq !== c.lastSeq && c.lastSeq !== 0) this.stats.gaps++;
    c.held.set(e.seq, e);
    c.lastSeq = Math.max(c.lastSeq, e.seq);
    const ev = e.event;
    if ((ev.type === 'agent-message' || ev.type === 'order-updated') && ev.id === c.inFlight?.id)
      this.stats.ownEventMs.push(performance.now() - c.inFlight.t0);
    if (
      measuring &&
      (ev.type === 'buyer-message' || ev.type === 'buyer-typing') &&
      ev.at > c.view.startedAt
    ) {
      this.stats.buyerEvents++;
      this.stats.reactionMs.push(received - ev.at);
    }
    if (ev.type === 'ended') {
      c.ended = true;
      if (c.timer) clearTimeout(c.timer);
      // Keep the number of open buyers: a new one arrives for every one that ends.
      this.openShoppers(1).catch(() => undefined);
      return;
    }
    this.schedule(c);
  }

  private schedule(c: Played): void {
    // While a send waits for its ack the script has not moved on: the ack schedules the next step. (Scheduling
    // on the student's own message, which arrives just before its ack, re-sent the step just sent.)
    if (this.stopping || c.ended || c.timer || c.inFlight) return;
    const step = c.script[c.next];
    if (!step) return;
    const events = [...c.held.values()].sort((a, b) => a.seq - b.seq).map((e) => e.event);
    const fire = scriptFireTime(step, events, c.previousAt, c.next === 0);
    if (fire === null) return;
    c.timer = setTimeout(
      () => {
        c.timer = null;
        this.send(c, step);
      },
      Math.max(0, fire - Date.now()),
    );
  }

  private send(c: Played, step: AgentScript[number]): void {
    if (this.stopping || c.ended) return;
    const id = `b${this.index}-${c.view.id.slice(0, 8)}-${c.next}`;
    const events = [...c.held.values()].sort((a, b) => a.seq - b.seq).map((e) => e.event);
    const { event, payload } = scriptRequest(c.ctx, c.view.id, step, id, events);
    const t0 = performance.now();
    if (c.inFlight !== null) this.stats.overlapping++;
    c.inFlight = { id, t0 };
    this.sendOffsets.push(Date.now() - this.startedAt);
    this.stats.sent++;
    (this.socket.emit as Emit)(event, payload, (ack: SendAck) => {
      this.stats.ackMs.push(performance.now() - t0);
      // The step's events (the student's own message first) come in the ack, not as events on this socket.
      if (ack.ok) for (const e of ack.events) this.onEvent(e);
      if (c.inFlight?.id === id) c.inFlight = null;
      if (ack.ok) {
        this.stats.acked++;
        if (event === 'conversation:order') this.stats.ordersUpdated++;
        c.acked.add(id);
        c.previousAt = ack.at;
        c.next++;
        this.schedule(c);
      } else {
        this.stats.ackErrors[ack.error.code] = (this.stats.ackErrors[ack.error.code] ?? 0) + 1;
      }
    });
  }

  /** Stops answering, then checks every conversation against the database. */
  async verify(): Promise<void> {
    this.stopping = true;
    for (const c of this.conversations.values()) if (c.timer) clearTimeout(c.timer);
    await new Promise((r) => setTimeout(r, 1500));
    for (const c of this.conversations.values()) {
      const ack = await new Promise<ResyncAck>((resolve) =>
        (this.socket.emit as Emit)(
          'conversation:resync',
          { conversationId: c.view.id, afterSeq: 0 },
          resolve,
        ),
      );
      if (!ack.ok) {
        this.stats.ackErrors[`resync-${ack.error.code}`] =
          (this.stats.ackErrors[`resync-${ack.error.code}`] ?? 0) + 1;
        continue;
      }
      const stored = new Set<string>();
      for (const e of ack.events) {
        if (!c.held.has(e.seq)) this.stats.lost++;
        // An acked message is logged as agent-message, an acked order change as order-updated: same id.
        if (e.event.type === 'agent-message' || e.event.type === 'order-updated') stored.add(e.event.id);
      }
      for (const id of c.acked) if (!stored.has(id)) this.stats.ackedMissing++;
    }
  }

  close(): void {
    this.stopping = true;
    for (const c of this.conversations.values()) if (c.timer) clearTimeout(c.timer);
    this.socket.disconnect();
  }
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface Summary {
  stats: Omit<BotStats, 'ackMs' | 'ownEventMs' | 'reactionMs'>;
  /** The bots' own event-loop delay (ms): when it is high, the latencies above include the client's lag. */
  botLoop: { p99: number; max: number };
  ack: { p50: number | null; p99: number | null; n: number };
  ownEvent: { p50: number | null; p99: number | null; n: number };
  reaction: { p50: number | null; p99: number | null; max: number | null; n: number };
}

const botLoop = monitorEventLoopDelay({ resolution: 1 });
botLoop.enable();

function summarise(stats: BotStats): Summary {
  const { ackMs, ownEventMs, reactionMs, ...rest } = stats;
  return {
    stats: rest,
    botLoop: { p99: botLoop.percentile(99) / 1e6, max: botLoop.max / 1e6 },
    ack: { p50: percentile(ackMs, 50), p99: percentile(ackMs, 99), n: ackMs.length },
    ownEvent: { p50: percentile(ownEventMs, 50), p99: percentile(ownEventMs, 99), n: ownEventMs.length },
    reaction: {
      p50: percentile(reactionMs, 50),
      p99: percentile(reactionMs, 99),
      max: reactionMs.length === 0 ? null : Math.max(...reactionMs),
      n: reactionMs.length,
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let bots: Bot[] = [];
/** Latencies count only inside the measured window (not the ramp-up, not the final verification). */
let measuring = false;

async function run(cmd: RunCommand): Promise<Summary> {
  const { library } = loadLibrary(readLibrary(cmd.scenariosDir, '/'));
  const rubric = library.rubrics.get('default')!;
  const contexts = new Map<string, ShopperContext>();
  const ctxOf = (id: string) => {
    let ctx = contexts.get(id);
    if (!ctx) {
      ctx = createShopperContext(library, id, rubric);
      contexts.set(id, ctx);
    }
    return ctx;
  };
  const stats = emptyStats();
  // Ramp up in batches so the handshake storm does not count as latency.
  for (let i = 0; i < cmd.cookies.length; i += 50) {
    const batch = cmd.cookies
      .slice(i, i + 50)
      .map((cookie, j) => new Bot(cmd.urls[(i + j) % cmd.urls.length]!, cookie, i + j, stats, ctxOf));
    const ok = await Promise.all(batch.map((b) => b.connected()));
    for (const [j, b] of batch.entries()) {
      if (ok[j]) {
        stats.connections++;
        bots.push(b);
      } else {
        stats.connectFailures++;
        b.close();
      }
    }
  }
  // Students start at random moments of a ramp (a class does not press 开始 in the same instant), each a
  // random mix of `shoppers` buyers, or one start per buyer at its own random moment. The measured window
  // starts after the ramp.
  const rampMs = Math.min(20_000, Math.max(5_000, bots.length * 20));
  const opening: Promise<void>[] = [];
  const start = (b: Bot, count: number) =>
    sleep(Math.random() * rampMs)
      .then(() => b.openShoppers(count))
      .catch((err: unknown) => {
        const key = `practice-${String((err as { cause?: { code?: string } }).cause?.code ?? err)}`;
        stats.ackErrors[key] = (stats.ackErrors[key] ?? 0) + 1;
      });
  for (const b of bots) {
    if (!cmd.separateStarts) opening.push(start(b, cmd.shoppers));
    else for (let k = 0; k < cmd.shoppers; k++) opening.push(start(b, 1));
  }
  await Promise.all(opening);
  await sleep(2_000);
  stats.ackMs.length = 0;
  stats.ownEventMs.length = 0;
  stats.overlapping = 0;
  stats.reactionMs.length = 0;
  for (const b of bots) b.startWindow();
  botLoop.reset();
  measuring = true;
  process.send?.({ type: 'measuring' });
  await sleep(cmd.seconds * 1000);
  measuring = false;
  const loop = { p99: botLoop.percentile(99) / 1e6, max: botLoop.max / 1e6 };
  process.send?.({ type: 'window-end' });
  await Promise.all(bots.map((b) => b.verify()));
  return { ...summarise(stats), botLoop: loop };
}

/** The same students and the same send pattern against a bare Socket.IO server that only acks. */
async function echo(cmd: EchoCommand): Promise<Summary> {
  const stats = emptyStats();
  const patterns = bots.map((b) => b.sendOffsets);
  for (const b of bots) b.close();
  bots = [];
  const sockets: Socket[] = [];
  for (let i = 0; i < patterns.length; i += 50) {
    const batch = patterns.slice(i, i + 50).map(() =>
      io(cmd.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { origin: cmd.url },
      }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.once('connect', () => {
              stats.connections++;
              resolve();
            });
            s.once('connect_error', () => {
              stats.connectFailures++;
              resolve();
            });
          }),
      ),
    );
    sockets.push(...batch);
  }
  const start = Date.now();
  botLoop.reset();
  measuring = true;
  const timers: NodeJS.Timeout[] = [];
  for (const [i, offsets] of patterns.entries()) {
    const s = sockets[i]!;
    for (const [k, offset] of offsets.entries()) {
      const at = offset;
      if (at > cmd.seconds * 1000) continue;
      timers.push(
        setTimeout(() => {
          const t0 = performance.now();
          stats.sent++;
          (s.emit as Emit)(
            'conversation:send',
            { conversationId: `c${i}`, message: { id: `e${i}-${k}`, text: '您好', source: 'typed' } },
            () => {
              stats.ackMs.push(performance.now() - t0);
              stats.acked++;
            },
          );
        }, at),
      );
    }
  }
  await sleep(cmd.seconds * 1000 + 1000 - (Date.now() - start));
  for (const t of timers) clearTimeout(t);
  for (const s of sockets) s.disconnect();
  return summarise(stats);
}

process.on('message', (cmd: RunCommand | EchoCommand) => {
  const job = cmd.type === 'run' ? run(cmd) : echo(cmd);
  job.then(
    (summary) => process.send?.({ type: 'result', summary }),
    (err: unknown) => process.send?.({ type: 'error', message: String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
