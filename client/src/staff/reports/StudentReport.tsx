// One student's report: metrics against the benchmarks, mistakes by type, the trend over drills, every
// conversation (open its replay), and the multi-party grade with comments. Prints as one clean A4 page.

import type { StudentReportResponse } from '@kefu/shared/protocol';
import type { RuleId } from '@kefu/shared/scenario/schema';
import { formatScore } from '@kefu/shared/scoring/format';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { FormError } from '../../forms/FormError.tsx';
import { MetricBar } from '../../summary/MetricBar.tsx';
import { useGo } from '../nav.ts';
import { Chart } from './Chart.tsx';
import { fmtNum, fmtPercent, weightShares } from './format.ts';

export interface TrendPoint {
  label: string;
  score: number;
  at: number;
}

/** Mean score of ended conversations per drill (solo practice grouped per day), oldest first. */
export function trendOf(
  conversations: StudentReportResponse['conversations'],
  drillTitle: (id: string) => string,
  practiceLabel: (day: string) => string,
): TrendPoint[] {
  const groups = new Map<string, { label: string; at: number; scores: number[] }>();
  for (const c of conversations) {
    if (c.status !== 'ended') continue;
    const day = new Date(c.startedAt).toISOString().slice(0, 10);
    const key = c.drillId ?? `practice:${day}`;
    const g = groups.get(key) ?? {
      label: c.drillId ? drillTitle(c.drillId) : practiceLabel(day),
      at: c.startedAt,
      scores: [],
    };
    g.scores.push(c.score);
    g.at = Math.min(g.at, c.startedAt);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => a.at - b.at)
    .map((g) => ({
      label: g.label,
      at: g.at,
      score: Math.round((g.scores.reduce((a, b) => a + b, 0) / g.scores.length) * 10) / 10,
    }));
}

export function StudentReport({ classId, studentId }: { classId: string; studentId: string }) {
  const { t } = useTranslation('staff');
  const go = useGo();
  const report = useLoad(routes.reports.student, { params: { id: studentId }, query: { classId } });
  const drills = useLoad(routes.drills.list, { params: { id: classId } });
  const data = report.data;

  const trend = useMemo(() => {
    const names = new Map((drills.data?.drills ?? []).map((d) => [d.id, d.title]));
    return trendOf(
      data?.conversations ?? [],
      (id) => names.get(id) ?? id,
      (day) => t('student.practiceOn', { day }),
    );
  }, [data, drills.data, t]);
  const mistakes = useMemo(() => {
    const byRule = data?.aggregate?.violationsByRule;
    if (!byRule) return [];
    return (Object.entries(byRule) as [RuleId, number][])
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
  }, [data]);
  const mistakesOption = useMemo(
    () => ({
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: mistakes.map(([rule]) => t(`rules.${rule}`)) },
      series: [
        { type: 'bar', data: mistakes.map(([, n]) => n), itemStyle: { color: '#c0141c' }, barMaxWidth: 20 },
      ],
    }),
    [mistakes, t],
  );
  const trendOption = useMemo(
    () => ({
      grid: { left: 40, right: 24, top: 24, bottom: 48 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: trend.map((p) => p.label),
        axisLabel: { interval: 0, rotate: trend.length > 4 ? 20 : 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          data: trend.map((p) => p.score),
          itemStyle: { color: '#1664d9' },
          label: { show: true },
          markLine: {
            silent: true,
            symbol: 'none',
            data: [{ yAxis: 60 }],
            lineStyle: { color: '#8a5300', type: 'dashed' },
          },
        },
      ],
    }),
    [trend],
  );

  if (report.error) return <FormError error={report.error} />;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const m = data.aggregate?.metrics;
  const grade = data.grade;
  // The figures count what counts for this class; finished conversations outside it (solo practice the
  // class does not count) are listed below, so "none finished" would contradict the list.
  const nothingCounted =
    data.aggregate === null && data.conversations.some((c) => c.status === 'ended')
      ? t('student.noneCounted')
      : null;
  const sep = t('common.listSeparator');

  return (
    <div className="staff-page student-report">
      <header className="staff-page-head">
        <div>
          <h1>{t('student.title', { name: data.student.displayName })}</h1>
          <p className="muted">
            {data.student.username} · {t('student.conversations', { count: data.conversations.length })}
          </p>
        </div>
        <div className="staff-actions no-print">
          <button type="button" className="secondary" onClick={() => go({ page: 'class', classId })}>
            {t('student.backToClass')}
          </button>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('common.print')}
          </button>
        </div>
      </header>
      <div className="staff-grid-2">
        <section className="staff-card" aria-labelledby="grade-title">
          <h2 id="grade-title">{t('student.grade')}</h2>
          {grade ? (
            <dl className="grade-parts">
              {(['system', 'exam', 'teacher', 'mentor', 'self'] as const).map((k) => (
                <div key={k}>
                  <dt>
                    {t(`weights.${k}`)} <small className="muted">{weightShares(grade.weights)[k]}</small>
                  </dt>
                  <dd>{fmtNum(grade[k])}</dd>
                </div>
              ))}
              <div className="grade-total">
                <dt>{t('student.finalGrade')}</dt>
                <dd>{fmtNum(grade.total)}</dd>
              </div>
            </dl>
          ) : (
            <p className="muted">—</p>
          )}
          {data.evaluations.length > 0 ? (
            <ul className="comments">
              {data.evaluations.map((e) => (
                <li key={e.id}>
                  <strong>
                    {t(`evaluation.${e.kind}`)} · {e.authorName}：{e.score}
                  </strong>
                  {e.comment ? <p>{e.comment}</p> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section className="staff-card" aria-labelledby="bench-title">
          <h2 id="bench-title">{t('student.benchmarks')}</h2>
          {m ? (
            <>
              <MetricBar
                label={t('metrics.first')}
                value={m.firstResponseSeconds}
                benchmark={data.benchmarks.firstResponseSeconds}
                format={(v) => `${fmtNum(v)} s`}
                benchmarkLabel={t('metrics.benchFirst', { value: data.benchmarks.firstResponseSeconds })}
              />
              <MetricBar
                label={t('metrics.average')}
                value={m.averageResponseSeconds}
                benchmark={data.benchmarks.responseSeconds}
                format={(v) => `${fmtNum(v)} s`}
                benchmarkLabel={t('metrics.benchAverage', { value: data.benchmarks.responseSeconds })}
              />
              <dl className="metric-grid">
                <div>
                  <dt>{t('metrics.score')}</dt>
                  <dd>{fmtNum(data.aggregate?.score)}</dd>
                </div>
                <div>
                  <dt>{t('metrics.within3Min')}</dt>
                  <dd>{fmtPercent(m.within3MinRate)}</dd>
                </div>
                <div>
                  <dt>{t('metrics.conversion')}</dt>
                  <dd>{fmtPercent(m.conversionRate)}</dd>
                </div>
                <div>
                  <dt>{t('metrics.orderValue')}</dt>
                  <dd>{m.averageOrderAmount === null ? '—' : `¥${fmtNum(m.averageOrderAmount)}`}</dd>
                </div>
                <div>
                  <dt>{t('metrics.returningKept')}</dt>
                  <dd>{fmtPercent(m.returningKeptRate)}</dd>
                </div>
                <div>
                  <dt>{t('metrics.reminders')}</dt>
                  <dd>
                    {m.remindersSent} · {fmtPercent(m.reminderSuccess)}
                  </dd>
                </div>
                <div>
                  <dt>{t('metrics.outcomes')}</dt>
                  <dd>
                    {t('metrics.outcomeLine', {
                      paid: m.outcomes.paid,
                      left: m.outcomes.left,
                      unpaid: m.outcomes['ordered-unpaid'],
                    })}
                    {m.paidOnArrival > 0 ? (
                      <span className="muted outcome-note">
                        {t('metrics.paidOnArrival', { count: m.paidOnArrival })}
                      </span>
                    ) : null}
                  </dd>
                </div>
              </dl>
            </>
          ) : (
            <p className="empty">{nothingCounted ?? t('student.noEnded')}</p>
          )}
        </section>
      </div>
      <div className="staff-grid-2">
        {mistakes.length === 0 ? (
          <section className="staff-chart" aria-label={t('charts.mistakes')}>
            <h2 className="chart-title">{t('charts.mistakes')}</h2>
            <p className="empty">{nothingCounted ?? t('charts.noMistakes')}</p>
          </section>
        ) : (
          <Chart
            title={t('charts.mistakes')}
            summary={
              mistakes.map(([rule, n]) => `${t(`rules.${rule}`)} ${n}`).join(sep) || t('charts.noMistakes')
            }
            option={mistakesOption}
            height={Math.max(160, mistakes.length * 28 + 40)}
          />
        )}
        <Chart
          title={t('charts.trend')}
          summary={trend.map((p) => `${p.label}: ${p.score}`).join(sep)}
          option={trendOption}
        />
      </div>
      <section className="staff-card" aria-labelledby="convs-title">
        <h2 id="convs-title">{t('student.conversationList')}</h2>
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t('conv.scenario')}</th>
              <th scope="col">{t('conv.started')}</th>
              <th scope="col">{t('conv.kind')}</th>
              <th scope="col" className="num">
                {t('conv.score')}
              </th>
              <th scope="col">{t('conv.outcome')}</th>
              <th scope="col" className="num">
                {t('conv.violations')}
              </th>
              <th scope="col" className="no-print">
                {t('table.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.conversations.map((c) => (
              <tr key={c.conversationId}>
                <td>{c.scenarioTitle}</td>
                <td>{new Date(c.startedAt).toLocaleString()}</td>
                <td>{c.drillId ? t('conv.drill') : t('conv.practice')}</td>
                <td className="num">
                  {c.status !== 'ended' ? '—' : c.abandoned ? t('conv.abandoned') : formatScore(c.score)}
                </td>
                <td>
                  {c.abandoned ? t('conv.abandoned') : t(`outcome.${c.outcome}`, { defaultValue: '—' })}
                  {!c.abandoned && c.brought ? (
                    <span className="muted outcome-note">{t(`brought.${c.brought}`)}</span>
                  ) : null}
                </td>
                <td className="num">{c.violations}</td>
                <td className="no-print">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => go({ page: 'conversation', conversationId: c.conversationId })}
                  >
                    {t('conv.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
