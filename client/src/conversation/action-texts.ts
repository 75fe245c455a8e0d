// The words an action card carries. They are shop content the shopper reads (Chinese, like the scenarios
// and the phrase library), not UI chrome, so they do not follow the UI language.
import type { Product } from '@kefu/shared/scenario/schema';
import { discountText, recommendText } from '@kefu/shared/shopper/card-texts';
import type { OutgoingMessage } from './outgoing.ts';

export function remindPaymentMessage(): OutgoingMessage {
  return {
    text: '亲，您拍下的宝贝还没有付款哦，现在付款今天就能为您安排发货~',
    source: 'action',
    action: 'remindPayment',
  };
}

export function inviteOrderMessage(): OutgoingMessage {
  return { text: '亲，喜欢的话可以直接拍下哦，拍下后尽快为您发货~', source: 'action', action: 'inviteOrder' };
}

export function productCardMessage(product: Pick<Product, 'name' | 'price'>): OutgoingMessage {
  return { text: `【商品】${product.name} ¥${product.price}`, source: 'action', action: 'sendProductCard' };
}

/** 改价 on the unpaid order, else a coupon for the order to come (the server words it the same way). */
export function discountMessage(amount: number, repricing: boolean): OutgoingMessage {
  return { text: discountText(amount, repricing), source: 'action', action: 'discount', amount };
}

/** 关联推荐: a card of another product of the shop. */
export function recommendMessage(product: Pick<Product, 'id' | 'name' | 'price'>): OutgoingMessage {
  return { text: recommendText(product), source: 'action', action: 'recommend', product: product.id };
}
