// The middle pane: who we are talking to, the history, the typing indicator and the composer.
import { useTranslation } from 'react-i18next';
import { useCatalog, useConversations, useStores } from '../stores/index.ts';
import { Composer } from './Composer.tsx';
import { MessageList } from './MessageList.tsx';
import { TypingIndicator } from './TypingIndicator.tsx';

export function ChatPane({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const name = useConversations((s) => s.byId[conversationId]?.view.buyer.name ?? '');
  const title = useConversations((s) => s.byId[conversationId]?.view.scenarioTitle ?? '');
  const ended = useConversations((s) => s.byId[conversationId]?.ended ?? false);
  const stores = useStores();
  return (
    <main className="chat" aria-label={t('workbench.chatWith', { name })}>
      <div className="chat-head">
        <h2>{name}</h2>
        <span className="muted">{title}</span>
        <ViewedProducts conversationId={conversationId} />
      </div>
      {/* Remounted per conversation (fresh scroll position and virtualiser, fresh caret). The two keys must
          differ: siblings sharing one key leave the old history in the DOM next to the new one. */}
      <MessageList key={`history:${conversationId}`} conversationId={conversationId} />
      <TypingIndicator conversationId={conversationId} />
      {ended ? (
        <div className="chat-ended">
          <span>{t('workbench.endedBanner')}</span>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              stores.session.getState().go({ name: 'summary', conversationIds: [conversationId] })
            }
          >
            {t('workbench.viewReport')}
          </button>
        </div>
      ) : null}
      <Composer key={`composer:${conversationId}`} conversationId={conversationId} />
    </main>
  );
}

const NO_PRODUCTS: string[] = [];

/** The products the buyer came about, as Qianniu shows the item a buyer is looking at. */
function ViewedProducts({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const ids = useConversations((s) => s.byId[conversationId]?.view.products ?? NO_PRODUCTS);
  const products = useCatalog((s) => s.products);
  const shown = ids.flatMap((id) => (products[id] ? [products[id]] : []));
  if (shown.length === 0) return null;
  return (
    <ul className="chat-products" aria-label={t('workbench.viewing')}>
      {shown.map((product) => (
        <li key={product.id}>
          <span className="chat-product-name">{product.name}</span>{' '}
          <span className="price">¥{product.price}</span>
        </li>
      ))}
    </ul>
  );
}
