// A quick phrase as the open conversation fills it: {买家} is the buyer's nick, {商品} the product ordered
// (else the one asked about), {订单号} the latest order's number — absent before the buyer orders, so the
// composer leaves it for the student to fill.
import { fillVariables, type PhraseValues } from '@kefu/shared/scenario/phrase-variables';
import type { Phrase, Product } from '@kefu/shared/scenario/schema';
import { type ConversationEntry, orderItems } from '../conversation/entry.ts';
import type { PhraseOrigin } from '../stores/drafts.ts';

export function phraseValuesOf(
  entry: ConversationEntry | undefined,
  products: Readonly<Record<string, Product>>,
): PhraseValues {
  if (!entry) return {};
  const latest = orderItems(entry.items).at(-1);
  const productId = latest?.product ?? entry.view.products[0];
  const values: PhraseValues = { 买家: entry.view.buyer.name };
  const product = productId === undefined ? undefined : products[productId];
  if (product) values.商品 = product.name;
  if (latest?.orderNo) values.订单号 = latest.orderNo;
  return values;
}

/** The phrase's text for this conversation, and the origin that marks a draft as this phrase. */
export function filledPhrase(
  phrase: Phrase,
  values: PhraseValues,
): { text: string; unfilled: boolean; origin: PhraseOrigin } {
  const { text, unfilled } = fillVariables(phrase.text, values);
  const origin: PhraseOrigin = { phraseId: phrase.id, text };
  if (phrase.image !== undefined) origin.image = phrase.image;
  return { text, unfilled: unfilled.length > 0, origin };
}
