// Buyer profile: returning-customer badge, membership, earlier orders (from the scenario's persona).
import { useTranslation } from 'react-i18next';
import { useCatalog, useConversations } from '../stores/index.ts';
import { Avatar } from './Avatar.tsx';

export function ProfileTab({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const buyer = useConversations((s) => s.byId[conversationId]?.view.buyer);
  const products = useCatalog((s) => s.products);
  if (!buyer) return null;
  return (
    <div className="profile">
      <div className="profile-head">
        <Avatar name={buyer.name} src={buyer.avatar} size={48} />
        <div>
          <div className="profile-name">{buyer.name}</div>
          {buyer.returning ? (
            <span className="tag tag-orange">{t('side.returning')}</span>
          ) : (
            <span className="tag">{t('side.newCustomer')}</span>
          )}
        </div>
      </div>
      <dl className="facts">
        <dt>{t('side.membership')}</dt>
        <dd>{buyer.membership ?? t('side.noMembership')}</dd>
      </dl>
      <h3>{t('side.orderHistory')}</h3>
      {buyer.orders.length === 0 ? (
        <p className="empty">{t('side.noHistory')}</p>
      ) : (
        <ul className="history">
          {buyer.orders.map((order) => (
            <li key={`${order.date}-${order.product}-${order.amount}`}>
              <span>{products[order.product]?.name ?? order.product}</span>
              <span className="muted">{order.date}</span>
              <span className="price">¥{order.amount}</span>
              <span className="muted">{order.status}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
