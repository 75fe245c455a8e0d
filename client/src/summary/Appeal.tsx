// 申诉 on a report: beside a violation, the student disputes it with one sentence, then sees it pending or
// the trainer's decision; violations overturned on appeal are listed apart with the original verdict.
import { MAX_APPEAL_CHARS } from '@kefu/shared/api/limits';
import type { AppealView, ReportView } from '@kefu/shared/protocol';
import { explainViolation, type FactWords, type Locale } from '@kefu/shared/scoring/explain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../api/route-links.ts';
import { useServices } from '../app/context.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSubmit } from '../forms/use-submit.ts';

/**
 * The appeal about a violation of the report: by the key the report gives it now (a re-score can rename a
 * violation; the server says which one each appeal is about), else by the key it was appealed under.
 */
export function appealFor(appeals: readonly AppealView[], key: string): AppealView | undefined {
  return appeals.find((a) => (a.reportKey ?? a.violation.key) === key);
}

/** Under one violation: its appeal's state, or the button and form to appeal it. */
export function AppealBox({
  conversationId,
  violationKey,
  appeal,
  onAppealed,
}: {
  conversationId: string;
  violationKey: string;
  appeal: AppealView | undefined;
  onAppealed(appeal: AppealView): void;
}) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const send = useSubmit(async () => {
    const { appeal: made } = await api.call(routes.appeals.create, {
      body: { conversationId, violationKey, reason },
    });
    setOpen(false);
    onAppealed(made);
  });

  if (appeal) return <AppealState appeal={appeal} locale={i18n.language} />;
  if (!open)
    return (
      <button type="button" className="link-button" onClick={() => setOpen(true)}>
        {t('appeal.start')}
      </button>
    );
  const id = `appeal-${violationKey}`;
  return (
    <form
      className="appeal-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim() === '') return send.fail(t('appeal.reasonRequired'));
        void send.run();
      }}
    >
      <label htmlFor={id}>{t('appeal.reasonLabel')}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={MAX_APPEAL_CHARS}
        value={reason}
        placeholder={t('appeal.reasonPlaceholder')}
        onChange={(e) => setReason(e.target.value)}
      />
      <p className="muted small">{t('appeal.count', { n: reason.length, max: MAX_APPEAL_CHARS })}</p>
      <FormError error={send.error} />
      <div className="appeal-actions">
        <button type="submit" className="primary" disabled={send.busy}>
          {t('appeal.submit')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('appeal.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Pending, or decided: who decided, when and why. */
export function AppealState({ appeal, locale }: { appeal: AppealView; locale: string }) {
  const { t } = useTranslation();
  return (
    <div className={`appeal-state appeal-${appeal.status}`}>
      <p>
        <span className={`tag ${appeal.status === 'overturned' ? 'tag-green' : 'tag-muted'}`}>
          {t(`appeal.status.${appeal.status}`)}
        </span>{' '}
        {t('appeal.yourReason')}
        {t('app.colon')}
        {appeal.reason}
      </p>
      {appeal.decision ? (
        <p>
          {t('appeal.decidedBy', {
            name: appeal.decision.by.displayName,
            date: new Date(appeal.decision.at).toLocaleDateString(locale),
          })}
          {t('app.colon')}
          {appeal.decision.note}
        </p>
      ) : null}
    </div>
  );
}

/** Violations overturned on appeal: the judge's original verdict, and the decision. They no longer count. */
export function Overturned({
  report,
  appeals,
  words,
}: {
  report: ReportView;
  appeals: readonly AppealView[];
  words: FactWords;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const overturned = report.overturned ?? [];
  if (overturned.length === 0) return null;
  return (
    <section aria-label={t('appeal.overturnedTitle')}>
      <h3>{t('appeal.overturnedTitle')}</h3>
      <p className="muted small">{t('appeal.overturnedNote')}</p>
      <ol className="violations">
        {overturned.map((v) => {
          const appeal = appealFor(appeals, v.key);
          return (
            <li key={v.key} className="violation violation-overturned" data-rule={v.rule}>
              <span className="tag tag-muted">{t(`rules.${v.rule}`)}</span>
              <span className="muted">
                {t('summary.atSeconds', { value: Math.round(v.atSeconds * 10) / 10 })}
              </span>
              <p>
                {t('appeal.original')}
                {t('app.colon')}
                <s>{explainViolation(v.rule, v.detail ?? {}, locale, words) || v.message}</s>
              </p>
              {appeal ? <AppealState appeal={appeal} locale={i18n.language} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
