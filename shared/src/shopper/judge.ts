// How the shopper reads one agent message: which open questions it answers, whether it dodges, contradicts the
// catalogue, invites to order, reminds to pay or welcomes a returning customer. The machine reacts to this
// judgement and logs it, so scoring folds exactly what the buyer reacted to.
import type { AgentMessage, ReplyJudgement } from '../conversation/events.ts';
import type { Library } from '../scenario/library.ts';
import type { Product } from '../scenario/schema.ts';
import type { Matcher } from '../text/index.ts';
import { findContradictions, judgeFact } from '../text/index.ts';

/** What judging needs of a conversation: the library, the products it is about and their matcher. */
export interface JudgeContext {
  library: Library;
  products: readonly Product[];
  matcher: Matcher;
}

/** A buyer line still waiting for its fact to be stated or its objection addressed. */
export interface OpenItem {
  messageId: string;
  ask?: string;
  objection?: string;
}

/** Concepts that are politeness, not substance: a reply made only of them dodges nothing. */
const COURTESY_CONCEPTS = new Set(['greeting', 'hold', 'thanks', 'returning-welcome', 'follow-up']);
/** Characters a courtesy reply may carry beyond its courtesy terms (e.g. 好的, 一下) and still be courtesy. */
const COURTESY_SLACK_CHARS = 4;

function topicOfAsk(ctx: JudgeContext, ask: string): string | undefined {
  const [productId, key] = ask.split('.');
  const product = ctx.products.find((p) => p.id === productId);
  return key === undefined ? undefined : product?.facts[key]?.topic;
}

function topicsOfObjection(ctx: JudgeContext, objection: string): string[] {
  const lexicon = ctx.library.lexicon;
  const topics = [objection];
  for (const concept of lexicon.objections[objection]?.resolvedBy ?? []) {
    const topic = lexicon.concepts[concept]?.topic;
    if (topic) topics.push(topic);
  }
  return topics;
}

export function judgeReply(
  ctx: JudgeContext,
  open: { messages: readonly string[]; items: readonly OpenItem[]; hasOrder: boolean },
  message: AgentMessage,
): ReplyJudgement {
  const { matcher, library, products } = ctx;
  const analysis = matcher.analyse(message.text);
  const courtesyTopics = new Set(library.lexicon.courtesyTopics);

  const topics = new Set(analysis.topics);
  const phrase = message.phraseId === undefined ? undefined : library.phrases.get(message.phraseId);
  for (const topic of phrase?.topics ?? []) topics.add(topic);
  const substantiveTopics = [...topics].filter((t) => !courtesyTopics.has(t));

  const asks = open.items.filter((i) => i.ask !== undefined);
  const objections = open.items.filter((i) => i.objection !== undefined);

  const stated: string[] = [];
  const wrong: string[] = [];
  const contradicted = new Set(findContradictions(matcher, analysis, products));
  for (const item of asks) {
    const verdict = judgeFact(matcher, analysis, products, item.ask!, true);
    if (verdict === 'stated') stated.push(item.messageId);
    if (verdict === 'contradicted') {
      contradicted.add(item.ask!);
      wrong.push(item.messageId);
    }
  }

  const addressed = objections
    .filter((item) =>
      (library.lexicon.objections[item.objection!]?.resolvedBy ?? []).some((c) => analysis.affirmed.has(c)),
    )
    .map((item) => item.messageId);

  const invites = message.action === 'inviteOrder' || analysis.affirmed.has('order-prompt');
  const reminds =
    message.action === 'remindPayment' || (open.hasOrder && analysis.affirmed.has('payment-reminder'));
  const acknowledges = analysis.affirmed.has('returning-welcome');
  const holds = analysis.affirmed.has('hold');

  // Courtesy only: every concept spotted is politeness and little else was said. A product card is a
  // neutral reply too: it shows the product without claiming anything.
  const courtesyChars = analysis.mentions
    .filter((m) => COURTESY_CONCEPTS.has(m.concept))
    .reduce((sum, m) => sum + (m.end - m.start), 0);
  const onlyCourtesyConcepts = analysis.mentions.every((m) => COURTESY_CONCEPTS.has(m.concept));
  const courtesyOnly =
    message.action === 'sendProductCard' ||
    (onlyCourtesyConcepts &&
      substantiveTopics.length === 0 &&
      analysis.normalised.length - courtesyChars <= COURTESY_SLACK_CHARS);
  // Substantive but answering nothing: an order prompt sent while a question is open dodges it too.
  const substantive = !courtesyOnly && stated.length === 0 && addressed.length === 0;
  const answeredWrong = new Set(wrong);

  // 答非所问: the reply speaks to some other topic than every open question and states none of them.
  const openTopics = new Set<string>();
  for (const item of asks) {
    const topic = topicOfAsk(ctx, item.ask!);
    if (topic) openTopics.add(topic);
  }
  for (const item of objections) for (const t of topicsOfObjection(ctx, item.objection!)) openTopics.add(t);
  const irrelevant =
    substantive &&
    open.items.length > 0 &&
    substantiveTopics.length > 0 &&
    substantiveTopics.every((t) => !openTopics.has(t));

  return {
    openMessages: [...open.messages],
    openAsks: asks.map((i) => i.messageId),
    stated,
    // A wrong answer is one wrong-fact, not also evaded (SPEC §3).
    evaded:
      substantive && !irrelevant ? asks.map((i) => i.messageId).filter((id) => !answeredWrong.has(id)) : [],
    contradicted: [...contradicted].sort(),
    addressed,
    ignoredObjections: substantive && !irrelevant ? objections.map((i) => i.messageId) : [],
    irrelevant,
    topics: [...topics].sort(),
    invites,
    reminds,
    acknowledges,
    holds,
    courtesyOnly,
    wrong,
    followsUp: analysis.affirmed.has('follow-up') || !courtesyOnly,
    offPlatform: analysis.affirmed.has('off-platform'),
    bannedClaim: analysis.affirmed.has('banned-claim'),
    rude: analysis.affirmed.has('rude'),
  };
}
