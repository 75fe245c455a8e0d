// The platform's rules on a reply: leading the buyer off the platform, advertising-law absolute
// claims, rude words. The word lists are lexicon concepts (`off-platform`, `banned-claim`, `rude`); the
// structures around them are read here: a superlative that praises (全网最安全的) is a claim wherever it
// stands, one that measures (最快次日达 · 最小的码) or advises (最好手洗 · 回温20分钟口感最好) is not; a
// rebuke (催什么催 · 嫌慢别买 · 你看不懂字吗), contempt (这么简单还要问 · 穷就别看了) or blame (别赖我们) is
// rude in any wording.
import type { Analysis, Mention } from './matcher.ts';

export const COMPLIANCE_CONCEPTS = {
  offPlatform: 'off-platform',
  otherPlatform: 'other-platform',
  bannedClaim: 'banned-claim',
  rude: 'rude',
} as const;

const clauseOf = (analysis: Analysis, at: number): { from: number; to: number } => {
  let c = 0;
  while (c < analysis.clauseEnds.length - 1 && analysis.clauseEnds[c]! <= at) c++;
  return { from: c === 0 ? 0 : analysis.clauseEnds[c - 1]!, to: analysis.clauseEnds[c]! };
};

// ── Off the platform ──────────────────────────────────────────────────────────────────────────────

/**
 * A mobile number as people write it (138 0012 3456 · 138-0012-3456), read on the text with its
 * punctuation so that figures side by side (170-175、130-145斤) never join into one.
 */
const PHONE = /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/;
const CHINESE_DIGITS = /[零〇一二三四五六七八九]{7,}/;
const QQ = /qq\d{5,11}/;
/**
 * 留个手机号 · 发一下您的电话 · 告诉我你的联系方式: asking for the buyer's own contact. The order's phone
 * (下单时留的电话 · 核对收货电话) is the platform's and is not asked this way.
 */
const ASKS_CONTACT =
  /(留|发|给|报|告诉)(我|我们)?(一下|下|个|一个)?(您的|你的|您|你)?(手机号码|手机号|电话号码|电话|手机|联系方式|号码)/;

/** 手机号留一下 · 电话发我一下 · 您的联系方式给我: the same, the contact named first (not the order's: 收货电话). */
const CONTACT_LEFT =
  /(?<!收货|下单|订单|预留|留的|下单时)(您的|你的|您|你)?(手机号码|手机号|电话号码|电话|联系方式)(留|发|给|报)(一下|下|给我|我|个)/;

/** A contact, a private payment or another platform (the lexicon's `off-platform` and `other-platform`). */
export const isOffPlatform = (m: Mention): boolean =>
  m.concept === COMPLIANCE_CONCEPTS.offPlatform || m.concept === COMPLIANCE_CONCEPTS.otherPlatform;

/** Right before another platform's name: the buyer is sent there (去拼多多 · 在抖音 · 到京东). */
const TO_PLACE = /(去|到|来|在|上|搜)$/;
/** After it in its clause: what the buyer is to do there (买 · 拍 · 搜店名 · 关注 · 找我). */
const DO_THERE = /(买|拍|下单|搜|关注|找|联系|私信|进|领|看看|看下|下载)/;

/**
 * Another platform the buyer named, spoken of to compare (京东那个可能是旧款 · 拼多多那个是8公斤的吧), leads
 * nobody off; sent there (那你去拼多多买吧) or pointed to (抖音直播间搜店名) it does.
 */
function leadsThere(analysis: Analysis, m: Mention, buyerNamed: (term: string) => boolean): boolean {
  if (m.concept !== COMPLIANCE_CONCEPTS.otherPlatform || !buyerNamed(m.term)) return true;
  const { from, to } = clauseOf(analysis, m.start);
  return (
    TO_PLACE.test(analysis.normalised.slice(from, m.start)) ||
    DO_THERE.test(analysis.normalised.slice(m.end, to))
  );
}

export function offPlatformWords(
  analysis: Analysis,
  buyerNamed: (term: string) => boolean = () => false,
): string | undefined {
  const m = analysis.mentions.find(
    (x) => isOffPlatform(x) && !x.negated && leadsThere(analysis, x, buyerNamed),
  );
  if (m) return analysis.normalised.slice(m.start, m.end);
  return (
    PHONE.exec(analysis.source)?.[0] ??
    [CHINESE_DIGITS, QQ, ASKS_CONTACT, CONTACT_LEFT]
      .map((p) => p.exec(analysis.normalised)?.[0])
      .find((w) => w !== undefined)
  );
}

// ── Absolute claims ───────────────────────────────────────────────────────────────────────────────

/** 最 before these measures describes (最快次日达 · 最晚48小时 · 最小的码 · 最新消息 · 最适合您的码). */
const MEASURING_MOST = new Set([...'快慢晚早迟小大多少长短近后新初终高低适合']);
/** 最好 followed by what to do is advice (最好手洗 · 孕期最好别用); 最 + 好吃 praises like 最好 alone (最好吃的). */
const HAD_BETTER = '最好';
const GOOD_TO = ['好吃', '好看', '好用', '好听', '好喝', '好穿', '好闻', '好玩', '好卖', '好使'];
/**
 * Words that set a moment of use: 回温20分钟口感最好 · 冷藏后口感最好 · 回回温再吃口感最好 advise when, they
 * praise nothing.
 */
const USE_MOMENT = ['之前', '之后', '以后', '后', '时', '的时候', '再'];
const TRAILING = /^[的了哦呢啊呀吧哈啦嘛~]*$/;
/** 100% followed by what it is made of (100%纯棉 · 百分百桑蚕丝) is a composition, otherwise a guarantee. */
const HUNDRED = /(100%|百分之百|百分百)\s*([^\s\d%.,，。!！?？~])/;
const COMPOSITION = new Set([...'纯棉麻丝毛绒羊蚕真涤锦氨聚竹全']);

/** 最好 at the end of its clause after a moment of use or a duration (收到放两三天口感最好) advises when. */
function advisesMoment(analysis: Analysis, at: number): boolean {
  const { from } = clauseOf(analysis, at);
  const before = analysis.normalised.slice(from, at);
  if (USE_MOMENT.some((w) => before.includes(w))) return true;
  return analysis.quantities.some((q) => q.dimension === 'time' && q.at >= from && q.to <= at);
}

/**
 * 最 at `at` praises: 全网最安全的 · 最受欢迎 · 最好吃 · 这是最好的 · 质量最好. It measures before 快/晚/小…,
 * and 最好 followed by what to do advises (最好手洗), as does 最好 closing a clause that sets the moment.
 */
function mostPraises(analysis: Analysis, at: number): boolean {
  const text = analysis.normalised;
  const next = text[at + 1] ?? '';
  if (!/\p{Script=Han}/u.test(next) || MEASURING_MOST.has(next)) return false;
  if (!text.startsWith(HAD_BETTER, at)) return true;
  // 最好吃的橙子 · 这款最好看 praise; 最好穿大一码 · 冷藏后最好吃 advise, like 最好手洗.
  const good = GOOD_TO.find((w) => text.startsWith(w, at + 1));
  const rest = text.slice(good ? at + 1 + good.length : at + HAD_BETTER.length, clauseOf(analysis, at).to);
  if (!TRAILING.test(rest)) return rest.startsWith('的');
  return !advisesMoment(analysis, at);
}

/** The word a praising 最 opens (最安全 · 最好), or undefined. */
function praisingMost(analysis: Analysis): string | undefined {
  const text = analysis.normalised;
  for (let i = text.indexOf('最'); i >= 0; i = text.indexOf('最', i + 1)) {
    if (!mostPraises(analysis, i)) continue;
    let end = i + 2;
    while (end < text.length && analysis.wordStarts[end] !== 1) end++;
    return text.slice(i, end);
  }
  return undefined;
}

function claimsByWord(analysis: Analysis, m: Mention): boolean {
  // 最好 is read by its structure (最好手洗 advises); 第一次 · 第一批: a claim word ending inside a longer
  // word is an ordinal or another word altogether (史上最 opens the word it praises: 史上最强).
  if (m.negated || m.term === HAD_BETTER) return false;
  return analysis.wordStarts[m.end] === 1 || m.term.endsWith('最');
}

export function bannedClaimWords(analysis: Analysis): string | undefined {
  const mentions = analysis.mentions.filter((x) => x.concept === COMPLIANCE_CONCEPTS.bannedClaim);
  const m = mentions.find((x) => claimsByWord(analysis, x));
  if (m) return analysis.normalised.slice(m.start, m.end);
  const most = praisingMost(analysis);
  if (most !== undefined) return most;
  const hundred = HUNDRED.exec(analysis.source);
  return hundred && !COMPOSITION.has(hundred[2]!) ? hundred[0] : undefined;
}

// ── Rude words ────────────────────────────────────────────────────────────────────────────────────

/** 催什么催 · 急啥急 · 问个啥问: a verb repeated around 什么 / 啥 rebukes the buyer. */
const WHAT_REBUKE = /(\p{Script=Han})个?(什么|啥)\1/u;
/**
 * "Don't buy / don't look then", on a reason held against the buyer: 嫌慢别买 · 不信就别买 · 穷就别看了 ·
 * 买不起就不要看.
 */
const DONT_BUY = /(嫌|不|穷|没钱|买不起|舍不得).{0,3}(别|不要)(买|看|问|逛)/;
/**
 * 别家便宜就去别家买呗 · 嫌贵就到别处看看 · 那你去别家买吧 · 嫌贵去别家看看呗 · 那您去超市买呗: sending the buyer to
 * another shop or to a market, on "then" or on what the buyer holds against the goods (嫌贵).
 */
const GO_ELSEWHERE =
  /(就|那|嫌\p{Script=Han}{1,2}?)(你|您)?就?(去|到|找)(别家|别处|别人家|别的店|别的地方|其他家|其他店|超市|菜市场|市场)/u;
/** 那你去拼多多买吧 · 就去抖音看呗: the same, to another platform (an off-platform mention right after). */
const SEND_TO = /(就|那)(你|您)?就?(去|到|找)$/;
/** 说了多少遍了 · 讲过好几次了 · 都告诉你八百遍了: impatience at being asked again. */
const TOLD_AGAIN = /(说|讲|告诉你|告诉您|强调)(了|过)*((多少|好几|八百|一百|无数)(遍|次)|几遍)/;
/** 这么简单还要问 · 这么明显都看不懂 · 这么简单的东西还问保修: contempt for the question. */
const EASY_QUESTION =
  /(简单|容易|明显|基本)的?(事情|事儿|事|问题|东西)?(都|也|还)(要|用|得)?(问|不懂|不会|不知道|看不懂|搞不懂|不明白)/;
/** 自己试试不就知道了 · 看下详情页不就明白了: "wouldn't you know then", the question held self-evident. */
const SELF_EVIDENT = /不就(知道|明白|清楚|懂|晓得|会)了/;
/** 别问了 · 能不能别再问了 · 你到底买不买: cutting the buyer short, pressing them to be done. */
const CUT_SHORT = /(别|不要)再?问了|到底(买|要|拍)不(买|要|拍)/;
/** 这还用问 · 还要问？: a rhetorical "need you ask" closing its clause. */
const NEED_YOU_ASK = /还(要|用)问[吗么啊呀啦哈]*$/;
/**
 * 别赖我们 · 还怪我们: turning the buyer's complaint back on them (not 信赖 · 依赖 · 奇怪 · 难怪). Saying the
 * buyer caused it (这是您自己洗坏的) without this is unhelpful, not rude.
 */
const BLAME_US =
  /(?<![信依有仰无])赖(我们|我|店家|商家|卖家|客服|本店)|(?<![奇难古作见责])怪(我们|店家|商家|卖家|客服|本店)/;
/** 你自己不在家怪谁 · 只能怪您自己: the fault put on the buyer as a rhetorical question or outright. */
const BLAME_BUYER = /(?<![不没别难奇责见古作])(怪|怨)(谁|你自己|您自己)|只能(怪|怨)(你|您)/;
/**
 * 别人用都没事就你过敏 · 人家穿都合适就您嫌小: the buyer singled out against everyone else who is fine, read
 * across clauses (the normalised text has no punctuation left); not the buyer's item (大家用都没问题，就您这单出了
 * 问题，给您换).
 */
const ONLY_YOU =
  /(别人|人家|其他人|大家|别的顾客|其他顾客)\p{Script=Han}{0,4}(没事|没问题|好好的|挺好|正常|合适|正好|能用)\p{Script=Han}{0,2}就(你|您)(?!这|的)/u;
/** 你看不懂字吗 · 你自己不会洗还怪我们: doubting the buyer's ability, said as a rhetorical question or a blame. */
const ABILITY = /(你|您)(自己|都|是)?(不会|看不懂|听不懂|不识字|看不见|不懂|没长眼)/;
const RHETORICAL = /(吗|么|啊|呀|还怪|还问|还说)/;

/** A rude structure within one clause's text. */
const RUDE_IN_CLAUSE = [
  WHAT_REBUKE,
  DONT_BUY,
  GO_ELSEWHERE,
  TOLD_AGAIN,
  EASY_QUESTION,
  SELF_EVIDENT,
  NEED_YOU_ASK,
  CUT_SHORT,
  BLAME_US,
  BLAME_BUYER,
];

/**
 * Where the reply is rude, clause by clause, with the words that make it so: the lexicon's rude words, or a
 * rude structure in any wording: a rebuke, "don't buy then", sending the buyer elsewhere, impatience (说了多少遍了
 * · 别问了 · 到底买不买), contempt for the question (这么简单还要问 · 不就知道了), blame on the buyer (别赖我们 ·
 * 怪谁 · 别人都没事就你), doubting the buyer's ability.
 */
export function rudeSpans(analysis: Analysis): { clause: number; words: string }[] {
  const spans: { clause: number; words: string }[] = [];
  for (const m of analysis.mentions)
    if (m.concept === COMPLIANCE_CONCEPTS.rude)
      spans.push({ clause: m.clause, words: analysis.normalised.slice(m.start, m.end) });
  for (const x of analysis.mentions)
    if (
      isOffPlatform(x) &&
      SEND_TO.test(analysis.normalised.slice(clauseOf(analysis, x.start).from, x.start))
    )
      spans.push({ clause: x.clause, words: analysis.normalised.slice(x.start, x.end) });
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const text = analysis.normalised.slice(c === 0 ? 0 : analysis.clauseEnds[c - 1]!, analysis.clauseEnds[c]);
    const found = RUDE_IN_CLAUSE.map((p) => p.exec(text)).find((x) => x !== null);
    if (found) spans.push({ clause: c, words: found[0] });
    const ability = ABILITY.exec(text);
    if (ability && RHETORICAL.test(text.slice(ability.index + ability[0].length)))
      spans.push({ clause: c, words: ability[0] });
  }
  const singled = ONLY_YOU.exec(analysis.normalised);
  if (singled) spans.push({ clause: clauseIndexAt(analysis, singled.index), words: singled[0] });
  return spans;
}

const clauseIndexAt = (analysis: Analysis, at: number): number => {
  const c = analysis.clauseEnds.findIndex((end) => at < end);
  return c < 0 ? analysis.clauseEnds.length - 1 : c;
};

/** The words that make the reply rude (the first of `rudeSpans`), or undefined. */
export function rudeWords(analysis: Analysis): string | undefined {
  return rudeSpans(analysis)[0]?.words;
}
