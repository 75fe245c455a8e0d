// Scenario studio: the library (shipped files and studio saves) with search and filters, the YAML editor
// with live validation, prove (model answer and counter-examples, in the browser with the CLI's prover),
// save as a new content-hashed version, try it in the workbench, import and export YAML files.

import { loadSegmenter, PROOF_SEEDS, type ProofRun, proveScenario, RULE_IDS } from '@kefu/shared';
import type { SaveScenarioBody, SaveScenarioResponse, StudioFile } from '@kefu/shared/protocol';
import { routes } from '@kefu/shared/protocol';
import { formatScore } from '@kefu/shared/scoring/format';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useLoad } from '../../api/use-load.ts';
import { useServices } from '../../app/context.tsx';
import { saveTextFile } from '../../app/save-file.ts';
import { useStores } from '../../stores/index.ts';
import { catalogueWords, checkFile, schemaKeys } from './validate.ts';
import { type EditorProblem, YamlEditor } from './YamlEditor.tsx';

interface Open {
  path: string;
  text: string;
  saved: string;
  /** Products, phrases, lexicon and rubrics are shown, validated and exported, not edited here. */
  readOnly?: boolean;
}

const KIND_OF_FOLDER: Record<string, string> = {
  products: 'kind.product',
  phrases: 'kind.phrases',
  rubrics: 'kind.rubric',
};

function kindLabel(path: string): string {
  const parts = path.split('/');
  if (/lexicon\.ya?ml$/.test(path)) return 'kind.lexicon';
  return KIND_OF_FOLDER[parts[parts.length - 2] ?? ''] ?? 'kind.other';
}

function idOf(text: string): string | null {
  return /^id:\s*([a-z0-9][a-z0-9-]*)\s*$/m.exec(text)?.[1] ?? null;
}

const download = (name: string, text: string) => saveTextFile(name, text, 'text/yaml');

/** The files the loader sees: shipped ones with each studio save laid over its scenario. */
export function baseFiles(files: readonly StudioFile[]): { path: string; text: string }[] {
  const saved = files.filter((f) => f.origin === 'studio');
  const savedIds = new Set(saved.map((f) => idOf(f.text)));
  return [
    ...files.filter(
      (f) => f.origin === 'library' && !(f.path.includes('/buyers/') && savedIds.has(idOf(f.text))),
    ),
    ...saved,
  ].map((f) => ({ path: f.path, text: f.text }));
}

export function ProofResults({ runs }: { runs: ProofRun[] }) {
  const { t } = useTranslation('staff');
  const failed = runs.filter((r) => !r.ok);
  /** Rules by their names (首响超时、顾客流失), never their ids. */
  const ruleNames = (rules: readonly string[]) =>
    rules.map((rule) => t(`rules.${rule}`)).join(t('common.listSeparator')) || t('studio.none');
  /** A proof's problem line (多了 slow-response ×1) with the rule named. */
  const namedRules = (problem: string) =>
    RULE_IDS.reduce((text, rule) => text.replaceAll(rule, t(`rules.${rule}`)), problem);
  return (
    <section className="staff-card" aria-label={t('studio.prove')}>
      <p className={failed.length ? 'proof-bad' : 'proof-ok'} role="status">
        {failed.length ? t('studio.proofFail', { count: failed.length }) : t('studio.proofOk')}
      </p>
      <ul className="proof-runs">
        {runs.map((r) => (
          <li key={`${r.script}-${r.seed}`} className={r.ok ? 'proof-ok' : 'proof-bad'}>
            {r.ok ? '✔' : '✘'}{' '}
            {r.kind === 'model' ? t('studio.model') : t('studio.counter', { name: r.script })} ·{' '}
            {t('studio.run', { n: PROOF_SEEDS.indexOf(r.seed as (typeof PROOF_SEEDS)[number]) + 1 })} ·{' '}
            {t('studio.score', { score: formatScore(r.report.score) })}
            <span className="muted small">
              {' '}
              · {t('studio.expected', { rules: ruleNames(r.expected) })} ·{' '}
              {t('studio.got', { rules: ruleNames(r.report.violations.map((v) => v.rule)) })}
            </span>
            {r.problems.length ? <span> — {r.problems.map(namedRules).join('；')}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Studio() {
  const { t } = useTranslation('staff');
  const { api } = useServices();
  const stores = useStores();
  const { data, error, reload } = useLoad(routes.studio.files);
  const [open, setOpen] = useState<Open | null>(null);
  const [revision, setRevision] = useState(0);
  const [search, setSearch] = useState('');
  const [product, setProduct] = useState('');
  const [rule, setRule] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [runs, setRuns] = useState<ProofRun[] | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { search: useId(), product: useId(), rule: useId(), difficulty: useId() };

  const base = useMemo(() => baseFiles(data?.files ?? []), [data]);
  const library = useMemo(() => checkFile(base, { path: '__none__.yaml', text: '' }).library, [base]);
  const keys = useMemo(() => schemaKeys('buyer'), []);
  const words = useMemo(
    () => [
      ...catalogueWords(library),
      ...[...library.buyers.values()]
        .flatMap((b) => b.counterExamples.flatMap((c) => c.violations))
        .map((r) => ({ label: r, detail: t(`rules.${r}`) })),
    ],
    [library, t],
  );
  const checked = useMemo(
    () => (open ? checkFile(base, { path: open.path, text: open.text }) : null),
    [base, open],
  );
  const problems: EditorProblem[] = checked?.errors ?? [];
  const check = useCallback(
    (text: string): EditorProblem[] => (open ? checkFile(base, { path: open.path, text }).errors : []),
    [base, open],
  );

  const scenarios = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return [...library.buyers.values()].filter((s) => {
      const rules = new Set(s.counterExamples.flatMap((c) => c.violations));
      if (needle && !`${s.id} ${s.title} ${s.description ?? ''}`.toLowerCase().includes(needle)) return false;
      if (product && !s.products.includes(product)) return false;
      if (rule && !rules.has(rule as never)) return false;
      if (difficulty && String(s.difficulty) !== difficulty) return false;
      return true;
    });
  }, [library, search, product, rule, difficulty]);
  const allRules = useMemo(
    () =>
      [
        ...new Set(
          [...library.buyers.values()].flatMap((s) => s.counterExamples.flatMap((c) => c.violations)),
        ),
      ].sort(),
    [library],
  );
  const studioIds = useMemo(
    () => new Set((data?.files ?? []).filter((f) => f.origin === 'studio').map((f) => idOf(f.text))),
    [data],
  );

  function openScenario(id: string) {
    const path = library.files.get(id);
    const file = base.find((f) => f.path === path);
    if (!path || !file) return;
    setOpen({ path, text: file.text, saved: file.text });
    setRevision((r) => r + 1);
    setMessage(null);
    setRuns(null);
  }

  function newScenario() {
    const n = library.buyers.size + 1;
    const template =
      base.find((f) => f.path === library.files.get('price-objection')) ??
      base.find((f) => f.path.includes('/buyers/'));
    const text = (template?.text ?? '')
      .replace(/^id:.*$/m, `id: my-scenario-${n}`)
      .replace(/^title:.*$/m, `title: 新场景 ${n}`);
    setOpen({ path: `studio/buyers/my-scenario-${n}.yaml`, text, saved: '' });
    setRevision((r) => r + 1);
    setMessage(null);
    setRuns(null);
  }

  async function prove() {
    if (!open || !checked) return;
    const id = idOf(open.text);
    if (checked.errors.length > 0 || !id || !checked.library.buyers.has(id)) {
      setMessage({ ok: false, text: t('studio.fixFirst') });
      return;
    }
    setMessage(null);
    // The judge reads words: the segmenter's WebAssembly is fetched once, on the first proof.
    await loadSegmenter();
    setRuns(proveScenario(checked.library, id));
  }

  async function save(): Promise<SaveScenarioResponse | null> {
    if (!open) return null;
    setBusy(true);
    setMessage(null);
    try {
      const body: SaveScenarioBody = { text: open.text };
      const res = await api.studio.saveScenario({ body });
      setMessage({
        ok: true,
        text: res.created
          ? t('studio.saved', { version: res.version })
          : t('studio.unchanged', { version: res.version }),
      });
      setOpen({ path: res.path, text: open.text, saved: open.text });
      reload();
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
      const { conversations } = await api.practice.start({
        body: {
          scenarioId: saved.scenarioId,
        },
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

  async function importFile(file: File) {
    const text = await file.text();
    const id = idOf(text) ?? file.name.replace(/\.ya?ml$/i, '');
    const existing = library.files.get(id);
    setOpen({ path: existing ?? `studio/buyers/${id}.yaml`, text, saved: '' });
    setRevision((r) => r + 1);
    setRuns(null);
  }

  const products = [...library.products.values()];
  const otherFiles = base.filter((f) => !f.path.includes('/buyers/'));
  const studioPaths = new Set((data?.files ?? []).filter((f) => f.origin === 'studio').map((f) => f.path));
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
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="studio">
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
                <button
                  type="button"
                  aria-current={open !== null && idOf(open.text) === s.id}
                  onClick={() => openScenario(s.id)}
                >
                  <strong>{s.title}</strong>{' '}
                  <span className="tag">
                    {studioIds.has(s.id) ? t('studio.studioSaved') : t('studio.shipped')}
                  </span>
                  <br />
                  <span className="muted small">
                    {s.id} · {t('studio.difficulty')} {s.difficulty}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <h3 className="studio-files-title">{t('studio.files')}</h3>
          <ul className="studio-list studio-files">
            {otherFiles.map((f) => (
              <li key={f.path}>
                <button
                  type="button"
                  aria-current={open?.path === f.path}
                  onClick={() => {
                    setOpen({ path: f.path, text: f.text, saved: f.text, readOnly: true });
                    setRevision((r) => r + 1);
                    setMessage(null);
                    setRuns(null);
                  }}
                >
                  {f.path.split('/').pop()} <span className="tag">{t(`studio.${kindLabel(f.path)}`)}</span>{' '}
                  {studioPaths.has(f.path) ? <span className="tag">{t('studio.studioSaved')}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </aside>
        <section aria-label={t('studio.editorLabel')}>
          {open ? (
            <>
              <div className="studio-toolbar">
                <strong>{open.path}</strong>
                <span className={problems.length ? 'bad' : 'good'} role="status">
                  {problems.length ? t('studio.errors', { count: problems.length }) : t('studio.valid')}
                </span>
                {open.readOnly ? <span className="tag">{t('studio.readOnlyTag')}</span> : null}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void prove()}
                  hidden={open.readOnly}
                >
                  {t('studio.prove')}
                </button>
                <button
                  type="button"
                  className="primary"
                  hidden={open.readOnly}
                  disabled={busy || problems.length > 0}
                  onClick={() => void save()}
                >
                  {t('studio.save')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  hidden={open.readOnly}
                  disabled={busy || problems.length > 0}
                  onClick={() => void tryIt()}
                >
                  {t('studio.tryIt')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    download(open.path.split('/').pop() ?? `${idOf(open.text) ?? 'scenario'}.yaml`, open.text)
                  }
                >
                  {t('studio.export')}
                </button>
              </div>
              <YamlEditor
                key={open.readOnly ? 'read-only' : 'editable'}
                readOnly={open.readOnly}
                value={open.text}
                revision={revision}
                onChange={(text) => setOpen((o) => (o ? { ...o, text } : o))}
                check={check}
                keys={keys}
                words={words}
                label={t('studio.editorLabel')}
              />
              {message ? (
                <p className={message.ok ? 'good' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
                  {message.text}
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
              {runs ? <ProofResults runs={runs} /> : null}
            </>
          ) : (
            <p className="empty">{t('studio.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
