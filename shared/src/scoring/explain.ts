// One-line explanations of violations for reports and the annotated transcript, in the UI language. Facts and
// objections are named in words (保质期3年, 价格), never by their ids; what to do instead is said where it helps.
import { objectionName } from '../scenario/fact-names.ts';
import type { RuleId } from '../scenario/schema.ts';

export type Locale = 'zh-CN' | 'en';

/** Puts catalogue references into words: `soothing-cream.shelf-life` → 保质期3年 (null: unknown, say nothing). */
export type FactWords = (ref: string) => string | null;

type Detail = Readonly<Record<string, unknown>>;
type Explainer = (detail: Detail, facts: FactWords, locale: Locale) => string;

function num(detail: Detail, key: string): string {
  const value = detail[key];
  return typeof value === 'number' ? String(Math.round(value * 10) / 10) : '?';
}

function str(detail: Detail, key: string): string {
  const value = detail[key];
  return typeof value === 'string' ? value : '';
}

/** The fact a detail names (`fact`, or the question's `ask`) in words, or ''. */
function fact(detail: Detail, key: 'fact' | 'ask', words: FactWords): string {
  const ref = str(detail, key);
  return ref ? (words(ref) ?? '') : '';
}

function objection(detail: Detail, locale: Locale): string {
  const id = str(detail, 'objection');
  return id ? objectionName(id, locale) : '';
}

const ZH: Record<RuleId, Explainer> = {
  'slow-first-response': (d) =>
    `首次响应用了 ${num(d, 'seconds')} 秒，超过 ${num(d, 'limitSeconds')} 秒基准：买家进店要第一时间回应。`,
  'slow-response': (d) =>
    `这次回复用了 ${num(d, 'seconds')} 秒，超过 ${num(d, 'limitSeconds')} 秒基准，买家容易流失。`,
  unanswered: (d) => `买家的消息等了 ${num(d, 'waitedSeconds')} 秒直到对话结束都没有得到回复。`,
  'buyer-left': () => '买家等不及回复，离开了（顾客流失）。',
  'phrase-irrelevant': (d, words) => {
    const correct = fact(d, 'ask', words);
    const asked = str(d, 'asked')
      ? `答非所问：买家问的是「${str(d, 'asked')}」，这条回复没有接上这个问题`
      : '答非所问：这条回复对不上买家正在问的问题';
    return correct ? `${asked}；应回答「${correct}」。` : `${asked}。`;
  },
  'phrase-rigid': (d) =>
    `死用话术：简单问题回了 ${num(d, 'chars')} 字的长篇话术（超过 ${num(d, 'limitChars')} 字），显得敷衍。`,
  'phrase-repeated': (d) =>
    d.kind === 'same-card'
      ? '买家还没回应，又发了一张同样的卡片，像在刷屏。'
      : d.kind === 'same-phrase'
        ? '同一条快捷话术在本次对话中重复发送。'
        : `与前面发过的消息几乎相同（相似度 ${num(d, 'similarity')}），像机器人在复读。`,
  'no-follow-up': (d) => `买家沉默后 ${num(d, 'quietSeconds')} 秒内没有二次跟进。`,
  'no-order-prompt': (d) =>
    typeof d.afterAnswerSeconds === 'number'
      ? `买家的问题都已解答，却没有邀请买家拍下：买家在最后一次回答后 ${num(d, 'afterAnswerSeconds')} 秒就自己做了决定。下单邀请要放在回答里一起说（如「喜欢可以直接拍下哦」，或附上商品卡片）。`
      : '买家的问题都已解答，却没有邀请买家拍下（缺少下单引导）：下单邀请要放在回答里一起说。',
  'no-payment-reminder': (d) => `订单拍下后 ${num(d, 'windowSeconds')} 秒内未付款，也没有催付。`,
  'returning-not-acknowledged': () => '老顾客来访，前两次回复都没有认出并表示欢迎，语气像对待新客。',
  'question-evaded': (d, words) => {
    const correct = fact(d, 'ask', words);
    return `回避了买家的问题，没有正面给出答案${correct ? `；正确答案是「${correct}」` : ''}。`;
  },
  'wrong-fact': (d, words) => {
    const correct = fact(d, 'fact', words);
    return correct ? `回复与商品信息不符：正确的是「${correct}」。` : '回复与商品信息不符。';
  },
  'objection-unaddressed': (d, _words, locale) => {
    const name = objection(d, locale);
    return name ? `买家对${name}的顾虑没有得到正面化解。` : '买家的顾虑没有得到正面化解。';
  },
};

const EN: Record<RuleId, Explainer> = {
  'slow-first-response': (d) =>
    `First response took ${num(d, 'seconds')} s, over the ${num(d, 'limitSeconds')} s benchmark: greet a new shopper at once.`,
  'slow-response': (d) =>
    `This reply took ${num(d, 'seconds')} s, over the ${num(d, 'limitSeconds')} s benchmark; shoppers leave when kept waiting.`,
  unanswered: (d) => `The shopper's message waited ${num(d, 'waitedSeconds')} s and was never answered.`,
  'buyer-left': () => 'The shopper ran out of patience waiting for a reply and left.',
  'phrase-irrelevant': (d, words) => {
    const correct = fact(d, 'ask', words);
    const asked = str(d, 'asked')
      ? `Off-topic reply: the shopper asked "${str(d, 'asked')}" and this does not answer it`
      : 'Off-topic reply: it does not answer what the shopper asked';
    return correct ? `${asked}; the answer is "${correct}".` : `${asked}.`;
  },
  'phrase-rigid': (d) =>
    `Rigid phrase: a ${num(d, 'chars')}-character canned paragraph (limit ${num(d, 'limitChars')}) for a simple question feels perfunctory.`,
  'phrase-repeated': (d) =>
    d.kind === 'same-card'
      ? 'The same card was sent again before the shopper replied: it reads like spam.'
      : d.kind === 'same-phrase'
        ? 'The same quick phrase was sent again in this conversation.'
        : `Nearly the same as an earlier message (similarity ${num(d, 'similarity')}); it reads like a bot repeating itself.`,
  'no-follow-up': (d) => `The shopper went quiet and got no follow-up within ${num(d, 'quietSeconds')} s.`,
  'no-order-prompt': (d) =>
    typeof d.afterAnswerSeconds === 'number'
      ? `All questions were answered, but the shopper was never invited to order: they decided ${num(d, 'afterAnswerSeconds')} s after the last answer. Put the invitation in the answer itself (e.g. "feel free to order it now", or attach the product card).`
      : 'All questions were answered, but the shopper was never invited to place the order: put the invitation in the answer itself.',
  'no-payment-reminder': (d) =>
    `The order stayed unpaid for ${num(d, 'windowSeconds')} s and no payment reminder was sent.`,
  'returning-not-acknowledged': () =>
    'A returning customer was treated like a new one: the first two replies never welcomed them back.',
  'question-evaded': (d, words) => {
    const correct = fact(d, 'ask', words);
    return `The shopper's question was dodged${correct ? `; the answer is "${correct}"` : ''}.`;
  },
  'wrong-fact': (d, words) => {
    const correct = fact(d, 'fact', words);
    return correct
      ? `The reply contradicts the catalogue: the right answer is "${correct}".`
      : 'The reply contradicts the catalogue.';
  },
  'objection-unaddressed': (d, _words, locale) => {
    const name = objection(d, locale);
    return name
      ? `The shopper's ${name} concern was not resolved.`
      : "The shopper's concern was not resolved.";
  },
};

const unknownFacts: FactWords = () => null;

/** `facts` puts catalogue references into words; without it a fact is left unnamed rather than shown as an id. */
export function explainViolation(
  rule: RuleId,
  detail: Detail = {},
  locale: Locale = 'zh-CN',
  facts: FactWords = unknownFacts,
): string {
  return (locale === 'en' ? EN : ZH)[rule](detail, facts, locale);
}
