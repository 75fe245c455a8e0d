// The workbench (接待台): conversation list, chat, buyer details; keyboard-first through action records.
// On a phone (≤ 640 px) the three panes are views switched by a bar under the top bar: list → chat → panel.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { TopBar } from '../app/TopBar.tsx';
import { useCatalogLoader } from '../app/use-catalog.ts';
import { handleKey } from '../keyboard/actions.ts';
import { useConversations, useStores, useUi } from '../stores/index.ts';
import { ChatPane } from './ChatPane.tsx';
import { ConnectionNotice } from './ConnectionNotice.tsx';
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
  // No buyer has walked in yet (a conversation may be known before its buyer arrives): nothing to pick.
  const noBuyers = useConversations((s) => !s.ids.some((id) => s.byId[id]?.arrived));
  const allEnded = useConversations((s) => s.ids.length > 0 && s.ids.every((id) => s.byId[id]?.ended));
  const chosenView = useUi((s) => s.phoneView);
  const phoneView = activeId ? chosenView : 'list';
  const setPhoneView = stores.ui.getState().setPhoneView;

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
    <div className="workbench" data-phone-view={phoneView}>
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
          className="topbar-button topbar-shortcuts"
          aria-keyshortcuts="F1"
          onClick={() => stores.ui.getState().setHelp(true)}
        >
          {t('workbench.shortcuts')}
        </button>
      </TopBar>
      {phoneView === 'list' ? null : (
        <nav className="phone-nav" aria-label={t('workbench.phoneNav')}>
          <button
            type="button"
            className="secondary"
            onClick={() => setPhoneView(phoneView === 'panel' ? 'chat' : 'list')}
          >
            {phoneView === 'panel' ? t('workbench.phoneBackToChat') : t('workbench.phoneBackToList')}
          </button>
          {phoneView === 'chat' ? (
            <button type="button" className="secondary" onClick={() => setPhoneView('panel')}>
              {t('workbench.phonePanel')}
            </button>
          ) : null}
        </nav>
      )}
      <ConnectionNotice />
      <div className="workbench-body">
        <ConversationList />
        {activeId ? (
          <>
            <ChatPane conversationId={activeId} />
            <SidePanel conversationId={activeId} />
          </>
        ) : (
          <main className="chat chat-empty">
            <p className="empty">{t(noBuyers ? 'workbench.noBuyersYet' : 'workbench.selectConversation')}</p>
          </main>
        )}
      </div>
      <ShortcutsHelp />
    </div>
  );
}
