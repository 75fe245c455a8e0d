// One row of the chat: a buyer or agent message, an order card or a system notice. Text is rendered as
// React text nodes only, so whatever anyone types shows as text and never as markup.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentItem, ChatItem, OrderItem } from '../conversation/chat-item.ts';
import { useCatalog, useConnection } from '../stores/index.ts';
import { formatClock } from './format.ts';
import { ProductCard } from './ProductCard.tsx';

export interface MessageRowProps {
  item: ChatItem;
  buyerName: string;
  /** The product the conversation is about: what a product card (商品卡片) shows. */
  productId?: string | undefined;
  onRetry?: ((messageId: string) => void) | undefined;
  highlighted?: boolean;
}

export const MessageRow = memo(function MessageRow({
  item,
  buyerName,
  productId,
  onRetry,
  highlighted,
}: MessageRowProps) {
  switch (item.kind) {
    case 'buyer':
      return (
        <div className={`msg msg-buyer${highlighted ? ' highlighted' : ''}`} data-message-id={item.id}>
          <div className="msg-meta">
            <span className="msg-who">{buyerName}</span> <time>{formatClock(item.at)}</time>
          </div>
          <div className="bubble">{item.text}</div>
          {item.image ? <ChatPicture image={item.image} label="card.photo" /> : null}
        </div>
      );
    case 'agent':
      return <AgentRow item={item} productId={productId} onRetry={onRetry} highlighted={highlighted} />;
    case 'order':
      return <OrderCard item={item} />;
    case 'notice':
      return <Notice notice={item.notice} at={item.at} />;
  }
});

const CARD_TITLE = {
  'payment-reminder': 'card.reminder',
  'order-invite': 'card.invite',
  product: 'card.product',
  discount: 'card.discount',
  recommend: 'card.recommend',
} as const satisfies Record<NonNullable<AgentItem['card']>, string>;

/**
 * A picture in the chat: a photo the buyer sent, or the one an image phrase carries (a size chart). Both are
 * pictures of the scenario library, served by the server at /library/.
 */
function ChatPicture({ image, label }: { image: string; label: 'card.photo' | 'card.picture' }) {
  const { t } = useTranslation();
  return (
    <a className="buyer-photo" href={`/library/${image}`} target="_blank" rel="noreferrer">
      <img src={`/library/${image}`} alt={t(label)} loading="lazy" />
    </a>
  );
}

/** 发送中, or, while the connection is down, that it goes out by itself once it is back (it does: the
 * gateway sends what is unsent on reconnect). Only a pending row reads the connection. */
function PendingStatus() {
  const { t } = useTranslation();
  const down = useConnection((s) => s.status === 'reconnecting');
  return <span className="msg-status">{t(down ? 'workbench.pendingOffline' : 'workbench.pending')}</span>;
}

function AgentRow({
  item,
  productId,
  onRetry,
  highlighted,
}: {
  item: AgentItem;
  productId?: string | undefined;
  onRetry?: ((id: string) => void) | undefined;
  highlighted?: boolean | undefined;
}) {
  const { t } = useTranslation();
  // A product card shows the conversation's product; a recommendation the product it names.
  const shown = item.card === 'product' ? productId : item.card === 'recommend' ? item.product : undefined;
  const product = useCatalog((s) => (shown === undefined ? undefined : s.products[shown]));
  return (
    <div
      className={`msg msg-agent${highlighted ? ' highlighted' : ''}`}
      data-message-id={item.id}
      data-status={item.status}
    >
      <div className="msg-meta">
        {item.status === 'pending' ? <PendingStatus /> : null}
        <time>{formatClock(item.at)}</time> <span className="msg-who">{t('workbench.you')}</span>
      </div>
      {product && item.card ? (
        <ProductCard product={product} title={t(CARD_TITLE[item.card])} />
      ) : item.card ? (
        <div className={`bubble card card-${item.card}`}>
          <div className="card-title">{t(CARD_TITLE[item.card])}</div>
          <div>{item.text}</div>
        </div>
      ) : (
        <div className="bubble">{item.text}</div>
      )}
      {item.image ? <ChatPicture image={item.image} label="card.picture" /> : null}
      {item.status === 'failed' ? (
        <div className="msg-failed" role="alert">
          <span>
            {t('workbench.failed')}
            {item.error ? `${t('app.colon')}${item.error}` : ''}
          </span>
          {onRetry ? (
            <button type="button" className="link-button" onClick={() => onRetry(item.id)}>
              {t('workbench.retry')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function OrderCard({ item }: { item: OrderItem }) {
  const { t } = useTranslation();
  const product = useCatalog((s) => s.products[item.product]);
  const paid = item.paidAt !== null;
  return (
    <div className="msg-center" data-order-id={item.orderId}>
      <div className="order-card">
        <div className="order-card-head">
          <span>{t('card.order')}</span>
          <span className={`order-status ${paid ? 'paid' : 'unpaid'}`}>
            {paid ? t('card.paid') : t('card.unpaid')}
          </span>
        </div>
        <div className="order-card-body">
          <span className="order-product">{product?.name ?? ''}</span>
          <span>{t('card.quantity', { count: item.quantity })}</span>
          <strong className="price">{t('card.amount', { amount: item.amount })}</strong>
        </div>
        <time className="order-time">{formatClock(item.at)}</time>
      </div>
    </div>
  );
}

function Notice({ notice, at }: { notice: string; at: number }) {
  const { t } = useTranslation();
  return (
    <div className="msg-center">
      <span className="notice">
        {t(`notice.${notice}`)} · <time>{formatClock(at)}</time>
      </span>
    </div>
  );
}
