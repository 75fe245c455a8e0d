// The scenario library the server plays: loaded from SCENARIOS_DIR at start (files read once), every buyer
// file's version recorded (content hash → text) so a pinned or historical version loads exactly as it was
// played, and the scenarios published in the studio laid over it — at start and whenever one is published
// (drafts never play: server/src/studio/scenario-studio.ts saves and publishes them). A published
// catalogue (products, categories, phrases, lexicon edited in the studio) is laid over the shipped files; a
// scenario version played under it names it (`<file hash>~<catalogue>`), so it loads again exactly.
import {
  type BuyerScenario,
  contentHash,
  createLibraryLoader,
  createShopperContext,
  type FileRecord,
  fileIdentity,
  fileKindOf,
  formatError,
  type Library,
  loadLibrary,
  overlayFiles,
  type PhraseLibrary,
  PhraseLibrarySchema,
  type Rubric,
  RubricSchema,
  type SaveRubricBody,
  type SaveRubricResponse,
  type ShopperContext,
  type StudioFile,
  zodChineseError,
} from '@kefu/shared';
import { parse as parseYaml, stringify } from 'yaml';
import { readAssets, readLibrary } from '../cli/read-library.ts';
import type {
  CatalogueManifest,
  CatalogueVersionsRepository,
} from '../db/repositories/catalogue-versions.ts';
import type { ScenarioVersionsRepository } from '../db/repositories/scenario-versions.ts';
import type { StudioItemsRepository } from '../db/repositories/studio-items.ts';
import { fail } from '../errors.ts';

export const DEFAULT_RUBRIC = 'default';

/** Studio saves are rows of scenario_versions under these paths. */
export const STUDIO_BUYERS = 'studio/buyers/';
const STUDIO_RUBRICS = 'studio/rubrics/';
/** Rubric saves share the versions table; their row id is prefixed so they never clash with a scenario id. */
const RUBRIC_KEY = 'rubric:';

/** Kinds of file the studio edits as the catalogue (drafts, 发布, proven against every scenario). */
export const CATALOGUE_KINDS = new Set(['product', 'category', 'phrases', 'lexicon']);

/** The catalogue in force: '' and no manifest is the shipped library's. `files`: the library's files with it. */
export interface CatalogueState {
  version: string;
  manifest: CatalogueManifest;
  files: FileRecord[];
}

const CATALOGUE_MARK = '~';
/** The version of a scenario file played under a catalogue (the file's hash alone under the shipped one). */
export function composeVersion(fileHash: string, catalogue: string): string {
  return catalogue === '' ? fileHash : `${fileHash}${CATALOGUE_MARK}${catalogue}`;
}
export function splitVersion(version: string): { file: string; catalogue: string } {
  const at = version.indexOf(CATALOGUE_MARK);
  return at < 0
    ? { file: version, catalogue: '' }
    : { file: version.slice(0, at), catalogue: version.slice(at + 1) };
}

export class ScenarioCatalog {
  private readonly libraries = new Map<string, Library>();
  private readonly contexts = new Map<string, ShopperContext>();
  private phraseCache: PhraseLibrary[] | null = null;
  private readonly savedListeners: Array<() => Promise<void>> = [];
  private readonly loader = createLibraryLoader();

  readonly library: Library;
  readonly errors: string[];
  /** Buyer scenarios shipped under scenarios/: they belong to nobody and the studio does not change them. */
  readonly shipped: ReadonlySet<string>;
  /**
   * Studio scenarios that play, with where: null = every class, else that class only. Shipped scenarios
   * are not here (they play everywhere).
   */
  private readonly scopes = new Map<string, string | null>();
  private readonly files: FileRecord[];
  private readonly versions: ScenarioVersionsRepository;
  private readonly items: StudioItemsRepository;
  readonly catalogueVersions: CatalogueVersionsRepository;
  private catalogue: CatalogueState;
  /** Files of catalogue versions played before, by catalogue version. */
  private readonly catalogueFiles = new Map<string, FileRecord[]>();

  private constructor(
    library: Library,
    files: FileRecord[],
    errors: string[],
    versions: ScenarioVersionsRepository,
    catalogueVersions: CatalogueVersionsRepository,
    items: StudioItemsRepository,
  ) {
    this.library = library;
    this.files = files;
    this.errors = errors;
    this.versions = versions;
    this.catalogueVersions = catalogueVersions;
    this.items = items;
    this.shipped = new Set(library.buyers.keys());
    this.catalogue = { version: '', manifest: {}, files };
  }

  static async load(
    dir: string,
    versions: ScenarioVersionsRepository,
    catalogueVersions: CatalogueVersionsRepository,
    items: StudioItemsRepository,
    now: number,
  ): Promise<ScenarioCatalog> {
    const files = readLibrary(dir);
    const { library, errors } = loadLibrary(files, { assets: readAssets(dir) });
    const catalog = new ScenarioCatalog(
      library,
      files,
      errors.map(formatError),
      versions,
      catalogueVersions,
      items,
    );
    for (const [id, version] of library.versions) {
      const path = library.files.get(id);
      const file = files.find((f) => f.path === path);
      if (file) await versions.record(id, version, file.text, file.path, now);
    }
    // The shipped catalogue files are the first version of each (saved by nobody).
    for (const file of files) {
      const kind = fileKindOf(file);
      if (kind && CATALOGUE_KINDS.has(kind)) {
        await catalogueVersions.record(file.path, contentHash(file.text), file.text, null, now);
      }
    }
    await catalog.restoreStudioSaves();
    return catalog;
  }

  /**
   * The library (with the catalogue in force) with `file` laid over it, and the errors in that file. The
   * judge's corpus is left out (no scenario refers to it) and the loader remembers the other files, so
   * only `file` is parsed.
   */
  validate(file: FileRecord) {
    const assets = this.library.assets === null ? undefined : [...this.library.assets];
    const base = this.catalogue.files.filter((f) => fileKindOf(f) !== 'corpus');
    const { library: loaded, errors } = this.loader(overlayFiles(base, [file]), { assets });
    return { loaded, errors: errors.filter((e) => e.file === file.path) };
  }

  /** Runs after every studio save (to tell the other server processes). */
  onSaved(listener: () => Promise<void>): void {
    this.savedListeners.push(listener);
  }

  /** Tells the other server processes that what plays changed (a publish, a deletion, a rubric). */
  async saved(): Promise<void> {
    for (const listener of this.savedListeners) await listener();
  }

  /**
   * The published catalogue, published studio scenarios and saved rubrics survive a restart, oldest first,
   * as if published again. Also run when another server process published one (what already plays is not
   * loaded again); a scenario deleted meanwhile stops playing.
   */
  async restoreStudioSaves(): Promise<void> {
    await this.restoreCatalogue();
    for (const save of (await this.versions.latestUnder(STUDIO_RUBRICS)).reverse()) {
      const id = save.scenario_id.slice(RUBRIC_KEY.length);
      // A rubric's id comes from its content: one already known is this one.
      if (this.library.rubrics.has(id)) continue;
      const { loaded, errors } = this.validate({ path: save.path, text: save.source });
      const rubric = loaded.rubrics.get(id);
      if (errors.length === 0 && rubric) this.library.rubrics.set(id, rubric);
    }
    const published = await this.items.listPublished('buyer');
    const live = new Set(published.map((item) => item.id));
    for (const id of [...this.scopes.keys()]) if (!live.has(id)) this.withdraw(id);
    for (const item of published) {
      const fileHash = item.published_version ?? '';
      const playing = this.versionOf(item.id);
      if (
        playing !== undefined &&
        splitVersion(playing).file === fileHash &&
        this.scopes.get(item.id) === item.published_class_id
      ) {
        continue;
      }
      const save = await this.versions.get(item.id, fileHash);
      const { loaded, errors } = save
        ? this.validate({ path: save.path, text: save.source })
        : { loaded: null, errors: [] };
      const scenario = loaded?.buyers.get(item.id);
      if (save && errors.length === 0 && scenario) {
        this.adopt(item.id, fileHash, save.path, scenario, item.published_class_id);
      } else {
        const error = `studio scenario ${item.id}@${fileHash} no longer loads; skipped`;
        if (!this.errors.includes(error)) this.errors.push(error);
      }
    }
  }

  /**
   * The library's sources (with the published catalogue) and the latest save of every rubric; the studio
   * adds its scenarios, as each user may see them. Not the judgement corpus: it is the judge's test set,
   * not something a scenario refers to (and half the library's bytes).
   */
  async studioFiles(): Promise<StudioFile[]> {
    const published = new Set(Object.keys(this.catalogue.manifest));
    const files: StudioFile[] = this.catalogue.files
      .filter((f) => fileKindOf(f) !== 'corpus')
      .map((f) => ({ ...f, origin: published.has(f.path) ? 'studio' : 'library' }));
    for (const save of await this.versions.latestUnder(STUDIO_RUBRICS)) {
      files.push({ path: save.path, text: save.source, origin: 'studio', savedAt: save.created_at });
    }
    return files;
  }

  /** Whether `scenarioId` plays for someone in `classIds` (null: everywhere, for admins). */
  playableIn(scenarioId: string, classIds: readonly string[] | null): boolean {
    if (!this.library.buyers.has(scenarioId)) return false;
    const scope = this.scopes.get(scenarioId);
    return scope == null || classIds === null || classIds.includes(scope);
  }

  /** The scenarios that play for someone in `classIds` (null: all of them). */
  playable(classIds: readonly string[] | null): BuyerScenario[] {
    return [...this.library.buyers.values()].filter((s) => this.playableIn(s.id, classIds));
  }

  /** The class a published studio scenario is limited to (null: every class; undefined: not published). */
  scopeOf(scenarioId: string): string | null | undefined {
    return this.scopes.get(scenarioId);
  }

  /**
   * The rubric a save of `body` would create (its id from its content), refused exactly as a save would be;
   * nothing is stored. The rubric preview scores with it.
   */
  draftRubric(body: SaveRubricBody): { rubric: Rubric; text: string; path: string } {
    const base = this.library.rubrics.get(body.basedOn);
    if (!base) throw fail('rubric-not-found', { id: body.basedOn });
    const draft = {
      name: body.name,
      version: 1,
      thresholds: { ...base.thresholds, ...body.thresholds },
      weights: { ...base.weights, ...body.weights },
      penalties: base.penalties,
    };
    const id = `r-${contentHash(JSON.stringify(draft)).slice(0, 12)}`;
    const checked = RubricSchema.safeParse({ id, ...draft }, { error: zodChineseError });
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw fail('rubric-invalid', { problem: `${first?.path.join('.') ?? ''} ${first?.message ?? ''}` });
    }
    if (Object.values(checked.data.weights).every((w) => w === 0)) throw fail('rubric-weights-zero');
    const text = stringify(checked.data);
    const path = `${STUDIO_RUBRICS}${id}.yaml`;
    const { loaded, errors } = this.validate({ path, text });
    const rubric = loaded.rubrics.get(id);
    if (errors.length > 0 || !rubric)
      throw fail('rubric-invalid', { problem: errors.map(formatError).join('；') });
    return { rubric, text, path };
  }

  /** Saves a rubric derived from `basedOn`, its id from its content, usable by classes from now on. */
  async saveRubric(body: SaveRubricBody, now: number): Promise<SaveRubricResponse> {
    const { rubric, text, path } = this.draftRubric(body);
    const id = rubric.id;
    const created = !this.library.rubrics.has(id);
    await this.versions.record(`${RUBRIC_KEY}${id}`, contentHash(text), text, path, now);
    this.library.rubrics.set(id, rubric);
    await this.saved();
    return { rubricId: id, created };
  }

  /**
   * The quick-phrase libraries with their group names, as the workbench's phrase panel shows them (the loaded
   * library keeps phrases by id only). Files that fail validation are already reported by the loader.
   */
  get phraseLibraries(): PhraseLibrary[] {
    if (this.phraseCache) return this.phraseCache;
    const out: PhraseLibrary[] = [];
    const ids = new Set([...this.library.phrases.values()].map((p) => p.library));
    for (const file of this.catalogue.files) {
      let data: unknown;
      try {
        data = parseYaml(file.text);
      } catch {
        continue;
      }
      const parsed = PhraseLibrarySchema.safeParse(data);
      if (parsed.success && ids.has(parsed.data.id)) {
        const { $schema: _schema, ...library } = parsed.data;
        out.push(library);
      }
    }
    this.phraseCache = out;
    return out;
  }

  /**
   * Makes a version saved in the scenario studio the current one of its scenario, so new practice and new
   * drills play it. The maps change in place (routes hold `library`); the replaced version keeps a snapshot,
   * so conversations and reports pinned to it still load exactly what they played.
   */
  adopt(
    scenarioId: string,
    fileHash: string,
    path: string,
    scenario: BuyerScenario,
    scope: string | null,
  ): void {
    this.scopes.set(scenarioId, scope);
    const version = composeVersion(splitVersion(fileHash).file, this.catalogue.version);
    const before = this.library.versions.get(scenarioId);
    if (before === version) return;
    this.keepSnapshot(scenarioId);
    this.library.buyers.set(scenarioId, scenario);
    this.library.versions.set(scenarioId, version);
    this.library.files.set(scenarioId, path);
  }

  /** A deleted studio scenario stops playing; conversations that played it keep loading their version. */
  withdraw(scenarioId: string): void {
    if (this.shipped.has(scenarioId)) return;
    this.scopes.delete(scenarioId);
    if (!this.library.buyers.has(scenarioId)) return;
    this.keepSnapshot(scenarioId);
    this.library.buyers.delete(scenarioId);
    this.library.versions.delete(scenarioId);
    this.library.files.delete(scenarioId);
  }

  /** Before the current version of `scenarioId` is replaced: a snapshot of the library as it played it. */
  private keepSnapshot(scenarioId: string): void {
    const before = this.library.versions.get(scenarioId);
    if (before !== undefined) {
      this.libraries.set(`${scenarioId}@${before}`, {
        ...this.library,
        buyers: new Map(this.library.buyers),
        versions: new Map(this.library.versions),
        files: new Map(this.library.files),
      });
      for (const key of [...this.contexts.keys()]) {
        if (key.startsWith(`${scenarioId}@${before}#`)) this.contexts.delete(key);
      }
    }
  }

  versionOf(scenarioId: string): string | undefined {
    return this.library.versions.get(scenarioId);
  }

  rubric(id: string): Rubric {
    const rubric = this.library.rubrics.get(id) ?? this.library.rubrics.get(DEFAULT_RUBRIC);
    if (!rubric) throw new Error(`场景库里没有评分标准 "${id}"，也没有 "${DEFAULT_RUBRIC}"`);
    return rubric;
  }

  /** The library as it was when `scenarioId` had `version` (the current one when they match). */
  async libraryFor(scenarioId: string, version: string): Promise<Library> {
    if (this.library.versions.get(scenarioId) === version) return this.library;
    const key = `${scenarioId}@${version}`;
    const cached = this.libraries.get(key);
    if (cached) return cached;
    const played = splitVersion(version);
    const stored = await this.versions.get(scenarioId, played.file);
    if (!stored) throw new Error(`找不到场景 ${scenarioId} 的版本 ${version}`);
    const base = await this.filesOfCatalogue(played.catalogue);
    const others = base.filter(
      (f) => f.path !== stored.path && f.path !== this.library.files.get(scenarioId),
    );
    const { library } = loadLibrary([...others, { path: stored.path, text: stored.source }]);
    this.libraries.set(key, library);
    return library;
  }

  /** The shipped file at `path` (as read at start), if any. */
  shippedFile(path: string): FileRecord | undefined {
    return this.files.find((f) => f.path === path);
  }

  /** The catalogue in force. */
  get catalogueState(): CatalogueState {
    return this.catalogue;
  }

  /** The library's files with the catalogue of `manifest` laid over the shipped ones. */
  async filesWithCatalogue(manifest: CatalogueManifest): Promise<FileRecord[]> {
    const top: FileRecord[] = [];
    for (const [path, version] of Object.entries(manifest)) {
      const row = await this.catalogueVersions.get(path, version);
      if (!row) throw new Error(`找不到目录文件 ${path} 的版本 ${version}`);
      top.push({ path, text: row.source });
    }
    return overlayFiles(this.files, top, this.shippedIdentity);
  }

  /** `fileIdentity` of a shipped file, worked out once per file (finding it parses the file). */
  private readonly shippedIdentity = (file: FileRecord): string | undefined => {
    if (!this.shippedIdentities.has(file.path)) this.shippedIdentities.set(file.path, fileIdentity(file));
    return this.shippedIdentities.get(file.path);
  };
  private readonly shippedIdentities = new Map<string, string | undefined>();

  private async filesOfCatalogue(catalogue: string): Promise<FileRecord[]> {
    if (catalogue === this.catalogue.version) return this.catalogue.files;
    if (catalogue === '') return this.files;
    const cached = this.catalogueFiles.get(catalogue);
    if (cached) return cached;
    const manifest = await this.catalogueVersions.manifestOf(catalogue);
    if (!manifest) throw new Error(`找不到目录版本 ${catalogue}`);
    const files = await this.filesWithCatalogue(manifest);
    this.catalogueFiles.set(catalogue, files);
    return files;
  }

  /**
   * The catalogue files of `files` with the buyer files now played: the library a catalogue change must
   * keep proving.
   */
  async libraryFilesWith(catalogueFiles: readonly FileRecord[]): Promise<FileRecord[]> {
    const out = catalogueFiles.filter((f) => fileKindOf(f) !== 'buyer');
    for (const [id, version] of this.library.versions) {
      const path = this.library.files.get(id);
      const file = splitVersion(version).file;
      const shipped = this.files.find((f) => f.path === path);
      if (shipped && contentHash(shipped.text) === file) {
        out.push(shipped);
        continue;
      }
      const stored = await this.versions.get(id, file);
      if (stored) out.push({ path: stored.path, text: stored.source });
    }
    return out;
  }

  /** Lays the latest published catalogue over the library (at start, and when another process published). */
  private async restoreCatalogue(): Promise<void> {
    const latest = await this.catalogueVersions.latest();
    if (!latest || latest.catalogue === this.catalogue.version) return;
    const files = await this.filesWithCatalogue(latest.manifest);
    const { library, errors } = loadLibrary(await this.libraryFilesWith(files));
    if (errors.length > 0) {
      const error = `published catalogue ${latest.catalogue} no longer loads; the shipped one is used`;
      if (!this.errors.includes(error)) this.errors.push(error);
      return;
    }
    this.useCatalogue({ version: latest.catalogue, manifest: latest.manifest, files }, library);
  }

  /**
   * Makes a published catalogue the one new practice, drills and judgements use: `loaded` is the library
   * with it (every scenario played now, proven). The maps change in place (routes hold `library`); the
   * library before stays for every scenario version played until now, so running conversations keep it.
   */
  useCatalogue(catalogue: CatalogueState, loaded: Library): void {
    const before: Library = {
      ...this.library,
      products: new Map(this.library.products),
      categories: new Map(this.library.categories),
      phrases: new Map(this.library.phrases),
      phrasesByCode: new Map(this.library.phrasesByCode),
      buyers: new Map(this.library.buyers),
      versions: new Map(this.library.versions),
      files: new Map(this.library.files),
    };
    // Snapshots of scenario versions replaced earlier share the catalogue's maps: they keep the ones before.
    for (const [key, kept] of this.libraries) {
      if (kept.products !== this.library.products) continue;
      this.libraries.set(key, {
        ...kept,
        products: before.products,
        categories: before.categories,
        phrases: before.phrases,
        phrasesByCode: before.phrasesByCode,
        lexicon: before.lexicon,
      });
    }
    for (const [id, version] of this.library.versions) this.libraries.set(`${id}@${version}`, before);
    // Contexts hold the library: the ones made until now are made again from the snapshot when asked.
    this.contexts.clear();
    const replace = <K, V>(target: Map<K, V>, source: Map<K, V>) => {
      target.clear();
      for (const [k, v] of source) target.set(k, v);
    };
    replace(this.library.products, loaded.products);
    replace(this.library.categories, loaded.categories);
    replace(this.library.phrases, loaded.phrases);
    replace(this.library.phrasesByCode, loaded.phrasesByCode);
    this.library.lexicon = loaded.lexicon;
    for (const [id, scenario] of loaded.buyers) {
      const file = loaded.versions.get(id);
      if (file === undefined) continue;
      this.library.buyers.set(id, scenario);
      this.library.versions.set(id, composeVersion(file, catalogue.version));
    }
    this.catalogue = catalogue;
    this.catalogueFiles.set(catalogue.version, catalogue.files);
    this.phraseCache = null;
  }

  async context(scenarioId: string, version: string, rubricId: string): Promise<ShopperContext> {
    const key = `${scenarioId}@${version}#${rubricId}`;
    const cached = this.contexts.get(key);
    if (cached) return cached;
    const library = await this.libraryFor(scenarioId, version);
    const ctx = createShopperContext(library, scenarioId, this.rubric(rubricId));
    this.contexts.set(key, ctx);
    return ctx;
  }
}
