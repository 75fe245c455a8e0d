// Orders of this conversation with the seller's tools: 催付 card for an unpaid order, invite to order,
// change the shipping address and a seller note (the last two kept on this device).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../app/context.tsx';
import { inviteOrderMessage, remindPaymentMessage } from '../conversation/action-texts.ts';
import type { OrderItem } from '../conversation/chat-item.ts';
import { orderItems } from '../conversation/entry.ts';
import { useCatalog, useConversations, useOrderNotes, useStores } from '../stores/index.ts';
import { formatClock } from './format.ts';

export function OrdersTab({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { gateway } = useServices();
  const orders = useConversations(useShallow((s) => orderItems(s.byId[conversationId]?.items ?? [])));
  const closed = useConversations((s) => !!(s.byId[conversationId]?.ended || s.byId[conversationId]?.left));
  return (
    <div className="orders">
      <button
        type="button"
        className="secondary"
        disabled={closed}
        onClick={() => gateway.send(conversationId, inviteOrderMessage())}
      >
        {t('side.inviteOrder')}
      </button>
      {orders.length === 0 ? <p className="empty">{t('side.noOrders')}</p> : null}
      {orders.map((order) => (
        <OrderPanel
          key={order.orderId}
          order={order}
          disabled={closed}
          onRemind={() => gateway.send(conversationId, remindPaymentMessage())}
        />
      ))}
    </div>
  );
}

function OrderPanel({
  order,
  onRemind,
  disabled,
}: {
  order: OrderItem;
  onRemind: () => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const stores = useStores();
  const product = useCatalog((s) => s.products[order.product]);
  const note = useOrderNotes((s) => s.byOrder[order.orderId]);
  const [address, setAddress] = useState(note?.address ?? '');
  const [sellerNote, setSellerNote] = useState(note?.note ?? '');
  const [editingAddress, setEditingAddress] = useState(false);
  const paid = order.paidAt !== null;
  return (
    <section className="order-panel" aria-label={`${t('card.order')} ${order.orderId}`}>
      <div className="order-card-head">
        <span>{product?.name ?? order.product}</span>
        <span className={`order-status ${paid ? 'paid' : 'unpaid'}`}>
          {paid ? t('card.paid') : t('card.unpaid')}
        </span>
      </div>
      <div className="order-card-body">
        <span>{t('card.quantity', { count: order.quantity })}</span>
        <strong className="price">{t('card.amount', { amount: order.amount })}</strong>
        <time className="muted">{formatClock(order.at)}</time>
      </div>
      {note?.address ? (
        <p className="order-address">
          {t('side.address')}
          {t('app.colon')}
          {note.address}
        </p>
      ) : null}
      <div className="order-actions">
        {!paid ? (
          <button type="button" className="primary-orange" onClick={onRemind} disabled={disabled}>
            {t('side.remindPayment')}
          </button>
        ) : null}
        <button
          type="button"
          className="secondary"
          onClick={() => setEditingAddress((v) => !v)}
          aria-expanded={editingAddress}
        >
          {t('side.changeAddress')}
        </button>
      </div>
      {editingAddress ? (
        <form
          className="order-form"
          onSubmit={(e) => {
            e.preventDefault();
            stores.orderNotes.getState().update(order.orderId, { address: address.trim() });
            setEditingAddress(false);
          }}
        >
          <label>
            {t('side.address')}
            <textarea value={address} rows={2} onChange={(e) => setAddress(e.target.value)} />
          </label>
          <button type="submit" className="secondary">
            {t('side.saveAddress')}
          </button>
        </form>
      ) : null}
      <form
        className="order-form"
        onSubmit={(e) => {
          e.preventDefault();
          stores.orderNotes.getState().update(order.orderId, { note: sellerNote.trim() });
        }}
      >
        <label>
          {t('side.sellerNote')}
          <textarea value={sellerNote} rows={2} onChange={(e) => setSellerNote(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('side.saveNote')}
        </button>
        {note?.note !== undefined && note.note === sellerNote.trim() ? (
          <span className="muted" role="status">
            {t('side.saved')}
          </span>
        ) : null}
      </form>
    </section>
  );
}
