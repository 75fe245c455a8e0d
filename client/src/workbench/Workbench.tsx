// The workbench (接待台): conversation list, chat, buyer details; keyboard-first through action records.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { TopBar } from '../app/TopBar.tsx';
import { useCatalogLoader } from '../app/use-catalog.ts';
import { handleKey } from '../keyboard/actions.ts';
import { useConversations, useStores } from '../stores/index.ts';
import { ChatPane } from './ChatPane.tsx';
import { ConversationList } from './ConversationList.tsx';
import { DrillBanner } from './DrillBanner.tsx';
import { EndPractice } from './EndPractice.tsx';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { SidePanel } from './SidePanel.tsx';

export function Workbench() {
  const { t } = useTranslation();
  const stores = useStores();
  const { gateway } = useServices();
  const activeId = useConversations((s) => s.activeId);
  const allEnded = useConversations((s) => s.ids.length > 0 && s.ids.every((id) => s.byId[id]?.ended));

  useCatalogLoader();
  // Opening the workbench fetches the open conversations (a practice just started, a drill joined).
  useEffect(() => {
    gateway.sync();
  }, [gateway]);

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      handleKey({ stores }, e);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [stores]);

  return (
    <div className="workbench">
      <button type="button" className="skip-link" onClick={() => stores.ui.getState().focusComposer()}>
        {t('app.skipToComposer')}
      </button>
      <TopBar title={t('app.workbench')}>
        <DrillBanner />
        <button type="button" className="topbar-button" onClick={() => stores.session.getState().goHome()}>
          {t('workbench.back')}
        </button>
        <EndPractice />
        <button
          type="button"
          className="topbar-button accent"
          disabled={!allEnded}
          title={allEnded ? undefined : t('workbench.summaryLocked')}
          onClick={() =>
            stores.session
              .getState()
              .go({ name: 'summary', conversationIds: stores.conversations.getState().ids })
          }
        >
          {t('workbench.summary')}
        </button>
        <button
          type="button"
          className="topbar-button"
          aria-keyshortcuts="F1"
          onClick={() => stores.ui.getState().setHelp(true)}
        >
          {t('workbench.shortcuts')}
        </button>
      </TopBar>
      <div className="workbench-body">
        <ConversationList />
        {activeId ? (
          <>
            <ChatPane conversationId={activeId} />
            <SidePanel conversationId={activeId} />
          </>
        ) : (
          <main className="chat chat-empty">
            <p className="empty">{t('workbench.selectConversation')}</p>
          </main>
        )}
      </div>
      <ShortcutsHelp />
    </div>
  );
}
