// What a reply does, by meaning: invites the order, reminds to pay, welcomes a returning customer,
// follows up a quiet buyer (the platform's rules are `compliance.ts`). The word
// lists are lexicon concepts; the structure around them is read here: a deferred (不用急着下单), conditional
// (如果需要再拍) or finished (拍下了就行) order verb invites nothing, while 还没付 reminds.
import { isOffPlatform, rudeSpans } from './compliance.ts';
import type { Analysis, Mention } from './matcher.ts';
import { readBareNumber, readQuantities } from './numbers.ts';

/** Lexicon concepts the actions are read from (each optional: a lexicon without it simply never matches). */
export const ACTION_CONCEPTS = {
  order: 'order-prompt',
  orderVerb: 'order-verb',
  payment: 'payment-reminder',
  returning: 'returning-welcome',
  followUp: 'follow-up',
  goodbye: 'goodbye',
  concession: 'price-concession',
  dispatchTime: 'dispatch-time',
  dispatch: 'dispatch',
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
/** A condition in the message makes a following 再 a deferral: 如果需要再拍 · 等我改好价再付 · 想好了再拍. */
const CONDITIONS = ['如果', '要是', '假如', '万一', '的话', '等我', '等您', '等', '好了', '想好', '考虑好'];
/** Before an action verb in its clause: a later moment (明天付 · 有空再付 · 晚点拍). */
const LATER = [
  '明天',
  '明儿',
  '晚点',
  '晚些',
  '晚一点',
  '回头',
  '改天',
  '有空',
  '下次',
  '过两天',
  '过几天',
  '以后',
  '到时候',
  '到时',
  '届时',
  '那时候',
  '那个时候',
];
/** After an action verb: no hurry (明天付也一样 · 考虑好了再付也行). */
const NO_HURRY = ['也一样', '也行', '也可以', '也没事', '也没关系', '都行', '都可以', '也不迟'];
/** Right after an order verb: the order is a fact or a moment, not an invitation (拍下了 · 拍下后 · 拍的是). */
const DONE_AFTER = ['了', '过', '后', '之后', '以后', '完', '的', '时', '记得', '好了', '成功'];
/** Before an order verb: it already happened. */
const DONE_BEFORE = ['已经', '已', '刚刚', '刚'];
/** 按平时的码拍 · 拍大一码 · 拍多大: choosing which one to order is advice, not an invitation to order. */
const CHOOSING_BEFORE = ['按', '照着', '根据', '建议'];
/** Right before the verb, how to choose: 正常拍就行 · 平时穿多大就拍多大 · 原码拍. */
const CHOOSING_MANNER = ['正常', '平常', '平时', '照常', '原码', '正码'];
/** Right before the verb, ordering something apart: 礼盒要另外拍 · 运费险需要单独拍 tells how it is sold. */
const APART = ['另外', '单独', '额外', '分开', '另'];
/** 轻轻往里拍 · 拍一拍 · 拍打几下: 拍 with a direction, a manner or doubled is a pat, not an order. */
const PAT_BEFORE = /((往|向|朝)(里|外|上|下|内|前|后|回)?|轻轻|轻|用力|用手|拍一?)$/;
const PAT_AFTER = ['一拍', '拍', '打', '几下', '松'];
const CHOOSING_AFTER = ['大', '小', '多大', '多少', '哪', '啥', '什么'];
/** 拍几张照片 · 拍个视频: what 拍 takes here is a picture, not an order. */
const PICTURE = ['照', '图', '视频', '片'];
/** 拍一下商品问题的照片 · 拍下坏果的照片: a picture of something, its object named before the picture noun. */
const PICTURE_OF = /^(一下|下|个|张|一张|几张)?[\p{Script=Han}\w]{1,8}的(照片|图片|视频|照|图)/u;
const picturesObject = (analysis: Analysis, m: Mention) =>
  PICTURE_OF.test(analysis.normalised.slice(m.end, clauseOf(analysis, m).to));
/** Before an order verb, pointing back to a place named earlier: 你去那边拍 · 在那上面买. */
const ELSEWHERE = /(那边|那里|那儿|那上面|那家|那个店|去)/;
/** Before an order verb in its clause, someone else doing it: 师傅顺便把旧的带走 is the fitter's errand. */
const OTHER_AGENT = /(师傅|快递员|快递小哥|送货员|司机|安装工|工作人员)/;
/** Right before a payment word: "not yet" (还没付) reminds rather than denies. */
const NOT_YET = /(还没有|还没|没有|尚未|还未|没|未)$/;

function clauseOf(analysis: Analysis, m: Mention): { from: number; to: number } {
  return {
    from: m.clause === 0 ? 0 : analysis.clauseEnds[m.clause - 1]!,
    to: analysis.clauseEnds[m.clause]!,
  };
}

const endsWithAny = (text: string, words: readonly string[]) => words.some((w) => text.endsWith(w));
const startsWithAny = (text: string, words: readonly string[]) => words.some((w) => text.startsWith(w));
const containsAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/** The option the order verb names right after it (拍S码 · 拍黑色 · 闭眼入01正红), if any. */
function chosenOption(analysis: Analysis, m: Mention): Mention | undefined {
  return analysis.mentions.find(
    (o) =>
      o.concept.startsWith('option:') && o.clause === m.clause && o.start >= m.end && o.start - m.end <= 1,
  );
}

/** The speaker holds the action back: 不用急着下单 · 如果需要再拍 · 明天付也一样 · 有空再付. */
function deferred(analysis: Analysis, m: Mention): boolean {
  const { from, to } = clauseOf(analysis, m);
  const before = analysis.normalised.slice(from, m.start);
  if (containsAny(before, DEFER) || containsAny(before, LATER)) return true;
  if (containsAny(analysis.normalised.slice(m.end, to), NO_HURRY)) return true;
  if (!before.endsWith('再')) return false;
  // 再付 waits for something; 再拍一件 may just mean one more, unless a condition comes first.
  return (
    m.concept === ACTION_CONCEPTS.payment || containsAny(analysis.normalised.slice(0, m.start), CONDITIONS)
  );
}

/** Around a bare order verb, what makes it an invitation: 可以拍 · 放心冲 · 先拍 · 拍一件试试吧 · 拍就行. */
const URGE_BEFORE = [
  '可以',
  '直接',
  '放心',
  '赶紧',
  '快',
  '早',
  '先',
  '请',
  '欢迎',
  '就',
  '那',
  '您',
  '亲',
  '抓紧',
];
/** …or time pressure after it: 现在拍还来得及 · 今天拍还赶得上. */
const URGE_AFTER = [
  '吧',
  '就行',
  '就好',
  '就可以',
  '试试',
  '回去',
  '走',
  '呀',
  '哈',
  '嘛',
  '还来得及',
  '还赶得上',
  '来得及',
];
/**
 * 下单就给您安排上 · 拍下就发 · 拍了马上给您发: the shop's next step promised on the order, said as a close —
 * unless a deadline or a condition comes first (16点前下单就当天发 · 两件一起下单就包邮 tell how it works).
 */
const PROMISED_NEXT = /^(就|马上|立马|立刻|第一时间)+(给您|帮您|为您|给你|帮你)?(安排|发|打包)/;
const TERMS_FIRST = /(前|之前|以前|以内|点|号|的话|一起|才)$/;
/** 领了券再拍 · 收藏加购再下单: a shopping step the buyer takes first, then the order — an instruction to order. */
const STEP_FIRST = /(领|领券|领取|用券|收藏|加购|加入购物车|凑单)(了|好|完|一下)?(券)?再$/;
/** A number and measure after the verb (拍一件 · 买两瓶 · 拍几张) are skipped before looking further. */
const QUANTITY = /^[一二两三四五六七八九十几\d]*[件个瓶盒双套支只份包袋箱张]?/;
const NUMERAL = /[一二两三四五六七八九十几\d]/;
/**
 * After a quantity these make it a condition or a comparison about the deal (拍两件就包邮 · 买三盒才送 ·
 * 买两包更划算), not a push (拍两双一起发).
 */
const CONDITIONAL_AFTER = ['就', '才', '以上', '的话', '更', '比较', '最', '还'];
/**
 * Right after a quantity, what the deal gives on it (买两件包邮 · 拍三盒送手提袋 · 买两件打九折): a catalogue
 * fact or the lexicon's deal words make the quantity a condition of the offer, like 就 does (拍两件就包邮).
 */
const DEAL_CONCEPTS = new Set(['free-shipping', 'gift', 'price-concession']);
/** 买两件打九折 · 拍三盒八五折: a rate off right after the quantity. */
const RATE_AT = /^打?[一二三四五六七八九\d.]+折/;
/** 送 alone may be the buyer's own giving (拍两套送人), so a gift counts in its longer words (送小样 · 赠品). */
const isDeal = (m: Mention) =>
  m.concept.startsWith('fact:') ||
  m.concept.startsWith('cost:') ||
  (DEAL_CONCEPTS.has(m.concept) && !(m.concept === 'gift' && m.term.length === 1));

/** What follows the verb once a quantity and the option it names are skipped: 拍黑色的吧 → 吧. */
function afterVerb(analysis: Analysis, m: Mention): { quantity: string; after: string; at: number } {
  const { to } = clauseOf(analysis, m);
  const option = chosenOption(analysis, m);
  let quantity = QUANTITY.exec(analysis.normalised.slice(m.end, to))?.[0] ?? '';
  // The figures of an option named right after the verb are the option's (拍39码), not a quantity.
  if (option && option.start < m.end + quantity.length) quantity = quantity.slice(0, option.start - m.end);
  let at = m.end + quantity.length;
  if (option && option.start <= at + 1) at = Math.max(at, option.end);
  let after = analysis.normalised.slice(at, to);
  if (option && after.startsWith('的')) after = after.slice(1);
  return { quantity, after, at };
}

/** After a duration: what doing it that long lets one do (充十分钟能听两小时 · 冲五分钟就够用一天). */
const ENABLES = /^(就|都|也)?(能|可以|够)/;
const takesDuration = (analysis: Analysis, m: Mention) =>
  analysis.quantities.some(
    (q) => q.dimension === 'time' && q.at === m.end && ENABLES.test(analysis.normalised.slice(q.to)),
  );

function urged(analysis: Analysis, m: Mention): boolean {
  const { from } = clauseOf(analysis, m);
  const before = analysis.normalised.slice(from, m.start);
  const term = analysis.normalised.slice(m.start, m.end);
  const { quantity, after, at } = afterVerb(analysis, m);
  if (after === '') return true;
  const deal =
    RATE_AT.test(after) ||
    analysis.mentions.some((o) => o.clause === m.clause && o.start === at && isDeal(o));
  if (NUMERAL.test(quantity) && !startsWithAny(after, CONDITIONAL_AFTER) && !deal) return true;
  if (PROMISED_NEXT.test(after) && quantity === '' && !TERMS_FIRST.test(before)) return true;
  if (STEP_FIRST.test(before)) return true;
  return (
    endsWithAny(before, URGE_BEFORE) || startsWithAny(term, URGE_BEFORE) || startsWithAny(after, URGE_AFTER)
  );
}

/**
 * Invites the buyer to place the order now: an invitation phrase (直接拍下 · 放心下单), or an order verb said as
 * a push (可以拍 · 拍一件试试吧 · 拍黑色的吧); not deferred (到时候再拍), conditional-later, done, denied, a
 * picture (拍几张照片), a pat (轻轻往里拍), how something is sold (礼盒要另外拍), or choosing which one to take
 * (拍大一码 · 按平时的码拍 · 正常拍就行 · 拍M就行 in answer to the size asked). `answers`
 * tells whether an option speaks to what the buyer has open (their question or worry): naming it is then
 * the answer, not a push to order.
 */
export function readsAsInvitation(analysis: Analysis, answers: (option: string) => boolean): boolean {
  // 您自己买回去试试不就知道了: an order verb in a rebuke is sarcasm, not an invitation.
  const rude = new Set(rudeSpans(analysis).map((s) => s.clause));
  return analysis.mentions.some((m) => {
    const verb = m.concept === ACTION_CONCEPTS.orderVerb;
    if ((m.concept !== ACTION_CONCEPTS.order && !verb) || m.negated || rude.has(m.clause)) return false;
    // 冲十分钟能听两小时: a verb done for a while that lets the buyer do something is no order of goods.
    if (verb && takesDuration(analysis, m)) return false;
    if (verb && !urged(analysis, m)) return false;
    const { from } = clauseOf(analysis, m);
    // 那你去拼多多买吧 · 加我微信拍 · 拼多多上便宜十块，你去那边拍: an order elsewhere than this shop's page
    // (in the clause of the other place, or pointed back to it) is no invitation to order here.
    const elsewhere = ELSEWHERE.test(analysis.normalised.slice(from, m.start));
    if (
      analysis.mentions.some(
        (o) => isOffPlatform(o) && !o.negated && o.end <= m.start && (o.clause === m.clause || elsewhere),
      )
    )
      return false;
    const after = analysis.normalised.slice(m.end, m.end + 2);
    const before = analysis.normalised.slice(from, m.start);
    if (DONE_AFTER.some((w) => after.startsWith(w)) || endsWithAny(before, DONE_BEFORE)) return false;
    if (containsAny(before, CHOOSING_BEFORE) || CHOOSING_AFTER.some((w) => after.startsWith(w))) return false;
    if (endsWithAny(before, CHOOSING_MANNER) || endsWithAny(before, APART)) return false;
    if (OTHER_AGENT.test(before)) return false;
    if (m.term.startsWith('拍') && (PAT_BEFORE.test(before) || startsWithAny(after, PAT_AFTER))) return false;
    if (startsWithAny(afterVerb(analysis, m).after, PICTURE) || picturesObject(analysis, m)) return false;
    const option = chosenOption(analysis, m);
    if (option && answers(option.concept)) return false;
    return !deferred(analysis, m);
  });
}

/** Around a payment word, that it is done: 付款收到啦 · 已付款 · 您已经支付成功 · 感谢您的付款. */
const PAID_AFTER = /^(已经|已|都|我们|这边)*(收到|成功|到账|完成|好了|看到了|查到了)/;
const PAID_BEFORE = /(已经|已|刚刚|刚|(谢谢|感谢)(您|你|亲)?的?)$/;

/**
 * Reminds to pay: a payment word, also "not yet paid" (还没付哦), unless held back (先不用付款) or said as done
 * (付款收到啦，谢谢支持: thanks for a payment made reminds of nothing).
 */
export function readsAsReminder(analysis: Analysis): boolean {
  return analysis.mentions.some((m) => {
    if (m.concept !== ACTION_CONCEPTS.payment) return false;
    const { from, to } = clauseOf(analysis, m);
    const before = analysis.normalised.slice(from, m.start);
    if (m.negated && !NOT_YET.test(before)) return false;
    if (!m.negated && (PAID_BEFORE.test(before) || PAID_AFTER.test(analysis.normalised.slice(m.end, to))))
      return false;
    return !deferred(analysis, m);
  });
}

const affirmed = (analysis: Analysis, concept: string) => analysis.affirmed.has(concept);

/** 我帮您找一下 · 帮您查下 · 我去核实一下: the speaker is about to look something up. */
const LOOKS_UP = /(我|帮您|给您|替您|帮你)(去)?(找|查|翻|问|核实|确认|核对)(一下|下|找|查|问|一找|一查|看)/g;

/** Where each look-up phrase ends: what follows it in its clause is to be checked, not yet said. */
export function lookUpEnds(analysis: Analysis): number[] {
  return [...analysis.normalised.matchAll(LOOKS_UP)].map((m) => m.index + m[0].length);
}

/** 麻烦拍一下商品问题的照片发给我 · 您拍张图给我看看: the reply asks the buyer for a picture. */
const PICTURE_NOUN = /(照片|图片|视频|照|图)/;
const ASKING =
  /(麻烦|请|您|你|亲)\p{Script=Han}{0,3}拍|拍\p{Script=Han}{0,12}(发给我|发我|给我|发过来|传给我)/u;

export function asksForPicture(analysis: Analysis): boolean {
  const text = analysis.normalised;
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const clause = text.slice(clauseStart(analysis, c), analysis.clauseEnds[c]);
    if (PICTURE_NOUN.test(clause) && ASKING.test(clause) && !clause.includes('实拍')) return true;
  }
  return false;
}

/** 记得您 · 去年拿了两箱对吧 · 上次买过: recalling the buyer or what they bought before. */
const REMEMBERS = /记得(您|你|亲)/;
const PAST = ['去年', '上次', '上回', '之前', '以前', '前阵子', '上个月', '那次', '前几天'];
const PURCHASED = /^(拿|买|拍|入|囤|订|下单|购买)(了|过|的)/;

function recallsHistory(analysis: Analysis): boolean {
  const text = analysis.normalised;
  if (REMEMBERS.test(text)) return true;
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const clause = text.slice(c === 0 ? 0 : analysis.clauseEnds[c - 1]!, analysis.clauseEnds[c]);
    for (const past of PAST) {
      const at = clause.indexOf(past);
      if (at < 0) continue;
      for (let i = at + past.length; i < clause.length; i++) if (PURCHASED.test(clause.slice(i))) return true;
    }
  }
  return false;
}

/**
 * Acknowledges a returning customer by what it does: welcomes them back, thanks them for coming again
 * (the lexicon's words), or recalls them or what they bought before (记得您 · 去年拿了两箱对吧).
 */
export const readsAsWelcomeBack = (analysis: Analysis): boolean =>
  affirmed(analysis, ACTION_CONCEPTS.returning) || recallsHistory(analysis);

/**
 * 有需要再联系 · 有问题随时找 · 需要的话再来: contact left to the buyer's own later need (a clause's words
 * without courtesy, address or pronouns). It waits for the buyer; it does not follow them up.
 */
const LEAVES_IT_TO_BUYER =
  /^(下次|以后|之后|后面|回头|如果|要是|还)*(有(什么|啥|任何|其他|别的)?(需要|问题|疑问|事|需求)|需要)(的话)?(再|随时|都|可以|就|直接|来)*(联系|找|来|问|咨询|叫|说|留言|戳)(客服|小二|们)?[的了哦呢啊呀哈亲~吧啦嘛哟噢]*$/;
export const leavesItToBuyer = (bareClause: string): boolean => LEAVES_IT_TO_BUYER.test(bareClause);

/**
 * A real follow-up of a quiet buyer: it asks, offers or sells something. A bare 好的 / 嗯嗯 / 嗯呢 / emoji, a
 * goodbye, leaving the buyer to it (拜拜 · 祝您生活愉快 · 您慢慢看) or to come back when they need
 * (`waitsForBuyer`: 有需要再联系) is not one.
 */
export function readsAsFollowUp(analysis: Analysis, courtesyOnly: boolean, waitsForBuyer: boolean): boolean {
  if (affirmed(analysis, ACTION_CONCEPTS.goodbye)) return false;
  if (affirmed(analysis, ACTION_CONCEPTS.followUp)) return true;
  const asks = /[?？]/.test(analysis.source) || /[吗么]$/.test(analysis.normalised);
  return asks || (!courtesyOnly && !waitsForBuyer);
}

/** Right before an amount of money: the shop gives it up (便宜10块 · 少20元 · 优惠30 · 减10元). */
const CONCEDES = ['便宜', '少', '优惠', '减', '让', '省', '返', '抵'];
/** A rate off the price: 打八折 · 9.5折 · 八五折. */
const RATE_OFF = /[一二三四五六七八九\d.]+折/g;
const DENIED = /(不|没|别|不能|没法)$/;
/** A concession word and the number right after it (便宜20 · 少三十 · 给您优惠50), its unit unsaid. */
const CONCEDED_BARE = new RegExp(
  `(${CONCEDES.join('|')})(?:给您|给你|您|你|了|个)?([\\d一二两三四五六七八九十百]+)`,
  'g',
);
/** What right after a bare amount makes it some other measure than money (少20克 · 便宜2斤的). */
const startsUnit = (text: string) =>
  readQuantities(`1${text}`).some((q) => q.start === 0 && q.dimension !== 'money');

/** 给您算个批发价 · 帮您申请个优惠 · 为您争取一下折扣: the shop sets a lower price for the buyer. */
const GIVES_PRICE =
  /(给|帮|为)(您|你)(算|申请|争取|谈|打)(个|一个|一下|下)?\p{Script=Han}{0,3}(价|优惠|折扣|折)/u;
/** …unless only trying (能不能给您优惠 · 申请一下看看 · 我问问): that is still to be checked. */
const TENTATIVE = /(能不能|可不可以|看看|试试|问下|问问|问一下)/;

/**
 * Gives the buyer money off: an amount conceded (给您便宜10块 · 少20元), a rate (打八折) or a lower price
 * set for them (给您算个批发价), not denied (不打折 · 少不了) or tentative (能不能给您申请个优惠). The lexicon's
 * `price-concession` words (改价 · 内部价) are read as usual beside this.
 */
export function readsAsConcession(analysis: Analysis): boolean {
  const text = analysis.normalised;
  for (let c = 0; c < analysis.clauseEnds.length; c++) {
    const clause = text.slice(clauseStart(analysis, c), analysis.clauseEnds[c]);
    if (GIVES_PRICE.test(clause) && !TENTATIVE.test(clause)) return true;
  }
  const conceded = analysis.quantities.some((q) => {
    if (q.dimension !== 'money') return false;
    const before = text.slice(clauseStart(analysis, q.clause), q.at).replace(/(给您|给你|您|你|了|个)$/, '');
    const word = CONCEDES.find((w) => before.endsWith(w));
    return word !== undefined && !DENIED.test(before.slice(0, -word.length));
  });
  if (conceded) return true;
  // 便宜20 · 能少三十: money off with its unit left unsaid, a round number closing the amount.
  for (const match of text.matchAll(CONCEDED_BARE)) {
    if (readBareNumber(match[2]!) === undefined) continue;
    const after = text.slice(match.index + match[0].length);
    if (!startsUnit(after) && !DENIED.test(text.slice(0, match.index))) return true;
  }
  for (const match of text.matchAll(RATE_OFF)) if (!/不打?$/.test(text.slice(0, match.index))) return true;
  return false;
}

const clauseStart = (analysis: Analysis, clause: number) =>
  clause === 0 ? 0 : analysis.clauseEnds[clause - 1]!;

/** Right after a time: sending the parcel (48小时内发 · 两天内肯定发出). */
const SENT_AFTER = /^内?(肯定|一定|就|会|能|可以|保证)*(发|寄)/;

/** 48小时内发 · 两天内发货: a time before the clause's dispatch word (发货后5到7天 is delivery), not denied. */
export function readsAsDispatchTime(analysis: Analysis): boolean {
  return analysis.quantities.some(
    (q) =>
      q.dimension === 'time' &&
      (SENT_AFTER.test(analysis.normalised.slice(q.to)) ||
        analysis.mentions.some(
          (m) =>
            m.concept === ACTION_CONCEPTS.dispatch && m.clause === q.clause && m.start >= q.to && !m.negated,
        )),
  );
}

/**
 * 给您申请了20元补偿 · 帮您申请了一张5元优惠券 · 补您10块 · 赔您一个红包: the shop grants the buyer something
 * for their trouble. Offered in place of an answer it dodges the question (like an order prompt), it is no
 * subject of its own (the 优惠券 is no talk of price, the 补偿 no after-sale case).
 */
const GRANTS =
  /(给|帮|为|替)(您|你)(申请|争取|补|发|送|返|赔)了?[\p{Script=Han}\d.]{0,10}?(补偿|赔偿|红包|优惠券|券|元|块|现金|积分)|(补偿|赔偿|补|赔)(您|你)/u;

/** The clauses of a reply that grant the buyer a compensation. */
export function compensationClauses(analysis: Analysis): Set<number> {
  const clauses = new Set<number>();
  for (let c = 0; c < analysis.clauseEnds.length; c++)
    if (GRANTS.test(analysis.normalised.slice(clauseStart(analysis, c), analysis.clauseEnds[c])))
      clauses.add(c);
  return clauses;
}

/**
 * 可以先拍下哦，我们尽快发货 · 付款后马上安排发货: the shop's next step promised with an order or payment
 * prompt (the lexicon's `dispatch` and `dispatch-time` words, no time or fact of the catalogue) belongs to the
 * prompt; it speaks of no subject.
 */
export const isPromptedDispatch = (m: Mention): boolean =>
  m.concept === ACTION_CONCEPTS.dispatch || m.concept === ACTION_CONCEPTS.dispatchTime;
