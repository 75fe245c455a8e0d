// The student's ended receptions, newest first: score (written the one way scores are written), or 已放弃
// for a practice they ended themselves, which is not graded.
import type { ConversationScore } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useTranslation } from 'react-i18next';
import { FormError } from '../forms/FormError.tsx';
import { useStores } from '../stores/index.ts';

export function MyReports({
  conversations,
  error,
}: {
  conversations: readonly ConversationScore[] | null;
  error: string | null;
}) {
  const { t, i18n } = useTranslation();
  const stores = useStores();
  const ended = (conversations ?? [])
    .filter((c) => c.status === 'ended')
    .sort((a, b) => b.startedAt - a.startedAt);
  return (
    <section className="home-section" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('home.reportsTitle')}</h2>
      <FormError error={error} />
      {conversations !== null && ended.length === 0 ? (
        <p className="empty">{t('home.reportsEmpty')}</p>
      ) : null}
      <ul className="list my-reports">
        {ended.map((r) => (
          <li key={r.conversationId}>
            <span>{r.scenarioTitle}</span>
            <span className="muted">{new Date(r.startedAt).toLocaleString(i18n.language)}</span>
            {r.abandoned ? (
              <span className="tag tag-muted">{t('home.abandoned')}</span>
            ) : (
              <strong>{t('home.score', { score: formatScore(r.score) })}</strong>
            )}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                stores.session.getState().go({ name: 'summary', conversationIds: [r.conversationId] })
              }
            >
              {t('home.viewReport')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
