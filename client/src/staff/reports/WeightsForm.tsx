// The class's grade weights (system, exam, teacher, mentor, self): any non-negative numbers, shown as shares;
// and whether solo practice counts in the system part (drills and exams count as each is marked).
import type { ClassView, GradeWeights, UpdateClassBody } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { WeightFields } from '../WeightFields.tsx';

const PARTS = ['system', 'exam', 'teacher', 'mentor', 'self'] as const;

export function WeightsForm({ cls, onSaved }: { cls: ClassView; onSaved(): void }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const [weights, setWeights] = useState<Record<keyof GradeWeights, string>>({
    system: String(cls.gradeWeights.system),
    exam: String(cls.gradeWeights.exam),
    teacher: String(cls.gradeWeights.teacher),
    mentor: String(cls.gradeWeights.mentor),
    self: String(cls.gradeWeights.self),
  });
  const [solo, setSolo] = useState(cls.gradeSolo);
  const [saved, setSaved] = useState(false);
  const numbers = PARTS.map((p) => Number(weights[p]));
  const sum = numbers.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const save = useSubmit(async (gradeWeights: GradeWeights) => {
    const body: UpdateClassBody = { gradeWeights, gradeSolo: solo };
    await api.classes.update({ params: { id: cls.id }, body });
    setSaved(true);
    onSaved();
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (numbers.some((n) => !Number.isFinite(n) || n < 0 || n > 100) || sum === 0) {
      save.fail(t('weights.invalid'));
      return;
    }
    void save.run(Object.fromEntries(PARTS.map((p, i) => [p, numbers[i]])) as unknown as GradeWeights);
  }

  return (
    <form className="staff-card weights-form" onSubmit={submit}>
      <h3>{t('weights.title')}</h3>
      <div className="weights-row">
        <WeightFields
          keys={PARTS}
          values={weights}
          label={(p) => t(`weights.${p}`)}
          onChange={(p, value) => setWeights((w) => ({ ...w, [p]: value }))}
        />
        <button type="submit" className="secondary" disabled={save.busy}>
          {t('weights.save')}
        </button>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={solo} onChange={(e) => setSolo(e.target.checked)} />
        {t('weights.solo')}
      </label>
      <FormError error={save.error} />
      {saved ? (
        <p className="good" role="status">
          {t('weights.saved')}
        </p>
      ) : null}
    </form>
  );
}
