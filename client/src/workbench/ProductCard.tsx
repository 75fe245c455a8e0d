// A product card in the chat as Qianniu shows one: picture, name, price and 立即购买. The buyer is simulated,
// so 立即购买 is what the buyer sees on the card (sending it invites them to order), not a button for the
// student; the card's words come from the catalogue, never its ids.
import type { Product } from '@kefu/shared/scenario/schema';
import { useTranslation } from 'react-i18next';
import { ProductPicture } from './ProductTab.tsx';

export function ProductCard({ product, title }: { product: Product; title: string }) {
  const { t } = useTranslation();
  return (
    <figure className="product-card" aria-label={`${title}：${product.name}`}>
      <ProductPicture product={product} />
      <figcaption>
        <span className="product-card-title">{title}</span>
        <span className="product-card-name">{product.name}</span>
        <span className="product-card-foot">
          <strong className="price">{t('card.amount', { amount: product.price })}</strong>
          <span className="product-card-buy">{t('card.buyNow')}</span>
        </span>
      </figcaption>
    </figure>
  );
}
