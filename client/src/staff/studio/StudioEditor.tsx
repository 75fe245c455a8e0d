// The open file: toolbar (validity, prove, save as draft, try it, export), 草稿 / 发布 of a scenario
// (PublishBar), the YAML editor with its markers, the problem list and the proof. Catalogue files (products,
// categories, phrases, lexicon) are saved as 草稿 and published (CatalogueActions); rubrics, shipped scenarios
// and other people's are shown read-only.
import type { SaveScenarioResponse, StudioScenario } from '@kefu/shared/protocol';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { useStores, useStudioDraft } from '../../stores/index.ts';
import type { StudioFileDraft } from '../../stores/studio-draft.ts';
import { CatalogueActions, type StudioMessage } from './CatalogueActions.tsx';
import { CatalogueHistory } from './CatalogueHistory.tsx';
import { ProofFailures } from './ProofFailures.tsx';
import { ProofPanel } from './ProofPanel.tsx';
import { PublishBar } from './PublishBar.tsx';
import { savedTime } from './saved-time.ts';
import { download, idOf, isCataloguePath, schemaOf } from './studio-files.ts';
import { useChecked, useProof } from './use-studio.ts';
import { type Checker, catalogueWords, schemaKeys } from './validate.ts';
import { YamlEditor } from './YamlEditor.tsx';

export interface StudioEditorProps {
  open: StudioFileDraft;
  checker: Checker;
  /** The open scenario as the studio lists it (undefined: not a saved scenario). */
  entry?: StudioScenario | undefined;
  /** Its published version's text (null: not published). */
  publishedText?: string | null;
  /** Classes this user may publish to. */
  classes?: readonly { id: string; name: string }[];
  /** A saved draft of a new catalogue file, never published: it may be deleted (删除草稿). */
  newDraft?: boolean;
  /** After a save, publish or copy: the library is loaded again (and a copy opened). */
  onSaved(openId?: string): void;
}

export function StudioEditor({
  open,
  checker,
  entry,
  publishedText = null,
  classes = [],
  newDraft = false,
  onSaved,
}: StudioEditorProps) {
  const { t, i18n } = useTranslation('staff');
  const { api } = useServices();
  const stores = useStores();
  const revision = useStudioDraft((s) => s.revision);
  const checked = useChecked(checker, open);
  const proof = useProof(checker.loader);
  const [message, setMessage] = useState<StudioMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const catalogue = isCataloguePath(open.path) && !open.readOnly;
  const [history, setHistory] = useState(false);
  /** Saves and publications of the open catalogue file: the versions shown are loaded again after each. */
  const [saves, setSaves] = useState(0);
  const schema = schemaOf(open.path);
  const keys = useMemo(() => schemaKeys(schema), [schema]);
  const words = useMemo(
    () => [
      ...catalogueWords(checker.library),
      ...[...checker.library.buyers.values()]
        .flatMap((b) => b.counterExamples.flatMap((c) => c.violations))
        .map((r) => ({ label: r, detail: t(`rules.${r}`) })),
    ],
    [checker, t],
  );

  const current = checked !== null && checked.text === open.text;
  const problems = checked?.checked.errors ?? [];
  const ready = current && problems.length === 0;
  const id = idOf(open.text);
  /** Shipped, or someone else's: 复制后编辑 instead of save and publish. */
  const locked = entry !== undefined && !entry.editable;
  /** A buyer scenario (not a catalogue file, not a rubric): proven, saved as a draft, published. */
  const scenarioFile = !catalogue && (!open.readOnly || entry !== undefined);

  async function prove() {
    if (!ready || !id || !checked.checked.library.buyers.has(id)) {
      setMessage({ ok: false, text: t('studio.fixFirst') });
      return;
    }
    setMessage(null);
    // Only this scenario: nothing else in the library depends on a buyer file.
    await proof.prove({ files: checker.filesWith(open), scenarioIds: [id] });
  }

  async function save(): Promise<SaveScenarioResponse | null> {
    setBusy(true);
    setMessage(null);
    try {
      const res = await api.studio.saveScenario({ body: { text: open.text } });
      setMessage({
        ok: true,
        // The version is a content hash: say when it was saved instead.
        text: res.created ? t('studio.saved', { time: savedTime(i18n.language) }) : t('studio.unchanged'),
      });
      stores.studio.getState().markSaved(res.path, open.text);
      onSaved();
      return res;
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function tryIt() {
    const saved = await save();
    if (!saved) return;
    try {
      // The saved version, a draft included: nobody else plays it.
      const { conversations } = await api.studio.tryScenario({
        params: { id: saved.scenarioId },
        body: { version: saved.version },
      });
      const state = stores.conversations.getState();
      state.reset();
      for (const view of conversations) state.upsertView(view);
      state.setActive(conversations[0]?.id ?? null);
      stores.session.getState().go({ name: 'workbench' });
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }

  return (
    <>
      <div className="studio-toolbar">
        <strong>{open.path}</strong>
        <span className={!current ? 'muted' : problems.length ? 'bad' : 'good'} role="status">
          {!current
            ? t('studio.checking')
            : problems.length
              ? t('studio.errors', { count: problems.length })
              : t('studio.valid')}
        </span>
        {open.readOnly ? <span className="tag">{t('studio.readOnlyTag')}</span> : null}
        {catalogue ? (
          <CatalogueActions
            open={open}
            checker={checker}
            library={ready ? checked.checked.library : null}
            proof={proof}
            onMessage={setMessage}
            onSaved={() => {
              setSaves((n) => n + 1);
              onSaved();
            }}
            history={history}
            onHistory={setHistory}
            newDraft={newDraft}
          />
        ) : null}
        <button
          type="button"
          className="secondary"
          onClick={() => void prove()}
          hidden={!scenarioFile}
          disabled={proof.state.status === 'running'}
        >
          {t('studio.prove')}
        </button>
        <button
          type="button"
          className="primary"
          hidden={!scenarioFile || open.readOnly || locked}
          disabled={busy || !ready}
          onClick={() => void save()}
        >
          {t('studio.save')}
        </button>
        <button
          type="button"
          className="secondary"
          hidden={!scenarioFile || open.readOnly || locked}
          disabled={busy || !ready}
          onClick={() => void tryIt()}
        >
          {t('studio.tryIt')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => download(open.path.split('/').pop() ?? `${id ?? 'scenario'}.yaml`, open.text)}
        >
          {t('studio.export')}
        </button>
      </div>
      {catalogue && history ? (
        <CatalogueHistory
          key={saves}
          path={open.path}
          onOpen={(text) => stores.studio.getState().openFile({ ...open, text })}
        />
      ) : null}
      {scenarioFile ? (
        <PublishBar
          entry={entry}
          open={open}
          publishedText={publishedText}
          classes={classes}
          valid={ready}
          onChanged={onSaved}
        />
      ) : null}
      <YamlEditor
        key={open.readOnly ? 'read-only' : 'editable'}
        readOnly={open.readOnly}
        value={open.text}
        revision={revision}
        onChange={(text) => stores.studio.getState().edit(text)}
        problems={checked ? { text: checked.text, errors: problems } : null}
        keys={keys}
        words={words}
        label={t('studio.editorLabel')}
      />
      {message ? (
        <p className={message.ok ? 'good' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
      {message?.failures?.length ? <ProofFailures failures={message.failures} /> : null}
      {catalogue && current && checked.checked.otherErrors > 0 ? (
        <p className="form-error" role="alert">
          {t('studio.breaksOthers', { count: checked.checked.otherErrors })}
        </p>
      ) : null}
      {problems.length ? (
        <ul className="studio-problems" aria-label={t('studio.errors', { count: problems.length })}>
          {problems.map((p) => (
            <li key={`${p.line}:${p.col}:${p.message}`}>
              {p.line}:{p.col} {p.message}
            </li>
          ))}
        </ul>
      ) : null}
      {/* Proving a catalogue change replays the whole library: only the runs that failed are listed. */}
      <ProofPanel state={proof.state} failuresOnly={catalogue} />
    </>
  );
}
