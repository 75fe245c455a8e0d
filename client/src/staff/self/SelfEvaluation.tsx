// The student's part of the multi-party grade: a self-evaluation (score and comment) per class, beside
// the grade as it stands (system score, teacher, mentor, self and the weighted final grade).

import { MAX_COMMENT_CHARS } from '@kefu/shared/api/limits';
import type { EvaluationBody } from '@kefu/shared/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { useSession } from '../../stores/index.ts';
import '../i18n/index.ts';
import { useLoad } from '../../api/use-load.ts';
import { fmtNum } from '../reports/format.ts';
import './self.css';

function ClassSelf({
  classId,
  className,
  studentId,
}: {
  classId: string;
  className: string;
  studentId: string;
}) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const report = useLoad(routes.reports.student, { params: { id: studentId }, query: { classId } });
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState(false);
  const scoreId = useId();
  const commentId = useId();
  const grade = report.data?.grade;
  const save = useSubmit(async (body: EvaluationBody) => {
    await api.evaluations.create({ body });
    setSaved(true);
    setScore('');
    setComment('');
    report.reload();
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    const value = Number(score);
    if (score.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      save.fail(t('grade.range'));
      return;
    }
    void save.run({ studentId, classId, score: value, comment });
  }

  return (
    <form
      noValidate
      className="self-eval"
      onSubmit={submit}
      aria-label={t('self.title', { name: className })}
    >
      <h3>{t('self.title', { name: className })}</h3>
      {grade ? (
        <p className="muted">
          {t('self.grade', {
            system: fmtNum(grade.system),
            exam: fmtNum(grade.exam),
            teacher: fmtNum(grade.teacher),
            mentor: fmtNum(grade.mentor),
            self: fmtNum(grade.self),
            total: fmtNum(grade.total),
          })}
        </p>
      ) : null}
      <div className="self-eval-row">
        <label htmlFor={scoreId}>{t('self.score')}</label>
        <input
          id={scoreId}
          type="number"
          min={0}
          max={100}
          value={score}
          onChange={(e) => setScore(e.target.value)}
        />
        <label htmlFor={commentId}>{t('self.comment')}</label>
        <input
          id={commentId}
          maxLength={MAX_COMMENT_CHARS}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <button type="submit" className="secondary" disabled={save.busy}>
          {t('self.submit')}
        </button>
      </div>
      <FormError error={save.error} />
      {saved ? (
        <p className="good" role="status">
          {t('self.saved')}
        </p>
      ) : null}
    </form>
  );
}

export default function SelfEvaluation() {
  const { t } = useTranslation('staff');
  const user = useSession((s) => s.user);
  const classes = useLoad(routes.classes.list);
  if (user?.role !== 'student' || !classes.data || classes.data.classes.length === 0) return null;
  return (
    <section className="home-section" aria-labelledby="self-eval-title">
      <h2 id="self-eval-title">{t('self.section')}</h2>
      {classes.data.classes.map((c) => (
        <ClassSelf key={c.id} classId={c.id} className={c.name} studentId={user.id} />
      ))}
    </section>
  );
}
