// The studio's library: buyer scenarios with search and filters (product, rule exercised, difficulty), each
// marked 内置 / 草稿 / 已发布 (and where), and the other files — products, categories, phrases, lexicon,
// rubrics — each marked published in the studio or with an open 草稿.
import type { CatalogueDraft, StudioFile, StudioScenario } from '@kefu/shared/protocol';
import type { FileRecord } from '@kefu/shared/scenario';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBuyerPath, kindLabel } from './studio-files.ts';

export interface LibraryPanelProps {
  scenarios: readonly StudioScenario[];
  products: readonly { id: string; name: string }[];
  files: readonly StudioFile[];
  /** Catalogue files saved as 草稿 and not published. */
  drafts: readonly CatalogueDraft[];
  base: readonly FileRecord[];
  /** The path of the open file, and the scenario id it declares. */
  openPath: string | null;
  openId: string | null;
  onOpenScenario(id: string): void;
  onOpenFile(file: FileRecord): void;
}

export function LibraryPanel({
  scenarios: all,
  products,
  files,
  drafts,
  base,
  openPath,
  openId,
  onOpenScenario,
  onOpenFile,
}: LibraryPanelProps) {
  const { t } = useTranslation('staff');
  const [search, setSearch] = useState('');
  const [product, setProduct] = useState('');
  const [rule, setRule] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const ids = { search: useId(), product: useId(), rule: useId(), difficulty: useId() };

  const scenarios = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return all.filter((s) => {
      if (needle && !`${s.id} ${s.title} ${s.description ?? ''}`.toLowerCase().includes(needle)) return false;
      if (product && !s.products.includes(product)) return false;
      if (rule && !s.rules.includes(rule as never)) return false;
      if (difficulty && String(s.difficulty) !== difficulty) return false;
      return true;
    });
  }, [all, search, product, rule, difficulty]);
  const allRules = useMemo(() => [...new Set(all.flatMap((s) => s.rules))].sort(), [all]);
  const studioPaths = new Set(files.filter((f) => f.origin === 'studio').map((f) => f.path));
  const draftPaths = new Set(drafts.map((d) => d.path));
  // New files (新建) saved as 草稿 are not in the library until published: listed from their drafts.
  const basePaths = new Set(base.map((f) => f.path));
  const newFiles = drafts.filter((d) => !basePaths.has(d.path)).map((d) => ({ path: d.path, text: d.text }));
  const otherFiles = [...base.filter((f) => !isBuyerPath(f.path)), ...newFiles];
  const isNew = new Set(newFiles.map((f) => f.path));

  return (
    <aside className="staff-card" aria-labelledby="studio-lib-title">
      <h2 id="studio-lib-title">{t('studio.library')}</h2>
      <div className="studio-filters">
        <label htmlFor={ids.search}>{t('studio.search')}</label>
        <input id={ids.search} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <label htmlFor={ids.product}>{t('studio.product')}</label>
        <select id={ids.product} value={product} onChange={(e) => setProduct(e.target.value)}>
          <option value="">{t('studio.any')}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.rule}>{t('studio.rule')}</label>
        <select id={ids.rule} value={rule} onChange={(e) => setRule(e.target.value)}>
          <option value="">{t('studio.any')}</option>
          {allRules.map((r) => (
            <option key={r} value={r}>
              {t(`rules.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.difficulty}>{t('studio.difficulty')}</label>
        <select id={ids.difficulty} value={difficulty} onChange={(e) => setDifficulty(e.target.value)}>
          <option value="">{t('studio.any')}</option>
          {[1, 2, 3, 4, 5].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <ul className="studio-list">
        {scenarios.map((s) => (
          <li key={s.id}>
            <button type="button" aria-current={openId === s.id} onClick={() => onOpenScenario(s.id)}>
              <strong>{s.title}</strong> <StatusTag scenario={s} />
              <br />
              <span className="muted small">
                {t('studio.difficulty')} {s.difficulty}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <h3 className="studio-files-title">{t('studio.files')}</h3>
      <ul className="studio-list studio-files">
        {otherFiles.map((f) => (
          <li key={f.path}>
            <button type="button" aria-current={openPath === f.path} onClick={() => onOpenFile(f)}>
              {f.path.split('/').pop()} <span className="tag">{t(`studio.${kindLabel(f.path)}`)}</span>{' '}
              {studioPaths.has(f.path) ? <span className="tag">{t('studio.status.published')}</span> : null}{' '}
              {isNew.has(f.path) ? <span className="tag tag-orange">{t('studio.newTag')}</span> : null}{' '}
              {draftPaths.has(f.path) ? <span className="tag">{t('studio.status.draft')}</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** 内置, 草稿, or 已发布 with where (全部班级 or the class), and 有修改 when the draft differs from it. */
function StatusTag({ scenario: s }: { scenario: StudioScenario }) {
  const { t } = useTranslation('staff');
  if (s.status === 'shipped') return <span className="tag">{t('studio.shipped')}</span>;
  if (s.publication === null)
    return <span className="tag tag-orange">{t('studio.scenarioPublish.draft')}</span>;
  const where =
    s.publication.classId === null ? t('studio.scenarioPublish.allClasses') : (s.publication.className ?? '');
  return (
    <>
      <span className="tag tag-green">{t('studio.scenarioPublish.published', { where })}</span>
      {s.draftVersion !== null && s.draftVersion !== s.publication.version ? (
        <>
          {' '}
          <span className="tag tag-orange">{t('studio.scenarioPublish.changedShort')}</span>
        </>
      ) : null}
    </>
  );
}
