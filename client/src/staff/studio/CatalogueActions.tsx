// The toolbar of an open catalogue file (product, category, quick phrases, lexicon): 保存草稿 stores it as a
// draft version; 发布 saves it, proves against it the scenarios whose proof reads what changed (off the
// page's thread, with progress), and only then asks the server, which proves them again before it puts the
// change in force. A change no scenario reads goes to the server at once.
import { failedRunAt, type ProofFailure, type ProofRun, runFailure, scenariosAffected } from '@kefu/shared';
import type { Library } from '@kefu/shared/scenario';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HttpError } from '../../api/http.ts';
import { errorText } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { ConfirmDialog } from '../../forms/ConfirmDialog.tsx';
import { useStores } from '../../stores/index.ts';
import type { StudioFileDraft } from '../../stores/studio-draft.ts';
import { savedTime } from './saved-time.ts';
import { idOf } from './studio-files.ts';
import type { useProof } from './use-studio.ts';
import type { Checker } from './validate.ts';

export interface StudioMessage {
  ok: boolean;
  text: string;
  /** The scenarios a change breaks, each at its failing run's place (a refused 发布). */
  failures?: ProofFailure[];
}

export interface CatalogueActionsProps {
  open: StudioFileDraft;
  checker: Checker;
  /** The library with the open file as it is now, when it is valid (null while checking or with errors). */
  library: Library | null;
  proof: ReturnType<typeof useProof>;
  onMessage(message: StudioMessage | null): void;
  /** After a save or a publication: the library is loaded again. */
  onSaved(): void;
  /** Whether the versions are shown (below the toolbar), and the button that shows or hides them. */
  history: boolean;
  onHistory(show: boolean): void;
  /** A saved draft of a new file, never published: 删除草稿 throws it away (its author or an admin). */
  newDraft?: boolean;
}

export function CatalogueActions({
  open,
  checker,
  library,
  proof,
  onMessage,
  onSaved,
  history,
  onHistory,
  newDraft = false,
}: CatalogueActionsProps) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useServices();
  const stores = useStores();
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);

  /** 删除草稿: every saved version goes; the editor closes and the list is loaded again. */
  async function deleteDraft() {
    await api.studio.deleteCatalogueDraft({ query: { path: open.path } });
    setDeleting(false);
    stores.studio.getState().openFile(null);
    onSaved();
  }

  /**
   * Where the file is saved: a new file never saved is named after the id its author gave it (the template
   * came with a placeholder one); after its first save its path stays.
   */
  function savePath(): string {
    const id = idOf(open.text);
    return open.saved === '' && id ? open.path.replace(/[^/]+\.yaml$/, `${id}.yaml`) : open.path;
  }

  async function saveDraft(): Promise<{ path: string; version: string } | null> {
    const path = savePath();
    try {
      const res = await api.studio.saveCatalogue({ body: { path, text: open.text } });
      onMessage({
        ok: true,
        // The version is a content hash: say when it was saved instead.
        text: res.created
          ? t('studio.draftSaved', { time: savedTime(i18n.language) })
          : t('studio.draftUnchanged'),
      });
      stores.studio.getState().markSaved(path, open.text);
      onSaved();
      return { path, version: res.version };
    } catch (err) {
      onMessage({ ok: false, text: errorText(err) });
      return null;
    }
  }

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    onMessage(null);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    if (!library) {
      onMessage({ ok: false, text: t('studio.fixFirst') });
      return;
    }
    const saved = await saveDraft();
    if (!saved) return;
    // The same scenarios the server proves: those whose proof reads something the edit changed.
    const scenarioIds = scenariosAffected(checker.library, library);
    const runs =
      scenarioIds.length === 0
        ? []
        : await proof.prove({ files: checker.filesWith({ ...open, path: saved.path }), scenarioIds });
    if (!runs) return;
    // Each broken scenario's first failing run, at its place in the scenario's file.
    const files = checker.filesWith({ ...open, path: saved.path });
    const failures = new Map<string, ProofFailure>();
    for (const run of runs as ProofRun[]) {
      const scenario = library.buyers.get(run.scenarioId);
      const file = files.find((f) => f.path === library.files.get(run.scenarioId));
      if (run.ok || failures.has(run.scenarioId) || !scenario || !file) continue;
      const { line, col } = failedRunAt(file, scenario, run);
      const where = { scenarioId: run.scenarioId, title: scenario.title, file: file.path, line, col };
      failures.set(run.scenarioId, { ...runFailure(run), ...where });
    }
    if (failures.size > 0) {
      onMessage({
        ok: false,
        text: t('studio.publishRefused', { count: failures.size }),
        failures: [...failures.values()],
      });
      return;
    }
    onMessage({
      ok: true,
      text: scenarioIds.length
        ? t('studio.publishChecking', { count: scenarioIds.length })
        : t('studio.publishCheckingNone'),
    });
    try {
      let res = await api.studio.publishCatalogue({ body: saved });
      // The server proves a long list in steps, saying how far it got: asked again, it goes on.
      while (res.status === 'proving') {
        onMessage({ ok: true, text: t('studio.publishProving', { done: res.done, total: res.total }) });
        res = await api.studio.publishCatalogue({ body: saved });
      }
      const { affected } = res;
      onMessage({
        ok: true,
        text:
          affected.length === 0
            ? t('studio.publishedNone')
            : affected.length >= library.buyers.size
              ? t('studio.publishedAll', { count: affected.length })
              : t('studio.published', { count: affected.length }),
      });
      onSaved();
    } catch (err) {
      // A refusal naming the failing runs: said here, rules by their names, not the server's Chinese list.
      const failures = err instanceof HttpError ? err.proof : undefined;
      if (failures?.length && err instanceof HttpError) {
        const count = Number(err.params?.count ?? failures.length);
        onMessage({ ok: false, text: t('studio.publishRefused', { count }), failures });
      } else onMessage({ ok: false, text: errorText(err) });
    }
  }

  const unsaved = open.text !== open.saved;
  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy || !library || !unsaved}
        onClick={() =>
          void run(async () => {
            await saveDraft();
          })
        }
      >
        {t('studio.saveDraft')}
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy || !library || proof.state.status === 'running'}
        onClick={() => void run(publish)}
      >
        {t('studio.publish')}
      </button>
      <button type="button" className="secondary" aria-expanded={history} onClick={() => onHistory(!history)}>
        {t('studio.history')}
      </button>
      {newDraft ? (
        <>
          <button
            type="button"
            className="secondary"
            aria-haspopup="dialog"
            disabled={busy}
            onClick={() => setDeleting(true)}
          >
            {t('studio.deleteDraft')}
          </button>
          <ConfirmDialog
            open={deleting}
            title={t('studio.deleteDraftTitle')}
            message={t('studio.deleteDraftMessage')}
            confirmLabel={t('studio.deleteDraft')}
            cancelLabel={t('common.cancel')}
            danger
            onConfirm={deleteDraft}
            onCancel={() => setDeleting(false)}
          />
        </>
      ) : null}
    </>
  );
}
