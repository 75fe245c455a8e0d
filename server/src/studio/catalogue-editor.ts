// Products, categories, quick phrases and the lexicon edited in the studio. A save is a 草稿 (validated,
// positions file:line:col, stored by content hash); 发布 lays it over the catalogue in force only when every
// scenario the library plays still loads and proves against it — proven here (on the prover threads,
// prover-pool.ts), whatever the browser said.
// Only the scenarios whose proof the change can alter are proven (their proof key changed, see
// shared/src/proof/proof-key.ts): the others read nothing it changed. Verdicts are kept by proof key, so
// publishing the same content again (a refused change fixed, a version put back) proves nothing twice.
// A new product, category or phrase library (新建) is a file at a new path under its folder: saved and
// published the same way, refused when it takes the id of another file (it would replace that one).
import {
  type BuyerScenario,
  type CatalogueDraft,
  type CatalogueVersion,
  contentHash,
  createLibraryLoader,
  type FileRecord,
  failedRunAt,
  fileKindOf,
  formatError,
  idTakenError,
  isNewCataloguePath,
  type Library,
  libraryRoot,
  overlayFiles,
  type PublishCatalogueBody,
  type PublishCatalogueResponse,
  proofKeys,
  type SaveCatalogueBody,
  type SaveCatalogueResponse,
  type SourceError,
} from '@kefu/shared';
import { LRUCache } from 'lru-cache';
import type { CatalogueManifest } from '../db/repositories/catalogue-versions.ts';
import type { ProofVerdictsRepository } from '../db/repositories/proof-verdicts.ts';
import { fail } from '../errors.ts';
import { CATALOGUE_KINDS, type ScenarioCatalog } from '../scenarios/catalog.ts';
import { proverCode } from './prover-code.ts';
import type { ProverPool } from './prover-pool.ts';
import type { FailedRun, Verdict } from './verdict.ts';

/** How many errors a refusal spells out (all of them are counted). */
const ERRORS_SHOWN = 5;

/**
 * Proof verdicts kept (by proof key, least recently used out first), in each process and in the database:
 * a few versions of every scenario of a large library. A verdict is a few hundred bytes at most.
 */
export const VERDICTS_KEPT = 2000;

/**
 * Scenarios proven by one request at most: a publication that must prove more answers with its progress and
 * is asked again (the verdicts are kept), so the studio shows 正在验证 N/M and no request holds a
 * connection for the whole library's proof.
 */
export const PROVED_PER_ANSWER = 20;

/** A scenario the change would break: no longer loading (the first error in its file), or a failing run. */
interface Broken {
  id: string;
  error: SourceError;
  run?: FailedRun;
}

export class CatalogueEditor {
  /** Publications one after another: each is proven against the catalogue the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly catalog: ScenarioCatalog;

  /** Proves on other threads: live conversations on this process never wait behind a publication. */
  private readonly provers: ProverPool;

  private readonly verdicts = new LRUCache<string, Verdict>({ max: VERDICTS_KEPT });

  /** The verdicts every process shares (the database), by proof key and the prover's code. */
  private readonly stored: ProofVerdictsRepository;

  /** Keeps the files it parsed last: a save or a publication parses only the file that changed. */
  private readonly load = createLibraryLoader();

  constructor(catalog: ScenarioCatalog, provers: ProverPool, stored: ProofVerdictsRepository) {
    this.catalog = catalog;
    this.provers = provers;
    this.stored = stored;
  }

  /**
   * The shipped file at `path` when it is a catalogue file; undefined for a new file (a path under products/,
   * categories/ or phrases/ named with an id); refused otherwise.
   */
  private shippedFile(path: string) {
    const file = this.catalog.shippedFile(path);
    if (!file) {
      if (isNewCataloguePath(libraryRoot(this.catalog.catalogueState.files), path)) return undefined;
      throw fail('catalogue-file-unknown', { path });
    }
    const kind = fileKindOf(file);
    if (!kind || !CATALOGUE_KINDS.has(kind)) throw fail('catalogue-file-unknown', { path });
    return file;
  }

  /** The errors in `file` laid over `files` (the library's files), a clash of its id with another file's first. */
  private errorsIn(files: readonly FileRecord[], file: FileRecord) {
    const { errors } = this.load(overlayFiles(files, [file], this.load.identity), this.assets());
    // After the load: the loader names the files it parsed without parsing them again.
    const taken = idTakenError(files, file, this.load.identity);
    if (taken) return [taken];
    return errors.filter((e) => e.file === file.path);
  }

  private assets() {
    const assets = this.catalog.library.assets;
    return { assets: assets === null ? undefined : [...assets] };
  }

  /** Saves `text` as a 草稿 of its file when the file itself is valid against the library played now. */
  async save(body: SaveCatalogueBody, userId: string, now: number): Promise<SaveCatalogueResponse> {
    this.shippedFile(body.path);
    const file = { path: body.path, text: body.text };
    const files = await this.catalog.libraryFilesWith(this.catalog.catalogueState.files);
    const mine = this.errorsIn(files, file);
    if (mine.length > 0) {
      throw fail('catalogue-invalid', {
        count: mine.length,
        errors: mine.slice(0, ERRORS_SHOWN).map(formatError).join('；'),
      });
    }
    const version = contentHash(body.text);
    const created = await this.catalog.catalogueVersions.record(body.path, version, body.text, userId, now);
    return { path: body.path, version, created };
  }

  publish(body: PublishCatalogueBody, userId: string, now: number): Promise<PublishCatalogueResponse> {
    const run = this.queue.then(() => this.publishNow(body, userId, now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async publishNow(
    body: PublishCatalogueBody,
    userId: string,
    now: number,
  ): Promise<PublishCatalogueResponse> {
    const shipped = this.shippedFile(body.path);
    const saved = await this.catalog.catalogueVersions.get(body.path, body.version);
    if (!saved) throw fail('catalogue-draft-not-found');
    const state = this.catalog.catalogueState;
    const manifest: CatalogueManifest = { ...state.manifest, [body.path]: body.version };
    // Back to the shipped text: the file leaves the manifest (the shipped catalogue has none).
    if (shipped && contentHash(shipped.text) === body.version) delete manifest[body.path];
    const catalogue = catalogueVersion(manifest);
    // A new file may have been saved before another file took its id: checked against what is in force.
    const inForce = await this.catalog.libraryFilesWith(state.files);
    const files = await this.catalog.filesWithCatalogue(manifest);
    const libraryFiles = await this.catalog.libraryFilesWith(files);
    const { library, errors } = this.load(libraryFiles, this.assets());
    const taken = idTakenError(inForce, { path: body.path, text: saved.source }, this.load.identity);
    const mine = taken ? [taken] : errors.filter((e) => e.file === body.path);
    if (mine.length > 0) {
      throw fail('catalogue-invalid', {
        count: mine.length,
        errors: mine.slice(0, ERRORS_SHOWN).map(formatError).join('；'),
      });
    }
    const proof = await this.prove(library, libraryFiles, errors, now);
    if (proof.done < proof.affected.length) {
      return { status: 'proving', done: proof.done, total: proof.affected.length };
    }
    if (proof.broken.length > 0) {
      const shown = proof.broken.slice(0, ERRORS_SHOWN);
      const titleOf = (id: string) => this.catalog.library.buyers.get(id)?.title ?? id;
      const refusal = fail('catalogue-breaks-scenarios', {
        count: proof.broken.length,
        scenarios: shown.map(({ id, error }) => `“${titleOf(id)}”（${formatError(error)}）`).join('；'),
      });
      // The failing runs as data: the studio names the rules in its language and says what to change.
      refusal.body.proof = shown.flatMap(({ id, error, run }) => {
        if (!run) return [];
        const { problems: _, ...failure } = run;
        return [
          {
            ...failure,
            scenarioId: id,
            title: titleOf(id),
            file: error.file,
            line: error.line,
            col: error.col,
          },
        ];
      });
      throw refusal;
    }
    if (catalogue !== state.version) {
      await this.catalog.catalogueVersions.publish(
        { catalogue, path: body.path, version: body.version, manifest },
        userId,
        now,
      );
      this.catalog.useCatalogue({ version: catalogue, manifest, files }, library);
      await this.catalog.saved();
    }
    return {
      status: 'published',
      catalogueVersion: catalogue,
      affected: proof.affected,
      proved: proof.proved,
    };
  }

  /**
   * Proves against `library` the scenarios played now whose proof it can change (their key differs from the
   * one in force), in id order; a kept verdict of the same key stands for its proof. `files` are the
   * library's files, `errors` its load errors. The prover threads prove them (a scenario stops at its first
   * failing run), PROVED_PER_ANSWER of them at most: `done` counts those with a verdict (or no longer loading).
   */
  private async prove(
    library: Library,
    files: readonly FileRecord[],
    errors: readonly SourceError[],
    now: number,
  ): Promise<{ affected: string[]; proved: string[]; broken: Broken[]; done: number }> {
    const inForce = this.catalog.library;
    const before = proofKeys(inForce);
    const after = proofKeys(library);
    const affected = [...inForce.buyers.keys()].filter((id) => after.get(id) !== before.get(id)).sort();
    const broken: Broken[] = [];
    const kept = new Map<string, Verdict>();
    const unknown: string[] = [];
    let unloadable = 0;
    for (const id of affected) {
      const path = library.files.get(id) ?? inForce.files.get(id) ?? '';
      const loadError = errors.find((e) => e.file === path);
      if (loadError || !library.buyers.has(id)) {
        broken.push({ id, error: loadError ?? { file: path, line: 1, col: 1, message: '场景无法载入' } });
        unloadable++;
        continue;
      }
      const verdict = this.verdicts.get(after.get(id)!);
      if (verdict) kept.set(id, verdict);
      else unknown.push(id);
    }
    // What another process (or this one before a restart) proved: the key names the code that proved it too.
    const shared = (id: string) => `${proverCode()}:${after.get(id)!}`;
    const stored = await this.stored.get(unknown.map(shared), now);
    const toProve: string[] = [];
    for (const id of unknown) {
      const verdict = stored.get(shared(id));
      if (verdict) {
        this.verdicts.set(after.get(id)!, verdict);
        kept.set(id, verdict);
      } else if (toProve.length < PROVED_PER_ANSWER) toProve.push(id);
    }
    const proven = await this.provers.prove(files, this.assets().assets, toProve);
    for (const [id, verdict] of proven) {
      this.verdicts.set(after.get(id)!, verdict);
      kept.set(id, verdict);
    }
    await this.stored.put(new Map([...proven].map(([id, v]) => [shared(id), v])), now, VERDICTS_KEPT);
    for (const [id, verdict] of kept) {
      if (verdict.ok) continue;
      const path = library.files.get(id)!;
      const error = this.whereFailed(files, path, library.buyers.get(id)!, verdict.run);
      broken.push({ id, error, run: verdict.run });
    }
    broken.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { affected, proved: toProve, broken, done: unloadable + kept.size };
  }

  /** The failing run's place in the scenario's file, with what it got wrong. */
  private whereFailed(
    files: readonly FileRecord[],
    path: string,
    scenario: BuyerScenario,
    run: FailedRun,
  ): SourceError {
    const file = files.find((f) => f.path === path);
    if (!file) return { file: path, line: 1, col: 1, message: run.problems.join('；') };
    return failedRunAt(file, scenario, run);
  }

  /**
   * 删除草稿 of a new file (新建商品/品类/话术库) never published: every saved version goes. Only who saved
   * it, or an admin; a shipped or published file is refused (it is in the catalogue's history).
   */
  async removeDraft(path: string, user: { id: string; role: string }): Promise<void> {
    const shipped = this.shippedFile(path);
    const { savedBy, published } = await this.catalog.catalogueVersions.authors(path);
    if (shipped || published) throw fail('catalogue-file-published');
    if (savedBy.length === 0) throw fail('catalogue-draft-not-found');
    if (user.role !== 'admin' && savedBy.some((by) => by !== user.id))
      throw fail('catalogue-draft-not-owner');
    await this.catalog.catalogueVersions.removeFile(path);
  }

  /** The open 草稿 of every catalogue file (saved after its version in force, not published). */
  async drafts(): Promise<CatalogueDraft[]> {
    const { files, manifest } = this.catalog.catalogueState;
    const inForce = new Map(files.map((f) => [f.path, manifest[f.path] ?? contentHash(f.text)]));
    // A new file's draft has no version in force.
    return (await this.catalog.catalogueVersions.drafts())
      .filter((d) => inForce.get(d.path) !== d.version)
      .map((d) => ({
        path: d.path,
        text: d.source,
        version: d.version,
        savedAt: d.created_at,
        savedBy: d.display_name ?? '',
      }));
  }

  /** A catalogue file's versions, newest first: who saved and who published each, which one is in force. */
  async history(path: string): Promise<CatalogueVersion[]> {
    const shipped = this.shippedFile(path);
    const shippedVersion = shipped ? contentHash(shipped.text) : null;
    const current = this.catalog.catalogueState.manifest[path] ?? shippedVersion;
    const { files, publications } = await this.catalog.catalogueVersions.history(path);
    const lastPublished = new Map<string, { at: number; by: string | null }>();
    for (const p of publications) {
      if (!lastPublished.has(p.version))
        lastPublished.set(p.version, { at: p.published_at, by: p.display_name });
    }
    const versions = files.map((f): CatalogueVersion => {
      const published = lastPublished.get(f.version);
      const isShipped = f.created_by === null && f.version === shippedVersion;
      return {
        version: f.version,
        status: isShipped ? 'shipped' : published ? 'published' : 'draft',
        savedAt: f.created_at,
        savedBy: f.display_name ?? null,
        publishedAt: published?.at ?? null,
        publishedBy: published?.by ?? null,
        current: f.version === current,
        text: f.source,
      };
    });
    // The shipped file is the first version, whenever the server recorded it.
    return [
      ...versions.filter((v) => v.status !== 'shipped'),
      ...versions.filter((v) => v.status === 'shipped'),
    ];
  }
}

/** A catalogue's version: a hash of the files it changes ('' for the shipped catalogue). */
function catalogueVersion(manifest: CatalogueManifest): string {
  const entries = Object.entries(manifest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? '' : contentHash(JSON.stringify(entries)).slice(0, 12);
}
