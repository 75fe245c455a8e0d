// A new exam for a class: a drill with a window. Its scenarios, buyers per student, arrival interval and
// concurrency cap as a drill's; the opening and closing time instead of a length; whether it counts in the
// grade. It opens and closes by itself; each student starts it once (the server checks the window too).
import type { CourseUnitRef, CreateExamBody, PlayableScenario } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { MixFields, ScenarioPicks } from './drill-fields.tsx';

const MINUTE = 60_000;

/** A time as a datetime-local input shows it (local time, minutes). */
export function toLocalInput(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function NewExamForm({
  classId,
  scenarios,
  units,
  onCreated,
}: {
  classId: string;
  scenarios: readonly PlayableScenario[];
  /** The course's units in order: how the scenarios are grouped. */
  units: readonly CourseUnitRef[];
  onCreated: () => void;
}) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [shoppers, setShoppers] = useState(3);
  const [interval, setIntervalSeconds] = useState(60);
  const [concurrency, setConcurrency] = useState(2);
  // Next quarter hour, for 45 minutes: a lesson's exam.
  const [opens, setOpens] = useState(() => toLocalInput(Math.ceil(Date.now() / (15 * MINUTE)) * 15 * MINUTE));
  const [closes, setCloses] = useState(() =>
    toLocalInput(Math.ceil(Date.now() / (15 * MINUTE)) * 15 * MINUTE + 45 * MINUTE),
  );
  const [graded, setGraded] = useState(true);
  const create = useSubmit(async (body: CreateExamBody) => {
    await api.exams.create({ params: { id: classId }, body });
    setTitle('');
    onCreated();
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (picked.length === 0) {
      create.fail(t('drills.pickScenario'));
      return;
    }
    const opensAt = new Date(opens).getTime();
    const closesAt = new Date(closes).getTime();
    if (!Number.isFinite(opensAt) || !Number.isFinite(closesAt)) {
      create.fail(t('exams.pickTimes'));
      return;
    }
    void create.run({
      title,
      settings: {
        scenarioIds: picked,
        shoppersPerStudent: shoppers,
        arrivalIntervalSeconds: interval,
        concurrency,
      },
      opensAt,
      closesAt,
      graded,
    });
  }

  return (
    <form className="staff-card drill-form" onSubmit={submit} aria-labelledby="exam-new-title">
      <h2 id="exam-new-title">{t('exams.create')}</h2>
      <label className="field">
        <span>{t('exams.name')}</span>
        <input value={title} maxLength={60} required onChange={(e) => setTitle(e.target.value)} />
      </label>
      <ScenarioPicks scenarios={scenarios} units={units} picked={picked} onChange={setPicked} />
      <div className="drill-numbers">
        <MixFields
          shoppers={shoppers}
          interval={interval}
          concurrency={concurrency}
          onShoppers={setShoppers}
          onInterval={setIntervalSeconds}
          onConcurrency={setConcurrency}
        />
        <label className="field">
          <span>{t('exams.opensAt')}</span>
          <input type="datetime-local" value={opens} required onChange={(e) => setOpens(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('exams.closesAt')}</span>
          <input type="datetime-local" value={closes} required onChange={(e) => setCloses(e.target.value)} />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={graded} onChange={(e) => setGraded(e.target.checked)} />
        {t('exams.graded')}
      </label>
      <p className="muted small">{t('exams.hint')}</p>
      <FormError error={create.error} />
      <button type="submit" className="primary" disabled={create.busy || !title.trim()}>
        {t('exams.submit')}
      </button>
    </form>
  );
}
