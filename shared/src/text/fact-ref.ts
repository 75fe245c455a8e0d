// Fact references (`product.key` or `product.key.option`) resolved against the catalogue; an option may be
// named by its value or any alias, compared in normalised form (酒红 → 红色).
import type { Fact, Option, Product } from '../scenario/schema.ts';
import { closest } from '../scenario/suggest.ts';
import { normalise } from './normalise.ts';

export interface ResolvedFact {
  /** Canonical form: `pid.key`, or `pid.key.<option value>` with the option's value, not an alias. */
  ref: string;
  product: Product;
  key: string;
  fact: Fact;
  /** Set for `pid.key.option` references (options facts only). */
  option?: Option;
  /** Set for `pid.key.condition` references: the index in the fact's `except` list. */
  condition?: number;
}

export interface FactRefError {
  error: string;
  /** A corrected reference when the written one looks like a typo of a real one. */
  suggestion?: string;
}

const withSuggestion = (error: string, suggestion: string | undefined): FactRefError =>
  suggestion === undefined ? { error } : { error, suggestion };

export function parseFactRef(products: readonly Product[], ref: string): ResolvedFact | FactRefError {
  const [pid = '', key = '', ...rest] = ref.split('.');
  const optionName = rest.length > 0 ? rest.join('.') : undefined;
  if (pid === '' || key === '' || optionName === '')
    return { error: `事实引用 "${ref}" 的格式应为 商品id.键 或 商品id.键.选项` };

  const product = products.find((p) => p.id === pid);
  if (!product) {
    const near = closest(
      pid,
      products.map((p) => p.id),
    );
    return withSuggestion(`未知的商品 "${pid}"`, near && [near, key, ...rest].join('.'));
  }
  const fact = product.facts[key];
  if (!fact) {
    const near = closest(key, Object.keys(product.facts));
    return withSuggestion(`商品 "${pid}" 没有事实 "${key}"`, near && [pid, near, ...rest].join('.'));
  }
  if (optionName === undefined) return { ref: `${pid}.${key}`, product, key, fact };
  if (fact.kind !== 'options') {
    const wantedCondition = normalise(optionName);
    const index = fact.except.findIndex((c) => c.when.some((w) => normalise(w) === wantedCondition));
    if (index >= 0)
      return { ref: `${pid}.${key}.${fact.except[index]!.when[0]}`, product, key, fact, condition: index };
    const words = fact.except.flatMap((c) => c.when);
    if (words.length === 0)
      return withSuggestion(`"${pid}.${key}" 不是可选项事实，后面不能再接选项`, `${pid}.${key}`);
    const near = closest(optionName, words);
    return withSuggestion(
      `"${pid}.${key}" 没有条件 "${optionName}"（可选：${words.join(' / ')}）`,
      near && `${pid}.${key}.${near}`,
    );
  }

  const wanted = normalise(optionName);
  const option = fact.options.find((o) => [o.value, ...o.aliases].some((name) => normalise(name) === wanted));
  if (option) return { ref: `${pid}.${key}.${option.value}`, product, key, fact, option };
  const near = closest(
    optionName,
    fact.options.flatMap((o) => [o.value, ...o.aliases]),
  );
  const names = fact.options.map((o) => o.value).join(' / ');
  return withSuggestion(
    `"${pid}.${key}" 没有选项 "${optionName}"（可选：${names}）`,
    near && `${pid}.${key}.${near}`,
  );
}
