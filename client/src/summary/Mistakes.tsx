// Every mistake of a reception, explained in words, with what should have been: the student's reply beside
// what the model answer said at that point, and the right facts (信息错误, 答非所问, 回避问题).
import type { AdviceView, AppealView, ReportView } from '@kefu/shared/protocol';
import { factStatement } from '@kefu/shared/scenario/fact-names';
import { explainViolation, type FactWords, type Locale } from '@kefu/shared/scoring/explain';
import { useTranslation } from 'react-i18next';
import { useCatalog } from '../stores/index.ts';
import { AppealBox, appealFor, Overturned } from './Appeal.tsx';

export function messageIdOf(violation: { messageId?: string; detail?: unknown }): string | undefined {
  if (violation.messageId) return violation.messageId;
  const detail = violation.detail as { messageId?: unknown } | undefined;
  return typeof detail?.messageId === 'string' ? detail.messageId : undefined;
}

export function Mistakes({
  conversationId,
  report,
  advice,
  appeals,
  onAppealed,
  onShow,
}: {
  conversationId: string;
  report: ReportView;
  advice: readonly AdviceView[];
  /** This conversation's appeals; a violation without one can be appealed. */
  appeals: readonly AppealView[];
  onAppealed: (appeal: AppealView) => void;
  /** Scrolls the transcript to the message a mistake points at. */
  onShow: (messageId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const products = useCatalog((s) => s.products);
  /** `soothing-cream.shelf-life` → 保质期3年: catalogue references in words a student knows. */
  const words: FactWords = (ref) => factStatement(products, ref, locale);
  const adviceFor = new Map(advice.map((a) => [a.violation, a]));

  return (
    <section aria-label={t('summary.violations')}>
      <h3>{t('summary.violations')}</h3>
      {report.violations.length === 0 ? <p className="good">{t('summary.noViolations')}</p> : null}
      <ol className="violations">
        {report.violations.map((v, index) => {
          const messageId = messageIdOf(v);
          const help = adviceFor.get(index);
          const facts = (help?.facts ?? []).map(words).filter((f): f is string => f !== null);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a report's violations are fixed and never reorder
            <li key={index} className="violation" data-rule={v.rule}>
              <span className="tag tag-red">{t(`rules.${v.rule}`)}</span>
              <span className="muted">
                {t('summary.atSeconds', { value: Math.round(v.atSeconds * 10) / 10 })}
              </span>
              <p>{explainViolation(v.rule, v.detail ?? {}, locale, words) || v.message}</p>
              {help && (help.reply !== null || help.model.length > 0) ? (
                <div className="advice">
                  <div className="advice-side">
                    <h4>{t('summary.yourReply')}</h4>
                    <p>{help.reply ?? t('summary.noReply')}</p>
                  </div>
                  <div className="advice-side advice-model">
                    <h4>{t('summary.modelAnswer')}</h4>
                    {help.model.length > 0 ? (
                      help.model.map((line, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the model's lines are fixed
                        <p key={i}>{line}</p>
                      ))
                    ) : (
                      <p className="muted">{t('summary.noModel')}</p>
                    )}
                  </div>
                </div>
              ) : null}
              {facts.length > 0 ? (
                <p className="advice-facts">
                  {t('summary.correctFacts')}
                  {t('app.colon')}
                  {facts.join(t('app.comma'))}
                </p>
              ) : null}
              {messageId ? (
                <button type="button" className="link-button" onClick={() => onShow(messageId)}>
                  {t('summary.showMessage')}
                </button>
              ) : null}
              <AppealBox
                conversationId={conversationId}
                violationKey={v.key}
                appeal={appealFor(appeals, v.key)}
                onAppealed={onAppealed}
              />
            </li>
          );
        })}
      </ol>
      <Overturned report={report} appeals={appeals} words={words} />
    </section>
  );
}
