// How the shopper reads one agent message: which open questions it answers (rightly or wrongly), whether it
// dodges, contradicts the catalogue, resolves an objection, invites to order, reminds to pay, welcomes a
// returning customer, follows up, or breaks the platform's rules. The machine reacts to this judgement and
// logs it, so scoring folds exactly what the buyer reacted to. Pure: a function of (library, open lines, text).
import type { AgentMessage, ReplyJudgement } from '../conversation/events.ts';
import type { Library } from '../scenario/library.ts';
import type { Product } from '../scenario/schema.ts';
import { bannedClaimWords, offPlatformWords, rudeWords } from '../text/compliance.ts';
import type { Analysis, Matcher, Mention } from '../text/index.ts';
import {
  conditionWords,
  findContradictions,
  judgeFact,
  normalise,
  resolveFactRef,
  stripParticles,
} from '../text/index.ts';
import { asksOnlyWhat, echoOf, propositionOf, questionHolds } from '../text/question.ts';
import {
  ACTION_CONCEPTS,
  asksForPicture,
  compensationClauses,
  isPromptedDispatch,
  leavesItToBuyer,
  lookUpEnds,
  readsAsConcession,
  readsAsDispatchTime,
  readsAsFollowUp,
  readsAsInvitation,
  readsAsReminder,
  readsAsWelcomeBack,
} from '../text/sales-actions.ts';
import { SAYINGS_OF_CHOICE, saysSameAsUsual, usualSizeChoices, usualSizeOf } from '../text/usual-size.ts';

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
  /** Pictures the scenario accepts as the answer to the ask (a size chart). */
  answeredBy?: readonly string[];
  objection?: string;
  /** The buyer's line that asked it: a bare answer says its words back or denies them (正不正 → 正的). */
  text?: string;
}

/** Concepts that are politeness, not substance: a reply made only of them dodges nothing. */
const COURTESY_CONCEPTS = new Set([
  'greeting',
  'hold',
  'thanks',
  'acknowledgement',
  'apology',
  'goodbye',
  'returning-welcome',
  'follow-up',
]);
/** Words a courtesy reply is made of besides its courtesy terms: address, pronouns, filler. */
const COURTESY_FILLER = [
  '亲亲',
  '亲爱的',
  '亲',
  '请问',
  '请',
  '帮您',
  '为您',
  '您',
  '你',
  '我们',
  '我',
  '这边',
  '一下',
  '马上',
  '现在',
  '好',
];
/** 都有的 · 全都可以: a bare answer that covers every open question, not just one. */
const ALL = ['都', '全部', '全都'];
/** What "yes" / "no" alone answer: 有的 · 包的 · 能用 / 木有 · 不行. */
const YES = 'yes-answer';
const IN_STOCK = 'in-stock';
const DISMISSIVE = 'dismissive';
const HOLD = 'hold';
const APOLOGY = 'apology';
const ACKNOWLEDGEMENT = 'acknowledgement';
/** Lexicon concepts of the remedies a shop offers: a catalogue fact of their topic denied is a refusal. */
const REMEDY_CONCEPTS = ['return-promise', 'after-sale-help', 'shipping-help'];
/** 马上帮您处理: a promise to see to it, no remedy yet (lexicon concept, optional). */
const HANDLING = 'handling';

const CATALOGUE_PREFIXES = ['fact:', 'option:', 'wrong:', 'opposite:', 'cost:'];
const isCatalogue = (concept: string) => CATALOGUE_PREFIXES.some((p) => concept.startsWith(p));
/** A catalogue mention that says what the product offers (not a wrong value, an opposite or a cost). */
const isOffer = (concept: string) =>
  concept.startsWith('fact:') || concept.startsWith('option:') || concept.startsWith('product:');
/** The lexicon's concept for "the change is done" (改好了, 已备注…); optional in a lexicon. */
const ORDER_CHANGED_CONCEPT = 'order-changed';
/** Cards that show something without claiming anything: they answer nothing and dodge nothing. */
const NEUTRAL_CARDS = new Set<AgentMessage['action']>(['sendProductCard', 'recommend']);

function topicOfAsk(ctx: JudgeContext, ask: string): string | undefined {
  const [productId, key] = ask.split('.');
  const product = ctx.products.find((p) => p.id === productId);
  return key === undefined ? undefined : product?.facts[key]?.topic;
}

function topicsOfObjection(ctx: JudgeContext, objection: string): string[] {
  const lexicon = ctx.library.lexicon;
  const kind = lexicon.objections[objection];
  const topics = [objection, ...(kind?.topics ?? [])];
  for (const concept of kind?.resolvedBy ?? []) {
    const topic = lexicon.concepts[concept]?.topic;
    if (topic) topics.push(topic);
  }
  return topics;
}

/** A clause's words besides courtesy and filler (亲 · 您好 · 嗯嗯), with its particles or without them. */
function sayingText(ctx: JudgeContext, analysis: Analysis, c: number): { text: string; bare: string } {
  const from = c === 0 ? 0 : analysis.clauseEnds[c - 1]!;
  let text = analysis.normalised.slice(from, analysis.clauseEnds[c]);
  for (const m of analysis.mentions)
    if (m.clause === c && COURTESY_CONCEPTS.has(m.concept))
      text = text.replace(analysis.normalised.slice(m.start, m.end), '');
  for (const word of COURTESY_FILLER) text = text.split(word).join('');
  return { text: undoubled(text), bare: undoubled(stripParticles(text, ctx.library.lexicon.particles)) };
}

/** 送的送的 · 有的有的 · 对对对: an answer said twice or more over is said once. */
function undoubled(text: string): string {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text) return unit;
  }
  return text;
}

/** The first clause that says something besides courtesy (亲， · 嗯嗯， · 您好，): where a bare answer stands. */
function firstSayingClause(ctx: JudgeContext, analysis: Analysis): number {
  for (let c = 0; c < analysis.clauseEnds.length; c++) if (sayingText(ctx, analysis, c).bare !== '') return c;
  return 0;
}

/**
 * 送的 · 能洗的 · 可以换的: a verb (with its modal) and 的, alone in the clause, affirms what was asked the way
 * 有的 and 包的 do, whatever the verb. Not a negator (没事的), not 有货的 (in stock is its own answer), nor
 * anything the catalogue names (红的 picks).
 */
const VERB_DE = /^(能|可以|可|会|都)?\p{Script=Han}{1,2}的[的哦呢啊呀哈亲~]*$/u;
const NEGATOR_START = /^(能|可以|可|会|都)?[不没别无未]/;
/** 有4片装的 · 有两种规格的: "there is", said with how much of it there is, affirms a 有…吗 question like 有的. */
const HAS_AMOUNT = /^有[\d一二两三四五六七八九十几]+\p{Script=Han}{1,3}的[的哦呢啊呀哈亲~]*$/u;
function verbYes(analysis: Analysis, clause: number): boolean {
  const from = clause === 0 ? 0 : analysis.clauseEnds[clause - 1]!;
  let text = analysis.normalised.slice(from, analysis.clauseEnds[clause]);
  for (const m of analysis.mentions)
    if (m.clause === clause && COURTESY_CONCEPTS.has(m.concept))
      text = text.replace(analysis.normalised.slice(m.start, m.end), '');
  text = undoubled(text.replace(/^亲+/, ''));
  return (
    (VERB_DE.test(text) || HAS_AMOUNT.test(text)) &&
    !NEGATOR_START.test(text) &&
    !analysis.denials.some((d) => d.clause === clause) &&
    // 有货的 says something is in stock: it answers a stock question through IN_STOCK, and no other question.
    !analysis.mentions.some(
      (m) => m.clause === clause && (m.negated || m.concept === IN_STOCK || isCatalogue(m.concept)),
    )
  );
}

/** 不甜的话 · 如果不合适: a denial that sets a condition (the buyer's case said back), not an answer. */
const CONDITION_OPENER = /(如果|要是|万一|假如|若是|若)$/;
const CONDITION_CLOSER = /^\p{Script=Han}{0,4}?(的话|时候|时)/u;
function setsCondition(analysis: Analysis, d: { start: number; end: number; clause: number }): boolean {
  const from = d.clause === 0 ? 0 : analysis.clauseEnds[d.clause - 1]!;
  const before = analysis.normalised.slice(from, d.start);
  const after = analysis.normalised.slice(d.end, analysis.clauseEnds[d.clause]);
  return CONDITION_OPENER.test(before) || CONDITION_CLOSER.test(after);
}

/**
 * The reply's bare answer to a yes/no question, said up front: 有的 / 能的 / 包的 → yes; 木有 / 不行 / 没加 →
 * no, and so is a yes for a condition (加10块运费就能发) to a "can it" question about the same act; both or neither
 * → none. A denial further on (售后无忧) answers nothing, nor does one that sets a condition
 * (不甜的话…). A clause affirming another catalogue fact and not naming the one asked (孕期也可以用的 to 加了香精吗)
 * says its yes of that fact: it answers some other question, not this one (不含香精不含酒精 still denies alike).
 */
/** 加10块运费就能发 · 下单备注一下就能开: a yes for a condition, to a "can it" question about the same act. */
const CONDITIONAL_YES = /(就|也|都)(能|可以|可)(\p{Script=Han}{1,2})$/u;
/** Sending said with any of these verbs is one act (寄新疆 · 能发新疆 · 邮到西藏). */
const SEND_VERBS = /[发寄邮送]/;
function conditionalYes(said: string, proposition: string | undefined): boolean {
  const yes = CONDITIONAL_YES.exec(said);
  if (!yes || proposition === undefined || !proposition.includes('能')) return false;
  const verb = yes[3]!;
  return (
    [...verb].some((ch) => proposition.includes(ch)) ||
    (SEND_VERBS.test(verb) && SEND_VERBS.test(proposition))
  );
}

function bareAnswer(
  ctx: JudgeContext,
  analysis: Analysis,
  ask: string,
  stock: boolean,
  proposition?: string,
): 'yes' | 'no' | undefined {
  const clause = firstSayingClause(ctx, analysis);
  // 全黑42有的 says the colour and size are there: its 有的 belongs to them, not to another question.
  if (analysis.mentions.some((m) => m.clause === clause && m.concept.startsWith('option:'))) return undefined;
  // What comes before 就能 is the condition, whatever it names (加10块运费就能发).
  if (
    !analysis.denials.some((d) => d.clause === clause) &&
    !analysis.mentions.some((m) => m.clause === clause && m.negated) &&
    conditionalYes(sayingText(ctx, analysis, clause).bare, proposition)
  )
    return 'yes';
  const asked = factOfAsk(ask);
  const named = analysis.mentions.filter((m) => m.clause === clause && isCatalogue(m.concept));
  const other = (m: Mention) => !m.negated && factOfConcept(m.concept) !== asked;
  if (named.some(other) && !named.some((m) => factOfConcept(m.concept) === asked)) return undefined;
  // 有货的 answers whether something is in stock, not whether it ships free.
  const answers = analysis.mentions.filter(
    (m) => m.clause === clause && (m.concept === YES || (stock && m.concept === IN_STOCK)),
  );
  const yes = answers.some((m) => !m.negated) || verbYes(analysis, clause);
  const no =
    analysis.denials.some((d) => d.clause === clause && !setsCondition(analysis, d)) ||
    answers.some((m) => m.negated);
  if (yes === no) return undefined;
  return yes ? 'yes' : 'no';
}

/** Left after the subject a value shares with the question: 款 · 的 · 后 · 了 · 就 (刻字款不退不换 → 不退不换). */
const SUBJECT_TAIL = /^[款的后了就也都]+/;
/** Does `short` appear in `long` in order (刻字 in 刻了字)? */
const inOrder = (short: string, long: string) => {
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
};

/**
 * A value whose subject the buyer already said, answered with the rest of it (刻了字还能退吗 → 不退不换 for
 * 刻字款不退不换 · 刻了字的就不能退换了 for 刻了字就不能退换): the value or an alias, less its opening words found
 * in order in the buyer's line (at least two), said in the reply.
 */
function restOfValueSaid(ctx: JudgeContext, analysis: Analysis, item: OpenItem): boolean {
  const fact = resolveFactRef(ctx.products, item.ask!);
  if (fact?.fact.kind !== 'value' || item.text === undefined) return false;
  const line = analyseQuestion(ctx.matcher, item.text).normalised;
  const reply = stripParticles(analysis.normalised, ctx.library.lexicon.particles);
  return [fact.fact.value, ...fact.fact.aliases].some((v) => {
    const value = normalise(v);
    let n = 0;
    while (n < value.length && inOrder(value.slice(0, n + 1), line)) n++;
    const rest = stripParticles(value.slice(n).replace(SUBJECT_TAIL, ''), ctx.library.lexicon.particles);
    return n >= 2 && rest.length >= 3 && reply.includes(rest);
  });
}

/**
 * The sizes to order said against the usual one (平时穿41拍41就行 · 平时穿M的拍L) state a size fact as shops word
 * each choice: the same size is the standard sizing, a size up is "take one up" or "runs small" — looked up
 * among the asked value fact's value and aliases (stated) or its wrong values (contradicted).
 */
function sizeChoiceVerdict(
  ctx: JudgeContext,
  analysis: Analysis,
  item: OpenItem,
): 'stated' | 'contradicted' | undefined {
  const fact = resolveFactRef(ctx.products, item.ask!);
  const line = item.text === undefined ? '' : analyseQuestion(ctx.matcher, item.text).normalised;
  // 我平时都穿36的，拍多大 → 平时穿多大就拍多大: the usual size the buyer said is the one to order.
  if (fact?.option !== undefined) {
    const usual = usualSizeOf(line);
    if (usual === undefined || !saysSameAsUsual(analysis.normalised)) return undefined;
    const names = [fact.option.value, ...fact.option.aliases].map((n) =>
      normalise(n).replace(/[码号的]$/, ''),
    );
    return names.includes(usual) ? 'stated' : undefined;
  }
  if (fact?.fact.kind !== 'value') return undefined;
  const sayings = usualSizeChoices(analysis.normalised, line).flatMap((c) => SAYINGS_OF_CHOICE[c]);
  const among = (terms: readonly string[]) =>
    sayings.some((s) => terms.map(normalise).includes(normalise(s)));
  // One right choice answers (平时41拍41，脚宽的话拍42 states both the standard sizing and the wide-feet advice).
  if (among([fact.fact.value, ...fact.fact.aliases])) return 'stated';
  return among(fact.fact.wrong) ? 'contradicted' : undefined;
}

/** Before a condition word, a denial: 没拆开 · 未使用 name no case. */
const DENIED_CONDITION = /[没未不无]$/;

/**
 * The cases the buyer's own lines name of facts not asked (刻了字还能退吗 names the engraved case of the return
 * policy): the reply's unqualified statements of those facts speak of that case (不退不换 is right for it), as
 * they do of a case asked.
 */
function casesNamedByBuyer(
  ctx: JudgeContext,
  items: readonly OpenItem[],
  askedRefs: readonly string[],
): string[] {
  const asked = new Set(askedRefs.map(factOfAsk));
  const refs: string[] = [];
  for (const item of items) {
    if (item.text === undefined) continue;
    const line = analyseQuestion(ctx.matcher, item.text).normalised;
    for (const product of ctx.products)
      for (const [key, fact] of Object.entries(product.facts)) {
        if (fact.kind !== 'yesno' || asked.has(`${product.id}.${key}`)) continue;
        const named = fact.except.find((e) =>
          conditionWords(e.when).some((w) => {
            const at = line.indexOf(w);
            return at >= 0 && !DENIED_CONDITION.test(line.slice(0, at));
          }),
        );
        if (named) {
          refs.push(`${product.id}.${key}.${named.when[0]}`);
          asked.add(`${product.id}.${key}`);
        }
      }
  }
  return refs;
}

/** Between a denial and the words it comes before, a link that makes it their condition (没用就能退). */
const CONDITION_LINK = /就|才|的话|也/;

/**
 * A reply to a yes/no question answers that question: naming what was asked about and denying in the same
 * breath (新疆属于偏远地区，冷链暂时发不了) denies the asked proposition, not the words the negator happens to
 * stand next to. Returns the asks so answered and the analysis with those borrowed negators taken back.
 */
function answerFocus(
  ctx: JudgeContext,
  analysis: Analysis,
  asks: readonly OpenItem[],
): { denied: Set<string>; analysis: Analysis } {
  const denied = new Set<string>();
  const borrowed = new Set<number>();
  for (const item of asks) {
    if (truthOfAsk(ctx, item.ask!) !== false) continue;
    const fact = resolveFactRef(ctx.products, item.ask!);
    if (fact?.fact.kind !== 'yesno') continue;
    const concept = `fact:${fact.product.id}.${fact.key}`;
    const named = analysis.mentions.filter((m) => m.concept === concept);
    if (named.length === 0 || named.some((m) => m.negated)) continue;
    const clauses = new Set(named.flatMap((m) => [m.clause, m.clause + 1]));
    // 没用就能退 · 不拆的话可以退: a denial linked by 就 / 才 / 的话 to the asked words sets a condition for them.
    const setsCondition = (at: number) =>
      named.some((m) => m.start > at && CONDITION_LINK.test(analysis.normalised.slice(at, m.start)));
    const negators = [
      ...analysis.denials.filter((d) => clauses.has(d.clause) && !setsCondition(d.start)).map((d) => d.start),
      ...analysis.mentions
        .filter(
          (m) =>
            m.negated && m.negator !== undefined && clauses.has(m.clause) && !m.concept.startsWith('option:'),
        )
        .map((m) => m.negator!),
    ];
    if (negators.length === 0) continue;
    denied.add(item.messageId);
    for (const n of negators) borrowed.add(n);
  }
  if (borrowed.size === 0) return { denied, analysis };
  const mentions = analysis.mentions.map((m) =>
    m.negated && m.negator !== undefined && borrowed.has(m.negator) ? { ...m, negated: false } : m,
  );
  const affirmed = new Set(mentions.filter((m) => !m.negated).map((m) => m.concept));
  const negated = new Set(mentions.filter((m) => m.negated).map((m) => m.concept));
  return { denied, analysis: { ...analysis, mentions, affirmed, negated } };
}

/**
 * What a concept speaks of: its topic, or in a topic that only groups facts (spec), the fact itself
 * (spec:basic-earbuds.battery): asked about the battery, a word on waterproofing is another subject.
 */
function subjectOf(ctx: JudgeContext, concept: string): string | undefined {
  return subjectIn(ctx, ctx.matcher.conceptTopic(concept), factOfConcept(concept));
}
/** The subject of what a fact costs the buyer (包邮 · 运费 of free shipping), apart from the rest of its topic. */
const FEE = ':fee';
const isFee = (subject: string) => subject.endsWith(FEE);
function subjectIn(
  ctx: JudgeContext,
  topic: string | undefined,
  fact: string | undefined,
): string | undefined {
  if (topic === undefined || fact === undefined) return topic;
  if (ctx.library.lexicon.factTopics.includes(topic)) return `${topic}:${fact}`;
  // In a fee topic (lexicon feeTopics: shipping) a yes/no fact with costs (包邮, its cost 运费) says what the
  // buyer pays: 发货很快 does not answer 包邮吗, nor 包邮的 几天能到.
  if (!ctx.library.lexicon.feeTopics.includes(topic)) return topic;
  const resolved = resolveFactRef(ctx.products, fact);
  return resolved?.fact.kind === 'yesno' && resolved.fact.costs.length > 0 ? `${topic}${FEE}` : topic;
}

/** 发货前 · 发出去的时候 · 收到后: a moment named by an event says when, not what the reply is about. */
const MOMENT_AFTER = /^(出去|过去|出来|回来|去|来)?的?(前|之前|以前|后|之后|以后|时|时候|那天)/;

/**
 * The subjects of the words a message affirms, but for those naming a moment and those `aside` (a sales
 * action's own words: the dispatch promised with an order prompt, a compensation granted).
 */
function subjectsOf(ctx: JudgeContext, analysis: Analysis, aside?: (m: Mention) => boolean): string[] {
  const subjects = new Set<string>();
  const feeSpans = analysis.mentions.filter(
    (m) => isCatalogue(m.concept) && isFee(subjectOf(ctx, m.concept) ?? ''),
  );
  for (const m of analysis.mentions) {
    // A catalogue word denied still speaks of its subject (酒红没了 is about the colours); a lexicon word denied
    // (不用付款) does nothing of it.
    if (m.negated && !isCatalogue(m.concept)) continue;
    if (MOMENT_AFTER.test(analysis.normalised.slice(m.end)) || aside?.(m)) continue;
    // 包邮 names the product's free-shipping fact and the lexicon's word alike: it speaks of the fee only.
    if (!isCatalogue(m.concept) && feeSpans.some((f) => f.start <= m.start && m.end <= f.end)) continue;
    const subject = subjectOf(ctx, m.concept);
    if (subject !== undefined) subjects.add(subject);
  }
  return [...subjects];
}

/** The buyer's yes/no question behind an ask: the proposition a bare answer refers to, and its truth. */
interface AskedQuestion {
  proposition: string;
  holds: boolean | undefined;
}

/** `pid.key` of a catalogue concept (fact:, wrong:, opposite:, cost:, option:). */
const factOfConcept = (concept: string): string | undefined =>
  /^(?:fact|wrong|opposite|cost|option):([^.]+\.[^.]+)/.exec(concept)?.[1];
const factOfAsk = (ask: string) => ask.split('.').slice(0, 2).join('.');

// The buyer's lines are read again for every reply to them; the reading is a pure function of the line.
const QUESTIONS_KEPT = 500;
const questionAnalyses = new WeakMap<Matcher, Map<string, Analysis>>();
function analyseQuestion(matcher: Matcher, text: string): Analysis {
  let kept = questionAnalyses.get(matcher);
  if (!kept) {
    kept = new Map();
    questionAnalyses.set(matcher, kept);
  }
  let analysis = kept.get(text);
  if (!analysis) {
    analysis = matcher.analyse(text);
    kept.set(text, analysis);
    if (kept.size > QUESTIONS_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return analysis;
}

/**
 * The yes/no question an ask's line asks: the clauses naming the asked fact (包安装吗？能送上楼吗 → 包安装 for
 * the installation), else those naming no other asked fact; undefined for what / which questions.
 */
function readQuestion(
  ctx: JudgeContext,
  item: OpenItem,
  asks: readonly OpenItem[],
): AskedQuestion | undefined {
  if (item.text === undefined) return undefined;
  const fact = resolveFactRef(ctx.products, item.ask!);
  if (!fact) return undefined;
  const analysis = analyseQuestion(ctx.matcher, item.text);
  const own = `${fact.product.id}.${fact.key}`;
  const others = new Set(asks.map((a) => factOfAsk(a.ask!)).filter((f) => f !== own));
  const clauses = analysis.clauseEnds.map((_, c) => c);
  const names = (c: number, facts: (f: string) => boolean) =>
    analysis.mentions.some((m) => m.clause === c && facts(factOfConcept(m.concept) ?? ''));
  let asking = clauses.filter((c) => names(c, (f) => f === own));
  if (asking.length === 0) asking = clauses.filter((c) => !names(c, (f) => others.has(f)));
  const proposition = propositionOf(analysis, asking, ctx.library.lexicon.particles);
  if (proposition === undefined) return undefined;
  return { proposition, holds: questionHolds(analysis, asking, proposition, fact) };
}

const isOptionAsk = (ctx: JudgeContext, ask: string) => {
  return resolveFactRef(ctx.products, ask)?.option !== undefined;
};

/** What "yes" means for an ask: the option is in stock, the yes/no fact (in the asked case) holds. */
function truthOfAsk(ctx: JudgeContext, ask: string): boolean | undefined {
  const fact = resolveFactRef(ctx.products, ask);
  if (!fact) return undefined;
  if (fact.fact.kind === 'options') return fact.option?.inStock;
  if (fact.fact.kind !== 'yesno') return undefined;
  return fact.condition === undefined ? fact.fact.value : fact.fact.except[fact.condition]!.value;
}

/**
 * Courtesy only: nothing said but greetings, thanks, 好的, goodbyes and the like, or a hold (稍等, 我帮您查一下库存)
 * that claims nothing. A product card is neutral too: it shows the product without claiming anything.
 */
const followsHold = (analysis: Analysis, m: Mention) =>
  analysis.mentions.some((h) => h.concept === HOLD && h.clause === m.clause && h.end <= m.start) ||
  lookUpEnds(analysis).some((end) => end <= m.start && clauseAt(analysis, end) === m.clause);
const clauseAt = (analysis: Analysis, at: number) => {
  const c = analysis.clauseEnds.findIndex((end) => at < end);
  return c < 0 ? analysis.clauseEnds.length - 1 : c;
};

function isCourtesyOnly(ctx: JudgeContext, analysis: Analysis, message: AgentMessage): boolean {
  // A product card (or a recommended product's card) shows the product without claiming anything.
  if (NEUTRAL_CARDS.has(message.action)) return true;
  const claims =
    analysis.quantities.length > 0 ||
    analysis.denials.length > 0 ||
    analysis.mentions.some((m) => isCatalogue(m.concept) || m.concept === YES);
  if (claims) return false;
  if (analysis.affirmed.has('hold') || lookUpEnds(analysis).length > 0) return true;
  let residue = '';
  let at = 0;
  for (const m of analysis.mentions) {
    if (!COURTESY_CONCEPTS.has(m.concept)) continue;
    residue += analysis.normalised.slice(at, m.start);
    at = Math.max(at, m.end);
  }
  residue += analysis.normalised.slice(at);
  for (const word of COURTESY_FILLER) residue = residue.split(word).join('');
  return stripParticles(residue, ctx.library.lexicon.particles) === '';
}

/** A clause that limits what is offered: 只能开普票 · 只支持苹果 · 仅限江浙沪 (not 只要 · 只是 · 只需: if, merely, just). */
const ONLY_HEAD = /^(就只|只|仅)(?!要|是|需|管|好|不过)\p{Script=Han}/u;

/**
 * The reply limits the offer to something the buyer did not ask about (只能开普票 to 能开专票吗 · 只适配苹果手机 to
 * 小米手机能用吗): the asked yes/no fact is said only in clauses opening with "only", and none of them names the
 * words of it the buyer's line named. Read as no.
 */
function onlySomethingElse(
  ctx: JudgeContext,
  analysis: Analysis,
  item: OpenItem,
  sayings: readonly string[],
): boolean {
  const fact = resolveFactRef(ctx.products, item.ask!);
  if (fact?.fact.kind !== 'yesno' || item.text === undefined) return false;
  const own = (m: Mention) => factOfConcept(m.concept) === `${fact.product.id}.${fact.key}`;
  const question = analyseQuestion(ctx.matcher, item.text);
  const asked = new Set(
    question.mentions
      .filter((m) => own(m) && m.concept.startsWith('fact:') && !m.negated)
      .map((m) => question.normalised.slice(m.start, m.end)),
  );
  if (asked.size === 0) return false;
  const only = sayings.map(
    (said, c) =>
      ONLY_HEAD.test(said) &&
      !analysis.mentions.some(
        (m) => m.clause === c && own(m) && asked.has(analysis.normalised.slice(m.start, m.end)),
      ),
  );
  return only.some(Boolean) && analysis.mentions.every((m) => !own(m) || only[m.clause]);
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
  // An order or payment prompt while a question is open dodges it (evaded); it answers no other topic.
  const actionTopics = new Set(library.lexicon.actionTopics);
  const factTopics = new Set(library.lexicon.factTopics);
  // What the reply speaks of: the subjects of its words, and a phrase's topics its words do not narrow down.
  // A sales action's own words speak of nothing else: the dispatch promised with an order or payment prompt
  // (先拍下哦，我们尽快发货), a compensation granted in place of an answer (给您申请了20元补偿).
  const prompts = analysis.mentions.some(
    (m) =>
      !m.negated &&
      (m.concept === ACTION_CONCEPTS.order ||
        m.concept === ACTION_CONCEPTS.orderVerb ||
        m.concept === ACTION_CONCEPTS.payment),
  );
  const compensating = compensationClauses(analysis);
  const subjects = new Set(
    subjectsOf(ctx, analysis, (m) => compensating.has(m.clause) || (prompts && isPromptedDispatch(m))),
  );
  // A phrase's topic its words leave open may be any subject of it (broad: near whatever of it the buyer asked).
  const broad = new Set<string>();
  for (const topic of phrase?.topics ?? [])
    if (![...subjects].some((s) => s === topic || s.startsWith(`${topic}:`))) {
      subjects.add(topic);
      broad.add(topic);
    }
  const substantiveTopics = [...subjects].filter((t) => !courtesyTopics.has(t) && !actionTopics.has(t));

  const asks = open.items.filter((i) => i.ask !== undefined);
  const objections = open.items.filter((i) => i.objection !== undefined);

  const stated: string[] = [];
  const wrong: string[] = [];
  const focus = answerFocus(ctx, analysis, asks);
  const askedRefs = asks.map((a) => a.ask!);
  const contradicted = new Set(
    findContradictions(matcher, focus.analysis, products, [
      ...askedRefs,
      ...casesNamedByBuyer(ctx, open.items, askedRefs),
    ]),
  );
  // Two options of one fact asked at once (his size and hers): naming one answers that one only, it does
  // not "recommend another" for the other.
  const factOf = (ask: string) => ask.split('.').slice(0, 2).join('.');
  const verdicts = asks.map((item) => {
    const alone = asks.filter((a) => factOf(a.ask!) === factOf(item.ask!)).length === 1;
    return judgeFact(matcher, analysis, products, item.ask!, alone, askedRefs);
  });
  // 有的 · 包的 · 木有: a bare yes or no answers the yes/no question it replies to: the only one left
  // unanswered, or all of them when it says so (都有的).
  const questions = asks.map((item) => readQuestion(ctx, item, asks));
  // 该拍哪个码 → 围巾我们店没有: a bare 没有 answers no question that asked which option to take (nor does 有的);
  // 寄过来烂了算谁的 still asks whether the shop pays.
  const truths = asks.map((item, i) =>
    item.text !== undefined &&
    isOptionAsk(ctx, item.ask!) &&
    asksOnlyWhat(analyseQuestion(ctx.matcher, item.text))
      ? undefined
      : (questions[i]?.holds ?? truthOfAsk(ctx, item.ask!)),
  );
  const bare = asks.filter((_, i) => verdicts[i] === 'absent' && truths[i] !== undefined);
  const coversAll = ALL.some((w) => analysis.normalised.includes(w));
  // The reply's clauses said bare, for answers that say the buyer's question back (正的 · 不偏码 · 不用).
  const sayings = analysis.clauseEnds.map((_, c) => sayingText(ctx, analysis, c).bare);
  asks.forEach((item, i) => {
    let verdict = focus.denied.has(item.messageId) ? 'stated' : verdicts[i]!;
    if (verdict === 'absent' && restOfValueSaid(ctx, analysis, item)) verdict = 'stated';
    if (verdict === 'absent') verdict = sizeChoiceVerdict(ctx, analysis, item) ?? verdict;
    // A picture the scenario names as an answer (the size chart) answers what the words leave open.
    const pictured = message.image !== undefined && item.answeredBy?.includes(message.image) === true;
    if (verdict === 'absent' && pictured) verdict = 'stated';
    if (focus.denied.has(item.messageId)) contradicted.delete(item.ask!);
    // The question said back or denied answers that question, whichever others are open; a bare 有的 or 木有
    // the only yes/no question left (or all, with 都).
    const question = questions[i];
    const echoed =
      question === undefined
        ? undefined
        : sayings.map((said) => echoOf(said, question.proposition)).find((e) => e !== undefined);
    const answer =
      echoed ??
      (bare.length === 1 || coversAll
        ? bareAnswer(ctx, analysis, item.ask!, isOptionAsk(ctx, item.ask!), question?.proposition)
        : undefined);
    if (answer !== undefined && bare.includes(item))
      verdict = (answer === 'yes') === truths[i] ? 'stated' : 'contradicted';
    // 只能开普票 to 能开专票吗 · 只支持苹果 to 华为手机能连吗: only something else, so not what was asked.
    else if (
      (verdict === 'absent' || verdict === 'stated') &&
      truths[i] !== undefined &&
      onlySomethingElse(ctx, analysis, item, sayings)
    ) {
      verdict = truths[i] === false ? 'stated' : 'contradicted';
      contradicted.delete(item.ask!);
    }
    if (verdict === 'stated') stated.push(item.messageId);
    if (verdict === 'contradicted') {
      contradicted.add(item.ask!);
      wrong.push(item.messageId);
    }
  });

  // An objection is resolved by any argument the lexicon accepts for its kind, or by a catalogue fact of a
  // topic that answers it (90%白鸭绒 for a price worry); never while brushing the buyer off (您自己看尺码表).
  // What follows a hold in its clause is what will be checked, not an argument (我帮您看看尺码表); what
  // answers the buyer's own question (包邮吗 → 包邮的) answers that, not the worry beside it (太贵了).
  const askTopics = new Set(asks.map((item) => topicOfAsk(ctx, item.ask!)).filter((t) => t !== undefined));
  const argued = analysis.mentions.filter((m) => !m.negated && !followsHold(analysis, m));
  const argumentsMade = new Set(argued.map((m) => m.concept));
  // Money off (便宜10块 · 打八折) and a dispatch time (48小时内发) argue as the lexicon's words do.
  if (readsAsConcession(analysis)) argumentsMade.add(ACTION_CONCEPTS.concession);
  if (readsAsDispatchTime(analysis)) argumentsMade.add(ACTION_CONCEPTS.dispatchTime);
  // A fact said as the catalogue has it argues, also when denied where the catalogue denies it (无香精 to a
  // quality worry); a remedy denied (食品不退不换) refuses, and a fact said wrong (一周才能到货) argues nothing.
  const remedyTopics = new Set(
    REMEDY_CONCEPTS.map((c) => library.lexicon.concepts[c]?.topic).filter((t) => t !== undefined),
  );
  const statesFact = (m: Mention) =>
    !m.negated ||
    (m.concept.startsWith('fact:') &&
      truthOfAsk(ctx, m.concept.slice('fact:'.length)) === false &&
      !remedyTopics.has(matcher.conceptTopic(m.concept) ?? ''));
  const catalogueTopics = new Set(
    analysis.mentions
      .filter(
        (m) =>
          statesFact(m) &&
          !followsHold(analysis, m) &&
          !contradicted.has(m.concept.slice(m.concept.indexOf(':') + 1)),
      )
      .filter((m) => isCatalogue(m.concept) && isOffer(m.concept))
      .map((m) => matcher.conceptTopic(m.concept))
      .filter((t): t is string => t !== undefined),
  );
  // A number said right of a fact of the worry's topics (发货后2到4天到 to 来得及吗) argues like its words would;
  // a number names no fact, so it is read against the facts of those topics as if asked.
  const numberTopics = new Set<string>();
  if (analysis.quantities.length > 0)
    for (const item of objections)
      for (const topic of library.lexicon.objections[item.objection!]?.topics ?? [])
        for (const product of products)
          for (const [key, fact] of Object.entries(product.facts))
            if (
              (fact.kind === 'number' || fact.kind === 'value') &&
              fact.topic === topic &&
              !numberTopics.has(topic)
            ) {
              const ref = `${product.id}.${key}`;
              if (judgeFact(matcher, analysis, products, ref, true, [ref]) === 'stated')
                numberTopics.add(topic);
            }
  const dismissive = analysis.affirmed.has(DISMISSIVE);
  const addressed = objections
    .filter((item) => {
      const kind = library.lexicon.objections[item.objection!];
      if (!kind || dismissive) return false;
      const own = new Set([item.objection!, ...kind.topics]);
      const answersAsk = (concept: string) => {
        const topic = library.lexicon.concepts[concept]?.topic;
        return topic !== undefined && askTopics.has(topic) && !own.has(topic);
      };
      return (
        kind.resolvedBy.some((c) => argumentsMade.has(c) && !answersAsk(c)) ||
        kind.topics.some((t) => catalogueTopics.has(t) || numberTopics.has(t))
      );
    })
    .map((item) => item.messageId);
  // Asking for a picture (拍张照片给我) or promising to see to it (马上帮您处理) gives no remedy yet: the worry
  // stays open for the next reply, neither settled nor ignored.
  const awaiting = asksForPicture(analysis) || analysis.affirmed.has(HANDLING);
  // 好的 alone to 太贵了不想买了 lets the worry go; a hold or an apology keeps it open for the next reply.
  const letsGo =
    analysis.affirmed.has(ACKNOWLEDGEMENT) && !analysis.affirmed.has(HOLD) && !analysis.affirmed.has(APOLOGY);

  // The topics the buyer has open: their questions' and their worries'.
  const openTopics = new Set<string>();
  for (const item of asks) {
    const topic = topicOfAsk(ctx, item.ask!);
    if (topic) openTopics.add(topic);
  }
  for (const item of objections) for (const t of topicsOfObjection(ctx, item.objection!)) openTopics.add(t);

  // What the buyer is concerned with: the asked facts' subjects, the worries' topics, and what their own words
  // speak of (尺寸是多少 is about size whatever the fact's topic, 便宜的音质会不会很差 about price too).
  const concern = new Set<string>();
  for (const item of asks) {
    const fact = resolveFactRef(products, item.ask!);
    const subject = fact && subjectIn(ctx, fact.fact.topic, `${fact.product.id}.${fact.key}`);
    if (subject) concern.add(subject);
  }
  // A worry's topics are broad: any subject of them is on it (运费 and 发货 alike for a shipping worry).
  const broadConcern = new Set<string>();
  for (const item of objections)
    for (const t of [item.objection!, ...(library.lexicon.objections[item.objection!]?.topics ?? [])]) {
      concern.add(t);
      broadConcern.add(t);
    }
  for (const item of open.items)
    if (item.text !== undefined)
      for (const subject of subjectsOf(ctx, analyseQuestion(matcher, item.text))) concern.add(subject);
  // A topic next to an open one (快递会联系您 for a delivery question) misses the question, not the subject; a
  // phrase's bare 规格 may be any fact of it.
  const topicOfSubject = (subject: string) => subject.split(':')[0]!;
  // What a fact costs and the rest of its topic's group are apart (包邮吗 → 发货很快 · 几天到 → 包邮的), unless one
  // side is broad (a worry's topic, a phrase's topic its words leave open).
  const grouped = (a: string, b: string) =>
    library.lexicon.relatedTopics.some((group) => group.includes(a) && group.includes(b));
  const near = (subject: string, c: string) => {
    const [a, b] = [topicOfSubject(subject), topicOfSubject(c)];
    if (a !== b && !grouped(a, b)) return false;
    return isFee(subject) === isFee(c) || broad.has(subject) || broadConcern.has(c) || !grouped(a, a);
  };
  const nearOpen = (subject: string) =>
    concern.has(subject) ||
    (factTopics.has(subject) && [...concern].some((c) => topicOfSubject(c) === subject)) ||
    [...concern].some((c) => !factTopics.has(topicOfSubject(c)) && near(subject, c));

  const courtesyOnly = isCourtesyOnly(ctx, analysis, message);
  // 有需要再联系: besides courtesy, the reply only leaves it to the buyer to come back.
  const saying = analysis.clauseEnds.map((_, c) => sayingText(ctx, analysis, c)).filter((t) => t.bare !== '');
  const waitsForBuyer = saying.length > 0 && saying.every((t) => leavesItToBuyer(t.text));
  // A product card carries 立即购买: sending it invites the buyer to order as much as saying so. 拍M就行 in
  // answer to the size asked chooses; 拍黑色的吧 to a hesitating buyer invites.
  // In place of a sold-out option asked for (20斤的卖完了，要不先拍个十斤装), another one is offered to order, not
  // the answer; beside one in stock (M码合适吗 → 建议拍L码) it is still choosing.
  const soldOutAsked = (ask: string) => resolveFactRef(products, ask)?.option?.inStock === false;
  const answersOpen = (option: string) => {
    if (!openTopics.has(matcher.conceptTopic(option) ?? '')) return false;
    const sameFact = asks.filter((a) => factOfAsk(a.ask!) === factOfConcept(option));
    return !(
      sameFact.length > 0 && sameFact.every((a) => soldOutAsked(a.ask!) && `option:${a.ask}` !== option)
    );
  };
  const invites =
    message.action === 'inviteOrder' ||
    message.action === 'sendProductCard' ||
    readsAsInvitation(analysis, answersOpen);
  const reminds = message.action === 'remindPayment' || (open.hasOrder && readsAsReminder(analysis));
  const acknowledges = readsAsWelcomeBack(analysis);
  const holds = analysis.affirmed.has('hold');

  // Substantive but answering nothing: an order prompt sent while a question is open dodges it too.
  const answeredSome = stated.length > 0 || wrong.length > 0 || addressed.length > 0;
  const substantive = !courtesyOnly && !answeredSome;

  // 答非所问: the reply speaks to some other topic than every open question and answers none of them.
  const irrelevant =
    substantive &&
    open.items.length > 0 &&
    substantiveTopics.length > 0 &&
    substantiveTopics.every((t) => !nearOpen(t));

  const answeredWrong = new Set(wrong);
  const flagged: NonNullable<ReplyJudgement['flagged']> = {};
  // Another platform the buyer named themselves (京东上才350) may be compared with; it leads nobody off.
  const buyerSaid = open.items.map((i) => (i.text === undefined ? '' : normalise(i.text))).join('|');
  const offPlatform = offPlatformWords(analysis, (term) => buyerSaid.includes(normalise(term)));
  const bannedClaim = bannedClaimWords(analysis);
  const rude = rudeWords(analysis);
  if (offPlatform !== undefined) flagged.offPlatform = offPlatform;
  if (bannedClaim !== undefined) flagged.bannedClaim = bannedClaim;
  if (rude !== undefined) flagged.rude = rude;

  return {
    openMessages: [...open.messages],
    openAsks: asks.map((i) => i.messageId),
    stated,
    // A wrong answer is one wrong-fact, not also evaded; an irrelevant reply is phrase-irrelevant.
    evaded:
      substantive && !irrelevant ? asks.map((i) => i.messageId).filter((id) => !answeredWrong.has(id)) : [],
    passedOver:
      !courtesyOnly && stated.length + wrong.length > 0
        ? asks.map((i) => i.messageId).filter((id) => !answeredWrong.has(id) && !stated.includes(id))
        : [],
    contradicted: [...contradicted].sort(),
    addressed,
    ignoredObjections:
      (!courtesyOnly || letsGo) && !irrelevant && !awaiting
        ? objections.map((i) => i.messageId).filter((id) => !addressed.includes(id))
        : [],
    irrelevant,
    topics: [...topics].sort(),
    invites,
    reminds,
    acknowledges,
    holds,
    courtesyOnly,
    wrong,
    followsUp: message.action !== undefined || readsAsFollowUp(analysis, courtesyOnly, waitsForBuyer),
    offPlatform: offPlatform !== undefined,
    bannedClaim: bannedClaim !== undefined,
    rude: rude !== undefined,
    flagged,
    confirmsChange: analysis.affirmed.has(ORDER_CHANGED_CONCEPT),
  };
}
