// One incremental fold over a conversation's event log, collecting what the rules look at: turns, buyer lines
// with their scenario markings, agent messages with the shopper's judgement of each, orders, silences,
// departures. The report folds a whole log at once; the drill monitor keeps one fold per live conversation
// and adds events as they are committed, then reads the same facts "as of now" — so both see one truth.
//
// A conversation is judged on what was due by the moment it is judged at:
// - `over`: it ran its course (the buyer finished, left, or stopped paying attention): everything counts.
// - `stopped`: it was cut short from outside (the drill ended, 结束练习): only what was due by the stop — a
//   reply only once its benchmark passed, an answer only once the response benchmark passed since the
//   question, a follow-up or payment reminder only once its window closed; the buyer never decided.
// - `running`: no end yet, judged as of `now`: the same, and the turn still waiting is not unanswered yet
//   (the rules report it as late once its benchmark has passed).
import type {
  ConversationEvent,
  EndReason,
  ReplyJudgement,
  Sku,
  WaitingFor,
} from '../conversation/events.ts';
import type { Beat, BuyerScenario } from '../scenario/schema.ts';
import { type OrderSnapshot, toFen } from '../shopper/orders.ts';
import { type Benchmarks, overLimit } from './benchmarks.ts';
import { beatIndex, type LineMarks, lineOf } from './buyer-lines.ts';
import { type OpenTurn, type Turn, TurnTracker } from './turns.ts';

export interface BuyerMessageFact {
  id: string;
  at: number;
  text: string;
  /** The scenario beat and line it was (a nudge or farewell is line -1). */
  beat: string;
  line: number;
  marks: LineMarks | undefined;
}

export interface JudgedReply extends ReplyJudgement {
  at: number;
  messageId: string;
}

export type AgentMessageEvent = Extract<ConversationEvent, { type: 'agent-message' }>;

export interface AgentMessageFact {
  message: AgentMessageEvent;
  /** The shopper's reading, when the log has one for this message. */
  judgement: JudgedReply | undefined;
}

export interface OrderChangeFact {
  at: number;
  address?: string;
  /** The whole variant after the change, when the change was to the variant. */
  sku?: Sku;
  note?: string;
}

export interface OrderFact {
  orderId: string;
  at: number;
  product: string;
  /** What the buyer pays now: after 改价 and with the products they added. */
  amount: number;
  paidAt: number | null;
  /** As placed; `changes` are the seller's edits in order. */
  sku: Sku;
  address: string;
  note: string;
  changes: OrderChangeFact[];
  /** The coupon taken off when it was placed, and 改价 discounts after. */
  discount: number;
  /** Amount of recommended products in it (关联推荐 that worked): added items, or the whole order when it was placed for one. */
  crossSellAmount: number;
  /**
   * How far the buyer had taken it on their own when they came (a mid-sale buyer arrives with an order placed,
   * often paid): placed (paid) before the agent's first message, or right after the lines the buyer arrived
   * with (the opening beat) with no reply since, before the reception could have moved them. Null: placed
   * during the reception.
   */
  broughtAs: 'ordered' | 'paid' | null;
}

/** A 改价 or coupon the agent gave (from its card message). */
export interface DiscountFact {
  at: number;
  messageId: string;
  amount: number;
}

export interface Departure {
  at: number;
  reason: 'patience' | 'scripted' | 'quiet';
  /** With `patience`: what the buyer was still waiting for (read off the log when the event does not say). */
  waitingFor: WaitingFor | null;
  /** With `answers`: the buyer messages (asks, objections) given up on. */
  open: readonly string[];
  /** With `change`: the fields the order still did not show. */
  fields: readonly string[];
}

export type Phase = 'running' | 'stopped' | 'over';

/** How a fold is read: the rubric's response benchmarks, and for a running conversation the moment to judge at. */
export interface Judging {
  benchmarks: Benchmarks;
  /** Server time to judge a running conversation at (default: its last event); ignored once it ended. */
  now?: number;
}

export interface ConversationFacts {
  /** Time zero of every violation: the first buyer message (else the first event). */
  origin: number;
  seed: number;
  /** When the conversation closed: its `ended` event, else its last event. */
  end: number;
  /** True when an `ended` event closed the log. */
  closed: boolean;
  /** Why it closed (null while open). */
  endReason: EndReason | null;
  phase: Phase;
  /** The moment it is judged at: its end once closed, else `now` (never before its last event). */
  judgedAt: number;
  buyerMessages: ReadonlyMap<string, BuyerMessageFact>;
  agentMessages: readonly AgentMessageFact[];
  judgements: readonly JudgedReply[];
  /** Answered turns, and the turns left unanswered that a reply was due for (see the phases above). */
  turns: readonly Turn[];
  /** The turn still waiting for its reply when judged, and not (yet) unanswered; null otherwise. */
  openTurn: OpenTurn | null;
  orders: readonly OrderFact[];
  discounts: readonly DiscountFact[];
  /** Recommendations (关联推荐 cards) sent: which product, when. */
  recommendations: readonly { at: number; messageId: string; product: string }[];
  quiets: readonly { at: number; until: number }[];
  departures: readonly Departure[];
  /** When the buyer decided: the first order, else the departure, else the end of a conversation that ran
   * its course (null while running, and when it was stopped before the buyer decided). */
  decidedAt: number | null;
}

export class ConversationFold {
  private readonly beats: ReadonlyMap<string, Beat>;
  private readonly buyerMessages = new Map<string, BuyerMessageFact>();
  private readonly agentMessages: AgentMessageFact[] = [];
  private readonly agentById = new Map<string, AgentMessageFact>();
  private readonly judgements: JudgedReply[] = [];
  private readonly orders: OrderFact[] = [];
  private readonly ordersById = new Map<string, OrderFact>();
  private readonly discounts: DiscountFact[] = [];
  private readonly recommendations: { at: number; messageId: string; product: string }[] = [];
  private readonly quiets: { at: number; until: number }[] = [];
  private readonly departures: Departure[] = [];
  private readonly turns = new TurnTracker();
  private origin: number | null = null;
  private first: number | null = null;
  /** The beat of the buyer's first line, whether every line so far was of it, and whether a reply followed the latest. */
  private openingBeat: string | null = null;
  private inOpening = true;
  private repliedToLatestLine = false;
  private seed = 0;
  private end = 0;
  private endReason: EndReason | null = null;

  constructor(scenario: BuyerScenario) {
    this.beats = beatIndex(scenario);
  }

  get closed(): boolean {
    return this.endReason !== null;
  }

  /**
   * The buyer is still arriving: no agent message yet, or the opening beat's lines just sent with nothing
   * replied since (what a beat does after its lines — order, pay — comes before it awaits the agent).
   */
  private get arriving(): boolean {
    return this.agentMessages.length === 0 || (this.inOpening && !this.repliedToLatestLine);
  }

  /** Folds one more event; false when it was ignored (after `ended`, nothing is part of the reception). */
  add(event: ConversationEvent): boolean {
    if (this.closed) return false;
    this.first ??= event.at;
    this.end = event.at;
    switch (event.type) {
      case 'started':
        this.seed = event.seed;
        break;
      case 'buyer-message':
        this.origin ??= event.at;
        this.openingBeat ??= event.beat;
        if (event.beat !== this.openingBeat) this.inOpening = false;
        this.repliedToLatestLine = false;
        this.buyerMessages.set(event.id, {
          id: event.id,
          at: event.at,
          text: event.text,
          beat: event.beat,
          line: event.line,
          marks: lineOf(this.beats, event.beat, event.line),
        });
        this.turns.buyerSpoke(event.id, event.at);
        break;
      case 'agent-message': {
        const fact: AgentMessageFact = { message: event, judgement: undefined };
        this.agentMessages.push(fact);
        this.agentById.set(event.id, fact);
        this.repliedToLatestLine = true;
        this.turns.agentReplied(event.id, event.at);
        if (event.action === 'discount' && event.amount !== undefined)
          this.discounts.push({ at: event.at, messageId: event.id, amount: event.amount });
        if (event.action === 'recommend' && event.product !== undefined)
          this.recommendations.push({ at: event.at, messageId: event.id, product: event.product });
        break;
      }
      case 'reply-judged': {
        const { type: _type, ...judged } = event;
        this.judgements.push(judged);
        const fact = this.agentById.get(event.messageId);
        if (fact && !fact.judgement) fact.judgement = judged;
        break;
      }
      case 'order-placed': {
        const order: OrderFact = {
          orderId: event.orderId,
          at: event.at,
          product: event.product,
          amount: event.amount,
          paidAt: null,
          sku: event.sku ?? {},
          address: event.address ?? '',
          note: '',
          changes: [],
          discount: event.discount ?? 0,
          crossSellAmount: event.recommendedBy === undefined ? 0 : event.amount,
          broughtAs: this.arriving ? 'ordered' : null,
        };
        this.orders.push(order);
        this.ordersById.set(event.orderId, order);
        break;
      }
      case 'order-updated': {
        const order = this.ordersById.get(event.orderId);
        if (!order) break;
        const change: OrderChangeFact = { at: event.at };
        if (event.address !== undefined) change.address = event.address;
        if (event.sku !== undefined) change.sku = event.sku;
        if (event.note !== undefined) change.note = event.note;
        order.changes.push(change);
        break;
      }
      case 'order-repriced': {
        const order = this.ordersById.get(event.orderId);
        if (!order) break;
        order.amount = event.amount;
        order.discount = toFen(order.discount + event.discount);
        break;
      }
      case 'order-item-added': {
        const order = this.ordersById.get(event.orderId);
        if (!order) break;
        order.amount = toFen(order.amount + event.amount);
        order.crossSellAmount = toFen(order.crossSellAmount + event.amount);
        break;
      }
      case 'order-paid': {
        const order = this.ordersById.get(event.orderId);
        if (order && order.paidAt === null) {
          order.paidAt = event.at;
          if (order.broughtAs === 'ordered' && this.arriving) order.broughtAs = 'paid';
        }
        break;
      }
      case 'buyer-quiet':
        this.quiets.push({ at: event.at, until: event.until });
        break;
      case 'buyer-left':
        this.departures.push(this.departure(event));
        break;
      case 'ended':
        this.endReason = event.reason;
        break;
      case 'buyer-typing':
        break;
    }
    return true;
  }

  /**
   * A departure with its cause. Logs written before the shopper said what a buyer out of patience waited for
   * are read the way the shopper decides it: a message of theirs with no reply (before the farewell line) →
   * `reply`; else the beat's order change → `change`; else its questions and concerns no reply settled.
   */
  private departure(event: Extract<ConversationEvent, { type: 'buyer-left' }>): Departure {
    const { at, reason } = event;
    if (reason !== 'patience') return { at, reason, waitingFor: null, open: [], fields: [] };
    if (event.waitingFor !== undefined)
      return { at, reason, waitingFor: event.waitingFor, open: event.open ?? [], fields: event.fields ?? [] };
    const waiting = this.turns.waiting;
    const lines = [...this.buyerMessages.values()];
    const farewell = lines.at(-1);
    if ((waiting !== null && waiting.start < at) || farewell === undefined)
      return { at, reason, waitingFor: 'reply', open: [], fields: [] };
    const change = this.beats.get(farewell.beat)?.change;
    if (change !== undefined)
      return { at, reason, waitingFor: 'change', open: [], fields: Object.keys(change) };
    const settled = new Set(this.judgements.flatMap((j) => [...j.stated, ...j.addressed]));
    // The lines of the beat's latest visit: the buyer's messages back to where that beat began.
    const visit: BuyerMessageFact[] = [];
    for (let i = lines.length - 1; i >= 0 && lines[i]!.beat === farewell.beat; i--) visit.unshift(lines[i]!);
    const open = visit
      .filter((m) => (m.marks?.ask !== undefined || m.marks?.objection !== undefined) && !settled.has(m.id))
      .map((m) => m.id);
    return { at, reason, waitingFor: open.length > 0 ? 'answers' : 'reply', open, fields: [] };
  }

  /** The facts as of the judging moment. The lists are the fold's own: read them before adding more events. */
  facts(judging: Judging): ConversationFacts {
    const { endReason, end, departures } = this;
    const closed = endReason !== null;
    const phase: Phase = !closed
      ? 'running'
      : endReason === 'stopped' || endReason === 'abandoned'
        ? 'stopped'
        : 'over';
    const judgedAt = closed ? end : Math.max(judging.now ?? end, end);
    const turns: Turn[] = [...this.turns.answered];
    let openTurn = this.turns.waiting;
    if (openTurn) {
      const unanswered = { ...openTurn, end: null, replyId: null };
      if (phase === 'over') {
        // Unanswered unless it only began as the conversation closed (the farewell line, a closing thank-you):
        // the agent never had a chance to reply.
        if (openTurn.start < Math.min(departures[0]?.at ?? end, end)) turns.push(unanswered);
        openTurn = null;
      } else if (phase === 'stopped') {
        const limit =
          turns.length === 0 ? judging.benchmarks.firstResponseSeconds : judging.benchmarks.responseSeconds;
        if (overLimit(judgedAt - openTurn.start, limit)) {
          turns.push(unanswered);
          openTurn = null;
        }
      }
    }
    return {
      origin: this.origin ?? this.first ?? 0,
      seed: this.seed,
      end,
      closed,
      endReason,
      phase,
      judgedAt,
      buyerMessages: this.buyerMessages,
      agentMessages: this.agentMessages,
      judgements: this.judgements,
      turns,
      openTurn,
      orders: this.orders,
      discounts: this.discounts,
      recommendations: this.recommendations,
      quiets: this.quiets,
      departures,
      decidedAt: this.orders[0]?.at ?? departures[0]?.at ?? (phase === 'over' ? end : null),
    };
  }
}

/** The facts of a whole log (events after `ended` are ignored). */
export function readConversation(
  events: readonly ConversationEvent[],
  scenario: BuyerScenario,
  judging: Judging,
): ConversationFacts {
  const fold = new ConversationFold(scenario);
  for (const event of events) if (!fold.add(event)) break;
  return fold.facts(judging);
}

/**
 * Whether an answer to a buyer line said at `at` was due when the conversation is judged: always once it ran
 * its course; when it was stopped, only once the response benchmark had passed since the line; while it is
 * running, not yet (the agent may still answer, so an open question is not counted against them live).
 */
export function answerDue(facts: ConversationFacts, at: number, benchmarks: Benchmarks): boolean {
  if (facts.phase === 'over') return true;
  if (facts.phase === 'running') return false;
  return overLimit(facts.judgedAt - at, benchmarks.responseSeconds);
}

/** An order as it stood at `at`: as placed, with every seller change made by then. */
export function orderAt(order: OrderFact, at: number): OrderSnapshot {
  let { sku, address, note } = order;
  for (const change of order.changes) {
    if (change.at > at) break;
    if (change.sku !== undefined) sku = change.sku;
    if (change.address !== undefined) address = change.address;
    if (change.note !== undefined) note = change.note;
  }
  return { product: order.product, sku, address, note };
}
