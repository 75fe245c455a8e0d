// Rubric editor per class: dimension weights and thresholds (3 s / 30 s by default), a preview of how the
// last 7 days' reports would change (scored again by the server, each conversation with the scenario version
// it was played with), and save as a new rubric for the class.

import { DIMENSIONS, type Dimension, type Rubric } from '@kefu/shared';
import type {
  ClassDetailResponse,
  RubricPreviewRow,
  SaveRubricBody,
  UpdateClassBody,
} from '@kefu/shared/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import { fmtNum } from '../reports/format.ts';
import { WeightFields } from '../WeightFields.tsx';

const THRESHOLDS = ['firstResponseSeconds', 'responseSeconds'] as const;
type Threshold = (typeof THRESHOLDS)[number];
const DEFAULT_THRESHOLDS: Record<Threshold, number> = { firstResponseSeconds: 3, responseSeconds: 30 };
/** Once shown, the preview follows the form: one request per pause in typing. */
const PREVIEW_DEBOUNCE_MS = 300;

export function draftRubric(
  base: Rubric,
  weights: Record<Dimension, string>,
  thresholds: Record<Threshold, string>,
): Rubric | null {
  const w = Object.fromEntries(DIMENSIONS.map((d) => [d, Number(weights[d])])) as Record<Dimension, number>;
  const th = { first: Number(thresholds.firstResponseSeconds), resp: Number(thresholds.responseSeconds) };
  if (Object.values(w).some((x) => !Number.isFinite(x) || x < 0 || x > 100)) return null;
  if (Object.values(w).every((x) => x === 0)) return null;
  if (!(th.first > 0 && th.resp > 0 && th.first <= 3600 && th.resp <= 3600)) return null;
  return {
    ...base,
    weights: w,
    thresholds: { ...base.thresholds, firstResponseSeconds: th.first, responseSeconds: th.resp },
  };
}

export default function RubricEditor({ classId }: { classId: string }) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  // The class's detail carries the rubric in force: no library is loaded in the page for it.
  const cls = useLoad(routes.classes.get, { params: { id: classId } });
  if (cls.error) return <FormError error={cls.error} />;
  if (!cls.data) return <p className="muted">{t('common.loading')}</p>;
  const current = cls.data.rubric;
  return <RubricForm key={current.id} detail={cls.data} current={current} api={api} />;
}

function RubricForm({
  detail,
  current,
  api,
}: {
  detail: ClassDetailResponse;
  current: Rubric;
  api: ReturnType<typeof useServices>['api'];
}) {
  const { t } = useTranslation('staff');
  const [weights, setWeights] = useState<Record<Dimension, string>>(
    () =>
      Object.fromEntries(DIMENSIONS.map((d) => [d, String(current.weights[d])])) as Record<Dimension, string>,
  );
  const [thresholds, setThresholds] = useState<Record<Threshold, string>>({
    firstResponseSeconds: String(current.thresholds.firstResponseSeconds),
    responseSeconds: String(current.thresholds.responseSeconds),
  });
  const [rows, setRows] = useState<RubricPreviewRow[] | null>(null);
  const [saved, setSaved] = useState(false);
  const uid = useId();
  const draft = draftRubric(current, weights, thresholds);
  const body: SaveRubricBody | null = draft
    ? {
        basedOn: current.id,
        name: `${detail.class.name} ${t('rubric.suffix')}`,
        weights: draft.weights,
        thresholds: {
          firstResponseSeconds: draft.thresholds.firstResponseSeconds,
          responseSeconds: draft.thresholds.responseSeconds,
        },
      }
    : null;
  const bodyKey = body ? JSON.stringify(body) : null;

  const previewed = useRef<string | null>(null);
  const preview = useSubmit(async (key: string) => {
    previewed.current = key;
    const result = await api.reports.rubricPreview({
      params: { id: detail.class.id },
      body: JSON.parse(key) as SaveRubricBody,
    });
    setRows(result.rows);
  });
  const shown = rows !== null;
  const runPreview = preview.run;
  useEffect(() => {
    if (!shown || bodyKey === null || bodyKey === previewed.current) return;
    const timer = setTimeout(() => void runPreview(bodyKey), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [shown, bodyKey, runPreview]);
  const loadPreview = () => {
    if (bodyKey === null) preview.fail(t('rubric.invalid'));
    else void preview.run(bodyKey);
  };

  const saving = useSubmit(async (rubric: SaveRubricBody) => {
    const result = await api.studio.saveRubric({ body: rubric });
    const patch: UpdateClassBody = { rubricId: result.rubricId };
    await api.classes.update({ params: { id: detail.class.id }, body: patch });
    setSaved(true);
  });
  const busy = preview.busy || saving.busy;

  function save(e: React.FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!body) {
      saving.fail(t('rubric.invalid'));
      return;
    }
    void saving.run(body);
  }

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <div>
          <h1>{t('rubric.title', { name: detail.class.name })}</h1>
          <p className="muted">{t('rubric.current', { name: current.name })}</p>
        </div>
      </header>
      <form className="staff-card rubric-form" onSubmit={save}>
        <fieldset>
          <legend>{t('rubric.weights')}</legend>
          <div className="weights-row">
            <WeightFields
              keys={DIMENSIONS}
              values={weights}
              label={(d) => t(`dimensions.${d}`)}
              onChange={(d, value) => setWeights((w) => ({ ...w, [d]: value }))}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('rubric.thresholds')}</legend>
          <div className="weights-row">
            {THRESHOLDS.map((k) => (
              <div key={k} className="weight-field">
                <label htmlFor={`${uid}-${k}`}>{t(`rubric.${k}`)}</label>
                <input
                  id={`${uid}-${k}`}
                  type="number"
                  min={0.5}
                  max={3600}
                  step={0.5}
                  value={thresholds[k]}
                  onChange={(e) => setThresholds((th) => ({ ...th, [k]: e.target.value }))}
                />
                <small className="muted">{t('rubric.defaultIs', { value: DEFAULT_THRESHOLDS[k] })}</small>
              </div>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setThresholds({
                  firstResponseSeconds: String(DEFAULT_THRESHOLDS.firstResponseSeconds),
                  responseSeconds: String(DEFAULT_THRESHOLDS.responseSeconds),
                })
              }
            >
              {t('rubric.resetDefaults')}
            </button>
          </div>
        </fieldset>
        <FormError error={draft ? null : t('rubric.invalid')} />
        <div className="staff-actions">
          <button type="button" className="secondary" disabled={busy} onClick={loadPreview}>
            {t('rubric.previewRun')}
          </button>
          <button type="submit" className="primary" disabled={busy || !draft}>
            {t('rubric.save')}
          </button>
        </div>
        <FormError error={saving.error ?? preview.error} />
        {saved ? (
          <p className="good" role="status">
            {t('rubric.saved')}
          </p>
        ) : null}
      </form>
      {rows ? (
        <section className="staff-card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('rubric.preview')}</h2>
          {rows.length === 0 ? (
            <p className="empty">{t('rubric.previewNone')}</p>
          ) : (
            <table className="staff-table" aria-labelledby="preview-title">
              <thead>
                <tr>
                  <th scope="col">{t('table.student')}</th>
                  <th scope="col" className="num">
                    {t('table.conversations')}
                  </th>
                  <th scope="col" className="num">
                    {t('rubric.before')}
                  </th>
                  <th scope="col" className="num">
                    {t('rubric.after')}
                  </th>
                  <th scope="col" className="num">
                    {t('rubric.delta')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.student.id}>
                    <th scope="row">{r.student.displayName}</th>
                    <td className="num">{r.conversations}</td>
                    <td className="num">{fmtNum(r.before)}</td>
                    <td className="num">{fmtNum(r.after)}</td>
                    <td className={`num ${r.delta < 0 ? 'bad' : r.delta > 0 ? 'good' : ''}`}>
                      {r.delta > 0 ? '+' : ''}
                      {fmtNum(r.delta)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}
