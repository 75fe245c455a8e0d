// The scenario library the server plays: loaded from SCENARIOS_DIR at start (files read once), every buyer
// file's version recorded (content hash → text) so a pinned or historical version loads exactly as it was
// played, and the scenario studio's saves laid over it — at start and whenever one is saved.
import {
  type BuyerScenario,
  contentHash,
  createShopperContext,
  type FileRecord,
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
  type SaveScenarioResponse,
  type ShopperContext,
  type StudioFile,
} from '@kefu/shared';
import { parseDocument, parse as parseYaml, stringify } from 'yaml';
import { readAssets, readLibrary } from '../cli/read-library.ts';
import type { ScenarioVersionsRepository } from '../db/repositories/scenario-versions.ts';
import { fail } from '../errors.ts';

export const DEFAULT_RUBRIC = 'default';

/** Studio saves are rows of scenario_versions under these paths. */
const STUDIO_ROOT = 'studio/';
const STUDIO_BUYERS = 'studio/buyers/';
const STUDIO_RUBRICS = 'studio/rubrics/';
/** Rubric saves share the versions table; their row id is prefixed so they never clash with a scenario id. */
const RUBRIC_KEY = 'rubric:';

export class ScenarioCatalog {
  private readonly libraries = new Map<string, Library>();
  private readonly contexts = new Map<string, ShopperContext>();
  private phraseCache: PhraseLibrary[] | null = null;
  private readonly savedListeners: Array<() => Promise<void>> = [];

  readonly library: Library;
  readonly errors: string[];
  private readonly files: FileRecord[];
  private readonly versions: ScenarioVersionsRepository;

  private constructor(
    library: Library,
    files: FileRecord[],
    errors: string[],
    versions: ScenarioVersionsRepository,
  ) {
    this.library = library;
    this.files = files;
    this.errors = errors;
    this.versions = versions;
  }

  static async load(
    dir: string,
    versions: ScenarioVersionsRepository,
    now: number,
  ): Promise<ScenarioCatalog> {
    const files = readLibrary(dir);
    const { library, errors } = loadLibrary(files, { assets: readAssets(dir) });
    const catalog = new ScenarioCatalog(library, files, errors.map(formatError), versions);
    for (const [id, version] of library.versions) {
      const path = library.files.get(id);
      const file = files.find((f) => f.path === path);
      if (file) await versions.record(id, version, file.text, file.path, now);
    }
    await catalog.restoreStudioSaves();
    return catalog;
  }

  /** The library with `file` laid over it, and the errors in that file. */
  private validate(file: FileRecord) {
    const assets = this.library.assets === null ? undefined : [...this.library.assets];
    const { library: loaded, errors } = loadLibrary(overlayFiles(this.files, [file]), { assets });
    return { loaded, errors: errors.filter((e) => e.file === file.path) };
  }

  /** Runs after every studio save (to tell the other server processes). */
  onSaved(listener: () => Promise<void>): void {
    this.savedListeners.push(listener);
  }

  private async saved(): Promise<void> {
    for (const listener of this.savedListeners) await listener();
  }

  /**
   * Saved studio versions survive a restart: the latest of each, oldest first, as if saved again. Also run
   * when another server process saved one (adopting a version already played changes nothing).
   */
  async restoreStudioSaves(): Promise<void> {
    for (const save of (await this.versions.latestUnder(STUDIO_ROOT)).reverse()) {
      const { loaded, errors } = this.validate({ path: save.path, text: save.source });
      if (save.scenario_id.startsWith(RUBRIC_KEY)) {
        const id = save.scenario_id.slice(RUBRIC_KEY.length);
        const rubric = loaded.rubrics.get(id);
        if (errors.length === 0 && rubric) this.library.rubrics.set(id, rubric);
        continue;
      }
      const scenario = loaded.buyers.get(save.scenario_id);
      if (errors.length === 0 && scenario) this.adopt(save.scenario_id, save.version, save.path, scenario);
      else {
        const error = `studio scenario ${save.scenario_id}@${save.version} no longer loads; skipped`;
        if (!this.errors.includes(error)) this.errors.push(error);
      }
    }
  }

  /**
   * The library's sources and the latest studio save of every scenario and rubric. Not the judgement
   * corpus: it is the judge's test set, not something a scenario refers to (and half the library's bytes).
   */
  async studioFiles(): Promise<StudioFile[]> {
    const files: StudioFile[] = this.files
      .filter((f) => fileKindOf(f) !== 'corpus')
      .map((f) => ({ ...f, origin: 'library' }));
    for (const save of await this.versions.latestUnder(STUDIO_ROOT)) {
      const file: StudioFile = {
        path: save.path,
        text: save.source,
        origin: 'studio',
        savedAt: save.created_at,
      };
      if (!save.scenario_id.startsWith(RUBRIC_KEY)) file.version = save.version;
      files.push(file);
    }
    return files;
  }

  /** Saves a studio scenario as a new content-hashed version and plays it from now on. */
  async saveScenario(text: string, now: number): Promise<SaveScenarioResponse> {
    let id: unknown;
    try {
      id = parseDocument(text).get('id');
    } catch {
      id = undefined;
    }
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw fail('scenario-id-missing');
    const path = `${STUDIO_BUYERS}${id}.yaml`;
    const { loaded, errors } = this.validate({ path, text });
    const scenario = loaded.buyers.get(id);
    if (errors.length > 0 || !scenario) {
      const lines = errors.slice(0, 5).map(formatError);
      throw fail('scenario-invalid', {
        count: errors.length || 1,
        errors: lines.join('；') || '不是买家场景文件',
      });
    }
    const version = contentHash(text);
    const before = await this.versions.get(id, version);
    await this.versions.record(id, version, text, path, now);
    this.adopt(id, version, path, scenario);
    await this.saved();
    return { scenarioId: id, version, path, created: before === undefined };
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
    const checked = RubricSchema.safeParse({ id, ...draft });
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
    for (const file of this.files) {
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
  adopt(scenarioId: string, version: string, path: string, scenario: BuyerScenario): void {
    const before = this.library.versions.get(scenarioId);
    if (before === version) return;
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
    this.library.buyers.set(scenarioId, scenario);
    this.library.versions.set(scenarioId, version);
    this.library.files.set(scenarioId, path);
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
    const stored = await this.versions.get(scenarioId, version);
    if (!stored) throw new Error(`找不到场景 ${scenarioId} 的版本 ${version}`);
    const others = this.files.filter(
      (f) => f.path !== stored.path && f.path !== this.library.files.get(scenarioId),
    );
    const { library } = loadLibrary([...others, { path: stored.path, text: stored.source }]);
    this.libraries.set(key, library);
    return library;
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
