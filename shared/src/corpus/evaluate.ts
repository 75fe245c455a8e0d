// `kefu judge-eval` (docs/judge-corpus.md): every labelled reply of the corpus is judged by the same
// `judgeReply` the live shopper uses, in the situation its case describes, and compared label by label
// with the trainers' verdicts. Pure: the CLI reads the files and prints.
import type { AgentMessage, ReplyJudgement } from '../conversation/events.ts';
import { type CorpusEntry, findPhrase, type Library } from '../scenario/library.ts';
import type { CorpusCase, Product, RuleId } from '../scenario/schema.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../shopper/judge.ts';
import { createMatcher } from '../text/index.ts';

export const LABELS = [
  'answer',
  'objection',
  'irrelevant',
  'wrongFact',
  'invites',
  'reminds',
  'acknowledges',
  'followsUp',
  'offPlatform',
  'bannedClaim',
  'rude',
] as const;
export type Label = (typeof LABELS)[number];

/** A label's value: a verdict (answer per ask, joined by "," for several), or a boolean. */
export type Labels = Partial<Record<Label, string | boolean>>;

/** Each scoring rule the corpus speaks to, with the label it rests on and how that label makes it fire. */
export const RULE_LABELS: readonly {
  rule: RuleId | ComplianceRule;
  label: Label;
  fires: (l: Labels) => boolean;
}[] = [
  { rule: 'question-evaded', label: 'answer', fires: (l) => verdicts(l.answer).includes('evaded') },
  {
    rule: 'wrong-fact',
    label: 'wrongFact',
    fires: (l) => l.wrongFact === true || verdicts(l.answer).includes('wrong'),
  },
  { rule: 'objection-unaddressed', label: 'objection', fires: (l) => l.objection === 'unaddressed' },
  { rule: 'phrase-irrelevant', label: 'irrelevant', fires: (l) => l.irrelevant === true },
  { rule: 'no-order-prompt', label: 'invites', fires: (l) => l.invites === true },
  { rule: 'no-payment-reminder', label: 'reminds', fires: (l) => l.reminds === true },
  { rule: 'returning-not-acknowledged', label: 'acknowledges', fires: (l) => l.acknowledges === true },
  { rule: 'no-follow-up', label: 'followsUp', fires: (l) => l.followsUp === true },
  { rule: 'off-platform-contact', label: 'offPlatform', fires: (l) => l.offPlatform === true },
  { rule: 'banned-claim', label: 'bannedClaim', fires: (l) => l.bannedClaim === true },
  { rule: 'rude-language', label: 'rude', fires: (l) => l.rude === true },
];
/** Compliance rules that another branch adds to the registry; named here so the report can already show them. */
type ComplianceRule = 'off-platform-contact' | 'banned-claim' | 'rude-language';

function verdicts(value: string | boolean | undefined): string[] {
  return typeof value === 'string' ? value.split(',') : [];
}

const asList = <T>(value: T | readonly T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? [...value] : [value as T];

/** The labels a case is judged on (docs/judge-corpus.md, Agreement). */
export function evaluatedLabels(c: CorpusCase): Label[] {
  const labels: Label[] = [];
  if (c.ask !== undefined) labels.push('answer');
  if (c.objection !== undefined) labels.push('objection');
  labels.push('irrelevant', 'wrongFact', 'invites', 'offPlatform', 'bannedClaim', 'rude');
  if (c.context.order === 'unpaid') labels.push('reminds');
  if (c.context.returning) labels.push('acknowledges');
  if (c.context.quiet) labels.push('followsUp');
  return labels;
}

export function expectedLabels(c: CorpusCase): Labels {
  const { expect: e } = c;
  return {
    ...(e.answer !== undefined && { answer: asList(e.answer).join(',') }),
    ...(e.objection !== undefined && { objection: e.objection }),
    irrelevant: e.irrelevant,
    wrongFact: e.wrongFact,
    invites: e.invites,
    reminds: e.reminds,
    acknowledges: e.acknowledges,
    followsUp: e.followsUp,
    offPlatform: e.offPlatform,
    bannedClaim: e.bannedClaim,
    rude: e.rude,
  };
}

/** The buyer-message ids a case's asks and objection are judged under (appeal-case.ts renames to them). */
export const ASK_ID = (i: number) => `ask-${i + 1}`;
export const OBJECTION_ID = 'objection';

/** The judgement read as corpus labels. */
export function judgedLabels(c: CorpusCase, j: ReplyJudgement): Labels {
  const answers = asList(c.ask).map((_, i) => {
    const id = ASK_ID(i);
    if (j.stated.includes(id)) return 'correct';
    if (j.wrong?.includes(id)) return 'wrong';
    // An irrelevant reply dodged the question too (it is charged as phrase-irrelevant, not also evaded).
    // So did one that answered another question and passed this one over (the buyer waits for it live).
    if (j.evaded.includes(id) || j.passedOver?.includes(id) || j.irrelevant) return 'evaded';
    return 'pending';
  });
  const objection =
    c.objection === undefined
      ? undefined
      : j.addressed.includes(OBJECTION_ID)
        ? 'addressed'
        : // An irrelevant reply left the worry unanswered too (charged as phrase-irrelevant, like an ask).
          j.ignoredObjections.includes(OBJECTION_ID) || j.irrelevant
          ? 'unaddressed'
          : 'pending';
  return {
    ...(answers.length > 0 && { answer: answers.join(',') }),
    ...(objection !== undefined && { objection }),
    irrelevant: j.irrelevant,
    wrongFact: j.contradicted.length > 0,
    invites: j.invites,
    reminds: j.reminds,
    acknowledges: j.acknowledges,
    followsUp: j.followsUp === true,
    offPlatform: j.offPlatform === true,
    bannedClaim: j.bannedClaim === true,
    rude: j.rude === true,
  };
}

/** The message the case's reply is: typed text, or the quick phrase it names. */
function messageOf(library: Library, c: CorpusCase): AgentMessage {
  if (c.source === 'typed') return { id: 'reply', text: c.reply ?? '', source: 'typed' };
  const phrase = findPhrase(library, c.source);
  return {
    id: 'reply',
    text: phrase?.text ?? c.reply ?? '',
    source: 'phrase',
    phraseId: phrase?.id ?? c.source,
  };
}

/** Judges one case as the shopper machine would, with its open lines, asks, objection and order. */
export function judgeCase(
  library: Library,
  c: CorpusCase,
  contexts = new Map<string, JudgeContext>(),
): ReplyJudgement {
  const key = c.products.join(',');
  let ctx = contexts.get(key);
  if (!ctx) {
    const products = c.products.map((id) => library.products.get(id)).filter((p): p is Product => !!p);
    ctx = { library, products, matcher: createMatcher(library.lexicon, products) };
    contexts.set(key, ctx);
  }
  // Each ask's line: the buyer's i-th line when there is one line per ask, else all of them as one message.
  const buyer = asList(c.buyer);
  const asks = asList(c.ask);
  const lineOf = (i: number) => (buyer.length === asks.length ? buyer[i]! : buyer.join('，'));
  const items: OpenItem[] = asks.map((ask, i) => ({ messageId: ASK_ID(i), ask, text: lineOf(i) }));
  if (c.objection !== undefined)
    items.push({ messageId: OBJECTION_ID, objection: c.objection, text: buyer.join('，') });
  const lines = buyer.map((_, i) => `line-${i + 1}`);
  return judgeReply(
    ctx,
    {
      messages: [...lines, ...items.map((i) => i.messageId)],
      items,
      hasOrder: c.context.order !== 'none',
    },
    messageOf(library, c),
  );
}

export interface CaseResult {
  entry: CorpusEntry;
  /** The labels evaluated for this case, in LABELS order. */
  labels: Label[];
  expected: Labels;
  judged: Labels;
  /** Evaluated labels whose judged value differs from the expected one. */
  disagreements: Label[];
}

export interface Tally {
  total: number;
  agree: number;
}

export interface PartResult {
  part: CorpusEntry['part'];
  cases: Tally;
  byLabel: Record<Label, Tally>;
  byRule: Record<string, Tally>;
  disagreeing: CaseResult[];
}

const tally = (): Tally => ({ total: 0, agree: 0 });

export function evaluateCase(
  library: Library,
  entry: CorpusEntry,
  contexts?: Map<string, JudgeContext>,
): CaseResult {
  const c = entry.case;
  const labels = evaluatedLabels(c);
  const expected = expectedLabels(c);
  const judged = judgedLabels(c, judgeCase(library, c, contexts));
  const disagreements = labels.filter((l) => expected[l] !== judged[l]);
  return { entry, labels, expected, judged, disagreements };
}

/** Agreement of one part of the corpus (all its cases from `entries`). */
export function evaluatePart(
  library: Library,
  entries: readonly CorpusEntry[],
  part: CorpusEntry['part'],
): PartResult {
  const contexts = new Map<string, JudgeContext>();
  const byLabel = Object.fromEntries(LABELS.map((l) => [l, tally()])) as Record<Label, Tally>;
  const byRule: Record<string, Tally> = Object.fromEntries(RULE_LABELS.map((r) => [r.rule, tally()]));
  const cases = tally();
  const disagreeing: CaseResult[] = [];
  for (const entry of entries) {
    if (entry.part !== part) continue;
    const result = evaluateCase(library, entry, contexts);
    cases.total++;
    if (result.disagreements.length === 0) cases.agree++;
    else disagreeing.push(result);
    for (const label of result.labels) {
      byLabel[label].total++;
      if (!result.disagreements.includes(label)) byLabel[label].agree++;
    }
    for (const { rule, label, fires } of RULE_LABELS) {
      if (!result.labels.includes(label)) continue;
      const t = byRule[rule]!;
      t.total++;
      if (fires(result.expected) === fires(result.judged)) t.agree++;
    }
  }
  return { part, cases, byLabel, byRule, disagreeing };
}

export const rate = (t: Tally): number => (t.total === 0 ? 1 : t.agree / t.total);
