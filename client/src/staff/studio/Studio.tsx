// Scenario studio: the library (shipped files and studio saves) with search and filters, and the open file
// in the YAML editor — checked against the library as the author types, proven off the page's thread,
// saved as a new content-hashed version, tried in the workbench; import and export of YAML files. The open
// file and its unsaved edits live in the studio draft store, so trying it and coming back keeps them.
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../forms/FormError.tsx';
import { useSession, useStores, useStudioDraft } from '../../stores/index.ts';
import { LibraryPanel } from './LibraryPanel.tsx';
import { StudioEditor } from './StudioEditor.tsx';
import { idOf, isCataloguePath } from './studio-files.ts';
import { useChecker, useStudioLibrary } from './use-studio.ts';

export default function Studio() {
  const { t } = useTranslation('staff');
  const stores = useStores();
  const userId = useSession((s) => s.user?.id ?? null);
  const { data, base, error, reload } = useStudioLibrary();
  const owner = useStudioDraft((s) => s.owner);
  const stored = useStudioDraft((s) => s.open);
  const revision = useStudioDraft((s) => s.revision);
  const fileInput = useRef<HTMLInputElement>(null);
  // Someone else's draft left in this browser tab is not shown.
  const open = owner === userId ? stored : null;
  const checker = useChecker(base, open !== null);
  const openFile = stores.studio.getState().openFile;
  const pathOf = (id: string) => data?.scenarios.find((s) => s.id === id)?.path;

  function openScenario(id: string) {
    const path = pathOf(id);
    const file = base?.find((f) => f.path === path);
    if (path && file) openFile({ path, text: file.text, saved: file.text }, userId);
  }

  function newScenario() {
    if (!data || !base) return;
    const n = data.scenarios.length + 1;
    const template =
      base.find((f) => f.path === pathOf('price-objection')) ?? base.find((f) => f.path.includes('/buyers/'));
    const text = (template?.text ?? '')
      .replace(/^id:.*$/m, `id: my-scenario-${n}`)
      .replace(/^title:.*$/m, `title: 新场景 ${n}`);
    openFile({ path: `studio/buyers/my-scenario-${n}.yaml`, text, saved: '' }, userId);
  }

  async function importFile(file: File) {
    const text = await file.text();
    const id = idOf(text) ?? file.name.replace(/\.ya?ml$/i, '');
    const existing = pathOf(id);
    openFile({ path: existing ?? `studio/buyers/${id}.yaml`, text, saved: '' }, userId);
  }

  return (
    <div className="staff-page">
      <header className="staff-page-head">
        <div>
          <h1>{t('studio.title')}</h1>
          <p className="muted small">{t('studio.readOnly')}</p>
        </div>
        <div className="staff-actions">
          <button type="button" className="secondary" onClick={newScenario} disabled={!data}>
            {t('studio.newScenario')}
          </button>
          <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
            {t('studio.import')}
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".yaml,.yml,text/yaml"
            hidden
            aria-label={t('studio.import')}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importFile(f);
              e.target.value = '';
            }}
          />
        </div>
      </header>
      <FormError error={error} />
      <div className="studio">
        {data && base ? (
          <LibraryPanel
            scenarios={data.scenarios}
            products={data.products}
            files={data.files}
            drafts={data.catalogueDrafts}
            base={base}
            openPath={open?.path ?? null}
            openId={open ? idOf(open.text) : null}
            onOpenScenario={openScenario}
            onOpenFile={(f) => {
              // A catalogue file opens at its open 草稿, if any, to edit; a rubric is only shown here.
              const draft = data.catalogueDrafts.find((d) => d.path === f.path)?.text;
              const text = draft ?? f.text;
              openFile({ path: f.path, text, saved: text, readOnly: !isCataloguePath(f.path) }, userId);
            }}
          />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
        <section aria-label={t('studio.editorLabel')}>
          {open && checker ? (
            <StudioEditor key={revision} open={open} checker={checker} onSaved={reload} />
          ) : (
            <p className="empty">{t('studio.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
