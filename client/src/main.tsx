// Browser entry: build the stores and services once, then render the app in Simplified Chinese (or the
// language chosen last time).
import './app/no-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { describeError } from './api/error-text.ts';
import { createApi } from './api/http.ts';
import { App } from './app/App.tsx';
import { createTicker } from './app/clock.ts';
import { AppProviders } from './app/context.tsx';
import { createLiveGateway } from './app/live.ts';
import { reloadOnStaleBuild } from './app/stale-build.ts';
import { i18n, initI18n } from './i18n/index.ts';
import { createStores } from './stores/index.ts';
import { createAlerts } from './workbench/alerts.ts';
import './styles.css';

function sessionStorageOrNothing(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  reloadOnStaleBuild(window, sessionStorageOrNothing());
  await initI18n();
  const stores = createStores({ draftStorage: sessionStorageOrNothing() });
  const api = createApi({ describe: (error) => describeError(i18n.t, error) });
  const alerts = createAlerts(document);
  const gateway = createLiveGateway(stores, {
    api,
    onBuyerMessage(conversationId) {
      const name = stores.conversations.getState().byId[conversationId]?.view.buyer.name ?? '';
      alerts.buyerWrote(i18n.t('workbench.newMessageTitle', { name }));
    },
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppProviders stores={stores} services={{ api, gateway, ticker: createTicker() }}>
          <App />
        </AppProviders>
      </I18nextProvider>
    </StrictMode>,
  );
}

void main();
