// Built-in word lists the lexicon schema has no place for. Negators themselves come from the lexicon;
// these only keep clause scoping and negation from misfiring on everyday phrases.

/** The well-known lexicon concept "in stock" (有货/现货/还有): a strong claim about an option's stock. */
export const IN_STOCK_CONCEPT = 'in-stock';
/** The well-known lexicon concept of a bare "yes" (有的 · 有哦 · 是的), optional in a lexicon. */
export const YES_ANSWER_CONCEPT = 'yes-answer';

/** The goods in stock, as a negator's object: 没得货 · 无库存 · 木有存货 deny stock like 缺货 does. */
export const STOCK_NOUNS = ['库存', '存货', '现货', '货'] as const;

/** Contrast words end a clause: in "黑色有货但是红色卖完了" the 卖完 must not reach 黑色. */
export const CONTRAST_WORDS = ['但是', '但', '不过', '可是', '然而', '而且', '只是', '另外', '至于'] as const;

/**
 * Words holding a negator that negate nothing. Matched longest-first, they swallow the 不/没 so
 * "不错的红色" and "没问题，红色有的" keep 红色 affirmed, and 要不先拍个十斤装 (how about) offers rather than
 * denies. A lexicon that lists one of them as a negator wins.
 */
export const NON_NEGATING_WORDS = [
  '不错',
  '不用',
  '不客气',
  '不好意思',
  '不少',
  '不仅',
  '不但',
  '不管',
  '不论',
  '无论',
  '不久',
  '不断',
  '不要紧',
  '没问题',
  '没有问题',
  // With 啥 / 什么 (the lexicon's negators get their own 没问题 in vocabulary.ts: 木有问题 · 冇问题).
  '没啥问题',
  '没什么问题',
  '没关系',
  '没事',
  '别担心',
  '别着急',
  '别急',
  '别客气',
  '不要担心',
  '不要着急',
  '不要急',
  '不喜欢',
  '不影响',
  '要不',
  '要不然',
] as const;

/** Between two listed options these keep them one list: 没有红色和蓝色 negates both. */
export const LIST_CONNECTORS = new Set(['和', '与', '跟', '及', '或', '者']);

/** How far a negator before a term may stand from it: 没有红色 (0) · 不是很包邮 (1) · 没有这款的红色 (3). */
export const MAX_BEFORE_GAP = 3;
/** How far a negator after a term may stand from it: 红色暂时缺货 (2) · 红色这几天都缺货 (4). */
export const MAX_AFTER_GAP = 8;
