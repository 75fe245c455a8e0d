// The scenario library the server plays: loaded from SCENARIOS_DIR at start, every buyer file's version
// recorded (content hash → text) so a pinned or historical version loads exactly as it was played.
import {
  type BuyerScenario,
  createShopperContext,
  type FileRecord,
  formatError,
  type Library,
  loadLibrary,
  type PhraseLibrary,
  PhraseLibrarySchema,
  type Rubric,
  type ShopperContext,
} from '@kefu/shared';
import { parse as parseYaml } from 'yaml';
import { readLibrary } from '../cli/read-library.ts';
import type { ScenarioVersionsRepository } from '../db/repositories/scenario-versions.ts';

export const DEFAULT_RUBRIC = 'default';

export class ScenarioCatalog {
  private readonly libraries = new Map<string, Library>();
  private readonly contexts = new Map<string, ShopperContext>();
  private phraseCache: PhraseLibrary[] | null = null;

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
    const { library, errors } = loadLibrary(files);
    const catalog = new ScenarioCatalog(library, files, errors.map(formatError), versions);
    for (const [id, version] of library.versions) {
      const path = library.files.get(id);
      const file = files.find((f) => f.path === path);
      if (file) await versions.record(id, version, file.text, file.path, now);
    }
    return catalog;
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
