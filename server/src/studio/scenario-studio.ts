// Scenarios in the studio: a save is a draft its owner (and admins) see and nothing plays; 发布 makes one
// version play — to every class or one class — only once the server's own proof of that exact version
// passes. A scenario belongs to the instructor who created it; shipped scenarios belong to nobody and are
// read-only; 复制后编辑 makes an owned copy. The catalogue (scenarios/catalog.ts) plays what is published.
import {
  type BuyerScenario,
  contentHash,
  formatError,
  type Publication,
  type PublishScenarioBody,
  proveScenario,
  type SaveScenarioResponse,
  type StudioFile,
  type StudioScenario,
} from '@kefu/shared';
import { parseDocument, stringify } from 'yaml';
import type { Access } from '../auth/access.ts';
import type { ClassesRepository } from '../db/repositories/classes.ts';
import type { ScenarioVersionsRepository } from '../db/repositories/scenario-versions.ts';
import type { StudioItemRow, StudioItemsRepository } from '../db/repositories/studio-items.ts';
import type { UserRow, UsersRepository } from '../db/repositories/users.ts';
import { fail } from '../errors.ts';
import { scenarioSummary } from '../routes/scenarios.ts';
import { type ScenarioCatalog, STUDIO_BUYERS, splitVersion } from '../scenarios/catalog.ts';
import { shippedScenario } from './library-view.ts';

export interface ScenarioStudioDeps {
  catalog: ScenarioCatalog;
  items: StudioItemsRepository;
  versions: ScenarioVersionsRepository;
  users: UsersRepository;
  classes: ClassesRepository;
  access: Access;
}

/** Marks a copy's title. */
export const COPY_SUFFIX = '（副本）';
/** How many failing proof runs a refusal names. */
const PROBLEMS_NAMED = 3;

const canEdit = (user: UserRow, item: StudioItemRow) =>
  user.role === 'admin' || (item.owner_id !== null && item.owner_id === user.id);
/** Another author sees a scenario once it is published (to copy it); its drafts stay its owner's. */
const canSee = (user: UserRow, item: StudioItemRow) => canEdit(user, item) || item.published_version !== null;

function declaredId(text: string): string {
  let id: unknown;
  try {
    id = parseDocument(text).get('id');
  } catch {
    id = undefined;
  }
  if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) throw fail('scenario-id-missing');
  return id;
}

/** `text` with another id and title, the rest (comments, layout) as it was. */
function renamed(text: string, id: string, title: string): string {
  return text.replace(/^id:.*$/m, `id: ${id}`).replace(/^title:.*$/m, `title: ${stringify(title).trimEnd()}`);
}

export function createScenarioStudio(deps: ScenarioStudioDeps) {
  const { catalog, items, versions } = deps;
  /** Parsed versions, by `id@version` (a version's text never changes). */
  const parsed = new Map<string, BuyerScenario | null>();

  /** A saved version as the library would load it now (null: it no longer loads). */
  async function scenarioAt(id: string, version: string): Promise<BuyerScenario | null> {
    const key = `${id}@${version}`;
    if (parsed.has(key)) return parsed.get(key) ?? null;
    const save = await versions.get(id, version);
    const scenario = save ? checked(id, save.path, save.source, false) : null;
    parsed.set(key, scenario);
    return scenario;
  }

  /** The scenario `text` declares, checked against the library; refused with its errors when `strict`. */
  function checked(id: string, path: string, text: string, strict: boolean): BuyerScenario | null {
    const { loaded, errors } = catalog.validate({ path, text });
    const scenario = loaded.buyers.get(id);
    if (errors.length === 0 && scenario) return scenario;
    if (!strict) return null;
    throw fail('scenario-invalid', {
      count: errors.length || 1,
      errors: errors.slice(0, 5).map(formatError).join('；') || '不是买家场景文件',
    });
  }

  async function titleOf(id: string, item?: StudioItemRow): Promise<string> {
    const playing = catalog.library.buyers.get(id)?.title;
    if (playing) return playing;
    const version = item?.published_version ?? item?.draft_version;
    return (version ? (await scenarioAt(id, version))?.title : undefined) ?? id;
  }

  /** The item `id` as `user` may change it: refused for shipped scenarios and other people's. */
  async function editableItem(user: UserRow, id: string): Promise<StudioItemRow> {
    if (catalog.shipped.has(id)) throw fail('scenario-read-only', { title: await titleOf(id) });
    const item = await items.get('buyer', id);
    if (!item || !canSee(user, item)) throw fail('scenario-not-found', { id });
    if (!canEdit(user, item)) throw fail('scenario-not-owner', { title: await titleOf(id, item) });
    return item;
  }

  /** Stores `text` as a draft of its scenario: a new one is `user`'s, an existing one must be. */
  async function saveDraft(
    user: UserRow,
    text: string,
    now: number,
    copiedFrom: string | null = null,
  ): Promise<SaveScenarioResponse> {
    const id = declaredId(text);
    if (catalog.shipped.has(id)) throw fail('scenario-read-only', { title: await titleOf(id) });
    const existing = await items.get('buyer', id);
    if (existing && !canEdit(user, existing)) {
      throw fail('scenario-not-owner', { title: await titleOf(id, existing) });
    }
    const path = `${STUDIO_BUYERS}${id}.yaml`;
    const scenario = checked(id, path, text, true);
    const version = contentHash(text);
    const before = await versions.get(id, version);
    await versions.record(id, version, text, path, now);
    parsed.set(`${id}@${version}`, scenario);
    if (existing) await items.saveDraft('buyer', id, version, now);
    else {
      const created = await items.create(
        'buyer',
        id,
        { ownerId: user.id, draftVersion: version, copiedFrom },
        now,
      );
      // Someone else created this id a moment before.
      if (!canEdit(user, created)) throw fail('scenario-not-owner', { title: await titleOf(id, created) });
    }
    return { scenarioId: id, version, path, created: before === undefined };
  }

  async function publication(item: StudioItemRow): Promise<Publication | null> {
    if (item.published_version === null) return null;
    const cls = item.published_class_id ? await deps.classes.get(item.published_class_id) : undefined;
    return {
      version: item.published_version,
      classId: item.published_class_id,
      className: cls?.name ?? null,
      publishedAt: item.published_at ?? item.updated_at,
    };
  }

  return {
    saveDraft: (user: UserRow, text: string, now: number) => saveDraft(user, text, now),

    /** 发布: the proven version plays from now on, where the publisher chose; the draft stays as it is. */
    async publish(user: UserRow, id: string, body: PublishScenarioBody, now: number): Promise<Publication> {
      await editableItem(user, id);
      const save = await versions.get(id, body.version);
      if (!save?.path.startsWith(STUDIO_BUYERS)) throw fail('scenario-version-not-found', { id });
      if (body.classId !== null) {
        const cls = await deps.classes.get(body.classId);
        if (!cls || !deps.access.canManageClass(user, cls)) throw fail('publish-class-forbidden');
      }
      const { loaded, errors } = catalog.validate({ path: save.path, text: save.source });
      const scenario = loaded.buyers.get(id);
      if (errors.length > 0 || !scenario) checked(id, save.path, save.source, true);
      const failed = proveScenario(loaded, id).filter((run) => !run.ok);
      if (failed.length > 0) {
        const named = [
          ...new Set(
            failed.map((run) => (run.kind === 'model' ? '标准答案没有通过' : `反例「${run.script}」不符`)),
          ),
        ];
        throw fail('scenario-proof-failed', {
          count: failed.length,
          problems: named.slice(0, PROBLEMS_NAMED).join('；'),
        });
      }
      await items.publish('buyer', id, { version: body.version, classId: body.classId, by: user.id }, now);
      catalog.adopt(id, body.version, save.path, scenario as BuyerScenario, body.classId);
      await catalog.saved();
      const item = await items.get('buyer', id);
      return (await publication(item as StudioItemRow)) as Publication;
    },

    /** 复制后编辑: a draft of `user`'s own from a scenario they can see (new id, title …（副本）). */
    async copy(user: UserRow, id: string, now: number): Promise<SaveScenarioResponse & { title: string }> {
      let version: string | null | undefined;
      if (catalog.shipped.has(id)) {
        const playing = catalog.versionOf(id);
        version = playing === undefined ? undefined : splitVersion(playing).file;
      } else {
        const item = await items.get('buyer', id);
        if (item && canSee(user, item))
          version = canEdit(user, item) ? item.draft_version : item.published_version;
      }
      const save = version ? await versions.get(id, version) : undefined;
      if (!save) throw fail('scenario-not-found', { id });
      const source = await scenarioAt(id, save.version);
      const title = `${source?.title ?? (await titleOf(id))}${COPY_SUFFIX}`;
      let copyId = `${id}-copy`;
      for (let n = 2; catalog.shipped.has(copyId) || (await items.get('buyer', copyId)); n++) {
        copyId = `${id}-copy-${n}`;
      }
      const saved = await saveDraft(user, renamed(save.source, copyId, title), now, `${id}@${save.version}`);
      return { ...saved, title };
    },

    /** Out of the studio and every list; conversations that played it keep their version. */
    async remove(user: UserRow, id: string): Promise<void> {
      await editableItem(user, id);
      await items.remove('buyer', id);
      catalog.withdraw(id);
      await catalog.saved();
    },

    /** The version `user` may try (试玩): any of their own, a published or a shipped one. */
    async tryable(user: UserRow, id: string, version: string): Promise<void> {
      const save = await versions.get(id, version);
      if (!save) throw fail('scenario-version-not-found', { id });
      if (catalog.shipped.has(id)) return;
      const item = await items.get('buyer', id);
      if (!item || !canSee(user, item)) throw fail('scenario-not-found', { id });
      if (!canEdit(user, item) && version !== item.published_version) {
        throw fail('scenario-not-owner', { title: await titleOf(id, item) });
      }
    },

    /**
     * The studio's scenarios as `user` sees them: shipped ones, their own (and, for admins, everyone's) with
     * the draft, other people's published ones; and the files to check them against.
     */
    async list(user: UserRow): Promise<{ scenarios: StudioScenario[]; files: StudioFile[] }> {
      const scenarios: StudioScenario[] = [];
      const files: StudioFile[] = [];
      const studioIds = new Set<string>();
      const owners = new Map<string, string>();
      for (const item of await items.list('buyer')) {
        if (!canSee(user, item)) continue;
        const editable = canEdit(user, item);
        const version = editable ? item.draft_version : (item.published_version as string);
        const [save, scenario] = [await versions.get(item.id, version), await scenarioAt(item.id, version)];
        if (!save || !scenario) continue;
        studioIds.add(item.id);
        files.push({
          path: save.path,
          text: save.source,
          origin: 'studio',
          version,
          savedAt: save.created_at,
        });
        if (item.owner_id !== null && !owners.has(item.owner_id)) {
          const owner = await deps.users.findById(item.owner_id);
          owners.set(item.owner_id, owner?.display_name ?? '');
        }
        const published =
          editable && item.published_version !== null && item.published_version !== version
            ? await versions.get(item.id, item.published_version)
            : undefined;
        const [fromId, fromVersion] = item.copied_from?.split('@') ?? [];
        const from = fromId && fromVersion ? await scenarioAt(fromId, fromVersion) : null;
        scenarios.push({
          ...scenarioSummary(scenario, version),
          path: save.path,
          origin: 'studio',
          status: item.published_version === null ? 'draft' : 'published',
          publication: await publication(item),
          draftVersion: editable ? item.draft_version : null,
          owner:
            item.owner_id === null
              ? null
              : { id: item.owner_id, displayName: owners.get(item.owner_id) ?? '' },
          editable,
          copiedFrom: fromId ? { id: fromId, title: from?.title ?? (await titleOf(fromId)) } : null,
          publishedText: published?.source ?? null,
        });
      }
      for (const id of catalog.shipped) {
        const scenario = catalog.library.buyers.get(id);
        if (scenario && !studioIds.has(id)) scenarios.push(shippedScenario(catalog.library, scenario));
      }
      return { scenarios, files };
    },
  };
}
export type ScenarioStudio = ReturnType<typeof createScenarioStudio>;
