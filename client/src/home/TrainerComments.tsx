// What the student's instructor and enterprise mentor wrote about them (their evaluations), newest first.
import type { EvaluationView } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useTranslation } from 'react-i18next';

export function TrainerComments({ evaluations }: { evaluations: readonly EvaluationView[] }) {
  const { t, i18n } = useTranslation();
  const theirs = evaluations.filter((e) => e.kind !== 'self').sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section className="home-section" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('home.commentsTitle')}</h2>
      {theirs.length === 0 ? <p className="empty">{t('home.commentsEmpty')}</p> : null}
      <EvaluationList evaluations={theirs} locale={i18n.language} />
    </section>
  );
}

/** Evaluations as a list: who (as what), when, the score and the comment. */
export function EvaluationList({
  evaluations,
  locale,
}: {
  evaluations: readonly EvaluationView[];
  locale: string;
}) {
  const { t } = useTranslation();
  if (evaluations.length === 0) return null;
  return (
    <ul className="comments">
      {evaluations.map((e) => (
        <li key={e.id} className="comment">
          <p className="comment-head">
            <strong>
              {t('home.commentBy', { kind: t(`home.evaluationKind.${e.kind}`), name: e.authorName })}
            </strong>
            <span className="muted">{new Date(e.createdAt).toLocaleDateString(locale)}</span>
            <span className="tag">{t('home.score', { score: formatScore(e.score) })}</span>
          </p>
          {e.comment ? <p className="comment-text">{e.comment}</p> : null}
        </li>
      ))}
    </ul>
  );
}
