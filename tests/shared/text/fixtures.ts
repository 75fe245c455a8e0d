// A small lexicon and catalogue built in code, so these tests do not depend on the scenario library.
import { LexiconSchema, ProductSchema } from '../../../shared/src/scenario/schema.ts';

export const lexicon = LexiconSchema.parse({
  topics: [
    'greeting',
    'stock',
    'color',
    'size',
    'shipping',
    'material',
    'order',
    'payment',
    'returning',
    'service',
  ],
  courtesyTopics: ['greeting'],
  concepts: {
    greeting: { topic: 'greeting', terms: ['您好', '亲'] },
    hold: { topic: 'greeting', terms: ['稍等'] },
    thanks: { topic: 'greeting', terms: ['谢谢'] },
    'order-prompt': { topic: 'order', terms: ['拍下', '下单'] },
    'payment-reminder': { topic: 'payment', terms: ['付款', '支付'] },
    'returning-welcome': { topic: 'returning', terms: ['老顾客', '欢迎回来'] },
    'follow-up': { topic: 'service', terms: ['还在吗'] },
    'in-stock': { topic: 'stock', terms: ['有货', '现货', '还有', '有的'] },
    shipping: { topic: 'shipping', terms: ['包邮', '包油', '免运费', '运费'] },
  },
  negation: {
    before: ['没有', '没', '不', '无', '暂无', '不是'],
    after: ['缺货', '卖完', '没货', '售罄', '断货', '没有货', '没了'],
    only: ['只有', '仅有', '只剩'],
  },
  particles: ['呢', '吗', '哦', '啊', '呀', '哈', '的', '了', '啦'],
  objections: { price: { resolvedBy: ['shipping'] } },
});

export const jacket = ProductSchema.parse({
  id: 'down-jacket',
  name: '轻薄羽绒服',
  aliases: ['羽绒服'],
  price: 399,
  facts: {
    color: {
      kind: 'options',
      topic: 'color',
      options: [
        { value: '黑色', aliases: ['黑'] },
        { value: '红色', aliases: ['酒红', '酒红色'], inStock: false },
        { value: '白色', aliases: [] },
      ],
    },
    size: {
      kind: 'options',
      topic: 'size',
      options: [{ value: 'M' }, { value: 'L' }, { value: 'XL' }, { value: 'XXL', inStock: false }],
    },
    material: {
      kind: 'value',
      topic: 'material',
      value: '90%白鸭绒',
      aliases: ['白鸭绒'],
      wrong: ['鹅绒', '灰鸭绒'],
    },
    shipping: { kind: 'yesno', topic: 'shipping', value: true, terms: ['包邮', '包油', '免运费'] },
  },
});

export const mug = ProductSchema.parse({
  id: 'mug',
  name: '保温杯',
  price: 59,
  facts: {
    color: { kind: 'options', topic: 'color', options: [{ value: '红色' }, { value: '蓝色' }] },
    shipping: { kind: 'yesno', topic: 'shipping', value: false, terms: ['包邮'] },
  },
});
