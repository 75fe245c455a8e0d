// What a reply does, by meaning, read with the shipped lexicon: actions in any wording, never when negated,
// deferred, conditional or already done; bare answers; compliance flags. Pattern families, not a phrase list.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { type JudgeContext, judgeReply, type OpenItem } from '../../../shared/src/shopper/judge.ts';
import { createMatcher } from '../../../shared/src/text/index.ts';

const { library } = loadLibrary(readLibrary('scenarios'));
const contextOf = (...ids: string[]): JudgeContext => {
  const products = ids.map((id) => library.products.get(id)!);
  return { library, products, matcher: createMatcher(library.lexicon, products) };
};
const jacket = contextOf('down-jacket');
const judge = (text: string, items: OpenItem[] = [], hasOrder = false, ctx = jacket) =>
  judgeReply(
    ctx,
    { messages: items.map((i) => i.messageId), items, hasOrder },
    { id: 'a1', text, source: 'typed' },
  );

describe('inviting the order', () => {
  it.each([
    '早拍早发哦亲',
    '先拍回去试试嘛，不合适包换的',
    '那亲拍一件试试吧😊',
    '喜欢的话可以直接拍下哦',
    '放心拍~',
  ])('invites: %s', (text) => expect(judge(text).invites).toBe(true));
  it.each(['现货充足，今天拍今天发', '今天下单当天发哦', '16点前拍当天发哦', '今天拍的话明天发'])(
    'when an order ships if placed (今天拍今天发: a conditional) tells how the shop works, no invitation: %s',
    (text) => expect(judge(text).invites).toBe(false),
  );
  it.each(['那你去拼多多买吧', '加我微信直接拍，给您便宜'])(
    'an order placed elsewhere than this shop is no invitation: %s',
    (text) => expect(judge(text).invites).toBe(false),
  );
  it.each([
    '不用急着下单，考虑好再说',
    '如果需要的话再拍就行',
    '拍下了就行，剩下的交给我们',
    '您拍的是黑色M码对吧',
    '看到您已经拍下了',
    '您这边下单成功啦，我们尽快安排',
    '买好了的话我这边给您备注',
    '想好了再拍就行',
    '麻烦您拍几张照片发给我们',
    '您拍一下破损处的照片给我',
    '拍下标签的图片发过来哈',
    '175的话拍XL码哦',
    '买两件比较划算',
    '双十二还有券，您到时候再拍',
    '过几天上新，到时再下单也行',
    '礼品袋要另外拍哦',
    '运费险需要单独下单',
    '偶尔钻出绒毛轻轻往里拍就行',
    '晾干后拍一拍就蓬松了',
    '晾干后拍打几下',
    '不偏码，正常拍就行',
    '可以的，送新机的时候师傅顺便把旧的带走',
    '快递小哥会把旧的一起带走',
  ])('does not invite: %s', (text) => expect(judge(text).invites).toBe(false));
  it.each(['中秋快到了，礼盒现在拍还来得及哦🎁', '今天下单还赶得上周末送到', '抓紧拍，活动今晚结束'])(
    'an order verb under time pressure invites: %s',
    (text) => expect(judge(text).invites).toBe(true),
  );
  it('an offer that comes with ordering now is no push by itself', () => {
    expect(judge('亲，现在下单还送小样赠品哦~').invites).toBe(false);
  });
  it.each(['正品保证，放心冲', '选黑色不会错，拍黑色的吧', '两个颜色都有，拍两件一起发~'])(
    'invites in other words: %s',
    (text) => expect(judge(text).invites).toBe(true),
  );
  it.each(['好嘞，薄荷绿现货，下单就给您安排上', '要不先拍一件试试？', '拍下马上给您安排发货'])(
    'invites by promising the next step or suggesting: %s',
    (text) => expect(judge(text).invites).toBe(true),
  );
  it.each([
    '不偏的亲，平时穿啥码就拍啥码',
    '拼多多上便宜十块，你去那边拍',
    '您自己买回去试试不就知道了',
    '16点前下单就当天发',
    '两件一起下单就包邮',
  ])('choosing, ordering elsewhere, sarcasm or how it works is no invitation: %s', (text) =>
    expect(judge(text).invites).toBe(false),
  );
  it('a quantity with what the deal gives on it is a condition of the offer, not a push', () => {
    const romper = contextOf('baby-romper');
    expect(judge('买两件包邮，一件的话要运费', [], false, romper).invites).toBe(false);
    expect(judge('买两件打九折哦').invites).toBe(false);
    expect(judge('拍两件赠品多一份').invites).toBe(false);
    // 送 alone may be the buyer's own giving: 拍两套送人 still urges the order.
    expect(judge('很合适，拍两套送人有面子').invites).toBe(true);
    expect(judge('拍两件一起发~').invites).toBe(true);
  });
  it('an order-like verb done for a while that lets the buyer do something is no order of goods', () => {
    const earbuds = contextOf('wireless-earbuds');
    expect(judge('有的 冲十分钟能听两个小时', [], false, earbuds).invites).toBe(false);
    expect(judge('冲五分钟就够用一下午', [], false, earbuds).invites).toBe(false);
    expect(judge('放心冲，今天发货', [], false, earbuds).invites).toBe(true);
  });
  it('a shopping step first, then the order, is an instruction to order; waiting on the buyer is not', () => {
    expect(judge('店铺有满299减20的券，领了再拍就是279').invites).toBe(true);
    expect(judge('收藏加购再下单，发货更快哦').invites).toBe(true);
    expect(judge('等您领了券再拍也行').invites).toBe(false);
  });
  it('another option in place of a sold-out one asked for is offered to order; beside one in stock it is choosing', () => {
    const red: OpenItem[] = [{ messageId: 'b1', ask: 'down-jacket.colour.酒红色' }];
    expect(judge('酒红色没货了，要不先拍黑色？', red).invites).toBe(true);
    const m: OpenItem[] = [{ messageId: 'b1', ask: 'down-jacket.size.M码' }];
    expect(judge('您这个体重建议拍L码哦', m).invites).toBe(false);
  });
  it('naming the size asked for answers it rather than pushing the order', () => {
    const size: OpenItem[] = [{ messageId: 'b1', ask: 'down-jacket.size.M码' }];
    expect(judge('亲拍M码就行', size).invites).toBe(false);
    expect(judge('亲拍M码就行').invites).toBe(true);
  });
});

describe('reminding to pay (an order is waiting)', () => {
  it.each(['亲，订单还没付哦', '订单还没支付哦，活动今晚结束', '付了吗？付了我这边马上发货', '记得付款哦'])(
    'reminds: %s',
    (text) => expect(judge(text, [], true).reminds).toBe(true),
  );
  it.each([
    '先不用付款的，等我给您改好价再付',
    '不用付款的',
    '好的亲，订单收到啦',
    '不着急，明天付也一样',
    '您方便的时候有空再付',
    // Thanks for a payment already made: it reminds of nothing.
    '付款收到啦，谢谢支持',
    '您已经支付成功了，马上给您安排发货',
    '感谢您的付款，今天就发',
    '已付款，放心',
  ])('does not remind: %s', (text) => expect(judge(text, [], true).reminds).toBe(false));
  it('does not remind without an order', () => expect(judge('记得付款哦').reminds).toBe(false));
});

describe('welcoming a returning customer and following up', () => {
  it.each([
    '谢谢又来支持呀~',
    '老熟人啦😄 这次看点什么',
    '欢迎回购~',
    '老规矩可以直接拍下哦',
    '哈哈记得您！',
    '上次买过黑色的对吧，这次试试米白？',
    '感谢亲二次光临呀',
    '谢谢再次光顾~',
  ])('acknowledges: %s', (text) => expect(judge(text).acknowledges).toBe(true));
  it('a plain greeting does not acknowledge', () =>
    expect(judge('您好，欢迎光临本店').acknowledges).toBe(false));
  it.each(['亲，在吗？', '考虑得怎么样啦~', '亲，还有什么顾虑吗？', '这款有运费险，喜欢的话可以直接拍哦'])(
    'follows up: %s',
    (text) => expect(judge(text).followsUp).toBe(true),
  );
  it.each([
    '好的',
    '嗯嗯',
    '嗯呢',
    '😊',
    '嗯嗯好的亲，拜拜~',
    '好的亲，那就先这样',
    '感谢亲的支持，祝您生活愉快~',
    '好的，您慢慢挑',
  ])('is not a follow-up: %s', (text) => expect(judge(text).followsUp).toBe(false));
  it.each([
    '有需要再联系哦~',
    '下次有什么问题随时找客服哦',
    '需要的话再来找我们哈',
    '好的亲，有问题随时找我',
  ])('leaving it to the buyer to come back is no follow-up: %s', (text) =>
    expect(judge(text).followsUp).toBe(false),
  );
  it.each(['亲，还在吗？有需要随时联系我', '白鸭绒的，很暖和，有问题随时找我'])(
    'asking or saying something besides is a follow-up: %s',
    (text) => expect(judge(text).followsUp).toBe(true),
  );
  it.each(['晚安亲', '早点休息哦', '感谢光临', '谢谢光临，欢迎再来~', '好的，那您先忙~'])(
    'a closing is no follow-up: %s',
    (text) => expect(judge(text).followsUp).toBe(false),
  );
});

describe('a lexicon phrase holding a fact term', () => {
  it('names the fact too (免费换码 answers whether the size can be exchanged)', () => {
    const shoes = contextOf('running-shoes');
    const exchange: OpenItem[] = [{ messageId: 'b1', ask: 'running-shoes.size-exchange' }];
    expect(judge('尺码不合适可以免费换码，还送运费险', exchange, false, shoes).stated).toEqual(['b1']);
    expect(judge('不要运费的', [], false, shoes).contradicted).toEqual([]);
  });
});

describe('bare answers and courtesy', () => {
  const ask = (ref: string): OpenItem[] => [{ messageId: 'b1', ask: ref }];
  it('reads a bare yes or no as the answer to the yes/no question', () => {
    expect(judge('有滴亲', ask('down-jacket.colour.米白色')).stated).toEqual(['b1']);
    expect(judge('有的亲，放心拍~', ask('down-jacket.colour.酒红色')).wrong).toEqual(['b1']);
    expect(judge('包的', ask('down-jacket.free-shipping')).stated).toEqual(['b1']);
    expect(judge('木有哦', ask('down-jacket.colour.酒红色')).stated).toEqual(['b1']);
    expect(judge('莫得机洗哈，手洗🙏', ask('down-jacket.machine-wash')).stated).toEqual(['b1']);
  });
  it('reads 冇 as a negator and "no problem" with any dialect negator (木有问题 · 冇问题) as yes', () => {
    expect(judge('冇得机洗哦 要手洗', ask('down-jacket.machine-wash')).stated).toEqual(['b1']);
    expect(judge('酒红冇货了亲', ask('down-jacket.colour.酒红色')).stated).toEqual(['b1']);
    expect(judge('木有问题 直接扔洗衣机就行', ask('down-jacket.machine-wash')).wrong).toEqual(['b1']);
    expect(judge('冇问题的', ask('down-jacket.machine-wash')).wrong).toEqual(['b1']);
    expect(judge('没得问题 包邮的', ask('down-jacket.free-shipping')).stated).toEqual(['b1']);
    expect(judge('没啥问题，米白有货', ask('down-jacket.colour.米白色')).stated).toEqual(['b1']);
  });
  it('reads a clause that only says the goods are out now as the stock answer for the option before it', () => {
    expect(judge('酒红的呀 现在没货了 下月中旬补', ask('down-jacket.colour.酒红色')).stated).toEqual(['b1']);
    expect(judge('酒红色，暂时没有哦', ask('down-jacket.colour.酒红色')).stated).toEqual(['b1']);
    expect(judge('酒红色还有的，现在没有活动哈', ask('down-jacket.colour.酒红色')).wrong).toEqual(['b1']);
  });
  it('keeps a hold or a greeting courtesy: the question stays open, nothing dodged', () => {
    for (const text of [
      '亲，稍等我看下库存哈',
      '稍等亲，问下仓库',
      '在的亲，请问有什么可以帮您？',
      '好的亲',
    ]) {
      const j = judge(text, ask('down-jacket.colour.米白色'));
      expect([j.courtesyOnly, j.evaded, j.stated]).toEqual([true, [], []]);
    }
    expect(judge('很快的亲', ask('down-jacket.dispatch')).evaded).toEqual(['b1']);
  });
  it('reads "there is", said with how much of it, as yes to a 有…吗 question', () => {
    const diapers = contextOf('baby-diapers');
    const trial: OpenItem[] = [{ messageId: 'b1', ask: 'baby-diapers.trial-pack', text: '有试用装吗' }];
    expect(judge('有4片装的，可以先试试', trial, false, diapers).stated).toEqual(['b1']);
    expect(judge('有两种的', trial, false, diapers).stated).toEqual(['b1']);
    expect(judge('没有4片装的', trial, false, diapers).stated).toEqual([]);
  });
  it('reads yes to "is it enough for N" as right when the fact reaches N, wrong when it falls short', () => {
    const cooker = contextOf('rice-cooker');
    const asked = (text: string): OpenItem[] => [{ messageId: 'b1', ask: 'rice-cooker.servings', text }];
    expect(judge('够的，三口之家刚好', asked('我家3口人够吗'), false, cooker).stated).toEqual(['b1']);
    expect(judge('够用的', asked('够不够五个人吃'), false, cooker).stated).toEqual(['b1']);
    expect(judge('够的', asked('八口人够吗'), false, cooker).wrong).toEqual(['b1']);
    expect(judge('不够哦', asked('八口人够吗'), false, cooker).stated).toEqual(['b1']);
    // Whether 10 hours is "yes" depends on which way the fact goes: no yes/no truth for other number questions.
    expect(judge('能的', asked('能用10年吗'), false, cooker).stated).toEqual([]);
  });
  it('a reassurance that it does no harm (对身体没害) is no denial of the question asked', () => {
    const oranges = contextOf('navel-oranges');
    const wax: OpenItem[] = [{ messageId: 'b1', ask: 'navel-oranges.wax', text: '打蜡了吗' }];
    expect(judge('打了一层食用蜡 对身体没害的', wax, false, oranges).wrong).toEqual(['b1']);
    expect(judge('没打蜡，对身体无害', wax, false, oranges).stated).toEqual(['b1']);
  });
  it('does not let the 不 of 不满意 deny the next fact', () => {
    expect(judge('收到不满意可以七天无理由退换').contradicted).toEqual([]);
  });
});

describe('irrelevant or evasive', () => {
  const ask =
    (ref: string, ctx = jacket) =>
    (text: string) =>
      judge(text, [{ messageId: 'b1', ask: ref }], false, ctx);
  it('an order prompt while a question is open dodges it, it does not answer another topic', () => {
    const j = ask('down-jacket.machine-wash')('您可以先拍一件回去试试');
    expect([j.irrelevant, j.evaded]).toEqual([false, ['b1']]);
  });
  it('a reply next to the topic asked (delivery for a shipping question) dodges it', () => {
    const washer = contextOf('drum-washer');
    const j = ask('drum-washer.floor-delivery', washer)('快递师傅会联系您的');
    expect([j.irrelevant, j.evaded]).toEqual([false, ['b1']]);
  });
  it('a catalogue word denied still speaks of its subject: out of stock is about the colours asked', () => {
    expect(ask('down-jacket.colour')('私聊给您发实拍，酒红没了').irrelevant).toBe(false);
    const earbuds = contextOf('wireless-earbuds');
    expect(ask('wireless-earbuds.battery', earbuds)('这款不能戴着游泳哦').irrelevant).toBe(true);
  });
  it('another topic altogether is irrelevant', () => {
    expect(ask('down-jacket.free-shipping')('这款是90%白鸭绒的').irrelevant).toBe(true);
  });
  it('an invoice is its own topic, not an order prompt', () => {
    const earbuds = contextOf('basic-earbuds');
    expect(ask('basic-earbuds.battery', earbuds)('亲，可以开电子普通发票的').irrelevant).toBe(true);
    expect(ask('basic-earbuds.invoice', earbuds)('亲，可以开电子普通发票的').stated).toEqual(['b1']);
  });
});

describe('compliance', () => {
  it.each([
    '亲，VX：kefu0528，私聊给您发实拍',
    '有问题加QQ 839201123',
    '有事打我手机，一三八零零一二三四五六',
    '加个v吧',
    '多买的话支付宝直接转我就行',
  ])('leads off the platform: %s', (text) => expect(judge(text).offPlatform).toBe(true));
  it.each(['拼夕夕上有更多颜色 你去那边看看', 'pdd搜店名有同款', '狗东上也有卖'])(
    'names another platform by its nickname: %s',
    (text) => expect(judge(text).offPlatform).toBe(true),
  );
  it.each(['您可以去超市对比一下，我们的更新鲜', '洗完就到外面晾干'])(
    'naming a market or outdoors without sending the buyer away is not rude: %s',
    (text) => expect(judge(text).rude).toBe(false),
  );
  it('a negated mention or a platform word is not off-platform', () => {
    expect(judge('平台内沟通就好，不能加微信哦').offPlatform).toBe(false);
    expect(judge('师傅会提前电话和您约时间').offPlatform).toBe(false);
  });
  it.each([
    '这是我们家销量第一的羽绒服',
    '顶级白鸭绒',
    '全网最低价',
    '亲这款100%不掉绒',
    '国家级质检，绝对正品',
  ])('makes an absolute claim: %s', (text) => expect(judge(text).bannedClaim).toBe(true));
  it.each(['是100%纯棉的', '拍下后第一时间安排，最晚48小时内发出', '最快明天发'])('is no claim: %s', (text) =>
    expect(judge(text).bannedClaim).toBe(false),
  );
  it.each([
    '白鸭绒的，全网最保暖的羽绒服',
    '这款是店里最受欢迎的',
    '我们家的羽绒服质量最好',
    '史上最轻薄的一款',
    '百分百暖和，不暖包退',
    '最好看的就是这个黑色',
  ])('makes a claim by structure, in a longer sentence: %s', (text) =>
    expect(judge(text).bannedClaim).toBe(true),
  );
  it.each([
    '最好手洗，别用洗衣机甩干',
    '冬天最好穿大一码',
    '第一次洗会有点飞绒，拍一拍就好',
    '第一批货已经发完了',
    '晾干后拍打几下蓬松度最好',
    '最小的是S码，最大的到XL',
    '有最新消息马上告诉您',
    '拿出来放二十分钟回回温再吃口感最好',
  ])('advice, an ordinal or a measure is no claim: %s', (text) =>
    expect(judge(text).bannedClaim).toBe(false),
  );
  it.each(['你烦不烦啊，问那么多', '嫌贵就别买', '您等不了可以不买啊'])('is rude: %s', (text) =>
    expect(judge(text).rude).toBe(true),
  );
  it.each([
    '问什么问，详情页写着呢',
    '急什么急，会发的',
    '嫌麻烦就别买',
    '你自己不会看尺码表吗',
    '您是看不懂字吗？',
    '你都不会穿还说衣服不好',
  ])('is rude by structure: %s', (text) => expect(judge(text).rude).toBe(true));
  it.each([
    '这么简单还要问？XL啊',
    '这还用问吗',
    '买不起就别看了',
    '说了多少遍了，M码',
    '都讲过好几遍了，包邮',
    '您自己用坏的吧，别赖我们',
    '怪我们咯？',
    '别家便宜就去别家买呗',
    '嫌贵去别家看看呗',
    '那您去超市买呗',
    '嫌慢那你去其他店',
    '能不能别再问了',
    '你到底买不买',
    '这么简单的东西还问保修，自己看',
    '这么基本的问题也不懂？',
    '那你去别家买吧',
    '那你去拼多多买吧',
    '嫌贵您就到抖音看呗',
    '催催催，催啥催，发了自然有物流',
    '急个啥急',
    '您自己买回去试试不就知道了',
    '你自己不在家怪谁',
    '这只能怪您自己',
    '别人用都没事，就你过敏',
  ])('is rude without a rude word (contempt, impatience, blame): %s', (text) =>
    expect(judge(text).rude).toBe(true),
  );
  it.each([
    '您不会选的话我帮您推荐',
    '不喜欢的话先别买，可以加购物车',
    '这个还要问下仓库哈',
    '请信赖我们的品质',
    '难怪我们家卖得好',
    '如果是您自己洗坏的，不在保修范围哦',
    '这是您自己洗坏的，我们也没办法',
    '这不能怪您，是快递的问题',
    '亲，说了几次都不好意思，我再确认一下',
    '这个问题很简单，我给您说一下',
    '您不用再问了，已经备注好了',
    '这个东西很简单，一看就会用',
    '那您去店铺首页看看，还有别的款',
    '我们在拼多多也有店，更便宜',
    '不怪您哈，是快递慢了',
    '大家用都没问题，就您这单出了问题，马上给您换',
    '大家都说好，就您这件有点色差，实在抱歉',
    '您看一下尺码表就知道了',
  ])('is not rude: %s', (text) => expect(judge(text).rude).toBe(false));
  it.each([
    '留个手机号，我让老板给您算',
    '发一下您的手机号码',
    '告诉我你的联系方式',
    '我们在拼多多也有店，更便宜',
  ])('asking for the buyer contact or naming another platform leads off the platform: %s', (text) =>
    expect(judge(text).offPlatform).toBe(true),
  );
  it.each([
    '我们发京东物流，很快的',
    '下单时留的电话要能打通哦',
    '麻烦核对一下收货电话',
    '不在拼多多卖，只有这一家店',
  ])('the order phone, a courier or a platform denied is not: %s', (text) =>
    expect(judge(text).offPlatform).toBe(false),
  );
  it('figures side by side are no phone number, a spaced one is', () => {
    expect(judge('170-175、130-145斤都能穿XL').offPlatform).toBe(false);
    expect(judge('有事打这个 139-1234-5678').offPlatform).toBe(true);
    expect(judge('我发您收款码，扫一下就行').offPlatform).toBe(true);
  });
  it.each(['手机号留一下，到货了我打电话通知你', '您的电话发我一下', '联系方式给我，我让师傅打给您'])(
    'asking for the buyer contact, the contact named first, leads off the platform: %s',
    (text) => expect(judge(text).offPlatform).toBe(true),
  );
  it('the order phone named first is not asked off the platform', () => {
    expect(judge('收货电话发我核对一下').offPlatform).toBe(false);
  });
  it('another platform the buyer named may be compared with; sent or pointed there it leads off', () => {
    const washer = contextOf('drum-washer');
    const named: OpenItem[] = [{ messageId: 'b1', objection: 'price', text: '1899太贵了 拼多多1500' }];
    const compared = '亲 拼多多那个是8公斤的吧，我们这个10公斤一级能效，还送货上楼免费安装';
    expect(judge(compared, named, false, washer).offPlatform).toBe(false);
    expect(judge('那你去拼多多买吧', named, false, washer).offPlatform).toBe(true);
    expect(judge('拼多多搜我们店名还能再便宜', named, false, washer).offPlatform).toBe(true);
    // Not named by the buyer, any other platform the reply brings up leads off.
    expect(
      judge(compared, [{ messageId: 'b1', objection: 'price', text: '太贵了' }], false, washer).offPlatform,
    ).toBe(true);
  });
  it('a wrong value said of the goods on another platform is no claim about this product', () => {
    const washer = contextOf('drum-washer');
    expect(judge('拼多多那个是8公斤的吧', [], false, washer).contradicted).toEqual([]);
    expect(judge('我们这个是8公斤的', [], false, washer).contradicted).toEqual(['drum-washer.capacity']);
  });
  it('names the words that raised a flag', () => {
    expect(judge('顶级白鸭绒').flagged).toEqual({ bannedClaim: '顶级' });
  });
});

describe('objections by any accepted argument', () => {
  const price: OpenItem[] = [{ messageId: 'b1', objection: 'price' }];
  it.each([
    '亲，店铺有满299减20的券，再送您一双袜子，拍下吧~',
    '价格是真动不了，不过送运费险，不满意七天无理由退',
    '咱们是90%白鸭绒、充绒120克，这个价真的值',
  ])('addresses a price worry: %s', (text) => {
    const j = judge(text, price);
    expect([j.addressed, j.irrelevant]).toEqual([['b1'], false]);
  });
  it.each([
    '加我微信私下转账，给您便宜10块',
    '给您少20元，可以吗',
    '私下交易给您打八折',
    '我给您改个价',
    '【改价】已为您的订单改价，优惠 ¥20，刷新订单即可付款~',
    '坏了包赔，坏几个赔几个',
    '我跟老板申请一下，给您少三十',
    '最多能便宜15哦',
  ])('money off or a guarantee addresses a price worry: %s', (text) =>
    expect(judge(text, price).addressed).toEqual(['b1']),
  );
  it.each([
    ['drum-washer', '我们这个10公斤一级能效，还送货上楼免费安装'],
    ['mooncake-box', '我们是手工现做的冰皮，还送礼袋哦'],
    ['vacuum-flask', '316不锈钢内胆，还带礼盒'],
  ])(
    'a selling point of the product (spec, installation, packaging, freshness) addresses a price worry: %s %s',
    (id, text) => expect(judge(text, price, false, contextOf(id)).addressed).toEqual(['b1']),
  );
  it('a patch test first addresses a worry about allergy', () => {
    const worry: OpenItem[] = [{ messageId: 'b1', objection: 'quality', text: '用了会不会过敏啊 怕烂脸' }];
    expect(
      judge('您可以先在耳后试用一下，没问题再全脸用', worry, false, contextOf('soothing-cream')).addressed,
    ).toEqual(['b1']);
  });
  it.each(['价格不能便宜10块哦', '不打折哦', '没法便宜20', '少一点点也不行', '再少两斤就不够吃了'])(
    'a concession denied, or a number that is no money, does not: %s',
    (text) => expect(judge(text, price).addressed).toEqual([]),
  );
  it.each([
    ['quality', '我马上安排师傅上门检查，保修期内免费修'],
    ['quality', '用木勺别用钢丝球就不容易掉'],
    ['quality', '一年只换不修，坏了直接换新的'],
    ['shipping', '我给您备注优先打包，48小时内肯定发出'],
    ['shipping', '已经帮您联系快递催一下了'],
    ['after-sale', '没拆包的可以给您换大一码'],
  ])('a %s worry is addressed by: %s', (kind, text) =>
    expect(judge(text, [{ messageId: 'b1', objection: kind }]).addressed).toEqual(['b1']),
  );
  it('a delivery time after dispatch is no dispatch time', () =>
    expect(judge('发货后5到7天哦', [{ messageId: 'b1', objection: 'shipping' }]).addressed).toEqual([]));
  it('what follows a hold is to be checked, not argued: the worry stays open', () => {
    const j = judge('稍等亲，我帮您看看尺码表~', [{ messageId: 'b1', objection: 'fit' }]);
    expect([j.addressed, j.ignoredObjections]).toEqual([[], []]);
  });
  it('an apology keeps the worry open; a bare 好的 lets it go', () => {
    expect(judge('亲，实在抱歉给您添麻烦了~', price).ignoredObjections).toEqual([]);
    expect(judge('好的亲', price).ignoredObjections).toEqual(['b1']);
  });
  it('answering the question asked beside the worry does not settle the worry', () => {
    const items: OpenItem[] = [...price, { messageId: 'b2', ask: 'down-jacket.free-shipping' }];
    const j = judge('包邮的亲', items);
    expect([j.stated, j.addressed, j.ignoredObjections]).toEqual([['b2'], [], ['b1']]);
    expect(judge('包邮的亲', price).addressed).toEqual(['b1']);
  });
  it('naming a sales term while sending the buyer elsewhere settles nothing', () => {
    expect(judge('活动价格以页面为准哦', price).addressed).toEqual([]);
    expect(judge('您联系厂家售后吧', [{ messageId: 'b1', objection: 'after-sale' }]).addressed).toEqual([]);
    expect(judge('您自己对照尺码表选吧', [{ messageId: 'b1', objection: 'fit' }]).addressed).toEqual([]);
  });
  it('a bare refusal or brushing off does not', () => {
    expect(judge('不议价哦', price).ignoredObjections).toEqual(['b1']);
    expect(judge('您自己看尺码表吧', [{ messageId: 'b1', objection: 'fit' }]).addressed).toEqual([]);
  });
  const afterSale: OpenItem[] = [{ messageId: 'b1', objection: 'after-sale' }];
  it.each([
    '亲，麻烦拍一下商品问题的照片发给我，我马上帮您处理~',
    '您拍张图给我看看',
    '抱歉亲，马上帮您处理',
    '我帮您找一下这批的质检报告',
    '我去核实一下物流，稍等',
  ])('asking for a picture, promising to see to it or looking it up keeps the worry open: %s', (text) => {
    const j = judge(text, afterSale);
    expect([j.addressed, j.ignoredObjections]).toEqual([[], []]);
  });
  it('a picture asked for beside a remedy addresses the worry', () =>
    expect(judge('拍个照片给我，给您补发一件新的', afterSale).addressed).toEqual(['b1']));
  it.each(['我让老板给您算个批发价', '我帮您申请个优惠', '给您打个九折'])(
    'a lower price set for the buyer addresses a price worry: %s',
    (text) => expect(judge(text, price).addressed).toEqual(['b1']),
  );
  it.each(['稍等亲，我帮您申请一下看看', '我问下店长能不能给您优惠'])(
    'trying for a lower price is still to be checked: %s',
    (text) => expect(judge(text, price).addressed).toEqual([]),
  );
  it('a fact the catalogue denies, denied, argues; a remedy denied refuses', () => {
    const cream = contextOf('soothing-cream');
    const quality: OpenItem[] = [{ messageId: 'b1', objection: 'quality' }];
    expect(judge('无香精无酒精，敏感肌也能用', quality, false, cream).addressed).toEqual(['b1']);
    const mooncake = contextOf('mooncake-box');
    expect(judge('食品不退不换的哦', afterSale, false, mooncake).addressed).toEqual([]);
  });
  it('a number said right of a fact of the worry argues; a fact said wrong does not', () => {
    const earbuds = contextOf('wireless-earbuds');
    const shipping: OpenItem[] = [{ messageId: 'b1', objection: 'shipping' }];
    expect(judge('来得及，一般三天左右就到', shipping, false, earbuds).addressed).toEqual(['b1']);
    expect(judge('大概要一周左右才能到货', shipping, false, earbuds).addressed).toEqual([]);
  });
  it('the 不 of 码不对 denies 对, not the exchange promised after it', () => {
    const fit: OpenItem[] = [{ messageId: 'b1', objection: 'fit' }];
    expect(judge('没拆包的码不对可以换', fit).addressed).toEqual(['b1']);
    expect(judge('码数不一定可以换哦', fit).addressed).toEqual([]);
  });
});
