// 草稿 / 发布 for the open scenario: where it stands (a draft, or published to every class or one), what the
// draft changes against the published version, and 发布 of the saved draft to every class or one class —
// the server proves that version first and refuses it when the proof fails. A scenario the user may not
// change (shipped, or someone else's) offers 复制后编辑 instead; one's own saved scenario can be 删除 (confirmed).

import type { StudioScenario } from '@kefu/shared/protocol';
import { contentHash } from '@kefu/shared/scenario';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { FormError } from '../../forms/FormError.tsx';
import { useSubmit } from '../../forms/use-submit.ts';
import type { StudioFileDraft } from '../../stores/studio-draft.ts';
import { lineDiff } from './line-diff.ts';

/** Lines of a difference shown at most (a whole new file would be hundreds). */
const DIFF_LINES_SHOWN = 200;

export interface PublishBarProps {
  /** The open scenario as the studio lists it (undefined: never saved). */
  entry: StudioScenario | undefined;
  open: StudioFileDraft;
  /** The published version's text (null: not published). */
  publishedText: string | null;
  /** Classes this user may publish to. */
  classes: readonly { id: string; name: string }[];
  /** The open text validates. */
  valid: boolean;
  /** After a publish, a copy or a delete: the library is loaded again (and the copy opened). */
  onChanged(openId?: string): void;
}

export function PublishBar({ entry, open, publishedText, classes, valid, onChanged }: PublishBarProps) {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const selectId = useId();
  const [classId, setClassId] = useState(entry?.publication?.classId ?? '');
  const [done, setDone] = useState<string | null>(null);
  const where = (cls: { classId: string | null; className: string | null }) =>
    cls.classId === null ? t('studio.scenarioPublish.allClasses') : (cls.className ?? '');

  const publish = useSubmit(async (id: string, version: string) => {
    setDone(null);
    const res = await api.studio.publishScenario({
      params: { id },
      body: { version, classId: classId === '' ? null : classId },
    });
    setDone(t('studio.scenarioPublish.done', { where: where(res.publication) }));
    onChanged();
  });
  const copy = useSubmit(async (id: string) => {
    const res = await api.studio.copyScenario({ params: { id } });
    onChanged(res.scenarioId);
  });
  const [deleting, setDeleting] = useState(false);
  async function remove(id: string) {
    await api.studio.deleteScenario({ params: { id } });
    setDeleting(false);
    onChanged();
  }

  const diff = useMemo(
    () => (publishedText === null ? [] : lineDiff(publishedText, open.text)),
    [publishedText, open.text],
  );

  if (entry && !entry.editable) {
    return (
      <section className="studio-publish" aria-label={t('studio.scenarioPublish.label')}>
        <span className="tag">{statusText(entry)}</span>
        <span className="muted small">
          {entry.status === 'shipped'
            ? t('studio.scenarioPublish.readOnlyShipped')
            : t('studio.scenarioPublish.readOnlyOthers', { owner: entry.owner?.displayName ?? '' })}
        </span>
        <button
          type="button"
          className="primary"
          disabled={copy.busy}
          onClick={() => void copy.run(entry.id)}
        >
          {t('studio.scenarioPublish.copy')}
        </button>
        <FormError error={copy.error} />
      </section>
    );
  }

  function statusText(e: StudioScenario | undefined): string {
    if (!e) return t('studio.scenarioPublish.unsaved');
    if (e.status === 'shipped') return t('studio.scenarioPublish.shipped');
    if (e.publication === null) return t('studio.scenarioPublish.draft');
    return t('studio.scenarioPublish.published', { where: where(e.publication) });
  }

  const saved = open.saved !== '' && open.saved === open.text;
  const version = saved ? contentHash(open.saved) : null;
  const id = entry?.id;
  const isPublished = version !== null && entry?.publication?.version === version;
  return (
    <section className="studio-publish" aria-label={t('studio.scenarioPublish.label')}>
      <span className={`tag ${entry?.publication ? 'tag-green' : 'tag-orange'}`}>{statusText(entry)}</span>
      {entry?.publication && diff.length > 0 ? (
        <span className="tag tag-orange">{t('studio.scenarioPublish.changed')}</span>
      ) : null}
      {entry?.copiedFrom ? (
        <span className="muted small">
          {t('studio.scenarioPublish.copiedFrom', { title: entry.copiedFrom.title })}
        </span>
      ) : null}
      <label htmlFor={selectId}>{t('studio.scenarioPublish.to')}</label>
      <select id={selectId} value={classId} onChange={(e) => setClassId(e.target.value)}>
        <option value="">{t('studio.scenarioPublish.allClasses')}</option>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        disabled={publish.busy || !saved || !valid || !id || version === null}
        onClick={() => id && version && void publish.run(id, version)}
      >
        {t('studio.scenarioPublish.button')}
      </button>
      {!saved ? <span className="muted small">{t('studio.scenarioPublish.saveFirst')}</span> : null}
      {saved && isPublished && diff.length === 0 ? (
        <span className="muted small">{t('studio.scenarioPublish.same')}</span>
      ) : null}
      {id ? (
        <>
          <button
            type="button"
            className="secondary"
            aria-haspopup="dialog"
            onClick={() => setDeleting(true)}
          >
            {t('studio.scenarioPublish.delete')}
          </button>
          <ConfirmDialog
            open={deleting}
            title={t('studio.scenarioPublish.deleteTitle', { title: entry?.title ?? id })}
            message={t('studio.scenarioPublish.deleteMessage')}
            confirmLabel={t('studio.scenarioPublish.deleteConfirm')}
            cancelLabel={t('studio.scenarioPublish.deleteCancel')}
            danger
            onConfirm={() => remove(id)}
            onCancel={() => setDeleting(false)}
          />
        </>
      ) : null}
      <FormError error={publish.error} />
      {done ? (
        <p className="good" role="status">
          {done}
        </p>
      ) : null}
      {diff.length > 0 ? (
        <details className="studio-diff">
          <summary>{t('studio.scenarioPublish.diff', { count: diff.length })}</summary>
          <ul aria-label={t('studio.scenarioPublish.diff', { count: diff.length })}>
            {diff.slice(0, DIFF_LINES_SHOWN).map((d) => (
              <li key={`${d.op}${d.line}`} className={d.op === '+' ? 'diff-added' : 'diff-removed'}>
                <span className="muted small">
                  {d.op === '+' ? t('studio.scenarioPublish.added') : t('studio.scenarioPublish.removed')}{' '}
                  {d.line}
                </span>{' '}
                <code>{d.text || ' '}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
