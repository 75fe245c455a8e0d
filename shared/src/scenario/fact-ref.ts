// Questions are bound to catalogue facts by reference (`product.key`, `product.key.option`, or
// `product.key.condition` for a fact with exceptions, e.g. mooncake-box.free-shipping.新疆), never by value.
import type { Product } from './schema.ts';
import { didYouMean } from './suggest.ts';

export interface FactRef {
  product: string;
  key: string;
  /** An option's value (or alias, as written) for `options` facts; a condition word for facts with exceptions. */
  option?: string;
}

/** Splits at the first two dots: product and key ids have no dots, an option value may. */
export function splitFactRef(ref: string): FactRef {
  const [product = '', key = '', ...rest] = ref.split('.');
  return rest.length > 0 ? { product, key, option: rest.join('.') } : { product, key };
}

/** Every reference a product offers: `p.key` for each fact and `p.key.value` for each option. */
export function factRefsOf(product: Product): string[] {
  const refs: string[] = [];
  for (const [key, fact] of Object.entries(product.facts)) {
    refs.push(`${product.id}.${key}`);
    if (fact.kind === 'options') for (const o of fact.options) refs.push(`${product.id}.${key}.${o.value}`);
    else for (const c of fact.except) for (const w of c.when) refs.push(`${product.id}.${key}.${w}`);
  }
  return refs;
}

/**
 * Why `ref` does not resolve, or undefined when it does. `scenarioProducts` are the products the scenario
 * declares; `skip` are product ids whose files failed validation (not reported again).
 */
export function factRefProblem(
  ref: string,
  scenarioProducts: readonly string[],
  products: ReadonlyMap<string, Product>,
  skip: ReadonlySet<string>,
): string | undefined {
  const { product: pid, key, option } = splitFactRef(ref);
  if (skip.has(pid)) return undefined;
  const candidates = () => {
    const own = scenarioProducts.flatMap((id) => (products.get(id) ? factRefsOf(products.get(id)!) : []));
    return own.length > 0 ? own : [...products.values()].flatMap(factRefsOf);
  };
  const product = products.get(pid);
  if (!product || key === '') return `未知的商品事实 "${ref}"${didYouMean(ref, candidates())}`;
  if (!scenarioProducts.includes(pid)) return `引用的商品 "${pid}" 不在本场景的 products 中`;
  const fact = product.facts[key];
  if (!fact) return `未知的商品事实 "${ref}"${didYouMean(ref, candidates())}`;
  if (option === undefined) return undefined;
  if (fact.kind !== 'options') {
    const conditions = fact.except.flatMap((c) => c.when);
    if (conditions.includes(option)) return undefined;
    if (conditions.length === 0)
      return `"${pid}.${key}" 不是可选项事实，也没有例外条件（except），后面不能再接选项或条件`;
    return `未知的条件 "${option}"（${pid}.${key} 的例外条件：${conditions.join(' / ')}）${didYouMean(option, conditions)}`;
  }
  const known = fact.options.some((o) => o.value === option || o.aliases.includes(option));
  if (known) return undefined;
  const names = [...fact.options.map((o) => o.value), ...fact.options.flatMap((o) => o.aliases)];
  return `未知的选项 "${option}"（${pid}.${key} 的选项：${fact.options.map((o) => o.value).join(' / ')}）${didYouMean(option, names)}`;
}
