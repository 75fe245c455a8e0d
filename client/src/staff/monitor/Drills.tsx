// A class's drills and exams: start and stop drills, end an exam early, open their live monitor and results,
// choose which count in the grade (计入成绩), and create a new drill (NewDrillForm) or exam (NewExamForm).

import { drillWaiting } from '@kefu/shared/api/drill-start';
import type { DrillView } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { useGo } from '../nav.ts';
import { NewDrillForm } from './NewDrillForm.tsx';
import { NewExamForm } from './NewExamForm.tsx';

export default function Drills({ classId }: { classId: string }) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useServices();
  const go = useGo();
  const cls = useLoad(routes.classes.get, { params: { id: classId } });
  const drills = useLoad(routes.drills.list, { params: { id: classId } });
  // What plays in this class: published to every class or to this one (drafts never).
  const scenarios = useLoad(routes.scenarios.list, { query: { classId } });
  // Stopping ends the drill for the whole class: confirmed in a dialog first.
  const [stopping, setStopping] = useState<DrillView | null>(null);
  const control = useSubmit(async (drill: DrillView, action: 'start' | 'stop') => {
    setStopping(null);
    await api.drills[action]({ params: { id: drill.id } });
    drills.reload();
    if (action === 'start') go({ page: 'monitor', drillId: drill.id });
  });
  const act = (drill: DrillView, action: 'start' | 'stop') => control.run(drill, action);
  const grade = useSubmit(async (drill: DrillView, graded: boolean) => {
    await api.drills.update({ params: { id: drill.id }, body: { graded } });
    drills.reload();
  });
  const time = (at: number | null) =>
    at === null ? '' : new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  // Ending an exam early says what it means for an exam (answers become visible).
  const stopTexts = stopping?.kind === 'exam' ? 'exams.stopConfirm' : 'monitor.stopConfirm';
  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <h1>{t('drills.title', { name: cls.data?.class.name ?? '' })}</h1>
        <button type="button" className="secondary" onClick={() => go({ page: 'class', classId })}>
          {t('nav.classReport')}
        </button>
      </header>
      <FormError error={cls.error ?? drills.error ?? control.error ?? grade.error} />
      <ConfirmDialog
        open={stopping !== null}
        title={t(`${stopTexts}.title`, {
          title: stopping?.title ?? '',
        })}
        message={t(`${stopTexts}.message`)}
        confirmLabel={t(`${stopTexts}.confirm`)}
        cancelLabel={t(`${stopTexts}.cancel`)}
        danger
        onConfirm={() => (stopping ? act(stopping, 'stop') : undefined)}
        onCancel={() => setStopping(null)}
      />
      <section className="staff-card" aria-labelledby="drill-list-title">
        <h2 id="drill-list-title">{t('drills.list')}</h2>
        {drills.data?.drills.length === 0 ? <p className="empty">{t('drills.none')}</p> : null}
        <ul className="drill-list">
          {drills.data?.drills.map((d) => {
            const waiting = drillWaiting(d);
            const exam = d.kind === 'exam';
            return (
              <li key={d.id} className="drill-row">
                <div>
                  {exam ? <span className="tag exam-tag">{t('exams.tag')}</span> : null}{' '}
                  <strong>{d.title}</strong>{' '}
                  <span className={`tag drill-${d.status}`}>
                    {waiting
                      ? t('drills.waiting', waiting)
                      : t(exam ? `exams.status.${d.status}` : `drills.status.${d.status}`)}
                  </span>
                  <p className="muted small">
                    {exam
                      ? `${t('exams.window', { opens: time(d.opensAt), closes: time(d.closesAt) })} · `
                      : ''}
                    {t(exam ? 'exams.meta' : 'drills.meta', {
                      scenarios: d.settings.scenarioIds.length,
                      shoppers: d.settings.shoppersPerStudent,
                      interval: d.settings.arrivalIntervalSeconds,
                      concurrency: d.settings.concurrency,
                      duration: d.settings.durationMinutes,
                    })}
                  </p>
                  <label className="check small">
                    <input
                      type="checkbox"
                      checked={d.graded}
                      disabled={grade.busy}
                      onChange={(e) => void grade.run(d, e.target.checked)}
                    />
                    {t('drills.graded')}
                  </label>
                </div>
                <div className="staff-actions">
                  {d.status === 'draft' && !exam ? (
                    <button type="button" className="primary" onClick={() => void act(d, 'start')}>
                      {waiting ? t('drills.startNow') : t('drills.start')}
                    </button>
                  ) : null}
                  {d.status === 'running' ? (
                    <button
                      type="button"
                      className="secondary"
                      aria-haspopup="dialog"
                      aria-label={`${t('drills.stop')}：${d.title}`}
                      onClick={() => setStopping(d)}
                    >
                      {t('drills.stop')}
                    </button>
                  ) : null}
                  {d.status === 'running' || waiting ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => go({ page: 'monitor', drillId: d.id })}
                    >
                      {t('drills.monitor')}
                    </button>
                  ) : null}
                  {d.status !== 'draft' ? (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => go({ page: 'results', drillId: d.id })}
                    >
                      {t('drills.results')}
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
      <NewDrillForm
        classId={classId}
        scenarios={scenarios.data?.scenarios ?? []}
        units={scenarios.data?.units ?? []}
        studentCount={cls.data?.class.studentCount ?? 0}
        onCreated={drills.reload}
      />
      <NewExamForm
        classId={classId}
        scenarios={scenarios.data?.scenarios ?? []}
        units={scenarios.data?.units ?? []}
        onCreated={drills.reload}
      />
      <FormError error={scenarios.error} />
    </div>
  );
}
