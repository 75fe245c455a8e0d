// The left pane: every conversation, longest-waiting first, each row subscribing to its own entry only.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { sortConversationIds } from '../conversation/sort.ts';
import { useConversations, usePractice, useStores } from '../stores/index.ts';
import { Avatar } from './Avatar.tsx';
import { WaitTimer } from './WaitTimer.tsx';

export function ConversationList() {
  const { t } = useTranslation();
  const ids = useConversations(useShallow((s) => sortConversationIds(s.ids, s.byId)));
  // Buyers are on their way in a practice started or a drill joined (this tab remembers which), or when
  // conversations are known whose buyer has not walked in yet (试玩, a random mix's later arrivals); a
  // workbench opened with none of these (a new tab after the drill ended) says so instead of waiting forever.
  const known = useConversations((s) => s.ids.length > 0);
  const practising = usePractice((s) => s.drillId !== null || s.conversationIds.length > 0);
  const expecting = known || practising;
  return (
    <nav className="conv-list" aria-label={t('workbench.conversations')}>
      <h2 className="pane-title">{t('workbench.conversations')}</h2>
      {ids.length === 0 && expecting ? <p className="empty">{t('workbench.noConversations')}</p> : null}
      {ids.length === 0 && !expecting ? <NothingOpen /> : null}
      {ids.length === 0 ? null : (
        <ul>
          {ids.map((id, index) => (
            <ConversationRow key={id} id={id} index={index} />
          ))}
        </ul>
      )}
    </nav>
  );
}

function NothingOpen() {
  const { t } = useTranslation();
  const stores = useStores();
  return (
    <div className="empty nothing-open" role="status">
      <p>{t('workbench.nothingOpen')}</p>
      <button type="button" className="secondary" onClick={() => stores.session.getState().goHome()}>
        {t('workbench.back')}
      </button>
    </div>
  );
}

function ConversationRow({ id, index }: { id: string; index: number }) {
  const { t } = useTranslation();
  const entry = useConversations((s) => s.byId[id]);
  const active = useConversations((s) => s.activeId === id);
  const stores = useStores();
  if (!entry) return null;
  const { view, unread, waitingSince, preview, ended, left } = entry;
  return (
    <li>
      <button
        type="button"
        className={`conv-row${active ? ' active' : ''}${ended || left ? ' done' : ''}`}
        aria-current={active ? 'true' : undefined}
        data-conversation-id={id}
        onClick={() => {
          stores.conversations.getState().setActive(id);
          // On a phone, choosing a buyer opens their chat in place of the list.
          stores.ui.getState().setPhoneView('chat');
          stores.ui.getState().focusComposer();
        }}
        title={index < 9 ? `Alt+${index + 1}` : undefined}
      >
        <Avatar name={view.buyer.name} src={view.buyer.avatar} />
        <span className="conv-main">
          <span className="conv-top">
            <span className="conv-name">{view.buyer.name}</span>
            {waitingSince !== null && !ended ? (
              <WaitTimer since={waitingSince} benchmarks={view.benchmarks} />
            ) : null}
            {ended || left ? (
              <span className="conv-state">{left ? t('workbench.left') : t('workbench.ended')}</span>
            ) : null}
          </span>
          <span className="conv-preview">{preview || view.scenarioTitle}</span>
        </span>
        {unread > 0 ? (
          <span className="badge">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span className="sr-only">{t('workbench.unread', { count: unread })}</span>
          </span>
        ) : null}
      </button>
    </li>
  );
}
