// A small library written for the machine tests: one product, a lexicon, a few phrases and scenarios that
// exercise each await and branch. Loaded through the real loader, so the tests also prove it is valid.
import { type Library, loadLibrary } from '@kefu/shared';

const lexicon = `
topics: [stock, colour, material, shipping, price, order, payment, greeting, membership, follow-up]
courtesyTopics: [greeting]
concepts:
  greeting: { topic: greeting, terms: [您好, 你好, 在的, 欢迎光临, 有什么可以帮您] }
  hold: { topic: greeting, terms: [稍等, 马上, 我查一下] }
  thanks: { topic: greeting, terms: [谢谢, 感谢] }
  in-stock: { topic: stock, terms: [有货, 现货, 还有, 有的] }
  order-prompt: { topic: order, terms: [拍下, 下单, 可以拍, 直接拍] }
  payment-reminder: { topic: payment, terms: [付款, 支付] }
  returning-welcome: { topic: membership, terms: [老顾客, 欢迎回来] }
  follow-up: { topic: follow-up, terms: [还在吗, 考虑得怎么样] }
  goodbye: { topic: greeting, terms: [拜拜, 再见] }
  order-changed: { terms: [改好了, 已修改] }
  price-value: { topic: price, terms: [优惠券, 满减, 活动价] }
negation:
  before: [没有, 不是, 暂无, 没, 不, 无]
  after: [缺货, 卖完, 没货, 售罄]
  only: [只有, 仅有]
particles: [呢, 吗, 啊, 哦, 呀, 哈, 亲, 的, 了]
objections:
  price: { resolvedBy: [price-value] }
`;

const product = `
id: jacket
name: 轻薄羽绒服
price: 399
facts:
  colour:
    kind: options
    topic: colour
    options:
      - { value: 黑色, aliases: [黑] }
      - { value: 红色, aliases: [酒红], inStock: false }
  material:
    kind: value
    topic: material
    value: 白鸭绒
    aliases: [鸭绒]
    wrong: [鹅绒]
  free-shipping:
    kind: yesno
    topic: shipping
    value: true
    terms: [包邮]
`;

const scarf = `
id: scarf
name: 羊毛围巾
price: 59
facts: {}
`;

const phrases = `
id: shop
name: 店铺话术
groups:
  - id: greet
    name: 问候
    phrases:
      - { id: hello, code: hy, text: 亲，您好，在的~, topics: [greeting] }
      - { id: ship, code: by, text: 亲，全国包邮哦, topics: [shipping] }
      - { id: named, code: hyn, text: '{买家}您好，订单{订单号}的{商品}已收到', topics: [greeting] }
`;

const rubric = `
id: default
name: 默认评分标准
weights: { responsiveness: 30, accuracy: 25, phraseUse: 10, salesActions: 15, courtesy: 10, outcome: 10 }
`;

/** Asks a colour, then decides; waits for an invite; orders; pays only after a reminder. */
const colour = `
id: colour
title: 红色有货吗
products: [jacket]
persona: { name: 小鹿, nudges: [在吗？] }
beats:
  - id: ask
    say: [红色还有吗, 这件红色的有货吗]
    ask: jacket.colour.红色
    on: { dodged: annoyed }
  - id: decide
    say: 好吧，那黑色也行
    await: invite
    on: { timeout: gone }
  - id: order
    say: 拍了
    order: {}
    await: reminder
  - id: pay
    say: 付好了
    pay: true
    end: true
  - id: annoyed
    say: 问你话呢，不想卖算了
    leave: true
  - id: gone
    leave: true
modelAnswer:
  - { after: 2, say: 亲，红色暂时缺货了，黑色有货哦 }
  - { after: 2, action: inviteOrder }
  - { wait: order, after: 5, action: remindPayment }
counterExamples:
  - { name: 沉默, script: [], violations: [unanswered, buyer-left] }
`;

/** A quiet buyer: goes silent and waits for a follow-up. */
const quiet = `
id: quiet
title: 沉默的买家
products: [jacket]
goal: retained
persona: { name: 阿木 }
beats:
  - id: hello
    say: 在吗
  - id: silence
    await: follow-up
    within: 60
  - id: back
    say: 嗯，我再想想
    end: true
modelAnswer:
  - { after: 1, phrase: hy }
  - { wait: none, after: 30, say: 亲，还在吗？考虑得怎么样 }
counterExamples:
  - { name: 沉默, script: [], violations: [unanswered, buyer-left] }
`;

/** Several questions at once, and a returning customer with an acknowledged branch. */
const burst = `
id: burst
title: 连环问
products: [jacket]
goal: retained
persona: { name: 老王, returning: true, membership: VIP2 }
beats:
  - id: questions
    messages:
      - { say: 又来买了, simple: true }
      - { say: 什么材质, ask: jacket.material }
      - { say: 包邮吗, ask: jacket.free-shipping, simple: true }
    on: { acknowledged: warm }
  - id: cold
    say: 好的
    end: true
  - id: warm
    say: 还是你们家贴心
    end: true
modelAnswer:
  - { after: 1, say: 欢迎回来老顾客！白鸭绒的，全国包邮哦 }
counterExamples:
  - { name: 沉默, script: [], violations: [unanswered, buyer-left] }
`;

/** Orders, asks for a new address, lets a need slip (with a photo), then pays. */
const orders = `
id: orders
title: 改地址和加购
products: [jacket]
persona: { name: 小周, address: 上海市张江路88号 }
beats:
  - id: bought
    say: 拍了
    order: { option: 黑色 }
  - id: move
    say: 改成杭州市文三路90号
    change: { address: 杭州市文三路90号 }
  - id: cold
    say: 我脖子怕冷，你看
    need: [scarf]
    photo: images/neck.png
  - id: pay
    say: 付了
    pay: true
    end: true
modelAnswer:
  - { after: 1, say: 收到 }
  - { after: 1, action: updateOrder, address: 杭州市文三路90号 }
  - { wait: none, after: 1, say: 地址改好了 }
  - { after: 1, action: recommend, product: scarf }
counterExamples:
  - { name: 沉默, script: [], violations: [unanswered, buyer-left, no-payment-reminder] }
`;

/** Asks a colour that a picture (the shop's colour card) answers, where the scenario says so. */
const chart = `
id: chart
title: 看色卡
products: [jacket]
persona: { name: 阿May }
beats:
  - id: ask
    say: 黑色有吗
    ask: jacket.colour.黑色
    answeredBy: [images/colours.png]
  - id: thanks
    say: 好的
    end: true
modelAnswer:
  - { after: 1, say: 黑色有货的 }
counterExamples:
  - { name: 沉默, script: [], violations: [unanswered, buyer-left] }
`;

const files = [
  { path: 'lib/lexicon.yaml', text: lexicon },
  { path: 'lib/products/jacket.yaml', text: product },
  { path: 'lib/products/scarf.yaml', text: scarf },
  { path: 'lib/phrases/shop.yaml', text: phrases },
  { path: 'lib/rubrics/default.yaml', text: rubric },
  { path: 'lib/buyers/colour.yaml', text: colour },
  { path: 'lib/buyers/quiet.yaml', text: quiet },
  { path: 'lib/buyers/burst.yaml', text: burst },
  { path: 'lib/buyers/orders.yaml', text: orders },
  { path: 'lib/buyers/chart.yaml', text: chart },
  {
    path: 'lib/buyers/chart-plain.yaml',
    text: chart.replace('id: chart', 'id: chart-plain').replace(/ {4}answeredBy.*\n/, ''),
  },
];

export function fixtureLibrary(): Library {
  const { library, errors } = loadLibrary(files);
  if (errors.length > 0)
    throw new Error(errors.map((e) => `${e.file}:${e.line}:${e.col} ${e.message}`).join('\n'));
  return library;
}
