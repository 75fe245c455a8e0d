// A class's leaderboard: students ranked by average score over the work that counts for the grade, or over
// one drill; anonymised (学员 1, 学员 2…) for projecting in class, and printable.
import type { LeaderboardRow } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { FormError } from '../../forms/FormError.tsx';
import { useGo } from '../nav.ts';
import { Chart } from './Chart.tsx';

export default function Leaderboard({ classId }: { classId: string }) {
  const { t } = useTranslation('staff');
  const go = useGo();
  const [drillId, setDrillId] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const query = { ...(drillId ? { drillId } : {}), ...(anonymous ? { anonymous: 'true' as const } : {}) };
  const { data, error } = useLoad(routes.reports.leaderboard, { params: { id: classId }, query });
  const rows = useMemo(() => data?.rows ?? [], [data]);
  // Anonymised rows are named by their place on the board.
  const nameOf = (row: LeaderboardRow, i: number) => row.name ?? t('leaderboard.anonymousName', { n: i + 1 });
  const ranked = rows.filter((r) => r.average !== null);
  const option = useMemo(() => {
    const shown = rows
      .filter((r) => r.average !== null)
      .map((r, i) => ({
        name: r.name ?? t('leaderboard.anonymousName', { n: i + 1 }),
        value: r.average ?? 0,
      }))
      .reverse();
    return {
      grid: { left: 90, right: 40, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: { type: 'category', data: shown.map((s) => s.name) },
      series: [
        {
          type: 'bar',
          data: shown.map((s) => s.value),
          itemStyle: { color: '#1664d9' },
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [rows, t]);

  if (error) return <FormError error={error} />;
  if (!data) return <p className="muted">{t('common.loading')}</p>;

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <h1>{t('leaderboard.title', { name: data.class.name })}</h1>
        <div className="staff-actions no-print">
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('common.print')}
          </button>
          <button type="button" className="secondary" onClick={() => go({ page: 'class', classId })}>
            {t('leaderboard.back')}
          </button>
        </div>
      </header>
      <section className="staff-card leaderboard-controls no-print">
        <label>
          {t('leaderboard.scope')}
          <select value={drillId} onChange={(e) => setDrillId(e.target.value)}>
            <option value="">{t('leaderboard.allWork')}</option>
            {data.drills.map((d) => (
              <option key={d.id} value={d.id}>
                {t(d.kind === 'exam' ? 'leaderboard.scopeExam' : 'leaderboard.scopeDrill', {
                  title: d.title,
                })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('leaderboard.anonymous')}
        </label>
      </section>
      {ranked.length === 0 ? <p className="empty">{t('leaderboard.empty')}</p> : null}
      {ranked.length > 0 ? (
        <Chart
          title={t('leaderboard.chart')}
          summary={ranked
            .map((r, i) => `${nameOf(r, i)} ${formatScore(r.average ?? 0)}`)
            .join(t('common.listSeparator'))}
          option={option}
          height={Math.max(160, ranked.length * 30 + 40)}
        />
      ) : null}
      <section className="staff-card">
        <div className="staff-table-wrap">
          <table className="staff-table">
            <thead>
              <tr>
                <th scope="col">{t('leaderboard.rank')}</th>
                <th scope="col">{t('leaderboard.student')}</th>
                <th scope="col">{t('leaderboard.average')}</th>
                <th scope="col">{t('leaderboard.best')}</th>
                <th scope="col">{t('leaderboard.receptions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.studentId ?? i}>
                  <td>{r.rank ?? t('leaderboard.unranked')}</td>
                  <td>{nameOf(r, i)}</td>
                  <td>{r.average === null ? t('leaderboard.unranked') : formatScore(r.average)}</td>
                  <td>{r.best === null ? t('leaderboard.unranked') : formatScore(r.best)}</td>
                  <td>{r.receptions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
