// What a person calls the things scenario files name by id: catalogue facts (`soothing-cream.shelf-life` →
// 保质期 · 保质期3年), lexicon topics (quality → 品质) and objections (quality → 品质顾虑). Reports, the
// workbench's product panel and the explanations of violations all name them here, so no id reaches a
// student. Words for ids this table does not know come from the fact itself (its first term), then from its
// topic, and only then a generic word — never the id.
import { splitFactRef } from './fact-ref.ts';
import type { Fact, Product } from './schema.ts';

export type NameLocale = 'zh-CN' | 'en';

type Names = Readonly<Record<string, { 'zh-CN': string; en: string }>>;

export const TOPIC_NAMES: Names = {
  greeting: { 'zh-CN': '问候', en: 'Greeting' },
  stock: { 'zh-CN': '库存', en: 'Stock' },
  size: { 'zh-CN': '尺码', en: 'Size' },
  colour: { 'zh-CN': '颜色', en: 'Colour' },
  material: { 'zh-CN': '材质', en: 'Material' },
  spec: { 'zh-CN': '规格', en: 'Spec' },
  price: { 'zh-CN': '价格', en: 'Price' },
  shipping: { 'zh-CN': '物流', en: 'Shipping' },
  delivery: { 'zh-CN': '配送', en: 'Delivery' },
  installation: { 'zh-CN': '安装', en: 'Installation' },
  quality: { 'zh-CN': '品质', en: 'Quality' },
  ingredient: { 'zh-CN': '成分', en: 'Ingredients' },
  'shelf-life': { 'zh-CN': '保质期', en: 'Shelf life' },
  storage: { 'zh-CN': '储存', en: 'Storage' },
  packaging: { 'zh-CN': '包装', en: 'Packaging' },
  'after-sale': { 'zh-CN': '售后', en: 'After-sale' },
  warranty: { 'zh-CN': '保修', en: 'Warranty' },
  order: { 'zh-CN': '订单', en: 'Order' },
  payment: { 'zh-CN': '付款', en: 'Payment' },
  membership: { 'zh-CN': '会员', en: 'Membership' },
  address: { 'zh-CN': '地址', en: 'Address' },
  invoice: { 'zh-CN': '发票', en: 'Invoice' },
};

export const OBJECTION_NAMES: Names = {
  price: { 'zh-CN': '价格', en: 'price' },
  quality: { 'zh-CN': '品质', en: 'quality' },
  fit: { 'zh-CN': '尺码合不合适', en: 'fit' },
  shipping: { 'zh-CN': '物流时效', en: 'shipping' },
  'after-sale': { 'zh-CN': '售后', en: 'after-sale' },
};

/** Names of common fact keys; a key not listed is named from the fact itself. */
export const FACT_NAMES: Names = {
  alcohol: { 'zh-CN': '酒精', en: 'Alcohol' },
  arrival: { 'zh-CN': '到货时间', en: 'Arrival' },
  authentic: { 'zh-CN': '正品', en: 'Authentic' },
  battery: { 'zh-CN': '续航', en: 'Battery life' },
  capacity: { 'zh-CN': '容量', en: 'Capacity' },
  'cold-chain': { 'zh-CN': '冷链', en: 'Cold chain' },
  colour: { 'zh-CN': '颜色', en: 'Colour' },
  courier: { 'zh-CN': '快递', en: 'Courier' },
  delivery: { 'zh-CN': '送达时间', en: 'Delivery time' },
  'delivery-days': { 'zh-CN': '配送时效', en: 'Delivery time' },
  dimensions: { 'zh-CN': '尺寸', en: 'Dimensions' },
  dispatch: { 'zh-CN': '发货时间', en: 'Dispatch' },
  energy: { 'zh-CN': '能效', en: 'Energy class' },
  'fill-weight': { 'zh-CN': '充绒量', en: 'Fill weight' },
  fit: { 'zh-CN': '版型', en: 'Fit' },
  flavours: { 'zh-CN': '口味', en: 'Flavours' },
  'floor-delivery': { 'zh-CN': '送货上楼', en: 'Carry upstairs' },
  fragrance: { 'zh-CN': '香精', en: 'Fragrance' },
  'free-shipping': { 'zh-CN': '包邮', en: 'Free shipping' },
  'gift-bag': { 'zh-CN': '礼品袋', en: 'Gift bag' },
  'gift-box': { 'zh-CN': '礼盒', en: 'Gift box' },
  'haul-away': { 'zh-CN': '旧机回收', en: 'Old unit removal' },
  ingredients: { 'zh-CN': '成分', en: 'Ingredients' },
  'installation-fee': { 'zh-CN': '安装费', en: 'Installation fee' },
  installation: { 'zh-CN': '安装', en: 'Installation' },
  invoice: { 'zh-CN': '发票', en: 'Invoice' },
  'machine-wash': { 'zh-CN': '机洗', en: 'Machine wash' },
  material: { 'zh-CN': '材质', en: 'Material' },
  'motor-warranty': { 'zh-CN': '电机保修', en: 'Motor warranty' },
  'opened-life': { 'zh-CN': '开封后保质期', en: 'After opening' },
  pregnancy: { 'zh-CN': '孕妇可用', en: 'Pregnancy-safe' },
  'remote-regions': { 'zh-CN': '偏远地区发货', en: 'Remote regions' },
  'return-insurance': { 'zh-CN': '运费险', en: 'Return insurance' },
  'sensitive-skin': { 'zh-CN': '敏感肌可用', en: 'Sensitive skin' },
  'seven-day-return': { 'zh-CN': '七天无理由退货', en: '7-day return' },
  'shelf-life': { 'zh-CN': '保质期', en: 'Shelf life' },
  size: { 'zh-CN': '尺码', en: 'Size' },
  'special-invoice': { 'zh-CN': '专用发票', en: 'VAT special invoice' },
  storage: { 'zh-CN': '储存', en: 'Storage' },
  texture: { 'zh-CN': '质地', en: 'Texture' },
  thaw: { 'zh-CN': '解冻', en: 'Thawing' },
  warranty: { 'zh-CN': '保修', en: 'Warranty' },
  weight: { 'zh-CN': '重量', en: 'Weight' },
};

const WORDS = {
  'zh-CN': {
    yes: '是',
    no: '否',
    inStock: '有货',
    outOfStock: '缺货',
    suggest: (option: string, note: string) => `建议拍${option}${note ? `（${note}）` : ''}，有货`,
    fact: '商品信息',
    concern: '顾虑',
    sep: '：',
    list: '、',
  },
  en: {
    yes: 'yes',
    no: 'no',
    inStock: 'in stock',
    outOfStock: 'sold out',
    suggest: (option: string, note: string) => `take ${option}${note ? ` (${note})` : ''}, in stock`,
    fact: 'product detail',
    concern: 'concern',
    sep: ': ',
    list: ', ',
  },
} as const;

export function topicName(topic: string, locale: NameLocale = 'zh-CN'): string {
  return TOPIC_NAMES[topic]?.[locale] ?? WORDS[locale].fact;
}

/** 买家的顾虑 as said in a sentence: 价格 / 品质…; an objection this table does not know is just 顾虑. */
export function objectionName(objection: string, locale: NameLocale = 'zh-CN'): string {
  return OBJECTION_NAMES[objection]?.[locale] ?? WORDS[locale].concern;
}

/** The fact's name: from the table, else its own first term (包邮, 续航), else its topic (材质, 保质期). */
export function factName(key: string, fact: Fact | undefined, locale: NameLocale = 'zh-CN'): string {
  const known = FACT_NAMES[key]?.[locale];
  if (known) return known;
  if (fact && (fact.kind === 'yesno' || fact.kind === 'number') && fact.terms[0]) return fact.terms[0];
  return fact ? topicName(fact.topic, locale) : WORDS[locale].fact;
}

function amount(value: number | readonly [number, number], unit: string): string {
  return typeof value === 'number' ? `${value}${unit}` : `${value[0]}–${value[1]}${unit}`;
}

/** What the catalogue says the fact is, in words: 保质期3年 · 有货：黑色、米白色；缺货：酒红色 · 是 · 2–4天. */
export function factValue(fact: Fact, locale: NameLocale = 'zh-CN', condition?: number): string {
  const w = WORDS[locale];
  switch (fact.kind) {
    case 'options': {
      const inStock = fact.options.filter((o) => o.inStock).map((o) => o.value);
      const out = fact.options.filter((o) => !o.inStock).map((o) => o.value);
      const parts = [];
      if (inStock.length > 0) parts.push(`${w.inStock}${w.sep}${inStock.join(w.list)}`);
      if (out.length > 0) parts.push(`${w.outOfStock}${w.sep}${out.join(w.list)}`);
      return parts.join(locale === 'en' ? '; ' : '；');
    }
    case 'value':
      return condition === undefined ? fact.value : (fact.except[condition]?.value ?? fact.value);
    case 'yesno': {
      const value = condition === undefined ? fact.value : (fact.except[condition]?.value ?? fact.value);
      return value ? w.yes : w.no;
    }
    case 'number':
      return amount(
        condition === undefined ? fact.value : (fact.except[condition]?.value ?? fact.value),
        fact.unit,
      );
  }
}

/**
 * A catalogue reference as a person reads it: the fact's name and what is true, e.g.
 * `{ name: '保质期', value: '保质期3年' }`, `{ name: '颜色 · 酒红色', value: '缺货' }`,
 * `{ name: '包邮 · 新疆', value: '否' }`. Null when the reference does not resolve (never the raw id).
 */
export function describeFact(
  products: ReadonlyMap<string, Product> | Readonly<Record<string, Product>>,
  ref: string,
  locale: NameLocale = 'zh-CN',
): { product: string; name: string; value: string } | null {
  const { product: productId, key, option } = splitFactRef(ref);
  const product: Product | undefined =
    products instanceof Map
      ? (products as ReadonlyMap<string, Product>).get(productId)
      : (products as Readonly<Record<string, Product>>)[productId];
  const fact = product?.facts[key];
  if (!product || !fact) return null;
  const name = factName(key, fact, locale);
  const w = WORDS[locale];
  if (option === undefined) return { product: product.name, name, value: factValue(fact, locale) };
  if (fact.kind === 'options') {
    const chosen = fact.options.find((o) => o.value === option || o.aliases.includes(option));
    if (!chosen) return { product: product.name, name, value: factValue(fact, locale) };
    // 穿什么码 → M码 in stock: the right answer reads as the advice a student gives (建议拍M码（身高158-165…），有货).
    if (fact.topic === 'size' && chosen.inStock)
      return { product: product.name, name, value: w.suggest(chosen.value, chosen.note ?? '') };
    return {
      product: product.name,
      name: `${name} · ${chosen.value}`,
      value: chosen.inStock ? w.inStock : w.outOfStock,
    };
  }
  const condition = fact.except.findIndex((c) => c.when.includes(option));
  if (condition < 0) return { product: product.name, name, value: factValue(fact, locale) };
  return { product: product.name, name: `${name} · ${option}`, value: factValue(fact, locale, condition) };
}

/** One line: 保质期：保质期3年 (the name is left out when the value already says it). */
export function factStatement(
  products: ReadonlyMap<string, Product> | Readonly<Record<string, Product>>,
  ref: string,
  locale: NameLocale = 'zh-CN',
): string | null {
  const described = describeFact(products, ref, locale);
  if (!described) return null;
  const { name, value } = described;
  if (value.includes(name)) return value;
  return `${name}${WORDS[locale].sep}${value}`;
}
