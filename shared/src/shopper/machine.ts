// The virtual shopper: a pure, deterministic state machine. `stepShopper(ctx, state, input, now)` returns the
// next state, the events to append to the log and the time of the next wake-up. Same scenario, seed and inputs
// give the same outputs, always. The behaviour is specified in docs/shopper-semantics.md.
import type {
  AgentMessage,
  CardKind,
  ConversationEvent,
  ReplyJudgement,
  ShopperInput,
} from '../conversation/events.ts';
import type { CompiledBeat, ShopperContext } from './context.ts';
import { judgeReply, type OpenItem } from './judge.ts';
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
  product: string;
  amount: number;
  at: number;
  paid: boolean;
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

  private scheduleNudge(t: number): void {
    const s = this.s;
    const decision = `nudge:${s.beat}#${s.visits[s.beat]}`;
    const text = seededPick(s.seed, decision, this.ctx.scenario.persona.nudges);
    const typingAt = t + seededBetween(s.seed, `pause:${decision}`, ...NEXT_PAUSE_MS);
    s.pending = { text, line: -1, typingAt, sendAt: typingAt + this.typingMs(text, `typing:${decision}`) };
    s.nudged = true;
  }

  private buyerMessage(t: number, text: string, line: number): string {
    const id = `b${++this.s.buyerMessages}`;
    this.out.push({ type: 'buyer-message', at: t, id, text, beat: this.s.beat, line });
    this.s.unanswered.push(id);
    return id;
  }

  private sendPending(t: number): void {
    const { s, beat } = this;
    const pending = s.pending!;
    s.pending = null;
    const id = this.buyerMessage(t, pending.text, pending.line);
    if (pending.line < 0) {
      // A nudge: the buyer starts waiting again from here.
      if (s.deadline !== null && (beat.await === 'reply' || beat.await === 'answers')) {
        s.deadline = t + (beat.withinMs ?? this.ctx.patienceMs);
      }
      return;
    }
    const line = beat.lines[pending.line]!;
    if (line.ask !== undefined || line.objection !== undefined) {
      s.open.push({
        messageId: id,
        ...(line.ask !== undefined && { ask: line.ask }),
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
      const price = ctx.library.products.get(productId)?.price ?? 0;
      const order: Order = {
        id: `o${s.orders.length + 1}`,
        product: productId,
        amount: Math.round(price * beat.order.quantity * 100) / 100,
        at: t,
        paid: false,
      };
      s.orders.push(order);
      this.out.push({
        type: 'order-placed',
        at: t,
        orderId: order.id,
        product: order.product,
        quantity: beat.order.quantity,
        amount: order.amount,
      });
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
      (beat.await === 'reminder' && reminded);
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
    if (beat.await === 'reply' || beat.await === 'answers') {
      // The buyer feels attended to: their patience runs again from this message.
      s.deadline = t + (beat.withinMs ?? this.ctx.patienceMs);
    }
    if (dodged && !s.nudged && s.pending === null) this.scheduleNudge(t);
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
      case 'answers': {
        const farewell = ctx.scenario.persona.farewell ?? DEFAULT_FAREWELL;
        const text =
          typeof farewell === 'string'
            ? farewell
            : seededPick(s.seed, `farewell:${s.beat}#${s.visits[s.beat]}`, farewell);
        this.buyerMessage(t, text, -1);
        this.out.push({ type: 'buyer-left', at: t, reason: 'patience' });
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

  agentMessage(message: AgentMessage, t: number): void {
    const s = this.s;
    if (s.phase === 'ended') return;
    const card = message.action === undefined ? undefined : CARD_OF_ACTION[message.action];
    this.out.push({ type: 'agent-message', at: t, ...message, ...(card !== undefined && { card }) });
    const judged = judgeReply(
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
    orders: s.orders.map((order) => ({ ...order })),
  };
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
  else if (input.type === 'stop') step.stop(now, input.reason ?? 'stopped');
  return result(step);
}

export function isEnded(state: ShopperState): boolean {
  return state.phase === 'ended';
}
