// Orders of this conversation with the seller's tools: invite to order, a discount (改价 on an unpaid order,
// else a coupon) within the concession the shop allows, a related product (关联推荐), and per order 催付,
// address, SKU (from the product's stock) and seller note. Order changes go to the server as events; the
// order shows them once the server's event comes back.
import { factName } from '@kefu/shared/scenario/fact-names';
import type { Fact, Product } from '@kefu/shared/scenario/schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../app/context.tsx';
import {
  discountMessage,
  inviteOrderMessage,
  recommendMessage,
  remindPaymentMessage,
} from '../conversation/action-texts.ts';
import type { OrderItem } from '../conversation/chat-item.ts';
import { orderItems } from '../conversation/entry.ts';
import type { OrderChange } from '../conversation/outgoing.ts';
import { Field } from '../forms/Field.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useCatalog, useConversations } from '../stores/index.ts';
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
          onChange={(change) => gateway.updateOrder(conversationId, { orderId: order.orderId, ...change })}
        />
      ))}
      <SalesTools conversationId={conversationId} orders={orders} disabled={closed} />
    </div>
  );
}

/** A discount and a recommendation: cards in the chat that change what the buyer pays or buys. */
function SalesTools({
  conversationId,
  orders,
  disabled,
}: {
  conversationId: string;
  orders: OrderItem[];
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { gateway } = useServices();
  const allowed = useConversations((s) => s.byId[conversationId]?.view.maxDiscount ?? 0);
  const asked = useConversations(useShallow((s) => s.byId[conversationId]?.view.products ?? []));
  const catalog = useCatalog((s) => s.products);
  const [amount, setAmount] = useState('');
  const [product, setProduct] = useState('');
  const latest = orders[orders.length - 1];
  // 改价 changes the unpaid order's price; otherwise the buyer gets a coupon for the order to come.
  const repricing = latest !== undefined && latest.paidAt === null;
  const value = Number(amount);
  const valid = amount.trim() !== '' && value > 0 && Math.round(value * 100) === value * 100;
  const related = Object.values(catalog).filter((p) => !asked.includes(p.id));
  return (
    <section className="sales-tools" aria-labelledby={`sales-${conversationId}`}>
      <h3 id={`sales-${conversationId}`}>{t('side.salesTools')}</h3>
      <form
        className="order-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          gateway.send(conversationId, discountMessage(value, repricing));
          setAmount('');
        }}
      >
        <Field label={t('side.discountAmount')} hint={t('side.allowedConcession', { amount: allowed })}>
          {(control) => (
            <input
              {...control}
              type="number"
              min="0.01"
              step="0.01"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
            />
          )}
        </Field>
        {valid && value > allowed ? (
          <p className="form-warning" role="status">
            {t('side.overConcession', { amount: allowed })}
          </p>
        ) : null}
        <button type="submit" className="secondary" disabled={disabled || !valid}>
          {repricing ? t('side.reprice') : t('side.coupon')}
        </button>
      </form>
      {related.length > 0 ? (
        <form
          className="order-form"
          onSubmit={(e) => {
            e.preventDefault();
            const chosen = catalog[product];
            if (!chosen) return;
            gateway.send(conversationId, recommendMessage(chosen));
            setProduct('');
          }}
        >
          <Field label={t('side.recommendProduct')}>
            {(control) => (
              <select {...control} value={product} onChange={(e) => setProduct(e.target.value)}>
                <option value="">{t('side.choose')}</option>
                {related.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ¥{p.price}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="secondary" disabled={disabled || product === ''}>
            {t('side.recommend')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function OrderPanel({
  order,
  onRemind,
  onChange,
  disabled,
}: {
  order: OrderItem;
  onRemind: () => void;
  onChange: (change: OrderChange) => Promise<{ ok: true } | { ok: false; error: string }>;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const catalog = useCatalog((s) => s.products);
  const product = catalog[order.product];
  const [editing, setEditing] = useState<'address' | 'sku' | null>(null);
  const paid = order.paidAt !== null;
  const toggle = (form: 'address' | 'sku') => setEditing((open) => (open === form ? null : form));
  return (
    <section className="order-panel" aria-label={`${t('card.order')} ${order.orderNo ?? order.orderId}`}>
      <div className="order-card-head">
        <span>{product?.name ?? order.product}</span>
        <span className={`order-status ${paid ? 'paid' : 'unpaid'}`}>
          {paid ? t('card.paid') : t('card.unpaid')}
        </span>
      </div>
      <dl className="order-facts">
        {order.orderNo ? (
          <>
            <dt>{t('side.orderNo')}</dt>
            <dd>{order.orderNo}</dd>
          </>
        ) : null}
        <dt>{t('side.sku')}</dt>
        <dd>{skuText(order.sku) || t('side.none')}</dd>
        <dt>{t('side.amount')}</dt>
        <dd>
          <strong className="price">{t('card.amount', { amount: order.amount })}</strong>{' '}
          <span className="muted">{t('card.quantity', { count: order.quantity })}</span>
        </dd>
        {order.added.length > 0 ? (
          <>
            <dt>{t('side.added')}</dt>
            <dd>{order.added.map((id) => catalog[id]?.name ?? id).join('、')}</dd>
          </>
        ) : null}
        <dt>{t('side.address')}</dt>
        <dd className="order-address">{order.address ?? t('side.none')}</dd>
        <dt>{t('side.sellerNote')}</dt>
        <dd>{order.note || t('side.none')}</dd>
        <dt>{t('side.shipping')}</dt>
        <dd>{paid ? t('side.toShip') : t('side.notShipped')}</dd>
        <dt>{t('side.orderedAt')}</dt>
        <dd>
          <time>{formatClock(order.at)}</time>
        </dd>
      </dl>
      <div className="order-actions">
        {!paid ? (
          <button type="button" className="primary-orange" onClick={onRemind} disabled={disabled}>
            {t('side.remindPayment')}
          </button>
        ) : null}
        <button
          type="button"
          className="secondary"
          onClick={() => toggle('address')}
          aria-expanded={editing === 'address'}
          disabled={disabled}
        >
          {t('side.changeAddress')}
        </button>
        {product && optionFacts(product).length > 0 ? (
          <button
            type="button"
            className="secondary"
            onClick={() => toggle('sku')}
            aria-expanded={editing === 'sku'}
            disabled={disabled}
          >
            {t('side.changeSku')}
          </button>
        ) : null}
      </div>
      {editing === 'address' && !disabled ? (
        <OrderChangeForm
          submitLabel={t('side.saveAddress')}
          initial={order.address ?? ''}
          onSubmit={(address) => onChange({ address })}
          onDone={() => setEditing(null)}
        >
          {(value, setValue) => (
            <Field label={t('side.address')}>
              {(control) => (
                <textarea {...control} value={value} rows={2} onChange={(e) => setValue(e.target.value)} />
              )}
            </Field>
          )}
        </OrderChangeForm>
      ) : null}
      {editing === 'sku' && product && !disabled ? (
        <OrderChangeForm
          submitLabel={t('side.saveSku')}
          initial=""
          onSubmit={(option) => onChange({ option })}
          onDone={() => setEditing(null)}
        >
          {(value, setValue) => (
            <Field label={t('side.newSku')}>
              {(control) => (
                <select {...control} value={value} onChange={(e) => setValue(e.target.value)}>
                  <option value="">{t('side.choose')}</option>
                  {optionFacts(product).map(([key, fact]) => (
                    <optgroup key={key} label={factName(key, fact, locale)}>
                      {fact.options.map((option) => (
                        <option
                          key={option.value}
                          value={option.value}
                          disabled={option.inStock === false || order.sku[key] === option.value}
                        >
                          {option.inStock === false
                            ? t('side.optionOutOfStock', { option: option.value })
                            : option.value}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
          )}
        </OrderChangeForm>
      ) : null}
      {disabled ? null : (
        <OrderChangeForm
          key={`note-${order.note ?? ''}`}
          submitLabel={t('side.saveNote')}
          initial={order.note ?? ''}
          onSubmit={(note) => onChange({ note })}
        >
          {(value, setValue) => (
            <Field label={t('side.sellerNote')}>
              {(control) => (
                <textarea {...control} value={value} rows={2} onChange={(e) => setValue(e.target.value)} />
              )}
            </Field>
          )}
        </OrderChangeForm>
      )}
    </section>
  );
}

/** One order change: a field, a submit button busy while the server decides, its refusal shown as said. */
function OrderChangeForm({
  submitLabel,
  initial,
  onSubmit,
  onDone,
  children,
}: {
  submitLabel: string;
  initial: string;
  onSubmit: (value: string) => Promise<{ ok: true } | { ok: false; error: string }>;
  onDone?: () => void;
  children: (value: string, setValue: (value: string) => void) => React.ReactNode;
}) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trimmed = value.trim();
  return (
    <form
      className="order-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy || trimmed === '' || trimmed === initial) return;
        setBusy(true);
        setError(null);
        const result = await onSubmit(trimmed);
        setBusy(false);
        if (result.ok) onDone?.();
        else setError(result.error);
      }}
    >
      {children(value, setValue)}
      <FormError error={error} />
      <button type="submit" className="secondary" disabled={busy || trimmed === '' || trimmed === initial}>
        {submitLabel}
      </button>
    </form>
  );
}

type OptionsFact = Extract<Fact, { kind: 'options' }>;

/** The product's choosable facts (colour, size…): what an order's SKU is made of. */
function optionFacts(product: Product): [string, OptionsFact][] {
  return Object.entries(product.facts).filter(
    (entry): entry is [string, OptionsFact] => entry[1].kind === 'options',
  );
}

const skuText = (sku: Record<string, string>) => Object.values(sku).join(' · ');
