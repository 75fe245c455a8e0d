// Appeals (申诉): a student disputes one violation of a report with a sentence; the staff of the class
// uphold or overturn it with a note. An overturned violation stops counting everywhere (the scoring core
// leaves it out, see `overturned` in scoring/report.ts); decided appeals download as corpus cases.
import { z } from 'zod';
import { RuleIdSchema } from '../scenario/schema.ts';
import type { Violation } from '../scoring/index.ts';
import { entityId } from './fields.ts';
import { MAX_APPEAL_CHARS, MAX_DECISION_NOTE_CHARS } from './limits.ts';

export { MAX_APPEAL_CHARS, MAX_DECISION_NOTE_CHARS };
export const APPEAL_STATUSES = ['open', 'upheld', 'overturned'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_VERDICTS = ['upheld', 'overturned'] as const;
export type AppealVerdict = (typeof APPEAL_VERDICTS)[number];

export const AppealViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** The class whose staff decide (the drill's class; for solo practice the student's class). */
  classId: z.string(),
  className: z.string(),
  student: z.object({ id: z.string(), displayName: z.string() }),
  scenarioTitle: z.string(),
  /** The violation as the judge gave it when the student appealed (the original verdict). */
  violation: z.custom<Violation>(),
  /**
   * The same violation as the conversation's report gives it now, which a re-score may have renamed or
   * re-classified (a buyer-left stored before the departure split reads as buyer-gave-up): the appeal is counted
   * and shown under its rule. `violation` itself when the report no longer has it.
   */
  current: z.custom<Violation>(),
  /**
   * With a conversation's report: the key of the violation the appeal is about in that report, which a re-score
   * may name differently from `violation.key` (scoring/appeal-keys.ts); null when the report has none.
   */
  reportKey: z.string().nullable().optional(),
  /** The student's reply the violation points at, when it points at one. */
  reply: z.string().nullable(),
  reason: z.string(),
  createdAt: z.number(),
  status: z.enum(APPEAL_STATUSES),
  /** Final once given: who decided, when, and why. */
  decision: z
    .object({
      by: z.object({ id: z.string(), displayName: z.string() }),
      at: z.number(),
      note: z.string(),
    })
    .nullable(),
});
export type AppealView = z.infer<typeof AppealViewSchema>;

export const CreateAppealBodySchema = z
  .object({
    conversationId: entityId,
    violationKey: z.string().min(1, '缺少违规').max(300, '违规标识过长'),
    reason: z
      .string()
      .trim()
      .min(1, '请用一句话说明理由')
      .max(MAX_APPEAL_CHARS, `理由最多 ${MAX_APPEAL_CHARS} 字`),
    /** For solo practice of a student in several classes: which class's staff decide (default: the first). */
    classId: entityId.optional(),
  })
  .strict();
export type CreateAppealBody = z.input<typeof CreateAppealBodySchema>;

export const DecideAppealBodySchema = z
  .object({
    verdict: z.enum(APPEAL_VERDICTS, { error: '请选择维持或撤销' }),
    note: z
      .string()
      .trim()
      .min(1, '请写下裁定理由')
      .max(MAX_DECISION_NOTE_CHARS, `理由最多 ${MAX_DECISION_NOTE_CHARS} 字`),
  })
  .strict();
export type DecideAppealBody = z.input<typeof DecideAppealBodySchema>;

export const AppealResponseSchema = z.object({ appeal: AppealViewSchema });

export const AppealsQuerySchema = z.object({
  classId: entityId.optional(),
  status: z.enum(APPEAL_STATUSES).optional(),
});
export const AppealsResponseSchema = z.object({ appeals: z.array(AppealViewSchema) });
export type AppealsResponse = z.infer<typeof AppealsResponseSchema>;

/** How many appeals wait for a decision in the classes the caller reviews (the staff bar's badge). */
export const OpenAppealsResponseSchema = z.object({ open: z.number().int().nonnegative() });
export type OpenAppealsResponse = z.infer<typeof OpenAppealsResponseSchema>;

export const AppealClassQuerySchema = z.object({ classId: entityId.optional() });

/** Per rule: how many of its violations were appealed, and how the decided ones went. */
export const AppealRuleStatSchema = z.object({
  rule: RuleIdSchema,
  appealed: z.number(),
  open: z.number(),
  upheld: z.number(),
  overturned: z.number(),
});
export type AppealRuleStat = z.infer<typeof AppealRuleStatSchema>;
export const AppealStatsResponseSchema = z.object({ rules: z.array(AppealRuleStatSchema) });
export type AppealStatsResponse = z.infer<typeof AppealStatsResponseSchema>;
