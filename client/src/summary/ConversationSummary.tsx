// One conversation's report: score, metrics against the benchmarks, dimension bars, and every violation
// with its plain explanation, linked to the message in the transcript it points at.
import type { ConversationReportResponse, EventEnvelope } from '@kefu/shared/protocol';
import { factStatement } from '@kefu/shared/scenario/fact-names';
import { explainViolation, type FactWords, type Locale } from '@kefu/shared/scoring/explain';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatItem } from '../conversation/chat-item.ts';
import { applyEnvelopes, createEntry } from '../conversation/entry.ts';
import { useCatalog } from '../stores/index.ts';
import { MessageRow } from '../workbench/MessageRow.tsx';
import { MetricBar, ScoreGauge } from './MetricBar.tsx';

/** Spec §3 defaults; the report does not carry the rubric's thresholds. */
const FIRST_RESPONSE_BENCHMARK = 3;
const RESPONSE_BENCHMARK = 30;

function isEnvelope(e: unknown): e is EventEnvelope {
  return !!e && typeof e === 'object' && 'prevSeq' in e && 'event' in e;
}

function transcriptOf(data: ConversationReportResponse): ChatItem[] {
  // Replayed as given: the report's log is complete, so gaps in seq are hidden events, not losses.
  const visible: EventEnvelope[] = (data.events as readonly unknown[]).filter(isEnvelope);
  const envelopes = visible.map((e, i) => ({ ...e, prevSeq: i === 0 ? 0 : visible[i - 1]!.seq }));
  return applyEnvelopes(createEntry(data.conversation), envelopes).entry.items;
}

export function messageIdOf(violation: { messageId?: string; detail?: unknown }): string | undefined {
  if (violation.messageId) return violation.messageId;
  const detail = violation.detail as { messageId?: unknown } | undefined;
  return typeof detail?.messageId === 'string' ? detail.messageId : undefined;
}

export function ConversationSummary({ data }: { data: ConversationReportResponse }) {
  const { t, i18n } = useTranslation();
  const { report, conversation } = data;
  const items = useMemo(() => transcriptOf(data), [data]);
  const [highlight, setHighlight] = useState<string | null>(null);
  const m = report.metrics;
  const seconds = (v: number) => t('summary.seconds', { value: Math.round(v * 10) / 10 });
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const products = useCatalog((s) => s.products);
  /** `soothing-cream.shelf-life` → 保质期3年: catalogue references in words a student knows. */
  const words: FactWords = (ref) => factStatement(products, ref, locale);

  function show(messageId: string) {
    setHighlight(messageId);
    const rows = document
      .getElementById(`summary-${conversation.id}`)
      ?.querySelectorAll<HTMLElement>('[data-message-id]');
    const el = Array.from(rows ?? []).find((row) => row.dataset.messageId === messageId);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  return (
    <article
      className="summary-card"
      id={`summary-${conversation.id}`}
      aria-labelledby={`title-${conversation.id}`}
    >
      <header className="summary-head">
        <ScoreGauge score={report.score} label={t('summary.score')} />
        <div>
          <h2 id={`title-${conversation.id}`}>
            {conversation.buyer.name} · {conversation.scenarioTitle}
          </h2>
          <p>
            {t('summary.outcome')}
            {t('app.colon')}
            <strong>{t(`summary.outcomes.${m.outcome}`)}</strong> · {t('summary.orderAmount')} ¥
            {m.orderAmount} · {t('summary.reminders')} {m.remindersSent} · {t('summary.phraseUses')}{' '}
            {m.phraseUses}
          </p>
        </div>
      </header>
      <div className="summary-grid">
        <section aria-label={t('summary.metrics')}>
          <h3>{t('summary.metrics')}</h3>
          <MetricBar
            label={t('summary.firstResponse')}
            value={m.firstResponseSeconds}
            benchmark={FIRST_RESPONSE_BENCHMARK}
            format={seconds}
            benchmarkLabel={t('summary.benchmark', { value: seconds(FIRST_RESPONSE_BENCHMARK) })}
          />
          <MetricBar
            label={t('summary.averageResponse')}
            value={m.averageResponseSeconds}
            benchmark={RESPONSE_BENCHMARK}
            format={seconds}
            benchmarkLabel={t('summary.benchmark', { value: seconds(RESPONSE_BENCHMARK) })}
          />
          <MetricBar
            label={t('summary.maxResponse')}
            value={m.maxResponseSeconds}
            benchmark={RESPONSE_BENCHMARK}
            format={seconds}
            benchmarkLabel={t('summary.benchmark', { value: seconds(RESPONSE_BENCHMARK) })}
          />
          <MetricBar
            label={t('summary.within3Min')}
            value={m.within3MinRate === null ? null : m.within3MinRate * 100}
            benchmark={100}
            max={100}
            lowerIsBetter={false}
            format={(v) => `${Math.round(v)}%`}
            benchmarkLabel={t('summary.benchmark', { value: '100%' })}
          />
        </section>
        <section aria-label={t('summary.dimensions')}>
          <h3>{t('summary.dimensions')}</h3>
          {report.dimensions.map((d) => (
            <MetricBar
              key={d.id}
              label={t(`summary.dimension.${d.id}`, { defaultValue: d.id })}
              value={d.score * 100}
              max={100}
              lowerIsBetter={false}
              format={(v) => `${Math.round(v)}%`}
              benchmarkLabel={t('summary.weight', { value: Math.round(d.weight) })}
            />
          ))}
        </section>
      </div>
      <section aria-label={t('summary.violations')}>
        <h3>{t('summary.violations')}</h3>
        {report.violations.length === 0 ? <p className="good">{t('summary.noViolations')}</p> : null}
        <ol className="violations">
          {report.violations.map((v, index) => {
            const messageId = messageIdOf(v);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a report's violations are fixed and never reorder
              <li key={index} className="violation" data-rule={v.rule}>
                <span className="tag tag-red">{t(`rules.${v.rule}`, { defaultValue: v.rule })}</span>
                <span className="muted">
                  {t('summary.atSeconds', { value: Math.round(v.atSeconds * 10) / 10 })}
                </span>
                <p>{explainViolation(v.rule, v.detail ?? {}, locale, words) || v.message}</p>
                {messageId ? (
                  <button type="button" className="link-button" onClick={() => show(messageId)}>
                    {t('summary.showMessage')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-label={t('summary.transcript')}>
        <h3>{t('summary.transcript')}</h3>
        <div className="transcript">
          {items.map((item) => (
            <MessageRow
              key={item.key}
              item={item}
              buyerName={conversation.buyer.name}
              highlighted={'id' in item && item.id === highlight}
            />
          ))}
        </div>
      </section>
    </article>
  );
}
