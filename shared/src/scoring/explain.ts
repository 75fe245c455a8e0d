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

function list(detail: Detail, key: string, separator: string): string {
  const value = detail[key];
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(separator) : '';
}

/** The flagged words in brackets, or nothing when the judgement did not say which. */
function quoted(detail: Detail, locale: Locale): string {
  const said = str(detail, 'words');
  if (!said) return '';
  return locale === 'en' ? ` ("${said}")` : `（「${said}」）`;
}

/** The conversation closed before the payment-reminder window ran out (logs' details before unpaidSeconds: no). */
function closedEarly(detail: Detail): boolean {
  const { unpaidSeconds, windowSeconds } = detail;
  return (
    typeof unpaidSeconds === 'number' && typeof windowSeconds === 'number' && unpaidSeconds < windowSeconds
  );
}

const FIELD_ZH: Record<string, string> = { address: '收货地址', option: '款式', note: '备注' };
const FIELD_EN: Record<string, string> = { address: 'address', option: 'variant', note: 'seller note' };

const ZH: Record<RuleId, Explainer> = {
  // `pending`: the conversation is still running and the reply is already over the benchmark (the monitor).
  'slow-first-response': (d) =>
    d.pending
      ? `买家进店已超过 ${num(d, 'limitSeconds')} 秒还没有首次响应。`
      : `首次响应用了 ${num(d, 'seconds')} 秒，超过 ${num(d, 'limitSeconds')} 秒基准：买家进店要第一时间回应。`,
  'slow-response': (d) =>
    d.pending
      ? `买家已等待超过 ${num(d, 'limitSeconds')} 秒仍未得到回复，容易流失。`
      : `这次回复用了 ${num(d, 'seconds')} 秒，超过 ${num(d, 'limitSeconds')} 秒基准，买家容易流失：一时答不上，先回一句「稍等，马上为您查询」。`,
  unanswered: (d) =>
    `买家的消息等了 ${num(d, 'waitedSeconds')} 秒直到对话结束都没有得到回复：买家的每条消息都要回复，答不上也先回一句「稍等，马上为您查询」。`,
  'buyer-left': (d) =>
    typeof d.waitedSeconds === 'number'
      ? `买家的消息等了 ${num(d, 'waitedSeconds')} 秒都没有等到回复，买家离开了（顾客流失）：每条消息都要及时回复，一时答不上也先回一句「稍等，马上为您查询」。`
      : '买家等不及回复，离开了（顾客流失）：每条消息都要及时回复，一时答不上也先回一句「稍等，马上为您查询」。',
  'buyer-gave-up': (d, words, locale) => {
    const waited =
      typeof d.waitedSeconds === 'number' ? `，最后一次回复后又等了 ${num(d, 'waitedSeconds')} 秒` : '';
    if (d.waitingFor === 'change') {
      const fields = list(d, 'fields', '、')
        .split('、')
        .map((f) => FIELD_ZH[f])
        .filter(Boolean)
        .join('、');
      return `买家的消息都有回复，但要求修改的${fields || '订单'}一直没有在订单上改好${waited}，买家放弃离开了（顾客流失）：先在订单里改好，再告诉买家。`;
    }
    const asked = list(d, 'asked', '」「');
    const name = objection(d, locale);
    const what = asked
      ? `「${asked}」一直没有得到正面回答`
      : name
        ? `买家对${name}的顾虑一直没有得到化解`
        : '买家的问题一直没有得到正面回答';
    const correct = fact(d, 'ask', words);
    const todo = correct
      ? `正面回答买家的问题，应回答「${correct}」`
      : asked
        ? '正面回答买家问的每个问题'
        : '先正面化解买家的顾虑';
    return `买家的消息都有回复，但${what}${waited}，买家放弃离开了（顾客流失）：${todo}。`;
  },
  'phrase-irrelevant': (d, words) => {
    const correct = fact(d, 'ask', words);
    const asked = str(d, 'asked')
      ? `答非所问：买家问的是「${str(d, 'asked')}」，这条回复没有接上这个问题`
      : '答非所问：这条回复对不上买家正在问的问题';
    return correct ? `${asked}；应回答「${correct}」。` : `${asked}；先回答买家正在问的问题。`;
  },
  'phrase-rigid': (d) =>
    `死用话术：简单问题回了 ${num(d, 'chars')} 字的长篇话术（超过 ${num(d, 'limitChars')} 字），显得敷衍：简单问题用一句话直接回答。`,
  'phrase-repeated': (d) =>
    d.kind === 'same-card'
      ? '买家还没回应，又发了一张同样的卡片，像在刷屏：等买家回应了再发。'
      : d.kind === 'same-phrase'
        ? '同一条快捷话术在本次对话中重复发送：针对买家这一句换个说法回应。'
        : `与前面发过的消息几乎相同（相似度 ${num(d, 'similarity')}），像机器人在复读：针对买家这一句换个说法回应。`,
  'no-follow-up': (d) =>
    `买家沉默后 ${num(d, 'quietSeconds')} 秒内没有二次跟进：买家不说话时主动问一句（如「亲，还有什么顾虑吗？」）。`,
  'no-order-prompt': (d) =>
    typeof d.afterAnswerSeconds === 'number'
      ? `买家的问题都已解答，却没有邀请买家拍下：买家在最后一次回答后 ${num(d, 'afterAnswerSeconds')} 秒就自己做了决定。下单邀请要放在回答里一起说（如「喜欢可以直接拍下哦」，或附上商品卡片）。`
      : '买家的问题都已解答，却没有邀请买家拍下（缺少下单引导）：下单邀请要放在回答里一起说。',
  'no-payment-reminder': (d) =>
    closedEarly(d)
      ? `订单拍下后一直没有付款，直到 ${num(d, 'unpaidSeconds')} 秒后对话结束都没有催付：拍下未付时要及时催付。`
      : `订单拍下后 ${num(d, 'windowSeconds')} 秒内未付款，也没有催付：拍下未付时要及时催付（发催付卡片或提醒付款）。`,
  // Fired at the end with fewer than two replies too: say what there was.
  'returning-not-acknowledged': (d) =>
    d.replies === 0
      ? '老顾客来访，却一直没有得到回复，更没有被认出并欢迎：先及时回复，再认出老顾客。'
      : d.replies === 1
        ? '老顾客来访，唯一的一次回复没有认出并表示欢迎，语气像对待新客：开头就认出老顾客（如「欢迎回来」）。'
        : '老顾客来访，前两次回复都没有认出并表示欢迎，语气像对待新客：开头就认出老顾客（如「欢迎回来」）。',
  'question-evaded': (d, words) => {
    const correct = fact(d, 'ask', words);
    return `回避了买家的问题，没有正面给出答案：${correct ? `正确答案是「${correct}」` : '查看右侧商品知识，正面回答'}。`;
  },
  'wrong-fact': (d, words) => {
    const correct = fact(d, 'fact', words);
    return correct
      ? `回复与商品信息不符：正确的是「${correct}」。`
      : '回复与商品信息不符：回答前先核对右侧的商品知识。';
  },
  'objection-unaddressed': (d, _words, locale) => {
    const name = objection(d, locale);
    return `${name ? `买家对${name}的顾虑` : '买家的顾虑'}没有得到正面化解：针对这个顾虑给出具体的理由或办法，不要只说「放心」。`;
  },
  'order-not-updated': (d) => {
    const field = FIELD_ZH[str(d, 'field')] ?? '订单';
    const actual = str(d, 'actual');
    return `买家要求把${field}改成「${str(d, 'expected')}」，${d.claimed === true ? '回复说已经改好，' : ''}订单上却${
      actual ? `仍是「${actual}」` : '没有改'
    }：先在订单里改好再告诉买家。`;
  },
  'discount-exceeded': (d) =>
    `改价/优惠券合计让利 ${num(d, 'total')} 元，超过允许的 ${num(d, 'allowed')} 元：让利要在店铺授权范围内。`,
  'missed-cross-sell': (d) =>
    `买家透露了需求，却没有关联推荐，错过了提高客单价的机会：听到需求就推荐能满足它的商品${list(d, 'names', '、') ? `（如 ${list(d, 'names', '、')}）` : ''}。`,
  'off-platform-contact': (d) =>
    `引导买家到站外联系或交易${quoted(d, 'zh-CN')}：平台严禁，店铺会被处罚；沟通和交易都留在平台内。`,
  'banned-claim': (d) => `使用了广告法禁止的极限用语${quoted(d, 'zh-CN')}：换成具体、可证实的说法。`,
  'rude-language': (d) => `回复中有不文明用语${quoted(d, 'zh-CN')}：对买家要始终礼貌。`,
};

const EN: Record<RuleId, Explainer> = {
  'slow-first-response': (d) =>
    d.pending
      ? `The shopper has had no first response for over ${num(d, 'limitSeconds')} s.`
      : `First response took ${num(d, 'seconds')} s, over the ${num(d, 'limitSeconds')} s benchmark: greet a new shopper at once.`,
  'slow-response': (d) =>
    d.pending
      ? `The shopper has waited over ${num(d, 'limitSeconds')} s for a reply; shoppers leave when kept waiting.`
      : `This reply took ${num(d, 'seconds')} s, over the ${num(d, 'limitSeconds')} s benchmark; shoppers leave when kept waiting: when you need to check, say so first ("one moment, checking for you").`,
  unanswered: (d) =>
    `The shopper's message waited ${num(d, 'waitedSeconds')} s and was never answered: reply to every message; when you need to check, say so first ("one moment, checking for you").`,
  'buyer-left': (d) =>
    typeof d.waitedSeconds === 'number'
      ? `The shopper's message waited ${num(d, 'waitedSeconds')} s without a reply and the shopper left: reply to every message in time; when you need to check, say so first ("one moment, checking for you").`
      : 'The shopper ran out of patience waiting for a reply and left: reply to every message in time; when you need to check, say so first ("one moment, checking for you").',
  'buyer-gave-up': (d, words, locale) => {
    const waited =
      typeof d.waitedSeconds === 'number'
        ? `; after the last reply they waited ${num(d, 'waitedSeconds')} s more`
        : '';
    if (d.waitingFor === 'change') {
      const fields = list(d, 'fields', ',')
        .split(',')
        .map((f) => FIELD_EN[f])
        .filter(Boolean)
        .join(' and ');
      return `Every message had a reply, but the ${fields || 'order'} change the shopper asked for never showed on the order${waited}, and they gave up and left: change the order first, then tell the shopper.`;
    }
    const asked = list(d, 'asked', '", "');
    const name = objection(d, locale);
    const what = asked
      ? `"${asked}" never got a real answer`
      : name
        ? `the shopper's ${name} concern was never resolved`
        : "the shopper's question never got a real answer";
    const correct = fact(d, 'ask', words);
    const todo = correct
      ? `answer the question itself; the answer is "${correct}"`
      : asked
        ? 'answer every question the shopper asks head-on'
        : 'address the concern head-on first';
    return `Every message had a reply, but ${what}${waited}, and the shopper gave up and left: ${todo}.`;
  },
  'phrase-irrelevant': (d, words) => {
    const correct = fact(d, 'ask', words);
    const asked = str(d, 'asked')
      ? `Off-topic reply: the shopper asked "${str(d, 'asked')}" and this does not answer it`
      : 'Off-topic reply: it does not answer what the shopper asked';
    return correct
      ? `${asked}; the answer is "${correct}".`
      : `${asked}; answer what the shopper is asking first.`;
  },
  'phrase-rigid': (d) =>
    `Rigid phrase: a ${num(d, 'chars')}-character canned paragraph (limit ${num(d, 'limitChars')}) for a simple question feels perfunctory: answer a simple question in one sentence.`,
  'phrase-repeated': (d) =>
    d.kind === 'same-card'
      ? 'The same card was sent again before the shopper replied: it reads like spam; wait for the shopper to respond first.'
      : d.kind === 'same-phrase'
        ? 'The same quick phrase was sent again in this conversation: answer what the shopper just said in other words.'
        : `Nearly the same as an earlier message (similarity ${num(d, 'similarity')}); it reads like a bot repeating itself: answer what the shopper just said in other words.`,
  'no-follow-up': (d) =>
    `The shopper went quiet and got no follow-up within ${num(d, 'quietSeconds')} s: when a shopper goes quiet, ask after them (e.g. "anything else I can help with?").`,
  'no-order-prompt': (d) =>
    typeof d.afterAnswerSeconds === 'number'
      ? `All questions were answered, but the shopper was never invited to order: they decided ${num(d, 'afterAnswerSeconds')} s after the last answer. Put the invitation in the answer itself (e.g. "feel free to order it now", or attach the product card).`
      : 'All questions were answered, but the shopper was never invited to place the order: put the invitation in the answer itself.',
  'no-payment-reminder': (d) =>
    closedEarly(d)
      ? `The order stayed unpaid until the conversation ended ${num(d, 'unpaidSeconds')} s later, and no payment reminder was sent: remind the buyer to pay as soon as an order stays unpaid.`
      : `The order stayed unpaid for ${num(d, 'windowSeconds')} s and no payment reminder was sent: remind the buyer to pay (the reminder card or a message) as soon as an order stays unpaid.`,
  'returning-not-acknowledged': (d) =>
    d.replies === 0
      ? 'A returning customer got no reply at all, let alone a welcome back: reply in time, then greet them as a returning customer.'
      : d.replies === 1
        ? 'A returning customer was treated like a new one: the only reply never welcomed them back. Greet them as a returning customer from the start ("welcome back").'
        : 'A returning customer was treated like a new one: the first two replies never welcomed them back. Greet them as a returning customer from the start ("welcome back").',
  'question-evaded': (d, words) => {
    const correct = fact(d, 'ask', words);
    return `The shopper's question was dodged: ${correct ? `the answer is "${correct}"` : 'check the product knowledge panel and answer it head-on'}.`;
  },
  'wrong-fact': (d, words) => {
    const correct = fact(d, 'fact', words);
    return correct
      ? `The reply contradicts the catalogue: the right answer is "${correct}".`
      : 'The reply contradicts the catalogue: check the product knowledge panel before answering.';
  },
  'objection-unaddressed': (d, _words, locale) => {
    const name = objection(d, locale);
    return `${name ? `The shopper's ${name} concern` : "The shopper's concern"} was not resolved: give a concrete reason or remedy for it, not just "don't worry".`;
  },
  'order-not-updated': (d) => {
    const field = FIELD_EN[str(d, 'field')] ?? 'order';
    const actual = str(d, 'actual');
    return `The shopper asked to change the ${field} to "${str(d, 'expected')}"${
      d.claimed === true ? ' and the reply said it was done,' : ','
    } but the order ${actual ? `still shows "${actual}"` : 'was not changed'}: change the order first, then tell the shopper.`;
  },
  'discount-exceeded': (d) =>
    `Price changes and coupons gave ¥${num(d, 'total')} in all, over the ¥${num(d, 'allowed')} allowed: stay within the shop's concession.`,
  'missed-cross-sell': (d) =>
    `The shopper mentioned a need but no related product was recommended, a missed chance to raise the order value: recommend a product that meets it${
      list(d, 'names', ', ') ? ` (e.g. ${list(d, 'names', ', ')})` : ''
    }.`,
  'off-platform-contact': (d) =>
    `The reply leads the shopper off the platform${quoted(d, 'en')}: forbidden, and the shop gets penalised; keep every conversation and payment on the platform.`,
  'banned-claim': (d) =>
    `An absolute claim the advertising law forbids${quoted(d, 'en')}: say something specific and provable instead.`,
  'rude-language': (d) =>
    `Impolite wording in the reply${quoted(d, 'en')}: stay courteous with every shopper.`,
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
