// The right pane: the buyer's profile, the product knowledge from the catalogue, and their orders.
import { type KeyboardEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { type SideTab, useStores, useUi } from '../stores/index.ts';
import { OrdersTab } from './OrdersTab.tsx';
import { ProductTab } from './ProductTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';

const TABS: SideTab[] = ['profile', 'product', 'orders'];

export function SidePanel({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const stores = useStores();
  const tab = useUi((s) => s.sideTab);
  const baseId = useId();

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const index = TABS.indexOf(tab);
    const next = TABS[(index + (e.key === 'ArrowRight' ? 1 : -1) + TABS.length) % TABS.length]!;
    stores.ui.getState().setSideTab(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  }

  return (
    <aside className="side-panel" aria-label={t('side.tabs')}>
      <div className="tabs" role="tablist" aria-label={t('side.tabs')} onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`${baseId}-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className={tab === name ? 'tab active' : 'tab'}
            onClick={() => stores.ui.getState().setSideTab(name)}
          >
            {t(`side.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="tab-panel"
        id={`${baseId}-panel`}
        role="tabpanel"
        aria-labelledby={`${baseId}-tab-${tab}`}
      >
        {tab === 'profile' ? <ProfileTab conversationId={conversationId} /> : null}
        {tab === 'product' ? <ProductTab conversationId={conversationId} /> : null}
        {tab === 'orders' ? <OrdersTab conversationId={conversationId} /> : null}
      </div>
    </aside>
  );
}
