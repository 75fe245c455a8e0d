// Adds the reviewer's part of the multi-party grade for one student: an instructor scores as teacher,
// a trainer as enterprise mentor (the server decides the kind from the role).

import { MAX_COMMENT_CHARS } from '@kefu/shared/api/limits';
import type { ClassReportRow, EvaluationBody, Role } from '@kefu/shared/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { Field } from '../../forms/Field.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';

export function evaluationKindOf(role: Role): 'teacher' | 'mentor' | 'self' {
  return role === 'trainer' ? 'mentor' : role === 'student' ? 'self' : 'teacher';
}

export function GradeForm({
  row,
  classId,
  reviewerRole,
  onSaved,
  onCancel,
}: {
  row: ClassReportRow;
  classId: string;
  reviewerRole: Role;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const kind = evaluationKindOf(reviewerRole);
  const current = kind === 'mentor' ? row.grade.mentor : row.grade.teacher;
  const [score, setScore] = useState(current === null ? '' : String(current));
  const [comment, setComment] = useState('');
  const save = useSubmit(async (body: EvaluationBody) => {
    await api.evaluations.create({ body });
    onSaved();
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = Number(score);
    if (score.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      save.fail(t('grade.range'));
      return;
    }
    void save.run({ studentId: row.student.id, classId, score: value, comment });
  }

  return (
    <form
      noValidate
      className="staff-card grade-form"
      onSubmit={submit}
      aria-label={t('grade.title', { name: row.student.displayName })}
    >
      <h3>{t('grade.title', { name: row.student.displayName })}</h3>
      <p className="muted">{t(kind === 'mentor' ? 'grade.asMentor' : 'grade.asTeacher')}</p>
      <Field label={t(kind === 'mentor' ? 'grade.mentorScore' : 'grade.teacherScore')}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={0}
            max={100}
            step={1}
            value={score}
            onChange={(e) => setScore(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('grade.comment')}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={MAX_COMMENT_CHARS}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        )}
      </Field>
      <FormError error={save.error} />
      <div className="staff-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {t('grade.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
