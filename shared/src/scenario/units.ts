// Units a number fact can be stated in, with the spellings shops and shoppers use. Each belongs to a
// dimension with a factor to its base unit, so 1.2 kg, 1200 g and 两斤四 compare as the same weight.

export interface UnitDef {
  /** Units of one dimension convert into each other; other dimensions never compare. */
  dimension: string;
  /** How many base units of the dimension one of this unit is. */
  factor: number;
  /** Spellings after normalising (lower case, no spaces), the canonical name first. */
  spellings: readonly string[];
}

/** Canonical unit name (as written in a product's `unit`) → its definition. */
export const UNITS = {
  元: { dimension: 'money', factor: 1, spellings: ['元', '块钱', '块', '元钱', 'rmb', '圆'] },
  秒: { dimension: 'time', factor: 1, spellings: ['秒', '秒钟', 's'] },
  分钟: { dimension: 'time', factor: 60, spellings: ['分钟', 'min'] },
  小时: { dimension: 'time', factor: 3600, spellings: ['小时', '个小时', '个钟头', '钟头', '个钟', 'h'] },
  天: { dimension: 'time', factor: 86400, spellings: ['天', '日', '个工作日', '工作日'] },
  周: { dimension: 'time', factor: 7 * 86400, spellings: ['周', '个星期', '星期', '礼拜', '个礼拜'] },
  个月: { dimension: 'time', factor: 30 * 86400, spellings: ['个月', '月'] },
  年: { dimension: 'time', factor: 365 * 86400, spellings: ['年'] },
  毫克: { dimension: 'mass', factor: 0.001, spellings: ['毫克', 'mg'] },
  克: { dimension: 'mass', factor: 1, spellings: ['克', 'g'] },
  两: { dimension: 'mass', factor: 50, spellings: ['两'] },
  斤: { dimension: 'mass', factor: 500, spellings: ['斤'] },
  千克: { dimension: 'mass', factor: 1000, spellings: ['千克', '公斤', 'kg'] },
  毫升: { dimension: 'volume', factor: 1, spellings: ['毫升', 'ml', '亳升'] },
  升: { dimension: 'volume', factor: 1000, spellings: ['升', 'l'] },
  毫米: { dimension: 'length', factor: 0.001, spellings: ['毫米', 'mm'] },
  厘米: { dimension: 'length', factor: 0.01, spellings: ['厘米', 'cm', '公分'] },
  米: { dimension: 'length', factor: 1, spellings: ['米', 'm'] },
  瓦: { dimension: 'power', factor: 1, spellings: ['瓦', 'w', '瓦特'] },
  千瓦: { dimension: 'power', factor: 1000, spellings: ['千瓦', 'kw'] },
  毫安时: { dimension: 'charge', factor: 1, spellings: ['毫安时', 'mah', '毫安'] },
  '%': { dimension: 'percent', factor: 1, spellings: ['%', '百分之'] },
  人: { dimension: 'people', factor: 1, spellings: ['人', '个人', '口人', '位'] },
  件: { dimension: 'pieces', factor: 1, spellings: ['件'] },
  个: { dimension: 'items', factor: 1, spellings: ['个'] },
  片: { dimension: 'sheets', factor: 1, spellings: ['片'] },
  枚: { dimension: 'cakes', factor: 1, spellings: ['枚'] },
  包: { dimension: 'packs', factor: 1, spellings: ['包'] },
  瓶: { dimension: 'bottles', factor: 1, spellings: ['瓶'] },
  盒: { dimension: 'boxes', factor: 1, spellings: ['盒'] },
  档: { dimension: 'levels', factor: 1, spellings: ['档'] },
  次: { dimension: 'times', factor: 1, spellings: ['次'] },
  岁: { dimension: 'age', factor: 1, spellings: ['岁', '周岁'] },
  度: { dimension: 'degrees', factor: 1, spellings: ['度', '℃', '摄氏度'] },
} as const satisfies Record<string, UnitDef>;

export type UnitName = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [UnitName, ...UnitName[]];
