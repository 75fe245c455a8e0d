// The virtual shopper: a pure, deterministic state machine. `stepShopper(ctx, state, input, now)` returns the
// next state, the events to append to the log and the time of the next wake-up. Same scenario, seed and inputs
// give the same outputs, always. The behaviour is specified in docs/shopper-semantics.md.
import type {
  AgentMessage,
  CardKind,
  ConversationEvent,
  OrderUpdate,
  ReplyJudgement,
  ShopperInput,
  Sku,
} from '../conversation/events.ts';
import { discountText } from './card-texts.ts';
import type { CompiledBeat, ShopperContext } from './context.ts';
import type { OpenItem } from './judge.ts';
import { judgeReplyRemembered } from './judge-memo.ts';
import {
  type ChangeField,
  changeMismatches,
  DEFAULT_ADDRESS,
  initialSku,
  orderNumber,
  resolveOption,
  toFen,
} from './orders.ts';
import { seededBetween, seededPick } from './random.ts';

interface PendingLine {
  text: string;
  /** Index into the beat's lines, or -1 for a nudge. */
  line: number;
  typingAt: number | null;
  sendAt: number;
}

interface Order {
  id: string;
  orderNo: string;
  product: string;
  amount: number;
  at: number;
  paid: boolean;
  sku: Sku;
  address: string;
  note: string;
}

/** A need the buyer let slip (a cross-selling opportunity) and whether a fitting recommendation met it. */
interface Need {
  messageId: string;
  products: string[];
  met: boolean;
}

/** JSON-serialisable: the server may persist it, tests compare it. */
export interface ShopperState {
  seed: number;
  phase: 'sending' | 'awaiting' | 'ended';
  beat: string;
  /** How many times each beat was entered: variant choice differs on a second visit. */
  visits: Record<string, number>;
  enteredAt: number;
  nextLine: number;
  pending: PendingLine | null;
  deadline: number | null;
  nudged: boolean;
  /** Asks and objections of the current beat that were sent and are not yet stated/addressed. */
  open: OpenItem[];
  /** Buyer messages since the agent's last message (the open turn). */
  unanswered: string[];
  lastAgentAt: number | null;
  invitedAt: number | null;
  remindedAt: number | null;
  acknowledgedAt: number | null;
  orders: Order[];
  buyerMessages: number;
  /** Coupons sent and not yet used: taken off the next order (yuan). */
  coupon: number;
  needs: Need[];
  /** Recommended products the buyer took before ordering: they go into the next order. */
  accepted: { product: string; messageId: string }[];
}

export interface StepResult {
  state: ShopperState;
  outputs: ConversationEvent[];
  /** When the machine wants to be woken next (epoch ms), or null when nothing is due (ended). */
  wakeAt: number | null;
}

const CARD_OF_ACTION: Record<NonNullable<AgentMessage['action']>, CardKind> = {
  remindPayment: 'payment-reminder',
  inviteOrder: 'order-invite',
  sendProductCard: 'product',
  discount: 'discount',
  recommend: 'recommend',
};

/** What the buyer says when told a change is done that their order does not show. */
const NOT_CHANGED_LINE: Record<ChangeField, string> = {
  address: '我看订单上的地址还没改过来呀？',
  option: '订单上的款式还是原来的呀？',
  note: '备注好像还没加上呢？',
};

const DEFAULT_FAREWELL = '算了，我再看看别家吧。';

/** Seeded think time before a beat's first line, and the shorter gap between lines of one beat. */
const FIRST_PAUSE_MS: [number, number] = [1500, 4000];
const NEXT_PAUSE_MS: [number, number] = [500, 1500];
const TYPING_MS_PER_CHAR = 200;
const TYPING_MS: [number, number] = [1000, 8000];

/** Mutable working copy for one step; the caller's state is never touched. */
class Step {
  readonly out: ConversationEvent[] = [];
  readonly ctx: ShopperContext;
  readonly s: ShopperState;
  constructor(ctx: ShopperContext, s: ShopperState) {
    this.ctx = ctx;
    this.s = s;
  }

  get beat(): CompiledBeat {
    return this.ctx.beats.get(this.s.beat)!;
  }

  wakeAt(): number | null {
    if (this.s.phase === 'ended') return null;
    const times = [this.s.pending?.typingAt, this.s.pending?.sendAt, this.s.deadline].filter(
      (t): t is number => t !== null && t !== undefined,
    );
    return times.length === 0 ? null : Math.min(...times);
  }

  // ── Beats ────────────────────────────────────────────────────────────────────────────────────────

  enterBeat(id: string, t: number, arriving = false): void {
    const s = this.s;
    s.beat = id;
    s.visits[id] = (s.visits[id] ?? 0) + 1;
    s.phase = 'sending';
    s.enteredAt = t;
    s.nextLine = 0;
    s.pending = null;
    s.deadline = null;
    s.nudged = false;
    s.open = [];
    if (this.beat.lines.length > 0) this.scheduleLine(0, t, arriving);
    else this.finishLines(t);
  }

  private typingMs(text: string, decision: string): number {
    const base = Math.min(TYPING_MS[1], Math.max(TYPING_MS[0], [...text].length * TYPING_MS_PER_CHAR));
    return Math.round(base * (0.8 + 0.4 * (seededBetween(this.s.seed, decision, 0, 1000) / 1000)));
  }

  private scheduleLine(index: number, t: number, arriving: boolean): void {
    const { s, beat } = this;
    const decision = `${beat.id}#${index}#${s.visits[beat.id]}`;
    const say = beat.lines[index]!.say;
    const text = typeof say === 'string' ? say : seededPick(s.seed, `say:${decision}`, say);
    if (arriving) {
      // The buyer's arrival is their first message: it is there the moment the conversation starts.
      s.pending = { text, line: index, typingAt: null, sendAt: t };
      return;
    }
    const pause =
      index === 0
        ? (beat.afterMs ?? seededBetween(s.seed, `pause:${decision}`, ...FIRST_PAUSE_MS))
        : seededBetween(s.seed, `pause:${decision}`, ...NEXT_PAUSE_MS);
    const typingAt = t + pause;
    s.pending = { text, line: index, typingAt, sendAt: typingAt + this.typingMs(text, `typing:${decision}`) };
  }

  private scheduleNudge(t: number, said?: string): void {
    const s = this.s;
    const decision = `nudge:${s.beat}#${s.visits[s.beat]}`;
    const text = said ?? seededPick(s.seed, decision, this.ctx.scenario.persona.nudges);
    const typingAt = t + seededBetween(s.seed, `pause:${decision}`, ...NEXT_PAUSE_MS);
    s.pending = { text, line: -1, typingAt, sendAt: typingAt + this.typingMs(text, `typing:${decision}`) };
    s.nudged = true;
  }

  private buyerMessage(t: number, text: string, line: number, image?: string): string {
    const id = `b${++this.s.buyerMessages}`;
    this.out.push({
      type: 'buyer-message',
      at: t,
      id,
      text,
      beat: this.s.beat,
      line,
      ...(image !== undefined && { image }),
    });
    this.s.unanswered.push(id);
    return id;
  }

  private sendPending(t: number): void {
    const { s, beat } = this;
    const pending = s.pending!;
    s.pending = null;
    const photo = pending.line < 0 ? undefined : beat.lines[pending.line]!.photo;
    const id = this.buyerMessage(t, pending.text, pending.line, photo);
    if (pending.line < 0) {
      // A nudge: the buyer starts waiting again from here.
      if (s.deadline !== null && waitsOnPatience(beat)) {
        s.deadline = t + (beat.withinMs ?? this.ctx.patienceMs);
      }
      return;
    }
    const line = beat.lines[pending.line]!;
    if (line.need !== undefined) s.needs.push({ messageId: id, products: [...line.need], met: false });
    if (line.ask !== undefined || line.objection !== undefined) {
      s.open.push({
        messageId: id,
        text: pending.text,
        ...(line.ask !== undefined && { ask: line.ask }),
        ...(line.ask !== undefined && line.answeredBy !== undefined && { answeredBy: [...line.answeredBy] }),
        ...(line.objection !== undefined && { objection: line.objection }),
      });
    }
    s.nextLine = pending.line + 1;
    if (s.nextLine < beat.lines.length) this.scheduleLine(s.nextLine, t, false);
    else this.finishLines(t);
  }

  private finishLines(t: number): void {
    const { s, beat, ctx } = this;
    if (beat.order) {
      const productId = beat.order.product ?? ctx.scenario.products[0]!;
      const product = ctx.library.products.get(productId);
      const gross = toFen((product?.price ?? 0) * beat.order.quantity);
      const discount = toFen(Math.min(s.coupon, gross));
      s.coupon = toFen(s.coupon - discount);
      const index = s.orders.length + 1;
      const order: Order = {
        id: `o${index}`,
        orderNo: orderNumber(s.seed, t, index),
        product: productId,
        amount: toFen(gross - discount),
        at: t,
        paid: false,
        sku: initialSku(product, beat.order.option),
        address: ctx.scenario.persona.address ?? DEFAULT_ADDRESS,
        note: '',
      };
      s.orders.push(order);
      this.out.push({
        type: 'order-placed',
        at: t,
        orderId: order.id,
        product: order.product,
        quantity: beat.order.quantity,
        amount: order.amount,
        orderNo: order.orderNo,
        sku: { ...order.sku },
        address: order.address,
        ...(discount > 0 && { discount }),
      });
      // Products the buyer agreed to before ordering go into this order.
      for (const item of s.accepted.splice(0)) this.addItem(order, item.product, item.messageId, t);
    }
    if (beat.pay) {
      const unpaid = [...s.orders].reverse().find((o) => !o.paid);
      if (unpaid) {
        unpaid.paid = true;
        this.out.push({ type: 'order-paid', at: t, orderId: unpaid.id });
      }
    }
    if (beat.leave) {
      this.out.push({ type: 'buyer-left', at: t, reason: 'scripted' });
      this.end(t, 'buyer-left');
      return;
    }
    if (beat.end) {
      this.end(t, 'finished');
      return;
    }
    this.beginAwait(t);
  }

  private beginAwait(t: number): void {
    const { s, beat, ctx } = this;
    s.phase = 'awaiting';
    switch (beat.await) {
      case 'none':
        this.goTo(beat.then, t);
        return;
      case 'reply':
      case 'answers':
      case 'change':
        s.deadline = t + (beat.withinMs ?? ctx.patienceMs);
        break;
      case 'invite':
        s.deadline = t + (beat.withinMs ?? ctx.followUpMs);
        break;
      case 'reminder':
        s.deadline = (this.latestOrder()?.at ?? t) + (beat.withinMs ?? 2 * ctx.reminderWindowMs);
        break;
      case 'follow-up': {
        const until = t + (beat.withinMs ?? ctx.followUpMs);
        this.out.push({ type: 'buyer-quiet', at: t, until });
        s.deadline = until;
        break;
      }
    }
    this.decide(t, null);
  }

  private latestOrder(): Order | undefined {
    return this.s.orders[this.s.orders.length - 1];
  }

  private goTo(target: string | null, t: number): void {
    if (target === null) this.end(t, 'finished');
    else this.enterBeat(target, t);
  }

  private end(t: number, reason: Extract<ConversationEvent, { type: 'ended' }>['reason']): void {
    const s = this.s;
    s.phase = 'ended';
    s.pending = null;
    s.deadline = null;
    this.out.push({ type: 'ended', at: t, reason });
  }

  /**
   * The buyer's reaction once their lines are out: to an agent message (`judged`), or, when the await begins,
   * to what the agent already did since the beat was entered.
   */
  private decide(t: number, judged: ReplyJudgement | null): void {
    const { s, beat } = this;
    const since = (at: number | null) => at !== null && at >= s.enteredAt;
    const acknowledged = judged ? judged.acknowledges : since(s.acknowledgedAt);
    const invited = judged ? judged.invites : since(s.invitedAt);
    const order = this.latestOrder();
    const reminded = judged
      ? judged.reminds
      : order !== undefined && s.remindedAt !== null && s.remindedAt >= order.at;

    if (beat.on.acknowledged && acknowledged) {
      this.goTo(beat.on.acknowledged, t);
      return;
    }
    if (beat.on.invited && invited) {
      this.goTo(beat.on.invited, t);
      return;
    }
    if (beat.on.reminded && reminded) {
      this.goTo(beat.on.reminded, t);
      return;
    }

    const hasItems = beat.lines.some((l) => l.ask !== undefined || l.objection !== undefined);
    const satisfied =
      beat.await === 'none' ||
      (beat.await === 'answers' && hasItems && s.open.length === 0) ||
      (judged !== null && beat.await === 'reply') ||
      // A quiet buyer is won back by a real follow-up, not by 好的 or 拜拜 (logs before followsUp: any message).
      (judged !== null && beat.await === 'follow-up' && judged.followsUp !== false) ||
      (judged !== null && beat.await === 'answers' && !hasItems) ||
      (beat.await === 'invite' && invited) ||
      (beat.await === 'reminder' && reminded) ||
      (beat.await === 'change' && this.changeMismatches().length === 0);
    if (satisfied) {
      this.goTo(beat.then, t);
      return;
    }
    if (!judged) return;

    // A wrong answer leaves the question open too: the buyer asks again (scored as wrong-fact, not a dodge).
    const dodged =
      judged.evaded.length > 0 ||
      (judged.wrong?.length ?? 0) > 0 ||
      judged.ignoredObjections.length > 0 ||
      judged.irrelevant;
    if (dodged && beat.on.dodged) {
      this.goTo(beat.on.dodged, t);
      return;
    }
    if (waitsOnPatience(beat)) {
      // The buyer feels attended to: their patience runs again from this message.
      s.deadline = t + (beat.withinMs ?? this.ctx.patienceMs);
    }
    if (s.nudged || s.pending !== null) return;
    if (beat.await === 'change' && judged.confirmsChange) {
      // Told it is done, the buyer looks at their order and says what is still not changed.
      const [field] = this.changeMismatches();
      if (field !== undefined) this.scheduleNudge(t, NOT_CHANGED_LINE[field]);
    } else if (dodged) this.scheduleNudge(t);
  }

  /** The fields of the current beat's requested change the latest order does not show yet. */
  private changeMismatches(): ChangeField[] {
    const change = this.beat.change;
    if (change === undefined) return [];
    const order = this.latestOrder();
    return changeMismatches(order, change, order && this.ctx.library.products.get(order.product));
  }

  // ── Orders ───────────────────────────────────────────────────────────────────────────────────────

  private addItem(order: Order, productId: string, messageId: string, t: number): void {
    const amount = toFen(this.ctx.library.products.get(productId)?.price ?? 0);
    order.amount = toFen(order.amount + amount);
    this.out.push({
      type: 'order-item-added',
      at: t,
      orderId: order.id,
      product: productId,
      amount,
      messageId,
    });
  }

  /** 改价 on the latest unpaid order, else a coupon for the next one. */
  private discount(message: AgentMessage, t: number): void {
    const s = this.s;
    const amount = message.amount ?? 0;
    const order = this.latestOrder();
    if (order !== undefined && !order.paid) {
      const discount = toFen(Math.min(amount, order.amount));
      order.amount = toFen(order.amount - discount);
      this.out.push({
        type: 'order-repriced',
        at: t,
        orderId: order.id,
        amount: order.amount,
        discount,
        messageId: message.id,
      });
    } else s.coupon = toFen(s.coupon + amount);
  }

  /** A recommendation that fits a need the buyer let slip: they take the product (关联推荐 that works). */
  private recommend(message: AgentMessage, t: number): void {
    const s = this.s;
    const productId = message.product;
    if (productId === undefined || !this.ctx.library.products.has(productId)) return;
    const need = s.needs.find((n) => !n.met && n.products.includes(productId));
    if (need === undefined) return;
    need.met = true;
    const order = this.latestOrder();
    if (order === undefined) {
      s.accepted.push({ product: productId, messageId: message.id });
    } else if (!order.paid) {
      this.addItem(order, productId, message.id, t);
    } else {
      // Already paid: the buyer places and pays a second order for it at once.
      const index = s.orders.length + 1;
      const product = this.ctx.library.products.get(productId);
      const extra: Order = {
        id: `o${index}`,
        orderNo: orderNumber(s.seed, t, index),
        product: productId,
        amount: toFen(product?.price ?? 0),
        at: t,
        paid: true,
        sku: initialSku(product, undefined),
        address: order.address,
        note: '',
      };
      s.orders.push(extra);
      this.out.push({
        type: 'order-placed',
        at: t,
        orderId: extra.id,
        product: productId,
        quantity: 1,
        amount: extra.amount,
        orderNo: extra.orderNo,
        sku: { ...extra.sku },
        address: extra.address,
        recommendedBy: message.id,
      });
      this.out.push({ type: 'order-paid', at: t, orderId: extra.id });
    }
  }

  orderUpdate(update: OrderUpdate, t: number): void {
    const s = this.s;
    if (s.phase === 'ended' || orderUpdateProblem(this.ctx, s, update) !== null) return;
    const order = findOrder(s, update.orderId)!;
    const event: Extract<ConversationEvent, { type: 'order-updated' }> = {
      type: 'order-updated',
      at: t,
      id: update.id,
      orderId: order.id,
    };
    if (update.address !== undefined) {
      order.address = update.address;
      event.address = update.address;
    }
    if (update.option !== undefined) {
      const resolved = resolveOption(this.ctx.library.products.get(order.product)!, update.option)!;
      order.sku = { ...order.sku, [resolved.key]: resolved.option.value };
      event.option = resolved.option.value;
      event.sku = { ...order.sku };
    }
    if (update.note !== undefined) {
      order.note = update.note;
      event.note = update.note;
    }
    this.out.push(event);
    if (s.phase === 'awaiting') this.decide(t, null);
  }

  private timeout(t: number): void {
    const { s, beat, ctx } = this;
    s.deadline = null;
    s.pending = null;
    if (beat.on.timeout) {
      this.goTo(beat.on.timeout, t);
      return;
    }
    switch (beat.await) {
      case 'reply':
      case 'answers':
      case 'change': {
        const cause = this.waitingFor();
        const farewell = ctx.scenario.persona.farewell ?? DEFAULT_FAREWELL;
        const text =
          typeof farewell === 'string'
            ? farewell
            : seededPick(s.seed, `farewell:${s.beat}#${s.visits[s.beat]}`, farewell);
        this.buyerMessage(t, text, -1);
        this.out.push({ type: 'buyer-left', at: t, reason: 'patience', ...cause });
        this.end(t, 'buyer-left');
        return;
      }
      case 'invite':
      case 'follow-up':
        this.out.push({ type: 'buyer-left', at: t, reason: 'quiet' });
        this.end(t, 'buyer-left');
        return;
      default:
        this.end(t, 'unpaid');
        return;
    }
  }

  /**
   * What the buyer whose patience ran out was still waiting for: a reply to their latest message, else (every
   * message had one) the order change asked for, else the questions and concerns nobody answered.
   */
  private waitingFor(): Pick<
    Extract<ConversationEvent, { type: 'buyer-left' }>,
    'waitingFor' | 'open' | 'fields'
  > {
    const { s, beat } = this;
    if (s.unanswered.length > 0) return { waitingFor: 'reply' };
    if (beat.await === 'change') return { waitingFor: 'change', fields: this.changeMismatches() };
    if (s.open.length > 0) return { waitingFor: 'answers', open: s.open.map((item) => item.messageId) };
    return { waitingFor: 'reply' };
  }

  // ── Inputs ───────────────────────────────────────────────────────────────────────────────────────

  /** Runs everything due at or before `now`, each at its own due time, in time order. */
  runDue(now: number): void {
    for (;;) {
      const s = this.s;
      if (s.phase === 'ended') return;
      const pending = s.pending;
      const candidates: Array<[number, 'typing' | 'send' | 'deadline']> = [];
      if (pending && pending.typingAt !== null) candidates.push([pending.typingAt, 'typing']);
      if (pending) candidates.push([pending.sendAt, 'send']);
      if (s.deadline !== null) candidates.push([s.deadline, 'deadline']);
      if (candidates.length === 0) return;
      // Earliest first; at equal times typing before sending before the deadline (array order).
      const [at, what] = candidates.reduce((a, b) => (b[0] < a[0] ? b : a));
      if (at > now) return;
      if (what === 'typing') {
        pending!.typingAt = null;
        this.out.push({ type: 'buyer-typing', at });
      } else if (what === 'send') this.sendPending(at);
      else this.timeout(at);
    }
  }

  agentMessage(sent: AgentMessage, t: number): void {
    const s = this.s;
    if (s.phase === 'ended') return;
    // A discount card says what it does, 改价 on the unpaid order or a coupon for the next: the shop's words
    // from the order's state, not the sender's, so the buyer, the log and the report agree however it was sent.
    const latest = this.latestOrder();
    const message: AgentMessage =
      sent.action === 'discount'
        ? { ...sent, text: discountText(sent.amount ?? 0, latest !== undefined && !latest.paid) }
        : sent;
    const card = message.action === undefined ? undefined : CARD_OF_ACTION[message.action];
    this.out.push({ type: 'agent-message', at: t, ...message, ...(card !== undefined && { card }) });
    const judged = judgeReplyRemembered(
      this.ctx,
      { messages: s.unanswered, items: s.open, hasOrder: s.orders.length > 0 },
      message,
    );
    this.out.push({ type: 'reply-judged', at: t, messageId: message.id, ...judged });
    s.unanswered = [];
    s.lastAgentAt = t;
    const closed = new Set([...judged.stated, ...judged.addressed]);
    s.open = s.open.filter((item) => !closed.has(item.messageId));
    if (judged.invites) s.invitedAt = t;
    if (judged.reminds) s.remindedAt = t;
    if (judged.acknowledges) s.acknowledgedAt = t;
    if (message.action === 'discount') this.discount(message, t);
    if (message.action === 'recommend') this.recommend(message, t);
    if (s.phase === 'awaiting') this.decide(t, judged);
  }

  stop(t: number, reason: 'stopped' | 'abandoned'): void {
    if (this.s.phase !== 'ended') this.end(t, reason);
  }
}

function cloneState(s: ShopperState): ShopperState {
  return {
    ...s,
    visits: { ...s.visits },
    pending: s.pending && { ...s.pending },
    open: s.open.map((item) => ({ ...item })),
    unanswered: [...s.unanswered],
    orders: s.orders.map((order) => ({ ...order, sku: { ...order.sku } })),
    needs: s.needs.map((need) => ({ ...need, products: [...need.products] })),
    accepted: s.accepted.map((item) => ({ ...item })),
  };
}

/** Beats whose deadline is the buyer's patience, renewed by every agent message. */
function waitsOnPatience(beat: CompiledBeat): boolean {
  return beat.await === 'reply' || beat.await === 'answers' || beat.await === 'change';
}

function findOrder(s: ShopperState, orderId: string | undefined): Order | undefined {
  return orderId === undefined ? s.orders[s.orders.length - 1] : s.orders.find((o) => o.id === orderId);
}

/** Why an order change cannot be made: an error code of the protocol, with the values its words need. */
export type OrderProblem =
  | { code: 'conversation-ended' | 'no-order-yet' | 'order-not-found' }
  | { code: 'option-unknown' | 'option-out-of-stock'; params: { option: string } };

/**
 * Why an order change cannot be made, or null when it can: there must be such an order, and a new variant
 * must be an option of its product that is in stock.
 */
export function orderUpdateProblem(
  ctx: ShopperContext,
  s: ShopperState,
  update: OrderUpdate,
): OrderProblem | null {
  if (s.phase === 'ended') return { code: 'conversation-ended' };
  const order = findOrder(s, update.orderId);
  if (order === undefined) return { code: update.orderId === undefined ? 'no-order-yet' : 'order-not-found' };
  if (update.option !== undefined) {
    const product = ctx.library.products.get(order.product);
    const resolved = product && resolveOption(product, update.option);
    if (!resolved) return { code: 'option-unknown', params: { option: update.option } };
    if (!resolved.option.inStock)
      return { code: 'option-out-of-stock', params: { option: resolved.option.value } };
  }
  return null;
}

function result(step: Step): StepResult {
  return { state: step.s, outputs: step.out, wakeAt: step.wakeAt() };
}

/**
 * Starts a conversation at `now`: the `started` event and the buyer's first message, which comes at
 * `arrivesAt` when that is later (a buyer of a random mix who walks in after the others).
 */
export function startShopper(
  ctx: ShopperContext,
  seed: number,
  now: number,
  arrivesAt: number = now,
): StepResult {
  const arrival = Math.max(now, arrivesAt);
  const state: ShopperState = {
    seed,
    phase: 'sending',
    beat: ctx.firstBeat,
    visits: {},
    enteredAt: arrival,
    nextLine: 0,
    pending: null,
    deadline: null,
    nudged: false,
    open: [],
    unanswered: [],
    lastAgentAt: null,
    invitedAt: null,
    remindedAt: null,
    acknowledgedAt: null,
    orders: [],
    buyerMessages: 0,
    coupon: 0,
    needs: [],
    accepted: [],
  };
  const step = new Step(ctx, state);
  step.out.push({
    type: 'started',
    at: now,
    scenarioId: ctx.scenario.id,
    scenarioVersion: ctx.library.versions.get(ctx.scenario.id) ?? '',
    seed,
    ...(arrival > now && { arrivesAt: arrival }),
  });
  step.enterBeat(ctx.firstBeat, arrival, true);
  step.runDue(now);
  return result(step);
}

/** One input at `now`. Everything due before it runs first, at its own due time, so late timers change nothing. */
export function stepShopper(
  ctx: ShopperContext,
  state: ShopperState,
  input: ShopperInput,
  now: number,
): StepResult {
  const step = new Step(ctx, cloneState(state));
  step.runDue(now);
  if (input.type === 'agent-message') step.agentMessage(input.message, now);
  else if (input.type === 'order-update') step.orderUpdate(input.update, now);
  else if (input.type === 'stop') step.stop(now, input.reason ?? 'stopped');
  return result(step);
}
