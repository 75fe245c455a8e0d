// Product knowledge from the catalogue: picture, price, options with stock, facts (materials, shipping…),
// and a button to send the product card.
import type { Fact, Product } from '@kefu/shared/scenario/schema';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { productCardMessage } from '../conversation/action-texts.ts';
import { useCatalog, useConversations } from '../stores/index.ts';

const NO_PRODUCTS: string[] = [];

export function ProductTab({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const productIds = useConversations((s) => s.byId[conversationId]?.view.products ?? NO_PRODUCTS);
  const closed = useConversations((s) => !!(s.byId[conversationId]?.ended || s.byId[conversationId]?.left));
  const catalog = useCatalog((s) => s.products);
  const { gateway } = useServices();
  return (
    <div className="products">
      {productIds.map((id) => {
        const product = catalog[id];
        if (!product)
          return (
            <p key={id} className="empty">
              {t('side.noProduct')}
            </p>
          );
        return (
          <ProductFacts
            key={id}
            product={product}
            disabled={closed}
            onSend={() => gateway.send(conversationId, productCardMessage(product))}
          />
        );
      })}
    </div>
  );
}

function ProductFacts({
  product,
  onSend,
  disabled,
}: {
  product: Product;
  onSend: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="product" aria-label={product.name}>
      <div className="product-head">
        <ProductPicture product={product} />
        <h3>{product.name}</h3>
      </div>
      <dl className="facts">
        <dt>{t('side.price')}</dt>
        <dd className="price">¥{product.price}</dd>
        {Object.entries(product.facts).map(([key, fact]) => (
          <FactRow key={key} name={key} fact={fact} />
        ))}
      </dl>
      <button type="button" className="secondary" onClick={onSend} disabled={disabled}>
        {t('side.sendProductCard')}
      </button>
    </section>
  );
}

/** The product's main picture; without one, its first character on a tinted square (drawn in CSS). */
export function ProductPicture({ product }: { product: Product }) {
  return product.image ? (
    <img className="product-picture" src={`/library/${product.image}`} alt="" loading="lazy" />
  ) : (
    <span className="product-picture product-picture-none" aria-hidden="true">
      {product.name.slice(0, 1)}
    </span>
  );
}

function FactRow({ name, fact }: { name: string; fact: Fact }) {
  const { t } = useTranslation();
  // The fact's own name when the UI knows it, else its topic; the raw key only as a last resort.
  const known = t(`facts.${name}`, { defaultValue: '' });
  const label = known || t(`topics.${fact.topic}`, { defaultValue: name });
  return (
    <>
      <dt title={name}>{label}</dt>
      <dd>
        {fact.kind === 'options' ? (
          <ul className="options">
            {fact.options.map((option) => (
              <li key={option.value} className={option.inStock ? '' : 'out'}>
                <span>{option.value}</span>{' '}
                <span className={option.inStock ? 'stock-in' : 'stock-out'}>
                  {option.inStock ? t('side.inStock') : t('side.outOfStock')}
                </span>
                {option.note ? <span className="muted"> · {option.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : fact.kind === 'value' ? (
          fact.value
        ) : (
          <span className={fact.value ? 'yes' : 'no'}>
            {known ? '' : `${fact.terms[0] ?? ''}${t('app.colon')}`}
            {fact.value ? t('side.yes') : t('side.no')}
          </span>
        )}
      </dd>
    </>
  );
}
