// The results of a drill: every student of the class with their score, key figures and a link to their
// report, the students who never joined, and a chart of the scores. Scores come from the grading module
// (the same reports as everywhere), so an ended drill reads the same here as in the class report.
import type { DrillResultRow } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { FormError } from '../../forms/FormError.tsx';
import { useGo } from '../nav.ts';
import { Chart } from '../reports/Chart.tsx';
import { fmtSeconds, waitClass } from '../reports/format.ts';
import {
  DEFAULT_RESULT_SORT,
  type ResultSort,
  type ResultSortKey,
  sortResults,
  violationsOf,
} from './drill-results-sort.ts';

const COLUMNS: readonly { key: ResultSortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'drillResults.student', numeric: false },
  { key: 'conversations', label: 'drillResults.conversations', numeric: true },
  { key: 'score', label: 'drillResults.score', numeric: true },
  { key: 'first', label: 'drillResults.first', numeric: true },
  { key: 'average', label: 'drillResults.average', numeric: true },
  { key: 'violations', label: 'drillResults.violations', numeric: true },
  { key: 'paid', label: 'drillResults.paid', numeric: true },
];

function scoreChart(rows: readonly DrillResultRow[], name: string) {
  const scored = rows.filter((r) => r.summary !== null);
  return {
    grid: { left: 40, right: 16, top: 24, bottom: 56 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: scored.map((r) => r.student.displayName),
      axisLabel: { interval: 0, rotate: scored.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, name },
    series: [
      {
        type: 'bar',
        data: scored.map((r) => r.summary?.score ?? 0),
        itemStyle: { color: '#1664d9' },
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  };
}

export default function DrillResults({ drillId }: { drillId: string }) {
  const { t } = useTranslation('staff');
  const go = useGo();
  const { data, error } = useLoad(routes.drills.results, { params: { id: drillId } });
  const rows = data?.rows ?? [];
  const [sort, setSort] = useState<ResultSort>(DEFAULT_RESULT_SORT);
  const joined = sortResults(
    rows.filter((r) => r.joined),
    sort,
  );
  // A column clicked again turns its direction; a new one starts where it reads best (names A→Z, figures high→low).
  const toggle = (key: ResultSortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' }
        : { key, dir: key === 'name' ? 'asc' : 'desc' },
    );
  const absent = rows.filter((r) => !r.joined);
  const option = useMemo(() => scoreChart(rows, t('drillResults.score')), [rows, t]);
  if (error) return <FormError error={error} />;
  if (!data) return <p className="muted">{t('common.loading')}</p>;
  const { drill } = data;
  const scored = joined.filter((r) => r.summary !== null);
  const mean = scored.length
    ? scored.reduce((sum, r) => sum + (r.summary?.score ?? 0), 0) / scored.length
    : null;

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <div>
          <h1>{t(drill.kind === 'exam' ? 'exams.results' : 'drillResults.title', { title: drill.title })}</h1>
          <p className="muted">
            {t(`drills.status.${drill.status}`)} ·{' '}
            {t('drillResults.meta', { joined: joined.length, students: rows.length })}
            {mean !== null ? ` · ${t('drillResults.mean', { score: formatScore(mean) })}` : ''}
          </p>
        </div>
        <button
          type="button"
          className="secondary"
          onClick={() => go({ page: 'drills', classId: drill.classId })}
        >
          {t('drillResults.back')}
        </button>
      </header>
      <section className="staff-card" aria-labelledby="drill-results-table">
        <h2 id="drill-results-table">{t('drillResults.students')}</h2>
        <table className="staff-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {t(c.label)}
                    <span aria-hidden="true">
                      {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {joined.map((r) => {
              const m = r.summary?.metrics;
              const violations = violationsOf(r);
              return (
                <tr key={r.student.id}>
                  <td>
                    <a
                      href={`#/staff/student/${encodeURIComponent(drill.classId)}/${encodeURIComponent(r.student.id)}`}
                    >
                      {r.student.displayName}
                    </a>
                  </td>
                  <td className="num">{r.conversations.length}</td>
                  <td className="num">{r.summary ? formatScore(r.summary.score) : '—'}</td>
                  <td className={`num ${waitClass(m?.firstResponseSeconds ?? null, 'first')}`}>
                    {fmtSeconds(m?.firstResponseSeconds)}
                  </td>
                  <td className={`num ${waitClass(m?.averageResponseSeconds ?? null, 'average')}`}>
                    {fmtSeconds(m?.averageResponseSeconds)}
                  </td>
                  <td className="num">{violations}</td>
                  <td className="num">{m ? m.outcomes.paid : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {joined.length === 0 ? <p className="empty">{t('drillResults.nobody')}</p> : null}
      </section>
      {absent.length > 0 ? (
        <section className="staff-card monitor-absent">
          <h2>{t('monitor.absentTitle', { count: absent.length })}</h2>
          <ul className="absent-list">
            {absent.map((r) => (
              <li key={r.student.id}>{r.student.displayName}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {scored.length > 0 ? (
        <Chart
          title={t('drillResults.chart')}
          summary={scored
            .map((r) => `${r.student.displayName} ${formatScore(r.summary?.score ?? 0)}`)
            .join(t('common.listSeparator'))}
          option={option}
        />
      ) : null}
    </div>
  );
}
