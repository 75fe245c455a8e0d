// The scenario studio: library sources and saved versions (validated and proved in the browser with the
// same loader as `kefu check` / `kefu prove`), scenario saves, and class rubrics.
import { z } from 'zod';
import { CatalogueDraftSchema } from './catalogue.ts';
import { entityId, scenarioId } from './fields.ts';
import { ScenarioSummarySchema } from './scenarios.ts';

export const StudioFileSchema = z.object({
  path: z.string(),
  text: z.string(),
  /** 'library': shipped under scenarios/; 'studio': saved in the browser (a catalogue file: published). */
  origin: z.enum(['library', 'studio']),
  /** Content hash, for buyer scenarios. */
  version: z.string().optional(),
  savedAt: z.number().optional(),
});
export type StudioFile = z.infer<typeof StudioFileSchema>;
/**
 * Publishing (the studio's one vocabulary for scenarios and catalogue files alike): a save is a 草稿 (draft),
 * seen only in the studio by its owner and admins; 发布 (publish) makes one proven version what students,
 * drills and the course path play — to every class or one class only — until the next publish.
 * 'shipped': part of the library under scenarios/, belongs to nobody, read-only (copy it to edit).
 */
export const PUBLISH_STATUSES = ['shipped', 'draft', 'published'] as const;
export const PublishStatusSchema = z.enum(PUBLISH_STATUSES);
export type PublishStatus = z.infer<typeof PublishStatusSchema>;

/** The version that plays, and where: every class (classId null) or one class. */
export const PublicationSchema = z.object({
  version: z.string(),
  classId: z.string().nullable(),
  className: z.string().nullable(),
  publishedAt: z.number(),
});
export type Publication = z.infer<typeof PublicationSchema>;

/** A scenario as the studio's library lists it (from the server's loaded library: no parsing in the page). */
export const StudioScenarioSchema = ScenarioSummarySchema.extend({
  path: z.string(),
  origin: z.enum(['library', 'studio']),
  status: PublishStatusSchema,
  /** What plays now (null: a draft never published, or shipped). */
  publication: PublicationSchema.nullable(),
  /** The latest saved version: only for those who may edit it (its owner, admins), else null. */
  draftVersion: z.string().nullable(),
  /** Who it belongs to (null: shipped, or saved before scenarios had owners — admins edit those). */
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** Whether this user may save, publish or delete it (otherwise: 复制后编辑). */
  editable: z.boolean(),
  /** The scenario this one was copied from (its title then). */
  copiedFrom: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The published version's text when the draft differs from it (editors only), to show what differs. */
  publishedText: z.string().nullable(),
});
export type StudioScenario = z.infer<typeof StudioScenarioSchema>;
export const StudioFilesResponseSchema = z.object({
  files: z.array(StudioFileSchema),
  scenarios: z.array(StudioScenarioSchema),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Catalogue files saved as 草稿 and not published, the latest of each file. */
  catalogueDrafts: z.array(CatalogueDraftSchema),
});
export type StudioFilesResponse = z.infer<typeof StudioFilesResponseSchema>;

/** A new content-hashed version; refused with every error, nothing saved, when the file does not validate. */
export const SaveScenarioBodySchema = z
  .object({ text: z.string().min(1, '场景内容为空').max(200_000, '场景文件过大（最多 200,000 字）') })
  .strict();
export type SaveScenarioBody = z.infer<typeof SaveScenarioBodySchema>;
export const SaveScenarioResponseSchema = z.object({
  scenarioId: z.string(),
  version: z.string(),
  path: z.string(),
  /** False when this exact text was already saved. */
  created: z.boolean(),
});
export type SaveScenarioResponse = z.infer<typeof SaveScenarioResponseSchema>;

/** 发布: one saved version, to every class (classId null) or one class of the publisher's. */
export const PublishScenarioBodySchema = z
  .object({
    version: z.string().regex(/^[0-9a-f]{8,64}$/, '版本号不对'),
    classId: entityId.nullable(),
  })
  .strict();
export type PublishScenarioBody = z.infer<typeof PublishScenarioBodySchema>;
export const PublishScenarioResponseSchema = z.object({
  scenarioId: z.string(),
  publication: PublicationSchema,
});
export type PublishScenarioResponse = z.infer<typeof PublishScenarioResponseSchema>;

/** 复制后编辑: a draft of one's own (new id, title …（副本）) from a shipped or someone else's scenario. */
export const CopyScenarioResponseSchema = SaveScenarioResponseSchema.extend({ title: z.string() });
export type CopyScenarioResponse = z.infer<typeof CopyScenarioResponseSchema>;

/** 试玩: solo practice of one saved version (a draft included) for its author. */
export const TryScenarioBodySchema = z
  .object({ version: z.string().regex(/^[0-9a-f]{8,64}$/, '版本号不对') })
  .strict();
export type TryScenarioBody = z.infer<typeof TryScenarioBodySchema>;

/**
 * A rubric from a base rubric with new weights and thresholds, its id derived from its content (so a report
 * naming it stays reproducible); PATCH the class with `rubricId` to use it.
 */
export const SaveRubricBodySchema = z
  .object({
    basedOn: scenarioId,
    name: z.string().trim().min(1, '请填写评分标准名称').max(60),
    weights: z.record(z.string(), z.number().min(0, '权重不能为负').max(100, '权重最多 100')),
    thresholds: z.record(z.string(), z.number().positive('阈值必须大于 0').max(3600)),
  })
  .strict();
export type SaveRubricBody = z.infer<typeof SaveRubricBodySchema>;
export const SaveRubricResponseSchema = z.object({ rubricId: z.string(), created: z.boolean() });
export type SaveRubricResponse = z.infer<typeof SaveRubricResponseSchema>;

/** How many days of a class's graded conversations the rubric preview scores again. */
export const RUBRIC_PREVIEW_DAYS = 7;
/**
 * A student's graded conversations of the last RUBRIC_PREVIEW_DAYS days scored again with a draft rubric
 * (the body of a rubric save, nothing saved): the mean score as the reports show it and under the draft.
 */
export const RubricPreviewRowSchema = z.object({
  student: z.object({ id: z.string(), displayName: z.string() }),
  conversations: z.number(),
  before: z.number(),
  after: z.number(),
  delta: z.number(),
});
export type RubricPreviewRow = z.infer<typeof RubricPreviewRowSchema>;
export const RubricPreviewResponseSchema = z.object({ rows: z.array(RubricPreviewRowSchema) });
export type RubricPreviewResponse = z.infer<typeof RubricPreviewResponseSchema>;
