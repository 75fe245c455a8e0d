// End-of-practice summary: the reports of the practice's conversations, fetched once they have ended.
import type { ConversationReportResponse } from '@kefu/shared/protocol';
import { aggregateStudent, type StudentMetrics } from '@kefu/shared/scoring/aggregate';
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

  // Abandoned conversations are not graded: they make no part of the overall score or the goals.
  const graded = loaded?.flatMap((l) => (l.data && !l.data.report.abandoned ? [l.data.report] : [])) ?? [];
  const scores = graded.map((report) => report.score);
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
        {graded.length > 0 ? <ReceptionGoals metrics={aggregateStudent(graded).metrics} /> : null}
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

/** The goals of reception over the practice: 询单转化率, 客单价, 三分钟回复率, 回头客留存. */
function ReceptionGoals({ metrics: m }: { metrics: StudentMetrics }) {
  const { t } = useTranslation();
  const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
  return (
    <section className="reception-goals" aria-labelledby="goals-title">
      <h2 id="goals-title">{t('summary.goals')}</h2>
      <dl className="goal-grid">
        <div>
          <dt>{t('summary.conversion')}</dt>
          <dd>
            {percent(m.conversionRate)}{' '}
            <span className="muted">{t('summary.inquiries', { count: m.inquiries })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('summary.orderValue')}</dt>
          <dd>
            {m.averageOrderAmount === null ? '—' : `¥${m.averageOrderAmount}`}
            {m.crossSellAmount > 0 ? (
              <span className="muted"> {t('summary.crossSell', { amount: m.crossSellAmount })}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('summary.within3Min')}</dt>
          <dd>{percent(m.within3MinRate)}</dd>
        </div>
        <div>
          <dt>{t('summary.returningKept')}</dt>
          <dd>{m.returningBuyers === 0 ? '—' : percent(m.returningKeptRate)}</dd>
        </div>
      </dl>
    </section>
  );
}
