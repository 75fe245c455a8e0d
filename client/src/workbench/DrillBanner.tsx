// A class drill or exam in the workbench: its name, 等待学生加入 (k/N) while it waits for its students, the time
// left on the server clock, and "演练已结束" / "考试已结束" once the instructor ended it or its time ran out (the
// buyers stop then; the report judges what was due by then).
import { drillWaiting } from '@kefu/shared/api/drill-start';
import type { DrillView } from '@kefu/shared/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClockValue } from '../app/clock.ts';
import { useServices } from '../app/context.tsx';
import { useConnection, useConversations, usePractice, useSession } from '../stores/index.ts';
import { formatWait } from './format.ts';

export function DrillBanner() {
  const { t } = useTranslation();
  const { api, ticker } = useServices();
  const userId = useSession((s) => s.user?.id ?? null);
  const joinedDrill = usePractice((s) => (s.owner === userId ? s.drillId : null));
  const drillId =
    useConversations((s) => s.ids.map((id) => s.byId[id]?.view.drillId).find((d) => d) ?? null) ??
    joinedDrill;
  const drillChanges = useConnection((s) => s.drillChanges);
  const offset = useConversations((s) => s.clockOffset);
  const [drill, setDrill] = useState<DrillView | null>(null);
  // Rendered when the time left (whole seconds) or "time is up" changes, not on every tick.
  const endsAt = drill?.endsAt ?? null;
  const timeUp = useClockValue(ticker, (now) => endsAt !== null && now + offset >= endsAt);
  const left = useClockValue(ticker, (now) => (endsAt === null ? '' : formatWait(endsAt - (now + offset))));

  useEffect(() => {
    void drillChanges;
    if (!drillId) return;
    let live = true;
    api.drills.get({ params: { id: drillId } }).then(
      (r) => live && setDrill(r.drill),
      // The banner is a convenience: without it the workbench still works.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, drillId, drillChanges]);

  if (!drillId || !drill || drill.id !== drillId) return null;
  const over = drill.status === 'finished' || timeUp;
  const waiting = drillWaiting(drill);
  const exam = drill.kind === 'exam';
  return (
    <p className={`drill-banner${over ? ' over' : ''}`} role="status">
      <strong>{t(exam ? 'workbench.exam' : 'workbench.drill', { title: drill.title })}</strong>{' '}
      {over ? (
        <span>{t(exam ? 'workbench.examOver' : 'workbench.drillOver')}</span>
      ) : waiting ? (
        <span>{t('workbench.drillWaiting', waiting)}</span>
      ) : drill.endsAt !== null ? (
        <span>{t('workbench.drillLeft', { time: left })}</span>
      ) : null}
    </p>
  );
}
