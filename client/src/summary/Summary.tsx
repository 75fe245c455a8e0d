// End-of-practice summary: the reports of the practice's conversations, fetched once they have ended.
import type { ConversationReportResponse } from '@kefu/shared/protocol';
import { roundTo1 } from '@kefu/shared/scoring/format';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/context.tsx';
import { TopBar } from '../app/TopBar.tsx';
import { useCatalogLoader } from '../app/use-catalog.ts';
import { FormError } from '../forms/FormError.tsx';
import { errorMessage } from '../forms/use-submit.ts';
import { useConversations, useStores } from '../stores/index.ts';
import { ConversationSummary } from './ConversationSummary.tsx';
import { ScoreGauge } from './MetricBar.tsx';

type Loaded = { id: string; data?: ConversationReportResponse; error?: string };

export default function Summary({ conversationIds }: { conversationIds: string[] }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const [loaded, setLoaded] = useState<Loaded[] | null>(null);
  useCatalogLoader();
  const stillOpen = useConversations((s) => s.ids.some((id) => !s.byId[id]?.ended));

  useEffect(() => {
    let live = true;
    Promise.all(
      conversationIds.map((id) =>
        api.reports.conversation({ params: { id } }).then(
          (data): Loaded => ({ id, data }),
          (err: unknown): Loaded => ({ id, error: errorMessage(err, t('summary.loadFailed')) }),
        ),
      ),
    ).then((all) => live && setLoaded(all));
    return () => {
      live = false;
    };
  }, [conversationIds, api, t]);

  // Abandoned conversations are not graded: they make no part of the overall score.
  const scores =
    loaded?.flatMap((l) => (l.data && !l.data.report.abandoned ? [l.data.report.score] : [])) ?? [];
  const overall = scores.length ? roundTo1(scores.reduce((a, b) => a + b, 0) / scores.length) : null;

  return (
    <div className="page">
      <TopBar title={t('summary.title')}>
        {stillOpen ? (
          <button
            type="button"
            className="topbar-button"
            onClick={() => stores.session.getState().go({ name: 'workbench' })}
          >
            {t('summary.backToWorkbench')}
          </button>
        ) : null}
        <button type="button" className="topbar-button" onClick={() => stores.session.getState().goHome()}>
          {t('summary.backHome')}
        </button>
      </TopBar>
      <div className="summary">
        <h1>{t('summary.title')}</h1>
        {loaded === null ? <p className="muted">{t('app.loading')}</p> : null}
        {overall !== null && scores.length > 1 ? (
          <div className="overall">
            <ScoreGauge score={overall} label={t('summary.overall')} />
            <strong>{t('summary.overall')}</strong>
          </div>
        ) : null}
        {loaded?.map((l) =>
          l.data ? (
            <ConversationSummary key={l.id} data={l.data} />
          ) : (
            <FormError key={l.id} error={l.error} />
          ),
        )}
      </div>
    </div>
  );
}
