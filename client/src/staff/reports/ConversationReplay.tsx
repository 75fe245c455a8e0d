// Conversation report: the transcript on a timeline (replay it step by step or scrub), each violation
// annotated under the message it points at, and the scenario's model answer side by side.

import type { Violation } from '@kefu/shared';
import type { ConversationReportResponse } from '@kefu/shared/protocol';
import type { AgentScript } from '@kefu/shared/scenario/schema';
import { formatScore } from '@kefu/shared/scoring/format';
import { explainOutcome } from '@kefu/shared/scoring/outcome-reason';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { FormError } from '../../forms/FormError.tsx';
import { fmtNum, weightShares } from './format.ts';

export interface TimelineItem {
  key: string;
  seconds: number;
  type: string;
  who: 'buyer' | 'agent' | 'system';
  text: string;
  messageId?: string;
  violations: Violation[];
}

type AnyEvent = Record<string, unknown> & { type: string; at: number };

function eventsOf(res: ConversationReportResponse): AnyEvent[] {
  return res.events.map((e) => ('event' in e ? (e.event as AnyEvent) : (e as unknown as AnyEvent)));
}

/**
 * The visible timeline, seconds from the first buyer message; each violation sits under the message it
 * names (detail.messageId) or, failing that, under the last item at or before its time.
 */
export function buildTimeline(
  events: readonly AnyEvent[],
  violations: readonly Violation[],
  describe: (e: AnyEvent) => string,
): TimelineItem[] {
  const firstBuyer = events.find((e) => e.type === 'buyer-message')?.at ?? events[0]?.at ?? 0;
  const items: TimelineItem[] = [];
  events.forEach((e, i) => {
    if (e.type === 'buyer-typing' || e.type === 'reply-judged' || e.type === 'buyer-quiet') return;
    const who = e.type === 'buyer-message' ? 'buyer' : e.type === 'agent-message' ? 'agent' : 'system';
    items.push({
      key: `${i}`,
      seconds: (e.at - firstBuyer) / 1000,
      type: e.type,
      who,
      text: who === 'system' ? describe(e) : String(e.text ?? ''),
      messageId: typeof e.id === 'string' ? e.id : undefined,
      violations: [],
    });
  });
  for (const v of violations) {
    const id = v.detail.messageId;
    let target = id ? items.find((it) => it.messageId === id) : undefined;
    if (!target) {
      target = [...items].reverse().find((it) => it.seconds <= v.atSeconds + 0.001) ?? items[0];
    }
    if (target) target.violations.push(v);
    else
      items.push({
        key: `v${items.length}`,
        seconds: v.atSeconds,
        type: 'violation',
        who: 'system',
        text: '',
        violations: [v],
      });
  }
  return items;
}

function describeStep(
  step: AgentScript[number],
  t: (k: string, o?: Record<string, unknown>) => string,
  phraseOf: (idOrCode: string) => { title: string | undefined; text: string } | undefined,
): string {
  const s = step as Record<string, unknown>;
  if (typeof s.say === 'string') return s.say;
  if (typeof s.phrase === 'string') {
    // The phrase by its title and words; its id or code would mean nothing to a reader.
    const phrase = phraseOf(s.phrase);
    const label = phrase?.title ? t('replay.phraseStep', { title: phrase.title }) : t('replay.phraseUnnamed');
    return phrase ? `${label} ${phrase.text}` : label;
  }
  if (typeof s.action === 'string') return t(`replay.action.${s.action}`, { defaultValue: s.action });
  return '';
}

function keyedSteps(steps: AgentScript): { step: AgentScript[number]; key: string }[] {
  const seen = new Map<string, number>();
  return steps.map((step) => {
    const base = JSON.stringify(step);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { step, key: `${base}#${n}` };
  });
}

export function ConversationReplay({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation('staff');
  const { data, error } = useLoad(routes.reports.conversation, { params: { id: conversationId } });
  const catalog = useLoad(routes.scenarios.catalog);
  const phraseText = useMemo(() => {
    const byKey = new Map<string, { title: string | undefined; text: string }>();
    for (const lib of catalog.data?.phrases ?? []) {
      for (const group of lib.groups) {
        for (const p of group.phrases) {
          byKey.set(p.id, { title: p.title, text: p.text });
          if (p.code) byKey.set(p.code, { title: p.title, text: p.text });
        }
      }
    }
    return (key: string) => byKey.get(key);
  }, [catalog.data]);
  const scenario = useLoad(
    routes.scenarios.get,
    data ? { params: { id: data.conversation.scenarioId } } : null,
  );
  const [until, setUntil] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);

  const timeline = useMemo(() => {
    if (!data) return [];
    return buildTimeline(eventsOf(data), data.report.violations, (e) => {
      switch (e.type) {
        case 'order-placed':
          return t('replay.orderPlaced', { amount: e.amount });
        case 'order-paid':
          return t('replay.orderPaid');
        case 'buyer-left':
          return t('replay.buyerLeft');
        case 'ended':
          return t('replay.ended');
        case 'started':
          return t('replay.started');
        case 'order-updated': {
          const changes = [
            e.address === undefined ? null : t('replay.changeAddress', { value: e.address }),
            e.option === undefined ? null : t('replay.changeOption', { value: e.option }),
            e.note === undefined ? null : t('replay.changeNote', { value: e.note }),
          ].filter((c) => c !== null);
          return t('replay.orderUpdated', { change: changes.join(t('common.listSeparator')) });
        }
        case 'order-repriced':
          return t('replay.orderRepriced', { amount: e.amount, discount: e.discount });
        case 'order-item-added':
          return t('replay.orderItemAdded', { amount: e.amount });
        default:
          // Never the event's type: it is an id, not words.
          return t('replay.otherEvent');
      }
    });
  }, [data, t]);
  const end = timeline.length ? Math.max(0, ...timeline.map((i) => i.seconds)) : 0;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setUntil((u) => {
        const next = (u ?? 0) + 1;
        if (next >= end) {
          setPlaying(false);
          return null;
        }
        return next;
      });
    }, 250);
    return () => clearInterval(timer);
  }, [playing, end]);

  if (error) return <FormError error={error} />;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const { report, conversation } = data;
  const model = (scenario.data?.source as { modelAnswer?: AgentScript } | undefined)?.modelAnswer ?? [];
  const shown = until === null ? timeline : timeline.filter((i) => i.seconds <= until);

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <div>
          <h1>{t('replay.title', { title: conversation.scenarioTitle, buyer: conversation.buyer.name })}</h1>
          <p className="muted">
            {t('replay.meta', {
              score: formatScore(report.score),
              violations: report.violations.length,
            })}
          </p>
          {report.abandoned ? null : (
            <p className="replay-outcome">
              {t('replay.outcome', { outcome: t(`outcome.${report.metrics.outcome}`) })}
              {report.outcomeReason ? (
                // The paid order beside 成交结果 0: say the buyer brought it, and why the outcome is what it is.
                <span className="outcome-reason">
                  {explainOutcome(report.outcomeReason, i18n.language === 'en' ? 'en' : 'zh-CN')}
                </span>
              ) : null}
            </p>
          )}
        </div>
        <div className="staff-actions no-print">
          <button type="button" className="secondary" onClick={() => history.back()}>
            {t('common.back')}
          </button>
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('common.print')}
          </button>
        </div>
      </header>
      <div className="replay-controls no-print">
        <button
          type="button"
          className="primary"
          onClick={() => {
            if (!playing && until === null) setUntil(0);
            setPlaying((p) => !p);
          }}
        >
          {playing ? t('replay.pause') : t('replay.play')}
        </button>
        <label>
          {t('replay.scrub')}
          <input
            type="range"
            min={0}
            max={Math.ceil(end)}
            step={1}
            value={until ?? Math.ceil(end)}
            onChange={(e) => {
              setPlaying(false);
              const v = Number(e.target.value);
              setUntil(v >= end ? null : v);
            }}
          />
        </label>
        <span className="muted">
          {fmtNum(until ?? end)} s / {fmtNum(end)} s
        </span>
      </div>
      <div className="replay-grid">
        <section className="staff-card" aria-labelledby="transcript-title">
          <h2 id="transcript-title">{t('replay.transcript')}</h2>
          <ol className="timeline">
            {shown.map((item) => (
              <li key={item.key} className={`tl-item tl-${item.who}`}>
                <span className="tl-time">{fmtNum(item.seconds)} s</span>
                <div className="tl-body">
                  {item.text ? (
                    <p className="tl-text">
                      <span className="tl-who">{t(`replay.who.${item.who}`)}</span>
                      {item.text}
                    </p>
                  ) : null}
                  {item.violations.map((v) => (
                    <p key={`${v.rule}-${v.atSeconds}-${v.message}`} className="tl-violation" role="note">
                      <strong>{t(`rules.${v.rule}`)}</strong> · {fmtNum(v.atSeconds)} s：{v.message}
                    </p>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section className="staff-card" aria-labelledby="model-title">
          <h2 id="model-title">{t('replay.model')}</h2>
          {scenario.error ? <p className="form-error">{scenario.error}</p> : null}
          <ol className="model-steps">
            {keyedSteps(model).map(({ step, key }) => (
              <li key={key}>
                <span className="muted">
                  {t(`replay.wait.${(step as { wait?: string }).wait ?? 'reply'}`, {
                    after: (step as { after?: number }).after ?? 1,
                  })}
                </span>
                <p>{describeStep(step, t, phraseText)}</p>
              </li>
            ))}
          </ol>
          <h3>{t('replay.dimensions')}</h3>
          <table className="staff-table compact">
            <tbody>
              {report.dimensions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{t(`dimensions.${d.id}`)}</th>
                  <td className="num">{fmtNum(d.score * 100, 0)}</td>
                  <td className="num muted">
                    {weightShares(Object.fromEntries(report.dimensions.map((x) => [x.id, x.weight])))[d.id]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.appeals.length > 0 ? (
            <>
              <h3>{t('replay.appeals')}</h3>
              <ul className="replay-appeals">
                {data.appeals.map((a) => (
                  <li key={a.id}>
                    <strong>{t(`rules.${a.current.rule}`)}</strong> · {t(`appeals.status.${a.status}`)}
                    <p>
                      {t('appeals.reason')}
                      {a.reason}
                    </p>
                    {a.decision ? (
                      <p className="muted">
                        {t('appeals.decidedBy', {
                          name: a.decision.by.displayName,
                          date: new Date(a.decision.at).toLocaleString(i18n.language),
                        })}
                        {t('appeals.noteSep')}
                        {a.decision.note}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
