// A tiny builder for hand-made conversation logs: times are seconds after the first buyer message, and each
// agent message is followed by the shopper's judgement, as the machine logs it.
import type { CardKind, ConversationEvent, ReplyJudgement } from '../../../shared/src/conversation/events.ts';
import {
  type BuyerScenario,
  BuyerScenarioSchema,
  type Product,
  type Rubric,
  RubricSchema,
} from '../../../shared/src/scenario/schema.ts';
import { readConversation } from '../../../shared/src/scoring/facts.ts';
import type { Rule, RuleContext } from '../../../shared/src/scoring/rule.ts';

export const T0 = 1_700_000_000_000;

export const ms = (seconds: number): number => T0 + Math.round(seconds * 1000);

export interface AgentOptions {
  text?: string;
  source?: 'typed' | 'phrase' | 'action';
  phraseId?: string;
  card?: CardKind;
  /** An action card (discount with `amount`, recommend with `product`). */
  action?: 'discount' | 'recommend';
  amount?: number;
  product?: string;
  judged?: Partial<ReplyJudgement>;
}

export class LogBuilder {
  readonly events: ConversationEvent[] = [];
  private open: string[] = [];
  private count = 0;

  started(seed = 7, at = 0): this {
    this.events.push({ type: 'started', at: ms(at), scenarioId: 'test-buyer', scenarioVersion: 'v1', seed });
    return this;
  }

  /** A buyer line of the test scenario: `beat` and `line` locate its markings (ask, simple, objection). */
  buyer(at: number, beat = 'hello', line = 0, id = `b${++this.count}`): string {
    this.events.push({ type: 'buyer-message', at: ms(at), id, text: `${beat}#${line}`, beat, line });
    this.open.push(id);
    return id;
  }

  agent(at: number, options: AgentOptions = {}, id = `a${++this.count}`): string {
    const {
      text = `reply ${id}`,
      source = 'typed',
      phraseId,
      card,
      action,
      amount,
      product,
      judged = {},
    } = options;
    this.events.push({
      type: 'agent-message',
      at: ms(at),
      id,
      text,
      source,
      ...(phraseId === undefined ? {} : { phraseId }),
      ...(card === undefined ? {} : { card }),
      ...(action === undefined ? {} : { action }),
      ...(amount === undefined ? {} : { amount }),
      ...(product === undefined ? {} : { product }),
    });
    this.events.push({ type: 'reply-judged', at: ms(at), messageId: id, ...judgement(this.open, judged) });
    this.open = [];
    return id;
  }

  order(
    at: number,
    orderId = 'o1',
    amount = 100,
    extra: { sku?: Record<string, string>; address?: string; discount?: number; recommendedBy?: string } = {},
  ): this {
    this.events.push({
      type: 'order-placed',
      at: ms(at),
      orderId,
      product: 'jacket',
      quantity: 1,
      amount,
      ...extra,
    });
    return this;
  }

  /** The seller changed an order (as the machine logs it). */
  orderUpdated(
    at: number,
    change: { address?: string; option?: string; sku?: Record<string, string>; note?: string },
    orderId = 'o1',
  ): this {
    this.events.push({ type: 'order-updated', at: ms(at), id: `u${++this.count}`, orderId, ...change });
    return this;
  }

  repriced(at: number, amount: number, discount: number, messageId: string, orderId = 'o1'): this {
    this.events.push({ type: 'order-repriced', at: ms(at), orderId, amount, discount, messageId });
    return this;
  }

  itemAdded(at: number, product: string, amount: number, messageId: string, orderId = 'o1'): this {
    this.events.push({ type: 'order-item-added', at: ms(at), orderId, product, amount, messageId });
    return this;
  }

  paid(at: number, orderId = 'o1'): this {
    this.events.push({ type: 'order-paid', at: ms(at), orderId });
    return this;
  }

  quiet(at: number, until: number): this {
    this.events.push({ type: 'buyer-quiet', at: ms(at), until: ms(until) });
    return this;
  }

  /** Without `cause`, shaped as logs written before the shopper said what a buyer out of patience waited for. */
  left(
    at: number,
    reason: 'patience' | 'scripted' | 'quiet' = 'patience',
    cause: Pick<Extract<ConversationEvent, { type: 'buyer-left' }>, 'waitingFor' | 'open' | 'fields'> = {},
  ): this {
    this.events.push({ type: 'buyer-left', at: ms(at), reason, ...cause });
    return this;
  }

  ended(
    at: number,
    reason: 'finished' | 'buyer-left' | 'unpaid' | 'stopped' | 'abandoned' = 'finished',
  ): this {
    this.events.push({ type: 'ended', at: ms(at), reason });
    return this;
  }
}

export function judgement(open: readonly string[], judged: Partial<ReplyJudgement> = {}): ReplyJudgement {
  return {
    openMessages: [...open],
    openAsks: [],
    stated: [],
    evaded: [],
    contradicted: [],
    addressed: [],
    ignoredObjections: [],
    irrelevant: false,
    topics: [],
    invites: false,
    reminds: false,
    acknowledges: false,
    holds: false,
    courtesyOnly: false,
    ...judged,
  };
}

/**
 * The test scenario's beats: `hello` (a plain line), `color` (a simple question), `details` (two lines: an
 * ask and a price objection), `price` (an objection as the beat's own line).
 */
export function makeScenario(overrides: Partial<Record<string, unknown>> = {}): BuyerScenario {
  return BuyerScenarioSchema.parse({
    id: 'test-buyer',
    title: '测试买家',
    products: ['jacket'],
    persona: { name: '小王' },
    beats: [
      { id: 'hello', say: '在吗' },
      { id: 'color', say: '有红色吗', ask: 'jacket.color.red', simple: true },
      {
        id: 'details',
        messages: [
          { say: '什么材质', ask: 'jacket.material' },
          { say: '太贵了', objection: 'price' },
        ],
      },
      { id: 'price', say: '能便宜点吗', objection: 'price' },
    ],
    modelAnswer: [{ say: '在的亲' }],
    counterExamples: [{ name: '不回复', script: [], violations: ['unanswered'] }],
    ...overrides,
  });
}

export function makeRubric(overrides: Partial<Record<string, unknown>> = {}): Rubric {
  return RubricSchema.parse({
    id: 'test-rubric',
    name: '测试评分标准',
    version: 3,
    weights: { responsiveness: 30, accuracy: 25, phraseUse: 10, salesActions: 15, courtesy: 5, outcome: 15 },
    ...overrides,
  });
}

export interface RunOptions {
  scenario?: BuyerScenario;
  rubric?: Rubric;
  particles?: readonly string[];
  products?: ReadonlyMap<string, Product>;
  /** Seconds after T0 to judge a log without an `ended` event at (default: its last event). */
  now?: number;
}

export function contextOf(events: readonly ConversationEvent[], options: RunOptions = {}): RuleContext {
  const scenario = options.scenario ?? makeScenario();
  const thresholds = (options.rubric ?? makeRubric()).thresholds;
  return {
    scenario,
    thresholds,
    phrases: new Map(),
    particles: options.particles ?? [],
    products: options.products ?? new Map(),
    facts: readConversation(events, scenario, {
      benchmarks: thresholds,
      ...(options.now === undefined ? {} : { now: ms(options.now) }),
    }),
  };
}

/** Runs one rule on a log and returns the findings' times in seconds after T0. */
export function firedAt(rule: Rule, log: LogBuilder, options: RunOptions = {}): number[] {
  return rule(contextOf(log.events, options)).map((finding) => (finding.at - T0) / 1000);
}
