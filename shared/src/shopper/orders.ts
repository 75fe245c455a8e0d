// Orders as the shop sees them: the variant (SKU) picked from the catalogue's options, the address, the seller
// note and the amount; and how a change the buyer asked for is compared with what the seller did. Pure
// helpers shared by the shopper machine (the buyer checks their order), the server (it refuses a change that
// cannot be made) and scoring (order-not-updated).
import type { Sku } from '../conversation/events.ts';
import type { Option, OrderChange, Product } from '../scenario/schema.ts';
import { normalise } from '../text/normalise.ts';
import { seededUnit } from './random.ts';

/** The address an order gets when the persona gives none. */
export const DEFAULT_ADDRESS = '浙江省杭州市余杭区文一西路 969 号';

export interface ResolvedOption {
  key: string;
  option: Option;
}

/** The options fact and option a word names (its value or an alias, compared in normalised form). */
export function resolveOption(product: Product, word: string): ResolvedOption | undefined {
  const wanted = normalise(word);
  if (wanted === '') return undefined;
  for (const [key, fact] of Object.entries(product.facts)) {
    if (fact.kind !== 'options') continue;
    for (const option of fact.options) {
      if ([option.value, ...option.aliases].some((term) => normalise(term) === wanted))
        return { key, option };
    }
  }
  return undefined;
}

/** Every option value of the product, for suggestions in errors. */
export function optionValues(product: Product): string[] {
  return Object.values(product.facts).flatMap((fact) =>
    fact.kind === 'options' ? fact.options.map((o) => o.value) : [],
  );
}

/**
 * The variant of a new order: the options the scenario names, and for every other options fact the first
 * option in stock (a real order always has a full SKU).
 */
export function initialSku(product: Product | undefined, named: string | readonly string[] | undefined): Sku {
  const sku: Sku = {};
  if (!product) return sku;
  const words = named === undefined ? [] : typeof named === 'string' ? [named] : named;
  const chosen = new Map<string, string>();
  for (const word of words) {
    const resolved = resolveOption(product, word);
    if (resolved) chosen.set(resolved.key, resolved.option.value);
  }
  for (const [key, fact] of Object.entries(product.facts)) {
    if (fact.kind !== 'options') continue;
    const value = chosen.get(key) ?? (fact.options.find((o) => o.inStock) ?? fact.options[0])?.value;
    if (value !== undefined) sku[key] = value;
  }
  return sku;
}

/** How a variant is written on an order: 黑色 / M码. */
export function skuText(sku: Sku | undefined): string {
  return sku === undefined ? '' : Object.values(sku).join(' / ');
}

/**
 * The order number people see (Taobao-like: the day, then digits fixed by the seed), e.g. 2026010183920417551.
 * Internal order ids (o1, o2) stay in the log.
 */
export function orderNumber(seed: number, at: number, index: number): string {
  // The shop's calendar day (UTC+8), from the event's own time: no clock is read.
  const day = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  const digits = Math.floor(seededUnit(seed, `order-no#${index}`) * 1e10)
    .toString()
    .padStart(10, '0');
  return `${day}${digits}${index % 10}`;
}

/** Yuan rounded to the fen, so sums of prices and discounts do not drift. */
export function toFen(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** The text as compared: normalised (spaces, punctuation gone). */
const comparable = (text: string) => normalise(text);

/**
 * The address on the order holds the one the buyer gave. Spaces and punctuation do not matter, a name or phone
 * added around it does; a number must not run on (文三路90号 is not 文三路900号).
 */
export function addressMatches(actual: string, expected: string): boolean {
  const a = comparable(actual);
  const e = comparable(expected);
  if (e === '') return true;
  for (let at = a.indexOf(e); at >= 0; at = a.indexOf(e, at + 1)) {
    const before = a[at - 1];
    const after = a[at + e.length];
    const digit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
    if (!(digit(before) && digit(e[0])) && !(digit(after) && digit(e[e.length - 1]))) return true;
  }
  return false;
}

/** The note holds one of the expected wordings. */
export function noteMatches(actual: string, expected: string | readonly string[]): boolean {
  const a = comparable(actual);
  const wanted = typeof expected === 'string' ? [expected] : expected;
  return wanted.some((w) => a.includes(comparable(w)));
}

export interface OrderSnapshot {
  product: string;
  sku: Sku;
  address: string;
  note: string;
}

export type ChangeField = keyof OrderChange;
export const CHANGE_FIELDS: readonly ChangeField[] = ['address', 'option', 'note'];

/** The fields of a requested change the order does not show yet (empty: the change is done). */
export function changeMismatches(
  order: OrderSnapshot | undefined,
  change: OrderChange,
  product: Product | undefined,
): ChangeField[] {
  return CHANGE_FIELDS.filter((field) => {
    const expected = change[field];
    if (expected === undefined) return false;
    if (order === undefined) return true;
    switch (field) {
      case 'address':
        return !addressMatches(order.address, expected as string);
      case 'note':
        return !noteMatches(order.note, expected);
      case 'option': {
        const resolved = product ? resolveOption(product, expected as string) : undefined;
        return resolved === undefined || order.sku[resolved.key] !== resolved.option.value;
      }
    }
    return false;
  });
}
