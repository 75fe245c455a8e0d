// Class report: the sortable student table with the multi-party grade, score and response-time
// distributions, the grade weights (class owner) and the per-drill CSV export; its figures over what counts
// for the grade or over one drill or exam (the grade column stays the whole grade).

import type { ClassReportRow } from '@kefu/shared/protocol';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSession } from '../../stores/index.ts';
import { useGo } from '../nav.ts';
import { Chart } from './Chart.tsx';
import { ClassLocks } from './ClassLocks.tsx';
import { ClassTable } from './ClassTable.tsx';
import { ClassTrainers } from './ClassTrainers.tsx';
import { RESPONSE_BANDS, responseBands, SCORE_BANDS, scoreBands } from './class-table.ts';
import { weightShares } from './format.ts';
import { GradeForm } from './GradeForm.tsx';
import { WeightsForm } from './WeightsForm.tsx';

function barOption(labels: readonly string[], values: number[], color: string, yName: string) {
  return {
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...labels] },
    yAxis: { type: 'value', minInterval: 1, name: yName },
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color },
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
      },
    ],
  };
}

export function ClassReport({ classId }: { classId: string }) {
  const { api } = useServices();
  const { t, i18n } = useTranslation('staff');
  const go = useGo();
  const user = useSession((s) => s.user);
  const [drillId, setDrillId] = useState('');
  const { data, error, reload } = useLoad(routes.reports.class, {
    params: { id: classId },
    query: drillId ? { drillId } : {},
  });
  const [grading, setGrading] = useState<ClassReportRow | null>(null);
  const rows = data?.rows ?? [];
  const scoreOption = useMemo(
    () => barOption(SCORE_BANDS, scoreBands(rows), '#1664d9', t('charts.students')),
    [rows, t],
  );
  const responseOption = useMemo(
    () => barOption(RESPONSE_BANDS, responseBands(rows), '#d9480f', t('charts.students')),
    [rows, t],
  );

  if (error) return <FormError error={error} />;
  if (!data || !user) return <p className="muted">{t('common.loading')}</p>;
  const cls = data.class;
  const owner = user.role === 'admin' || (user.role === 'instructor' && cls.ownerId === user.id);
  const scored = rows.filter((r) => r.averageScore !== null);
  const csvLang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const mean = scored.length ? scored.reduce((a, r) => a + (r.averageScore ?? 0), 0) / scored.length : null;

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <div>
          <h1>{t('classReport.title', { name: cls.name })}</h1>
          <p className="muted">
            {t('classReport.meta', { students: rows.length, owner: cls.ownerName })}
            {mean !== null ? ` · ${t('classReport.mean', { score: Math.round(mean * 10) / 10 })}` : ''}
          </p>
        </div>
        <div className="staff-actions no-print">
          {/* The server writes both files and names them in the UI's language (Content-Disposition). */}
          <a
            className="primary"
            href={api.url(routes.reports.gradesCsv, { params: { id: cls.id }, query: { lang: csvLang } })}
            download
          >
            {t('classReport.exportCsv')}
          </a>
          <a
            className="secondary"
            href={api.url(routes.reports.classCsv, { params: { id: cls.id }, query: { lang: csvLang } })}
            download
          >
            {t('classReport.exportSummaryCsv')}
          </a>
          <button type="button" className="secondary" onClick={() => window.print()}>
            {t('common.print')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => go({ page: 'leaderboard', classId: cls.id })}
          >
            {t('nav.leaderboard')}
          </button>
          {owner ? (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() => go({ page: 'drills', classId: cls.id })}
              >
                {t('nav.drills')}
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => go({ page: 'rubric', classId: cls.id })}
              >
                {t('nav.rubric')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      {grading ? (
        <GradeForm
          key={grading.student.id}
          row={grading}
          classId={cls.id}
          reviewerRole={user.role}
          onCancel={() => setGrading(null)}
          onSaved={() => {
            setGrading(null);
            reload();
          }}
        />
      ) : null}
      <section className="staff-card" aria-labelledby="class-table-title">
        <h2 id="class-table-title">{t('classReport.students')}</h2>
        <label className="no-print report-scope">
          {t('leaderboard.scope')}{' '}
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
        <ClassTable
          rows={rows}
          benchmarks={data.benchmarks}
          onOpen={(studentId) => go({ page: 'student', classId: cls.id, studentId })}
          onGrade={user.role === 'student' ? undefined : setGrading}
        />
        <p className="muted small">{t('classReport.weightsNote', weightShares({ ...cls.gradeWeights }))}</p>
      </section>
      <div className="staff-grid-2">
        <Chart
          title={t('charts.scoreDistribution')}
          summary={SCORE_BANDS.map((b, i) => `${b}: ${scoreBands(rows)[i]}`).join(t('common.listSeparator'))}
          option={scoreOption}
        />
        <Chart
          title={t('charts.responseDistribution')}
          summary={RESPONSE_BANDS.map((b, i) => `${b}: ${responseBands(rows)[i]}`).join(
            t('common.listSeparator'),
          )}
          option={responseOption}
        />
      </div>
      {owner ? <ClassLocks classId={cls.id} /> : null}
      {owner ? <ClassTrainers classId={cls.id} className={cls.name} /> : null}
      {owner ? <WeightsForm cls={cls} onSaved={reload} /> : null}
    </div>
  );
}
