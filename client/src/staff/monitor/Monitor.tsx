// The live monitor of a running drill: a tile per student (open conversations, the longest current wait
// coloured at the class rubric's benchmarks, running averages, every violation so far by kind, buyers about
// to leave by the scenario's patience), then the class's students who have not joined (未加入). Click a tile
// to watch that student's conversations read-only. Updates arrive over Socket.IO (`monitor:update`).
// A drill set to start when N joined shows 等待学生加入 (k/N) until it starts (or the teacher starts it now).

import {
  type ClientToServerEvents,
  type ConversationDetailResponse,
  type DrillView,
  drillWaiting,
  type MonitorWatchAck,
  type ServerToClientEvents,
  type StudentMonitor,
} from '@kefu/shared/protocol';
import type { Benchmarks } from '@kefu/shared/scoring/benchmarks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { io, type Socket } from 'socket.io-client';
import { handshakeRefusal } from '../../api/error-text.ts';
import { errorText } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { formatClock } from '../../workbench/format.ts';
import { useGo } from '../nav.ts';
import { fmtNum, waitClass } from '../reports/format.ts';
import { aboutToLeave, alertCounts, waitSeconds, waitTone } from './live-wait.ts';

const DEFAULT_BENCHMARKS: Benchmarks = { firstResponseSeconds: 3, responseSeconds: 30 };

type MonitorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function useNow(offset: number): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 500);
    return () => clearInterval(timer);
  }, [offset]);
  return now + 0;
}

export function StudentTile({
  student,
  now,
  benchmarks = DEFAULT_BENCHMARKS,
  selected,
  onSelect,
}: {
  student: StudentMonitor;
  now: number;
  /** The class rubric's benchmarks (the monitor's ack carries them). */
  benchmarks?: Benchmarks;
  selected: boolean;
  onSelect(): void;
}) {
  const { t } = useTranslation('staff');
  const wait = waitSeconds(student.longestWaitSince, now);
  const tone = waitTone(student.longestWaitSince, now, benchmarks);
  const leaving = aboutToLeave(student, now);
  return (
    <li
      className={`monitor-tile tone-${tone}${leaving.length ? ' leaving' : ''}${selected ? ' selected' : ''}`}
    >
      {/* The button names only the student (its visible words are its name's, for speech input); its ::after
          stretches over the tile, so a click anywhere on the tile still opens the student. */}
      <span className="tile-head">
        <button
          type="button"
          className="tile-button"
          aria-pressed={selected}
          aria-label={t('monitor.watch', { name: student.displayName })}
          onClick={onSelect}
        >
          <strong>{student.displayName}</strong>
        </button>
        {student.joined ? null : <span className="tag">{t('monitor.notJoined')}</span>}
      </span>
      <span className="tile-wait" data-tone={tone}>
        <small>{t('monitor.longestWait')}</small>
        <b>{wait === null ? '—' : `${Math.floor(wait)} s`}</b>
      </span>
      <span className="tile-stats">
        <span>{t('monitor.open', { count: student.open.length })}</span>
        <span>{t('monitor.handled', { count: student.handled })}</span>
        <span className={waitClass(student.averageResponseSeconds, 'average', benchmarks)}>
          {t('monitor.average')}{' '}
          {student.averageResponseSeconds === null ? '—' : `${fmtNum(student.averageResponseSeconds)} s`}
        </span>
        <span className={waitClass(student.firstResponseSeconds, 'first', benchmarks)}>
          {t('monitor.first')}{' '}
          {student.firstResponseSeconds === null ? '—' : `${fmtNum(student.firstResponseSeconds)} s`}
        </span>
        <span className={student.alerts.length ? 'bad' : undefined}>
          {t('monitor.violations')} {student.alerts.length}
        </span>
      </span>
      {leaving.map((l) => (
        <span key={l.conversationId} className="tile-alert" role="alert">
          {t('monitor.aboutToLeave', { buyer: l.buyerName, seconds: l.seconds })}
        </span>
      ))}
      {alertCounts(student).map((a) => (
        <span key={a.kind} className="tile-note">
          {t(`rules.${a.kind}`)}
          {a.count > 1 ? ` ×${a.count}` : ''}
        </span>
      ))}
    </li>
  );
}

function Watcher({ student, onClose }: { student: StudentMonitor; onClose(): void }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const [active, setActive] = useState<string | null>(student.open[0]?.conversationId ?? null);
  const [detail, setDetail] = useState<ConversationDetailResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLOListElement>(null);
  const current =
    active && student.open.some((c) => c.conversationId === active)
      ? active
      : (student.open[0]?.conversationId ?? active);

  useEffect(() => {
    if (!current) return;
    let live = true;
    const load = () =>
      api.practice.conversation({ params: { id: current } }).then(
        (d) => live && setDetail(d),
        (err: unknown) => live && setError(errorText(err)),
      );
    void load();
    const timer = setInterval(load, 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [current, api]);

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  });

  const messages = (detail?.events ?? []).filter(
    (e) => e.event.type === 'buyer-message' || e.event.type === 'agent-message',
  );
  return (
    <section className="staff-card watcher" aria-label={t('monitor.watching', { name: student.displayName })}>
      <header className="staff-page-head">
        <h2>{t('monitor.watching', { name: student.displayName })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('monitor.close')}
        </button>
      </header>
      {student.open.length === 0 ? <p className="empty">{t('monitor.noOpen')}</p> : null}
      <div className="watch-tabs" role="tablist">
        {student.open.map((c) => (
          <button
            key={c.conversationId}
            type="button"
            role="tab"
            aria-selected={c.conversationId === current}
            className={c.conversationId === current ? 'tab active' : 'tab'}
            onClick={() => setActive(c.conversationId)}
          >
            {c.buyerName}
          </button>
        ))}
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      <ol className="watch-messages" ref={scroller} aria-live="polite">
        {messages.map((e) => {
          const ev = e.event as { type: string; text?: string; id?: string; at: number };
          return (
            <li key={e.seq} className={ev.type === 'buyer-message' ? 'watch-buyer' : 'watch-agent'}>
              <span className="bubble">{ev.text}</span>
            </li>
          );
        })}
      </ol>
      <h3>{t('monitor.violationList', { count: student.alerts.length })}</h3>
      {student.alerts.length === 0 ? (
        <p className="empty">{t('monitor.noViolations')}</p>
      ) : (
        <ol className="violation-list">
          {student.alerts.map((a) => (
            <li key={`${a.conversationId}-${a.at}-${a.kind}`}>
              <time>{formatClock(a.at)}</time> {t(`rules.${a.kind}`)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default function Monitor({ drillId }: { drillId: string }) {
  const { t } = useTranslation('staff');
  const go = useGo();
  const { api } = useServices();
  const [drill, setDrill] = useState<DrillView | null>(null);
  const [students, setStudents] = useState<StudentMonitor[]>([]);
  const [benchmarks, setBenchmarks] = useState<Benchmarks>(DEFAULT_BENCHMARKS);
  const [offset, setOffset] = useState(0);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const now = useNow(offset);

  useEffect(() => {
    // A connection of its own, WebSocket only like the workbench's (the server checks Origin on the upgrade).
    const socket: MonitorSocket = io({
      forceNew: true,
      transports: ['websocket'],
      withCredentials: true,
      reconnectionDelay: 300,
      reconnectionDelayMax: 2_000,
    });
    // The status last seen: a waiting drill that starts is watched again (its students' tiles begin then).
    let status: DrillView['status'] | null = null;
    const watch = () =>
      socket.emit('monitor:watch', { drillId }, (ack: MonitorWatchAck) => {
        if (!ack.ok) {
          setError(api.describe(ack.error));
          return;
        }
        setError(null);
        status = ack.drill.status;
        setDrill(ack.drill);
        setBenchmarks(ack.benchmarks);
        setStudents(ack.students);
        setOffset(ack.serverTime - Date.now());
      });
    socket.on('connect', () => {
      setConnected(true);
      watch();
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('connect_error', (err) => setError(api.describe({ code: handshakeRefusal(err) ?? 'network' })));
    socket.on('monitor:update', (payload) => {
      if (payload.drillId !== drillId) return;
      setOffset(payload.serverTime - Date.now());
      setStudents((list) => {
        const i = list.findIndex((s) => s.studentId === payload.student.studentId);
        if (i < 0) return [...list, payload.student];
        const next = [...list];
        next[i] = payload.student;
        return next;
      });
    });
    socket.on('drill:status', (payload) => {
      if (payload.drill.id !== drillId) return;
      setDrill(payload.drill);
      const was = status;
      status = payload.drill.status;
      if (was === 'draft' && status === 'running') watch();
    });
    return () => {
      socket.emit('monitor:unwatch', { drillId }, () => undefined);
      socket.close();
    };
  }, [drillId, api]);

  // Ending a drill ends it for the whole class, so it is confirmed first.
  const [confirmStop, setConfirmStop] = useState(false);
  async function stop() {
    try {
      const res = await api.drills.stop({ params: { id: drillId } });
      setDrill(res.drill);
    } catch (err) {
      setError(errorText(err));
    }
    setConfirmStop(false);
  }

  async function startNow() {
    try {
      const res = await api.drills.start({ params: { id: drillId } });
      setDrill(res.drill);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const waiting = drill ? drillWaiting(drill) : null;
  const joined = students.filter((s) => s.joined);
  const absent = students.filter((s) => !s.joined);
  const watched = students.find((s) => s.studentId === selected) ?? null;
  const remaining = drill?.endsAt ? Math.max(0, Math.round((drill.endsAt - now) / 1000)) : null;
  // Ending an exam early says what it means for an exam (answers become visible).
  const stopTexts = drill?.kind === 'exam' ? 'exams.stopConfirm' : 'monitor.stopConfirm';
  return (
    <div className="staff-page monitor">
      <header className="staff-page-head">
        <div>
          <h1>{t('monitor.title', { title: drill?.title ?? '' })}</h1>
          <p className="muted">
            {drill ? t(`drills.status.${drill.status}`) : ''}
            {remaining !== null && drill?.status === 'running'
              ? ` · ${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`
              : ''}
            {' · '}
            <span className={connected ? 'good' : 'bad'}>
              {connected ? t('monitor.connected') : t('monitor.disconnected')}
            </span>
          </p>
        </div>
        {drill?.status === 'finished' ? (
          <button type="button" className="primary" onClick={() => go({ page: 'results', drillId })}>
            {t('drills.results')}
          </button>
        ) : null}
        {waiting ? (
          <button type="button" className="primary" onClick={() => void startNow()}>
            {t('drills.startNow')}
          </button>
        ) : null}
        {drill?.status === 'running' ? (
          <button
            type="button"
            className="secondary"
            aria-haspopup="dialog"
            onClick={() => setConfirmStop(true)}
          >
            {t('monitor.stop')}
          </button>
        ) : null}
      </header>
      <ConfirmDialog
        open={confirmStop}
        title={t(`${stopTexts}.title`, {
          title: drill?.title ?? '',
        })}
        message={t(`${stopTexts}.message`)}
        confirmLabel={t(`${stopTexts}.confirm`)}
        cancelLabel={t(`${stopTexts}.cancel`)}
        danger
        onConfirm={stop}
        onCancel={() => setConfirmStop(false)}
      />
      <FormError error={error} />
      {waiting ? (
        <p className="monitor-waiting" role="status">
          {t('drills.waiting', waiting)}
        </p>
      ) : joined.length === 0 ? (
        <p className="empty">{t('monitor.waiting')}</p>
      ) : null}
      <ul className="monitor-grid">
        {joined.map((s) => (
          <StudentTile
            key={s.studentId}
            student={s}
            now={now}
            benchmarks={benchmarks}
            selected={s.studentId === selected}
            onSelect={() => setSelected((cur) => (cur === s.studentId ? null : s.studentId))}
          />
        ))}
      </ul>
      {absent.length > 0 ? (
        <section
          className="staff-card monitor-absent"
          aria-label={t('monitor.absentTitle', { count: absent.length })}
        >
          <h2>{t('monitor.absentTitle', { count: absent.length })}</h2>
          <ul className="absent-list">
            {absent.map((s) => (
              <li key={s.studentId}>{s.displayName}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {watched ? (
        <Watcher key={watched.studentId} student={watched} onClose={() => setSelected(null)} />
      ) : null}
    </div>
  );
}
