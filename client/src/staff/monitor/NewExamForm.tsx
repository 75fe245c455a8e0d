// A new exam for a class: a drill with a window. Its scenarios, buyers per student, arrival interval and
// concurrency cap as a drill's; the opening and closing time instead of a length; whether it counts in the
// grade. It opens and closes by itself; each student starts it once (the server checks the window too).
import type { CourseUnitRef, CreateExamBody, PlayableScenario } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { useConversations } from '../../stores/index.ts';
import { MixFields, ScenarioPicks } from './drill-fields.tsx';
import { WhenField } from './WhenField.tsx';

const MINUTE = 60_000;

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
  const { api, ticker } = useServices();
  // The server's clock (what it checks the window by), as the page learnt it at login.
  const offset = useConversations((s) => s.clockOffset);
  const now = () => ticker.now() + offset;
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [shoppers, setShoppers] = useState(3);
  const [interval, setIntervalSeconds] = useState(60);
  const [concurrency, setConcurrency] = useState(2);
  // Next quarter hour, for 45 minutes: a lesson's exam.
  const [opensAt, setOpensAt] = useState(() => Math.ceil(now() / (15 * MINUTE)) * 15 * MINUTE);
  const [closesAt, setClosesAt] = useState(() => opensAt + 45 * MINUTE);
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
    // Whole minutes: the minute now running may still be chosen.
    if (opensAt + MINUTE <= now()) {
      create.fail(t('exams.opensPast'));
      return;
    }
    if (closesAt <= opensAt) {
      create.fail(t('exams.closesBeforeOpens'));
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
        <WhenField label={t('exams.opensAt')} value={opensAt} from={now()} onChange={setOpensAt} />
        <WhenField label={t('exams.closesAt')} value={closesAt} from={now()} onChange={setClosesAt} />
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
