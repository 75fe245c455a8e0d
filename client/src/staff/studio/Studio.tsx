// Scenario studio: the library (shipped files and studio saves) with search and filters, and the open file
// in the YAML editor — checked against the library as the author types, proven off the page's thread,
// saved as a draft (a new content-hashed version nobody plays), tried in the workbench, published (发布) to
// every class or one; import and export of YAML files. The open file and its unsaved edits live in the
// studio draft store, so trying it and coming back keeps them.
import {
  libraryRoot,
  NEW_CATALOGUE_FOLDERS,
  type NewCatalogueKind,
  newCataloguePath,
  newCatalogueTemplate,
} from '@kefu/shared/scenario';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routes } from '../../api/route-links.ts';
import { useLoad } from '../../api/use-load.ts';
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
  const isAdmin = useSession((s) => s.user?.role === 'admin');
  const { data, base, error, reload } = useStudioLibrary();
  const classList = useLoad(routes.classes.list);
  // One may publish to the classes one runs (an admin: any).
  const classes = useMemo(
    () => (classList.data?.classes ?? []).filter((c) => isAdmin || c.ownerId === userId),
    [classList.data, isAdmin, userId],
  );
  /** A copy just made: opened once the library lists it. */
  const [opening, setOpening] = useState<string | null>(null);
  const owner = useStudioDraft((s) => s.owner);
  const stored = useStudioDraft((s) => s.open);
  const revision = useStudioDraft((s) => s.revision);
  const fileInput = useRef<HTMLInputElement>(null);
  // Someone else's draft left in this browser tab is not shown.
  const open = owner === userId ? stored : null;
  const checker = useChecker(base, open !== null);
  const openFile = stores.studio.getState().openFile;
  const pathOf = (id: string) => data?.scenarios.find((s) => s.id === id)?.path;
  const openId = open ? idOf(open.text) : null;
  const entry = data?.scenarios.find((s) => s.id === openId);
  // The published text: sent apart when the draft differs from it, else it is the draft's own file.
  const publishedText = entry?.publication
    ? (entry.publishedText ??
      data?.files.find((f) => f.origin === 'studio' && f.path === entry.path)?.text ??
      null)
    : null;

  function openScenario(id: string) {
    const path = pathOf(id);
    const file = base?.find((f) => f.path === path);
    const readOnly = data?.scenarios.find((s) => s.id === id)?.editable === false;
    if (path && file) openFile({ path, text: file.text, saved: file.text, readOnly }, userId);
  }

  useEffect(() => {
    if (opening === null || !data?.scenarios.some((s) => s.id === opening)) return;
    setOpening(null);
    const path = pathOf(opening);
    const file = base?.find((f) => f.path === path);
    if (path && file) openFile({ path, text: file.text, saved: file.text }, userId);
  });

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

  /** 新建商品 / 品类 / 话术库: the template under the first free id, saved at a path named after its id. */
  function newCatalogueFile(kind: NewCatalogueKind) {
    if (!data || !base || !checker) return;
    const root = libraryRoot(base);
    const taken = new Set([...base, ...data.catalogueDrafts].map((f) => f.path));
    const ids = new Set<string>([
      ...checker.library.products.keys(),
      ...checker.library.categories.keys(),
      ...[...checker.library.phrases.values()].map((p) => p.library),
    ]);
    const prefix = `new-${kind === 'phrases' ? 'phrases' : kind}`;
    let n = 1;
    while (ids.has(`${prefix}-${n}`) || taken.has(newCataloguePath(root, kind, `${prefix}-${n}`))) n++;
    let code = n;
    while (checker.library.phrasesByCode.has(`xhs${code}`)) code++;
    const id = `${prefix}-${n}`;
    const text = newCatalogueTemplate(kind, id, `xhs${code}`);
    openFile({ path: newCataloguePath(root, kind, id), text, saved: '' }, userId);
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
          {(Object.keys(NEW_CATALOGUE_FOLDERS) as NewCatalogueKind[]).map((kind) => (
            <button
              key={kind}
              type="button"
              className="secondary"
              onClick={() => newCatalogueFile(kind)}
              disabled={!data || !checker}
            >
              {t(`studio.newFile.${kind}`)}
            </button>
          ))}
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
            <StudioEditor
              key={revision}
              open={open}
              checker={checker}
              entry={entry}
              publishedText={publishedText}
              classes={classes}
              newDraft={
                data?.catalogueDrafts.some((d) => d.path === open.path) === true &&
                !base?.some((f) => f.path === open.path)
              }
              onSaved={(copied) => {
                if (copied) setOpening(copied);
                reload();
              }}
            />
          ) : (
            <p className="empty">{t('studio.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
