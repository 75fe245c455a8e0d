// What a reply does, by meaning: invites the order, reminds to pay, welcomes a returning customer,
// follows up a quiet buyer (the platform's rules are `compliance.ts`). The word
// lists are lexicon concepts; the structure around them is read here: a deferred (不用急着下单), conditional
// (如果需要再拍) or finished (拍下了就行) order verb invites nothing, while 还没付 reminds.
import type { Analysis, Mention } from './matcher.ts';

/** Lexicon concepts the actions are read from (each optional: a lexicon without it simply never matches). */
export const ACTION_CONCEPTS = {
  order: 'order-prompt',
  orderVerb: 'order-verb',
  payment: 'payment-reminder',
  returning: 'returning-welcome',
  followUp: 'follow-up',
  goodbye: 'goodbye',
} as const;

/** Before an action verb in its clause: the speaker holds the action back. */
const DEFER = [
  '不用',
  '不必',
  '不需要',
  '先别',
  '别',
  '先不',
  '暂时不',
  '不急',
  '不着急',
  '不用急',
  '不要急',
  '没必要',
];
/** A condition in the message makes a following 再 a deferral: 如果需要再拍 · 等我改好价再付. */
const CONDITIONS = ['如果', '要是', '假如', '万一', '的话', '等我', '等您', '等'];
/** Right after an order verb: the order is a fact or a moment, not an invitation (拍下了 · 拍下后 · 拍的是). */
const DONE_AFTER = ['了', '过', '后', '之后', '以后', '完', '的', '时', '记得'];
/** Before an order verb: it already happened. */
const DONE_BEFORE = ['已经', '已', '刚刚', '刚'];
/** 按平时的码拍 · 拍S码就可以: choosing which one to order is advice, not an invitation to order. */
const CHOOSING_BEFORE = ['按', '照着', '根据', '建议'];
const CHOOSING_AFTER = ['大', '小'];
/** Right before a payment word: "not yet" (还没付) reminds rather than denies. */
const NOT_YET = /(还没有|还没|没有|尚未|还未|没|未)$/;

function clauseOf(analysis: Analysis, m: Mention): { from: number; to: number } {
  return {
    from: m.clause === 0 ? 0 : analysis.clauseEnds[m.clause - 1]!,
    to: analysis.clauseEnds[m.clause]!,
  };
}

const endsWithAny = (text: string, words: readonly string[]) => words.some((w) => text.endsWith(w));
const containsAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/** The order verb names what to order right after it: 拍S码 · 拍黑色 · 拍39码. */
function choosesAnOption(analysis: Analysis, m: Mention): boolean {
  return analysis.mentions.some(
    (o) =>
      o.concept.startsWith('option:') && o.clause === m.clause && o.start >= m.end && o.start - m.end <= 1,
  );
}

function deferred(analysis: Analysis, m: Mention): boolean {
  const { from } = clauseOf(analysis, m);
  const before = analysis.normalised.slice(from, m.start);
  if (containsAny(before, DEFER)) return true;
  return before.endsWith('再') && containsAny(analysis.normalised.slice(0, m.start), CONDITIONS);
}

/** Around a bare order verb, what makes it an invitation: 可以拍 · 放心拍 · 先拍 · 拍一件试试吧 · 拍就行. */
const URGE_BEFORE = ['可以', '直接', '放心', '赶紧', '快', '早', '先', '请', '欢迎', '就', '那', '您', '亲'];
const URGE_AFTER = ['吧', '就行', '就好', '就可以', '试试', '回去', '走', '呀', '哈', '嘛'];
/** A number and measure after the verb (拍一件 · 买两瓶) are skipped before looking for the urging word. */
const QUANTITY = /^[一二两三四五六七八九十\d]*[件个瓶盒双套支只份包袋]?/;

function urged(analysis: Analysis, m: Mention): boolean {
  const { from, to } = clauseOf(analysis, m);
  const before = analysis.normalised.slice(from, m.start);
  const rest = analysis.normalised.slice(m.end, to);
  const after = rest.slice(QUANTITY.exec(rest)?.[0].length ?? 0);
  if (after === '') return true;
  return endsWithAny(before, URGE_BEFORE) || URGE_AFTER.some((w) => after.startsWith(w));
}

/**
 * Invites the buyer to place the order now: an invitation phrase (直接拍下 · 放心下单), or an order verb said as
 * a push (可以拍 · 拍一件试试吧); not deferred, conditional-later, done, choosing a size, or denied.
 */
export function readsAsInvitation(analysis: Analysis): boolean {
  return analysis.mentions.some((m) => {
    const verb = m.concept === ACTION_CONCEPTS.orderVerb;
    if ((m.concept !== ACTION_CONCEPTS.order && !verb) || m.negated) return false;
    if (verb && !urged(analysis, m)) return false;
    const { from } = clauseOf(analysis, m);
    const after = analysis.normalised.slice(m.end, m.end + 2);
    const before = analysis.normalised.slice(from, m.start);
    if (DONE_AFTER.some((w) => after.startsWith(w)) || endsWithAny(before, DONE_BEFORE)) return false;
    if (containsAny(before, CHOOSING_BEFORE) || CHOOSING_AFTER.some((w) => after.startsWith(w))) return false;
    if (choosesAnOption(analysis, m)) return false;
    return !deferred(analysis, m);
  });
}

/** Reminds to pay: a payment word, also "not yet paid" (还没付哦), unless held back (先不用付款). */
export function readsAsReminder(analysis: Analysis): boolean {
  return analysis.mentions.some((m) => {
    if (m.concept !== ACTION_CONCEPTS.payment) return false;
    const { from } = clauseOf(analysis, m);
    if (m.negated && !NOT_YET.test(analysis.normalised.slice(from, m.start))) return false;
    return !deferred(analysis, m);
  });
}

const affirmed = (analysis: Analysis, concept: string) => analysis.affirmed.has(concept);

export const readsAsWelcomeBack = (analysis: Analysis): boolean =>
  affirmed(analysis, ACTION_CONCEPTS.returning);

/**
 * A real follow-up of a quiet buyer: it asks, offers or sells something. A bare 好的 / 嗯嗯 / emoji or a
 * goodbye (拜拜 · 祝您生活愉快 · 先这样) is not one.
 */
export function readsAsFollowUp(analysis: Analysis, courtesyOnly: boolean): boolean {
  if (affirmed(analysis, ACTION_CONCEPTS.goodbye)) return false;
  if (affirmed(analysis, ACTION_CONCEPTS.followUp)) return true;
  const asks = /[?？]/.test(analysis.source) || /[吗么呢]$/.test(analysis.normalised);
  return asks || !courtesyOnly;
}
