// A class's drills: create one (scenarios, shoppers per student, arrival interval, concurrency cap,
// duration), start and stop it, and open its live monitor.

import type { CreateDrillBody, DrillView } from '@kefu/shared/protocol';
import { routes } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useGo } from '../nav.ts';
import { errorText, useLoad } from '../use-load.ts';

export default function Drills({ classId }: { classId: string }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const go = useGo();
  const cls = useLoad(routes.classes.get, { params: { id: classId } });
  const drills = useLoad(routes.drills.list, { params: { id: classId } });
  const scenarios = useLoad(routes.scenarios.list);
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [shoppers, setShoppers] = useState(3);
  const [interval, setIntervalSeconds] = useState(20);
  const [concurrency, setConcurrency] = useState(2);
  const [duration, setDuration] = useState(15);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setMessage(null);
    if (picked.length === 0) {
      setMessage(t('drills.pickScenario'));
      return;
    }
    setBusy(true);
    try {
      const body: CreateDrillBody = {
        title,
        settings: {
          scenarioIds: picked,
          shoppersPerStudent: shoppers,
          arrivalIntervalSeconds: interval,
          concurrency,
          durationMinutes: duration,
        },
      };
      await api.drills.create({ params: { id: classId }, body });
      setTitle('');
      drills.reload();
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  // Stopping ends the drill for the whole class: confirmed in a dialog first.
  const [stopping, setStopping] = useState<DrillView | null>(null);
  async function act(drill: DrillView, action: 'start' | 'stop') {
    setMessage(null);
    setStopping(null);
    try {
      await api.drills[action]({ params: { id: drill.id } });
      drills.reload();
      if (action === 'start') go({ page: 'monitor', drillId: drill.id });
    } catch (err) {
      setMessage(errorText(err));
    }
  }

  const number = (value: number, set: (n: number) => void, min: number, max: number, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input type="number" min={min} max={max} value={value} onChange={(e) => set(Number(e.target.value))} />
    </label>
  );

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <h1>{t('drills.title', { name: cls.data?.class.name ?? '' })}</h1>
        <button type="button" className="secondary" onClick={() => go({ page: 'class', classId })}>
          {t('nav.classReport')}
        </button>
      </header>
      {cls.error ? (
        <p className="form-error" role="alert">
          {cls.error}
        </p>
      ) : null}
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      <ConfirmDialog
        open={stopping !== null}
        title={t('monitor.stopConfirm.title', { title: stopping?.title ?? '' })}
        message={t('monitor.stopConfirm.message')}
        confirmLabel={t('monitor.stopConfirm.confirm')}
        cancelLabel={t('monitor.stopConfirm.cancel')}
        danger
        onConfirm={() => (stopping ? act(stopping, 'stop') : undefined)}
        onCancel={() => setStopping(null)}
      />
      <section className="staff-card" aria-labelledby="drill-list-title">
        <h2 id="drill-list-title">{t('drills.list')}</h2>
        {drills.data?.drills.length === 0 ? <p className="empty">{t('drills.none')}</p> : null}
        <ul className="drill-list">
          {drills.data?.drills.map((d) => (
            <li key={d.id} className="drill-row">
              <div>
                <strong>{d.title}</strong>{' '}
                <span className={`tag drill-${d.status}`}>{t(`drills.status.${d.status}`)}</span>
                <p className="muted small">
                  {t('drills.meta', {
                    scenarios: d.settings.scenarioIds.length,
                    shoppers: d.settings.shoppersPerStudent,
                    interval: d.settings.arrivalIntervalSeconds,
                    concurrency: d.settings.concurrency,
                    duration: d.settings.durationMinutes,
                  })}
                </p>
              </div>
              <div className="staff-actions">
                {d.status === 'draft' ? (
                  <button type="button" className="primary" onClick={() => void act(d, 'start')}>
                    {t('drills.start')}
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
                {d.status !== 'draft' ? (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => go({ page: 'monitor', drillId: d.id })}
                  >
                    {t('drills.monitor')}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <form
        className="staff-card drill-form"
        onSubmit={(e) => void create(e)}
        aria-labelledby="drill-new-title"
      >
        <h2 id="drill-new-title">{t('drills.create')}</h2>
        <label className="field">
          <span>{t('drills.name')}</span>
          <input value={title} maxLength={60} required onChange={(e) => setTitle(e.target.value)} />
        </label>
        <fieldset className="scenario-picks">
          <legend>{t('drills.scenarios')}</legend>
          {scenarios.data?.scenarios.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(s.id)}
                onChange={(e) =>
                  setPicked((p) => (e.target.checked ? [...p, s.id] : p.filter((id) => id !== s.id)))
                }
              />
              {s.title} <span className="muted small">（{s.id}）</span>
            </label>
          ))}
        </fieldset>
        <div className="drill-numbers">
          {number(shoppers, setShoppers, 1, 50, t('drills.shoppers'))}
          {number(interval, setIntervalSeconds, 0, 3600, t('drills.interval'))}
          {number(concurrency, setConcurrency, 1, 10, t('drills.concurrency'))}
          {number(duration, setDuration, 1, 240, t('drills.duration'))}
        </div>
        <button type="submit" className="primary" disabled={busy || !title.trim()}>
          {t('drills.submit')}
        </button>
      </form>
    </div>
  );
}
