// One conversation's report: score, metrics against the benchmarks, dimension bars, every mistake explained
// with what should have been (linked to the message it points at), the trainers' comments, the transcript.
// A practice the student ended (结束练习) is shown as abandoned: no score, only the transcript.
import type { AppealView, ConversationReportResponse, EventEnvelope } from '@kefu/shared/protocol';
import { explainOutcome } from '@kefu/shared/scoring/outcome-reason';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatItem } from '../conversation/chat-item.ts';
import { applyEnvelopes, createEntry } from '../conversation/entry.ts';
import { EvaluationList } from '../home/TrainerComments.tsx';
import { MessageRow } from '../workbench/MessageRow.tsx';
import { ScoreGauge } from './MetricBar.tsx';
import { Mistakes } from './Mistakes.tsx';
import { ReportMetrics } from './ReportMetrics.tsx';

function isEnvelope(e: unknown): e is EventEnvelope {
  return !!e && typeof e === 'object' && 'prevSeq' in e && 'event' in e;
}

function transcriptOf(data: ConversationReportResponse): ChatItem[] {
  // Replayed as given: the report's log is complete, so gaps in seq are hidden events, not losses.
  const visible: EventEnvelope[] = (data.events as readonly unknown[]).filter(isEnvelope);
  const envelopes = visible.map((e, i) => ({ ...e, prevSeq: i === 0 ? 0 : visible[i - 1]!.seq }));
  return applyEnvelopes(createEntry(data.conversation), envelopes).entry.items;
}

export function ConversationSummary({ data }: { data: ConversationReportResponse }) {
  const { t, i18n } = useTranslation();
  const { report, conversation } = data;
  const items = useMemo(() => transcriptOf(data), [data]);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [appeals, setAppeals] = useState<readonly AppealView[]>(data.appeals ?? []);
  const m = report.metrics;
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const comments = data.evaluations.filter((e) => e.kind !== 'self');

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
        {report.abandoned ? (
          <span className="tag tag-muted abandoned-tag">{t('summary.abandoned')}</span>
        ) : (
          <ScoreGauge score={report.score} label={t('summary.score')} />
        )}
        <div>
          <h2 id={`title-${conversation.id}`}>
            {conversation.buyer.name} · {conversation.scenarioTitle}
          </h2>
          {report.abandoned ? (
            <p>{t('summary.abandonedNote')}</p>
          ) : (
            <p>
              {t('summary.outcome')}
              {t('app.colon')}
              <strong>{t(`summary.outcomes.${m.outcome}`)}</strong> · {t('summary.orderAmount')} ¥
              {m.orderAmount} · {t('summary.reminders')} {m.remindersSent} · {t('summary.phraseUses')}{' '}
              {m.phraseUses}
            </p>
          )}
          {!report.abandoned && report.outcomeReason ? (
            // 已付款 beside an outcome of 0 reads as a contradiction unless it says the buyer brought the order.
            <p className="outcome-reason">{explainOutcome(report.outcomeReason, locale)}</p>
          ) : null}
        </div>
      </header>
      {report.abandoned ? null : (
        <>
          <ReportMetrics report={report} benchmarks={conversation.benchmarks} />
          <Mistakes
            conversationId={conversation.id}
            report={report}
            advice={data.advice}
            appeals={appeals}
            onAppealed={(appeal) => setAppeals((all) => [...all, appeal])}
            onShow={show}
          />
        </>
      )}
      {comments.length > 0 ? (
        <section aria-label={t('home.commentsTitle')}>
          <h3>{t('home.commentsTitle')}</h3>
          <EvaluationList evaluations={comments} locale={i18n.language} />
        </section>
      ) : null}
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
