// A decided appeal as a case of the judgement corpus (docs/judge-corpus.md), so the corpus grows from real
// classes: the situation the shopper judged the reply in (products, the buyer's open lines, the asked facts,
// the open objection, the order and the silence at that moment) and the labels the judge gave, with the
// disputed label set to the trainer's verdict — upheld keeps the judge's, overturned says the judge was wrong.
// Labels nobody disputed stay the judge's: the trainer read the reply and contested only the one.
import type { ConversationEvent, ReplyJudgement } from '../conversation/events.ts';
import type { Library } from '../scenario/library.ts';
import type { BuyerScenario, CorpusCase, RuleId } from '../scenario/schema.ts';
import { readConversation } from '../scoring/facts.ts';
import { ASK_ID, judgedLabels, type Labels, OBJECTION_ID } from './evaluate.ts';

export interface DecidedAppeal {
  /** Becomes the case id (`appeal-<id>`): lowercase letters, digits and hyphens. */
  id: string;
  rule: RuleId;
  /** The violation's detail as the judge gave it (messageId, questionId, objectionId…). */
  detail: Readonly<Record<string, unknown>>;
  verdict: 'upheld' | 'overturned';
  reason: string;
  note: string;
}

/**
 * What overturning a rule says about the reply's labels. Only rules that rest on the reading of one reply
 * (a corpus label) are here; timing, order and silence rules have no reply to label.
 */
const OVERTURN: Partial<Record<RuleId, (labels: Labels, asked: number) => void>> = {
  'question-evaded': answeredAfterAll,
  'wrong-fact': (l) => {
    l.wrongFact = false;
    if (typeof l.answer === 'string') l.answer = l.answer.replaceAll('wrong', 'correct');
  },
  'objection-unaddressed': (l) => {
    l.objection = 'addressed';
  },
  'phrase-irrelevant': (l) => {
    l.irrelevant = false;
    // The judge's "dodged" came from reading it as off-topic; a trainer who overturns says it answered.
    if (typeof l.answer === 'string') l.answer = l.answer.replaceAll('evaded', 'correct');
    if (l.objection === 'unaddressed') l.objection = 'addressed';
  },
  'returning-not-acknowledged': (l) => {
    l.acknowledges = true;
  },
  'off-platform-contact': (l) => {
    l.offPlatform = false;
  },
  'banned-claim': (l) => {
    l.bannedClaim = false;
  },
  'rude-language': (l) => {
    l.rude = false;
  },
};

/** The rules whose decided appeals can become corpus cases. */
export const CORPUS_RULES: ReadonlySet<RuleId> = new Set(Object.keys(OVERTURN) as RuleId[]);

/** The disputed question's answer (or, when the violation names none, every dodged one) becomes correct. */
function answeredAfterAll(l: Labels, asked: number): void {
  if (typeof l.answer !== 'string') return;
  l.answer = l.answer
    .split(',')
    .map((v, i) => ((asked < 0 ? v === 'evaded' : i === asked) ? 'correct' : v))
    .join(',');
}

/**
 * The corpus case of a decided appeal, or null when it cannot be one: a rule without a label, a violation
 * that names no reply, or a reply the log has no judgement of (a card, a log from before judgements).
 */
export function appealCase(
  library: Library,
  scenario: BuyerScenario,
  events: readonly ConversationEvent[],
  appeal: DecidedAppeal,
): CorpusCase | null {
  const overturn = OVERTURN[appeal.rule];
  const messageId = appeal.detail.messageId;
  if (!overturn || typeof messageId !== 'string') return null;
  const facts = readConversation(events, scenario, {
    benchmarks: { firstResponseSeconds: 0, responseSeconds: 0 },
  });
  const sent = facts.agentMessages.find((m) => m.message.id === messageId);
  const judged = sent?.judgement;
  if (!sent || !judged || sent.message.card !== undefined) return null;

  const asks = judged.openAsks.flatMap((id) => {
    const ask = facts.buyerMessages.get(id)?.marks?.ask;
    return ask === undefined ? [] : [{ id, ask }];
  });
  const objectionLine = judged.openMessages
    .map((id) => facts.buyerMessages.get(id))
    .find((m) => m?.marks?.objection !== undefined);
  const buyer = judged.openMessages.flatMap((id) => {
    const text = facts.buyerMessages.get(id)?.text;
    return text === undefined ? [] : [text];
  });
  const at = sent.message.at;
  const order = facts.orders.find((o) => o.at <= at);
  const phrase =
    sent.message.source === 'phrase' && sent.message.phraseId !== undefined
      ? library.phrases.get(sent.message.phraseId)
      : undefined;
  const base: CorpusCase = {
    id: `appeal-${appeal.id.toLowerCase()}`,
    products: [...scenario.products],
    buyer: buyer.length === 1 ? buyer[0]! : buyer.length > 0 ? buyer : '（买家没有待回复的话）',
    ...(asks.length > 0 && { ask: asks.length === 1 ? asks[0]!.ask : asks.map((a) => a.ask) }),
    ...(objectionLine?.marks?.objection !== undefined && { objection: objectionLine.marks.objection }),
    context: {
      returning: scenario.persona.returning === true,
      order: order === undefined ? 'none' : order.paidAt !== null && order.paidAt <= at ? 'paid' : 'unpaid',
      quiet: facts.quiets.some((q) => q.at < at && at <= q.until),
    },
    // A quick phrase sent as written is named by its id (judge-eval sends the phrase); otherwise the text.
    ...(phrase && phrase.text === sent.message.text
      ? { source: phrase.id }
      : { source: 'typed', reply: sent.message.text }),
    expect: {} as CorpusCase['expect'],
    note: `申诉：${appeal.reason} · ${appeal.verdict === 'overturned' ? '撤销' : '维持'}：${appeal.note}`,
  };

  // The judge's reading under the case's names (ask-1…, objection), as judge-eval would read it.
  const rename = new Map<string, string>(asks.map((a, i) => [a.id, ASK_ID(i)]));
  if (objectionLine) rename.set(objectionLine.id, OBJECTION_ID);
  const labels = judgedLabels(base, renamed(judged, rename));
  if (appeal.verdict === 'overturned') {
    const asked = asks.findIndex((a) => a.id === appeal.detail.questionId);
    overturn(labels, asked);
  }
  return { ...base, expect: expectOf(labels) };
}

function renamed(j: ReplyJudgement, names: ReadonlyMap<string, string>): ReplyJudgement {
  const map = (ids: readonly string[] | undefined) => ids?.map((id) => names.get(id) ?? id);
  return {
    ...j,
    stated: map(j.stated) ?? [],
    evaded: map(j.evaded) ?? [],
    addressed: map(j.addressed) ?? [],
    ignoredObjections: map(j.ignoredObjections) ?? [],
    ...(j.wrong !== undefined && { wrong: map(j.wrong) }),
    ...(j.passedOver !== undefined && { passedOver: map(j.passedOver) }),
  };
}

/** Labels as a case's `expect`: answers and objection as written, only the true booleans (unlisted = false). */
function expectOf(l: Labels): CorpusCase['expect'] {
  const answers = typeof l.answer === 'string' ? l.answer.split(',') : [];
  const flag = (v: unknown) => v === true;
  return {
    ...(answers.length > 0 && {
      answer: (answers.length === 1 ? answers[0] : answers) as CorpusCase['expect']['answer'],
    }),
    ...(typeof l.objection === 'string' && {
      objection: l.objection as NonNullable<CorpusCase['expect']['objection']>,
    }),
    irrelevant: flag(l.irrelevant),
    wrongFact: flag(l.wrongFact),
    invites: flag(l.invites),
    reminds: flag(l.reminds),
    acknowledges: flag(l.acknowledges),
    followsUp: flag(l.followsUp),
    offPlatform: flag(l.offPlatform),
    bannedClaim: flag(l.bannedClaim),
    rude: flag(l.rude),
  };
}
