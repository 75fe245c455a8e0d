// The class's grade weights (system, teacher, mentor, self): any non-negative numbers, shown as shares.
import type { ClassView, GradeWeights, UpdateClassBody } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { errorText } from '../use-load.ts';
import { WeightFields } from '../WeightFields.tsx';

const PARTS = ['system', 'teacher', 'mentor', 'self'] as const;

export function WeightsForm({ cls, onSaved }: { cls: ClassView; onSaved(): void }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const [weights, setWeights] = useState<Record<keyof GradeWeights, string>>({
    system: String(cls.gradeWeights.system),
    teacher: String(cls.gradeWeights.teacher),
    mentor: String(cls.gradeWeights.mentor),
    self: String(cls.gradeWeights.self),
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const numbers = PARTS.map((p) => Number(weights[p]));
  const sum = numbers.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (numbers.some((n) => !Number.isFinite(n) || n < 0 || n > 100) || sum === 0) {
      setMessage({ ok: false, text: t('weights.invalid') });
      return;
    }
    try {
      const gradeWeights = Object.fromEntries(
        PARTS.map((p, i) => [p, numbers[i]]),
      ) as unknown as GradeWeights;
      const body: UpdateClassBody = { gradeWeights };
      await api.classes.update({ params: { id: cls.id }, body });
      setMessage({ ok: true, text: t('weights.saved') });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }

  return (
    <form className="staff-card weights-form" onSubmit={(e) => void save(e)}>
      <h3>{t('weights.title')}</h3>
      <div className="weights-row">
        <WeightFields
          keys={PARTS}
          values={weights}
          label={(p) => t(`weights.${p}`)}
          onChange={(p, value) => setWeights((w) => ({ ...w, [p]: value }))}
        />
        <button type="submit" className="secondary">
          {t('weights.save')}
        </button>
      </div>
      {message ? (
        <p className={message.ok ? 'good' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
