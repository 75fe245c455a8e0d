// Running class drills the student can join (or go back to), and drills waiting for N students to start
// (等待学生加入 k/N); beside them the class's exams, open or about to open, started once each: fetched on
// arrival, again whenever the server announces a drill change (`drill:status` over the socket), and every few
// seconds in case that was missed.
import { drillWaiting } from '@kefu/shared/api/drill-start';
import type { DrillView } from '@kefu/shared/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/use-load.ts';
import { useServices } from '../app/context.tsx';
import { FormError } from '../forms/FormError.tsx';
import { useSubmit } from '../forms/use-submit.ts';
import { useConnection, useSession, useStores } from '../stores/index.ts';

/** How often Home looks for a drill that started, should the socket's announcement not reach it. */
export const DRILL_POLL_MS = 10_000;

function useRunningDrills(): { drills: DrillView[]; error: string | null } {
  const { api } = useServices();
  const drillChanges = useConnection((s) => s.drillChanges);
  const [poll, setPoll] = useState(0);
  const [drills, setDrills] = useState<DrillView[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setPoll((n) => n + 1), DRILL_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void drillChanges;
    void poll;
    let live = true;
    api.classes
      .list()
      .then(async (r) => {
        const lists = await Promise.all(r.classes.map((c) => api.drills.list({ params: { id: c.id } })));
        if (!live) return;
        setDrills(
          lists
            .flatMap((l) => l.drills)
            .filter(
              (d) =>
                d.status === 'running' ||
                drillWaiting(d) !== null ||
                (d.kind === 'exam' && d.status === 'draft'),
            ),
        );
        setError(null);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [api, drillChanges, poll]);
  return { drills, error };
}

export function DrillList() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const { drills: all, error } = useRunningDrills();
  const drills = all.filter((d) => d.kind !== 'exam');
  const exams = all.filter((d) => d.kind === 'exam');
  const time = (at: number | null) =>
    at === null ? '' : new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const join = useSubmit(async (drill: DrillView) => {
    if (!drill.joined) await api.drills.join({ params: { id: drill.id } });
    stores.conversations.getState().reset();
    // A newly joined drill's buyers make the practice from now on (they arrive over the socket).
    const practice = stores.practice.getState();
    const owner = user?.id ?? null;
    // Back to a drill joined earlier in this tab: its buyers stay the practice (open ones come back on sync).
    if (drill.joined && practice.owner === owner) stores.practice.setState({ drillId: drill.id });
    else practice.begin([], owner, drill.id);
    stores.session.getState().go({ name: 'workbench' });
  });

  return (
    <>
      {exams.length > 0 ? (
        <section className="home-section" aria-labelledby="exams-title">
          <h2 id="exams-title">{t('home.examsTitle')}</h2>
          <p className="muted small">{t('home.examOnce')}</p>
          <FormError error={join.error} />
          <ul className="list">
            {exams.map((d) => (
              <li key={d.id}>
                <span>{d.title}</span>
                <span className="muted small">
                  {t('home.examWindow', { opens: time(d.opensAt), closes: time(d.closesAt) })}
                </span>
                {d.status === 'draft' ? (
                  <span className="tag">{t('home.examScheduled')}</span>
                ) : (
                  <button
                    type="button"
                    className="primary"
                    disabled={join.busy}
                    onClick={() => void join.run(d)}
                  >
                    {d.joined ? t('home.backToExam') : t('home.startExam')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DrillSection
        drills={drills}
        error={error ?? (exams.length > 0 ? null : join.error)}
        busy={join.busy}
        onJoin={join.run}
      />
    </>
  );
}

function DrillSection({
  drills,
  error,
  busy,
  onJoin,
}: {
  drills: DrillView[];
  error: string | null;
  busy: boolean;
  onJoin(drill: DrillView): Promise<unknown>;
}) {
  const { t } = useTranslation();
  return (
    <section className="home-section" aria-labelledby="drills-title">
      <h2 id="drills-title">{t('home.drillsTitle')}</h2>
      <FormError error={error} />
      {drills.length === 0 && !error ? <p className="empty">{t('home.drillsEmpty')}</p> : null}
      <ul className="list">
        {drills.map((d) => {
          const waiting = drillWaiting(d);
          return (
            <li key={d.id}>
              <span>{d.title}</span>
              {waiting ? <span className="tag">{t('workbench.drillWaiting', waiting)}</span> : null}
              <button type="button" className="secondary" disabled={busy} onClick={() => void onJoin(d)}>
                {d.joined ? t('home.joinedDrill') : t('home.joinDrill')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
