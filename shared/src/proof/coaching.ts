// What a student's report teaches beside each mistake: the reply it points at, what the scenario's model answer
// said at the same point (played on the same seed, so the buyer's lines are the same ones), and the catalogue
// facts concerned. "The same point" is the beat of the buyer messages the reply answered. Pure.
import type { ConversationEvent } from '../conversation/events.ts';
import type { RuleId } from '../scenario/schema.ts';
import type { Report } from '../scoring/report.ts';
import type { ShopperContext } from '../shopper/context.ts';
import { simulate } from '../shopper/simulate.ts';

export interface Advice {
  /** Index into the report's violations. */
  violation: number;
  /** The student's reply the mistake points at, or null (an unanswered line, a missing invitation). */
  reply: string | null;
  /** The model answer's replies at the same point, in order (may be empty). */
  model: string[];
  /** Catalogue references (`product.key[.option]`) the mistake is about; put into words by the reader. */
  facts: string[];
}

/** Timing alone: the model answer says nothing about how fast to type. */
const TIMING_ONLY: ReadonlySet<RuleId> = new Set(['slow-first-response', 'slow-response', 'buyer-left']);

type BuyerMessage = Extract<ConversationEvent, { type: 'buyer-message' }>;
type AgentMessage = Extract<ConversationEvent, { type: 'agent-message' }>;
type Judged = Extract<ConversationEvent, { type: 'reply-judged' }>;

interface Indexed {
  buyer: Map<string, BuyerMessage>;
  agent: Map<string, AgentMessage>;
  judged: Map<string, Judged>;
  buyerInOrder: BuyerMessage[];
}

function index(events: readonly ConversationEvent[]): Indexed {
  const out: Indexed = { buyer: new Map(), agent: new Map(), judged: new Map(), buyerInOrder: [] };
  for (const e of events) {
    if (e.type === 'buyer-message') {
      out.buyer.set(e.id, e);
      out.buyerInOrder.push(e);
    } else if (e.type === 'agent-message') out.agent.set(e.id, e);
    else if (e.type === 'reply-judged' && !out.judged.has(e.messageId)) out.judged.set(e.messageId, e);
  }
  return out;
}

/** The beat a reply answered: that of the buyer messages it closed, else of the last buyer line before it. */
function beatOfReply(log: Indexed, replyId: string): string | undefined {
  for (const id of log.judged.get(replyId)?.openMessages ?? []) {
    const beat = log.buyer.get(id)?.beat;
    if (beat) return beat;
  }
  const at = log.agent.get(replyId)?.at;
  return at === undefined ? undefined : beatBefore(log, at);
}

function beatBefore(log: Indexed, at: number): string | undefined {
  let beat: string | undefined;
  for (const message of log.buyerInOrder) if (message.at <= at) beat = message.beat;
  return beat;
}

/** What the model answer said per beat, in order, on the conversation's seed. */
function modelByBeat(ctx: ShopperContext, seed: number, start: number): Map<string, string[]> {
  const played = index(simulate(ctx, ctx.scenario.modelAnswer, seed, start).events);
  const byBeat = new Map<string, string[]>();
  for (const message of played.agent.values()) {
    const beat = beatOfReply(played, message.id);
    if (beat === undefined) continue;
    byBeat.set(beat, [...(byBeat.get(beat) ?? []), message.text]);
  }
  return byBeat;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function adviseOn(
  ctx: ShopperContext,
  events: readonly ConversationEvent[],
  report: Report,
): Advice[] {
  const log = index(events);
  const started = events.find((e) => e.type === 'started');
  const origin = log.buyerInOrder[0]?.at ?? started?.at ?? 0;
  let model: Map<string, string[]> | null = null;
  const advice: Advice[] = [];
  report.violations.forEach((violation, i) => {
    if (TIMING_ONLY.has(violation.rule)) return;
    const detail = violation.detail;
    const pointed = str(detail.messageId);
    const reply = pointed === undefined ? undefined : log.agent.get(pointed);
    // The buyer line the mistake is about, when the detail names one.
    const line = [detail.questionId, detail.objectionId, detail.askedId, pointed]
      .map(str)
      .map((id) => (id === undefined ? undefined : log.buyer.get(id)))
      .find((m) => m !== undefined);
    const beat =
      line?.beat ??
      (reply ? beatOfReply(log, reply.id) : beatBefore(log, origin + violation.atSeconds * 1000));
    model ??= modelByBeat(ctx, report.seed, started?.at ?? origin);
    const facts = [str(detail.fact), str(detail.ask)].filter((ref): ref is string => ref !== undefined);
    const said = beat === undefined ? [] : (model.get(beat) ?? []);
    if (said.length === 0 && facts.length === 0) return;
    advice.push({ violation: i, reply: reply?.text ?? null, model: said, facts: [...new Set(facts)] });
  });
  return advice;
}
