// Class drills: timed sessions where every student of a class receives scheduled buyers. An exam is a drill
// with exam rules: it opens and closes at set times, each student starts it once, and the model answers stay
// hidden from students until it closes.
import { z } from 'zod';
import { scenarioId } from './fields.ts';

export const DRILL_STATUSES = ['draft', 'running', 'finished'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];
export const DRILL_KINDS = ['drill', 'exam'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

export const DrillSettingsSchema = z
  .object({
    scenarioIds: z.array(scenarioId).min(1, '至少选择一个场景').max(50),
    /** Buyers each student receives over the drill. */
    shoppersPerStudent: z.number().int().min(1).max(50),
    /** Seconds between two arrivals for one student. */
    arrivalIntervalSeconds: z.number().min(0).max(3600),
    /** Most buyers one student has open at once; an arrival waits for a free slot. */
    concurrency: z.number().int().min(1).max(10),
    durationMinutes: z.number().min(1).max(240),
    /** Starts by itself once this many students joined (at most the class's students; the server checks). */
    startWhenJoined: z.number().int().min(1, '自动开始的人数至少为 1').max(500).optional(),
  })
  .strict();
export type DrillSettings = z.infer<typeof DrillSettingsSchema>;
export const CreateDrillBodySchema = z
  .object({ title: z.string().trim().min(1, '请填写演练名称').max(60), settings: DrillSettingsSchema })
  .strict();
export type CreateDrillBody = z.infer<typeof CreateDrillBodySchema>;

/** The longest exam window, as long as the longest drill. */
export const MAX_EXAM_MINUTES = 240;
/**
 * An exam: the drill's settings but the duration, which is its window (epoch ms). Each student's buyers
 * arrive on the schedule from the moment they start it; the exam ends for everyone when the window closes.
 */
export const CreateExamBodySchema = z
  .object({
    title: z.string().trim().min(1, '请填写考试名称').max(60),
    settings: DrillSettingsSchema.omit({ durationMinutes: true, startWhenJoined: true }),
    opensAt: z.number().int().nonnegative(),
    closesAt: z.number().int().nonnegative(),
    /** Counts in the class grade (the instructor may leave a mock exam out). */
    graded: z.boolean().default(true),
  })
  .strict();
export type CreateExamBody = z.input<typeof CreateExamBodySchema>;
/** Whether a drill or exam counts in the class grade. */
export const UpdateDrillBodySchema = z.object({ graded: z.boolean() }).strict();
export type UpdateDrillBody = z.infer<typeof UpdateDrillBodySchema>;

export const DrillViewSchema = z.object({
  id: z.string(),
  classId: z.string(),
  kind: z.enum(DRILL_KINDS),
  title: z.string(),
  status: z.enum(DRILL_STATUSES),
  /** Counts in the class grade. */
  graded: z.boolean(),
  /** An exam's window (null for a drill). */
  opensAt: z.number().nullable(),
  closesAt: z.number().nullable(),
  /** Its scenarios are none for a student while it is an exam not open yet: its content stays hidden. */
  settings: DrillSettingsSchema.extend({ scenarioIds: z.array(scenarioId).max(50) }),
  /** Scenario id → content hash pinned when the drill was created (none shown before an exam opens). */
  versions: z.record(z.string(), z.string()),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  endsAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  /** For a student: whether they joined. */
  joined: z.boolean().optional(),
  /** For a draft set to start when N joined: how many students joined so far. */
  joinedCount: z.number().int().optional(),
});
export type DrillView = z.infer<typeof DrillViewSchema>;
export const DrillsResponseSchema = z.object({ drills: z.array(DrillViewSchema) });
export type DrillsResponse = z.infer<typeof DrillsResponseSchema>;
export const DrillResponseSchema = z.object({ drill: DrillViewSchema });
export type DrillResponse = z.infer<typeof DrillResponseSchema>;
