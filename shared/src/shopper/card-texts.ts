// The words of the cards whose text depends on shop data (a discount's kind and amount, a recommended
// product): one source for the shopper machine, the agent scripts and the workbench.
import type { Product } from '../scenario/schema.ts';

/** The card text of a discount: 改价 on an unpaid order, else a coupon for the order to come. */
export function discountText(amount: number, repricing: boolean): string {
  return repricing
    ? `【改价】已为您的订单改价，优惠 ¥${amount}，刷新订单即可付款~`
    : `【优惠券】¥${amount} 店铺优惠券已发到您的账户，拍下时自动抵扣~`;
}

/** The card of a related product (关联推荐). */
export function recommendText(product: Pick<Product, 'name' | 'price'>): string {
  return `【推荐】${product.name} ¥${product.price}，和您选的很搭，需要的话可以一起拍哦~`;
}
