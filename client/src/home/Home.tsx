// Home: start a solo practice (one scenario or a random mix), join a running class drill, my reports.
import type { ConversationScore, DrillView, ScenarioSummary, StartPracticeBody } from '@kefu/shared/protocol';
import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useServices } from '../app/context.tsx';
import { TopBar } from '../app/TopBar.tsx';
import { STAFF_ENTRY_NS } from '../staff/i18n/entry.ts';
import { useConnection, useSession, useStores } from '../stores/index.ts';

/** How often Home looks for a drill that started, should the socket's announcement not reach it. */
export const DRILL_POLL_MS = 10_000;

const SelfEvaluation = lazy(() => import('../staff/self/SelfEvaluation.tsx'));

export default function Home({ onLogout }: { onLogout: () => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const stores = useStores();
  const user = useSession((s) => s.user);
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [drills, setDrills] = useState<DrillView[]>([]);
  const [reports, setReports] = useState<ConversationScore[]>([]);
  const [openCount, setOpenCount] = useState(0);
  // Every buyer of the last practice has left: the workbench still shows it, with its summary.
  const hasLastPractice = useStore(
    stores.practice,
    (s) => s.owner !== null && s.owner === user?.id && s.conversationIds.length > 0,
  );
  const [mix, setMix] = useState(2);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mixId = useId();

  useEffect(() => {
    let live = true;
    const fail = (err: unknown) => live && setError(err instanceof Error ? err.message : t('errors.unknown'));
    api.scenarios
      .list()
      .then((r) => live && setScenarios(r.scenarios))
      .catch((err) => {
        if (live) setScenarios([]);
        fail(err);
      });
    api.practice
      .conversations({ query: { status: 'open' } })
      .then((r) => live && setOpenCount(r.conversations.length))
      .catch(() => undefined);
    if (user) {
      api.reports
        .student({ params: { id: user.id } })
        .then(
          (r) =>
            live &&
            setReports(
              r.conversations.filter((c) => c.status === 'ended').sort((a, b) => b.startedAt - a.startedAt),
            ),
        )
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [api, user, t]);

  // Running drills: fetched on arrival, again whenever the server announces a drill change
  // (`drill:status` over the socket), and every few seconds in case that announcement was missed.
  const drillChanges = useConnection((s) => s.drillChanges);
  const [drillPoll, setDrillPoll] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setDrillPoll((n) => n + 1), DRILL_POLL_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    void drillChanges;
    void drillPoll;
    let live = true;
    api.classes
      .list()
      .then(async (r) => {
        const lists = await Promise.all(r.classes.map((c) => api.drills.list({ params: { id: c.id } })));
        if (live) setDrills(lists.flatMap((l) => l.drills).filter((d) => d.status === 'running'));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, drillChanges, drillPoll]);

  async function start(body: StartPracticeBody) {
    setBusy(true);
    setError(null);
    try {
      const { conversations } = await api.practice.start({ body });
      const state = stores.conversations.getState();
      state.reset();
      for (const view of conversations) state.upsertView(view);
      stores.practice.getState().begin(
        conversations.map((view) => view.id),
        user?.id ?? null,
      );
      state.setActive(conversations[0]?.id ?? null);
      stores.session.getState().go({ name: 'workbench' });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unknown'));
    } finally {
      setBusy(false);
    }
  }

  async function join(drill: DrillView) {
    setError(null);
    try {
      if (!drill.joined) await api.drills.join({ params: { id: drill.id } });
      stores.conversations.getState().reset();
      // A newly joined drill's buyers make the practice from now on (they arrive over the socket).
      if (!drill.joined) stores.practice.getState().begin([], user?.id ?? null);
      stores.session.getState().go({ name: 'workbench' });
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errors.unknown'));
    }
  }

  return (
    <div className="page">
      <TopBar title={t('app.home')}>
        <button type="button" className="topbar-button" onClick={onLogout}>
          {t('app.logout')}
        </button>
      </TopBar>
      <div className="home">
        <h1>{t('home.hello', { name: user?.displayName ?? '' })}</h1>
        {user && user.role !== 'student' ? (
          <button
            type="button"
            className="primary"
            onClick={() => stores.session.getState().go({ name: 'staff', path: '' })}
          >
            {t(`${STAFF_ENTRY_NS}:${user.role === 'trainer' ? 'trainer' : 'instructor'}`)}
          </button>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {openCount > 0 ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              stores.conversations.getState().reset();
              stores.session.getState().go({ name: 'workbench' });
            }}
          >
            {t('home.resume', { count: openCount })}
          </button>
        ) : hasLastPractice ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              stores.conversations.getState().reset();
              stores.session.getState().go({ name: 'workbench' });
            }}
          >
            {t('home.lastPractice')}
          </button>
        ) : null}
        <section className="home-section" aria-labelledby="drills-title">
          <h2 id="drills-title">{t('home.drillsTitle')}</h2>
          {drills.length === 0 ? <p className="empty">{t('home.drillsEmpty')}</p> : null}
          <ul className="list">
            {drills.map((d) => (
              <li key={d.id}>
                <span>{d.title}</span>
                <button type="button" className="secondary" onClick={() => void join(d)}>
                  {d.joined ? t('home.joinedDrill') : t('home.joinDrill')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="home-section" aria-labelledby="solo-title">
          <h2 id="solo-title">{t('home.soloTitle')}</h2>
          <p className="muted">{t('home.soloHint')}</p>
          <div className="mix">
            <label htmlFor={mixId}>{t('home.mixCount')}</label>
            <input
              id={mixId}
              type="number"
              min={1}
              max={5}
              value={mix}
              onChange={(e) => setMix(Math.min(5, Math.max(1, Number(e.target.value) || 1)))}
            />
            <button
              type="button"
              className="primary-orange"
              disabled={busy}
              onClick={() => void start({ mix })}
            >
              {t('home.mixStart')}
            </button>
          </div>
          {scenarios === null ? <p className="muted">{t('app.loading')}</p> : null}
          {scenarios?.length === 0 ? <p className="empty">{t('home.noScenarios')}</p> : null}
          <ul className="scenario-grid">
            {scenarios?.map((s) => (
              <li key={s.id} className="scenario-card">
                <h3>{s.title}</h3>
                <span className="tag">{t('home.difficulty', { level: s.difficulty })}</span>
                {s.description ? <p className="muted">{s.description}</p> : null}
                <button
                  type="button"
                  className="secondary"
                  disabled={busy}
                  aria-label={`${t('home.start')}${t('app.colon')}${s.title}`}
                  onClick={() => void start({ scenarioId: s.id })}
                >
                  {t('home.start')}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {user?.role === 'student' ? (
          <Suspense fallback={null}>
            <SelfEvaluation />
          </Suspense>
        ) : null}
        <section className="home-section" aria-labelledby="reports-title">
          <h2 id="reports-title">{t('home.reportsTitle')}</h2>
          {reports.length === 0 ? <p className="empty">{t('home.reportsEmpty')}</p> : null}
          <ul className="list">
            {reports.map((r) => (
              <li key={r.conversationId}>
                <span>{scenarios?.find((s) => s.id === r.scenarioId)?.title ?? r.scenarioId}</span>
                <span className="muted">{new Date(r.startedAt).toLocaleString(i18n.language)}</span>
                <strong>{t('home.score', { score: r.score })}</strong>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    stores.session.getState().go({ name: 'summary', conversationIds: [r.conversationId] })
                  }
                >
                  {t('home.viewReport')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
