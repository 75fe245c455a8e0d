// A new drill for a class: its scenarios, shoppers per student, arrival interval, concurrency cap, duration,
// and optionally "start when N joined" (N at most the class's students; the server checks it too).
import type { CourseUnitRef, CreateDrillBody, PlayableScenario } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { MixFields, NumberField, ScenarioPicks } from './drill-fields.tsx';

export function NewDrillForm({
  classId,
  scenarios,
  units,
  studentCount,
  onCreated,
}: {
  classId: string;
  scenarios: readonly PlayableScenario[];
  /** The course's units in order: how the scenarios are grouped. */
  units: readonly CourseUnitRef[];
  /** The class's students: the most "start when N joined" may wait for. */
  studentCount: number;
  onCreated: () => void;
}) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [shoppers, setShoppers] = useState(3);
  const [interval, setIntervalSeconds] = useState(20);
  const [concurrency, setConcurrency] = useState(2);
  const [duration, setDuration] = useState(15);
  const [autoStart, setAutoStart] = useState(false);
  const [needed, setNeeded] = useState(1);
  const create = useSubmit(async (body: CreateDrillBody) => {
    await api.drills.create({ params: { id: classId }, body });
    setTitle('');
    onCreated();
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (picked.length === 0) {
      create.fail(t('drills.pickScenario'));
      return;
    }
    void create.run({
      title,
      settings: {
        scenarioIds: picked,
        shoppersPerStudent: shoppers,
        arrivalIntervalSeconds: interval,
        concurrency,
        durationMinutes: duration,
        ...(autoStart ? { startWhenJoined: needed } : {}),
      },
    });
  }

  return (
    <form className="staff-card drill-form" onSubmit={submit} aria-labelledby="drill-new-title">
      <h2 id="drill-new-title">{t('drills.create')}</h2>
      <label className="field">
        <span>{t('drills.name')}</span>
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
        <NumberField label={t('drills.duration')} value={duration} min={1} max={240} onChange={setDuration} />
      </div>
      <fieldset className="drill-auto-start">
        <legend>{t('drills.startMode')}</legend>
        <label className="check">
          <input type="checkbox" checked={autoStart} onChange={(e) => setAutoStart(e.target.checked)} />
          {t('drills.autoStart')}
        </label>
        {autoStart ? (
          <NumberField
            label={t('drills.autoStartCount', { count: studentCount })}
            value={needed}
            min={1}
            max={Math.max(1, studentCount)}
            onChange={setNeeded}
          />
        ) : null}
        <p className="muted small">{t(autoStart ? 'drills.autoStartHint' : 'drills.manualStartHint')}</p>
      </fieldset>
      <FormError error={create.error} />
      <button type="submit" className="primary" disabled={create.busy || !title.trim()}>
        {t('drills.submit')}
      </button>
    </form>
  );
}
