// Score reports (folds of the log by the scoring core) and the multi-party grade with human evaluations.

import { z } from 'zod';
import type { ConversationEvent } from '../conversation/events.ts';
import type { LeaderboardRow } from '../course/leaderboard.ts';
import type { Report, StudentSummary } from '../scoring/index.ts';
import { UserViewSchema } from './accounts.ts';
import { AppealViewSchema } from './appeals.ts';
import { ClassViewSchema, GradeWeightsSchema } from './classes.ts';
import {
  BenchmarksSchema,
  CONVERSATION_STATUSES,
  ConversationViewSchema,
  EventEnvelopeSchema,
} from './conversations.ts';
import { DrillViewSchema } from './drills.ts';
import { entityId } from './fields.ts';
import { MAX_COMMENT_CHARS } from './limits.ts';

export const EVALUATION_KINDS = ['teacher', 'mentor', 'self'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const EvaluationViewSchema = z.object({
  id: z.string(),
  studentId: z.string(),
  classId: z.string(),
  conversationId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  kind: z.enum(EVALUATION_KINDS),
  score: z.number(),
  comment: z.string(),
  createdAt: z.number(),
});
export type EvaluationView = z.infer<typeof EvaluationViewSchema>;
export { MAX_COMMENT_CHARS };
/** The kind follows the author: instructor → teacher, trainer → mentor, student → self (own only). */
export const EvaluationBodySchema = z
  .object({
    studentId: entityId,
    classId: entityId,
    conversationId: entityId.optional(),
    score: z.number().min(0, '分数在 0–100 之间').max(100, '分数在 0–100 之间'),
    comment: z.string().trim().max(MAX_COMMENT_CHARS, `评语最多 ${MAX_COMMENT_CHARS} 字`).default(''),
  })
  .strict();
export type EvaluationBody = z.input<typeof EvaluationBodySchema>;
export const EvaluationResponseSchema = z.object({ evaluation: EvaluationViewSchema });

/** The scoring core's report, as JSON (see shared/src/scoring/report.ts). */
export type ReportView = Report;
/** A full log entry, for staff (internal events included). */
export const LoggedEventSchema = z.object({ seq: z.number(), event: z.custom<ConversationEvent>() });
export type LoggedEvent = z.infer<typeof LoggedEventSchema>;

/** Beside a mistake: the reply, what the model answer said at that point, the facts concerned (refs). */
export const AdviceSchema = z.object({
  violation: z.number(),
  reply: z.string().nullable(),
  model: z.array(z.string()),
  facts: z.array(z.string()),
});
export type AdviceView = z.infer<typeof AdviceSchema>;

export const ConversationReportResponseSchema = z.object({
  conversation: ConversationViewSchema,
  report: z.custom<Report>(),
  /** What each mistake should have been (see shared/src/proof/coaching.ts). */
  advice: z.array(AdviceSchema),
  /** Students: public events; staff: the whole log including judgements. */
  events: z.union([z.array(EventEnvelopeSchema), z.array(LoggedEventSchema)]),
  evaluations: z.array(EvaluationViewSchema),
  /** Appeals of this conversation's violations the viewer may see (the student's own; staff's classes). */
  appeals: z.array(AppealViewSchema),
});
export type ConversationReportResponse = z.infer<typeof ConversationReportResponseSchema>;

export const ConversationScoreSchema = z.object({
  conversationId: z.string(),
  scenarioId: z.string(),
  /** The title of the scenario version played. */
  scenarioTitle: z.string(),
  drillId: z.string().nullable(),
  startedAt: z.number(),
  status: z.enum(CONVERSATION_STATUSES),
  /** Ended by the student (结束练习): shown as abandoned, left out of averages and grades. */
  abandoned: z.boolean(),
  score: z.number(),
  outcome: z.string(),
  /** What the buyer came with (a mid-sale order placed, or paid): why the outcome may not be the reception's. */
  brought: z.enum(['ordered', 'paid']).nullable(),
  violations: z.number(),
});
export type ConversationScore = z.infer<typeof ConversationScoreSchema>;

/** Weighted grade (system + exam + teacher + mentor + self); parts nobody gave yet are null and left out. */
export const GradeViewSchema = z.object({
  weights: GradeWeightsSchema,
  system: z.number().nullable(),
  /** The mean over the graded exams that closed, 0 for one not taken; null before any closed. */
  exam: z.number().nullable(),
  teacher: z.number().nullable(),
  mentor: z.number().nullable(),
  self: z.number().nullable(),
  total: z.number().nullable(),
});
export type GradeView = z.infer<typeof GradeViewSchema>;

/** With `classId`, the aggregate and grade count the conversations that count for that class. */
export const StudentReportQuerySchema = z.object({ classId: entityId.optional() });
export const StudentReportResponseSchema = z.object({
  student: UserViewSchema,
  /** aggregateStudent over ended conversations; null before the first one ends. */
  aggregate: z.custom<StudentSummary>().nullable(),
  conversations: z.array(ConversationScoreSchema),
  evaluations: z.array(EvaluationViewSchema),
  /** Per the class's weights; null without a class. */
  grade: GradeViewSchema.nullable(),
  /** The class rubric's response benchmarks (the default rubric's without a class): colour the figures by them. */
  benchmarks: BenchmarksSchema,
});
export type StudentReportResponse = z.infer<typeof StudentReportResponseSchema>;

export const ClassReportRowSchema = z.object({
  student: UserViewSchema.pick({ id: true, username: true, displayName: true }),
  conversations: z.number(),
  averageScore: z.number().nullable(),
  firstResponseSeconds: z.number().nullable(),
  averageResponseSeconds: z.number().nullable(),
  violations: z.number(),
  paid: z.number(),
  /** Of `paid`, buyers who came with the order already paid (counted as 成交, not the reception's sale). */
  paidOnArrival: z.number(),
  left: z.number(),
  /** The goals of reception (shares 0–1, yuan): 三分钟回复率, 询单转化率, 客单价, 回头客留存. */
  within3MinRate: z.number().nullable(),
  conversionRate: z.number().nullable(),
  averageOrderAmount: z.number().nullable(),
  returningKeptRate: z.number().nullable(),
  grade: GradeViewSchema,
});
export type ClassReportRow = z.infer<typeof ClassReportRowSchema>;
/** `drillId`: the figures of one drill's or exam's receptions (the grade stays the whole grade). */
export const ClassReportQuerySchema = z.object({ drillId: entityId.optional() });
/** A drill or exam of the class, to filter by. */
export const DrillChoiceSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(['drill', 'exam']),
  graded: z.boolean(),
});
export type DrillChoice = z.infer<typeof DrillChoiceSchema>;
export const ClassReportResponseSchema = z.object({
  class: ClassViewSchema,
  /** The class's drills and exams, newest first. */
  drills: z.array(DrillChoiceSchema),
  drillId: z.string().nullable(),
  rows: z.array(ClassReportRowSchema),
  /** The class rubric's response benchmarks: colour the figures by them. */
  benchmarks: BenchmarksSchema,
});
export type ClassReportResponse = z.infer<typeof ClassReportResponseSchema>;

/** export.csv and grades.csv in the UI's language (headers, 自主练习, the file name); zh-CN unless said. */
export const CsvQuerySchema = z.object({
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});
export type CsvLanguage = z.infer<typeof CsvQuerySchema>['lang'];

/** A class's leaderboard over what counts for its grade, or one drill's; anonymised for projecting. */
export const LeaderboardQuerySchema = z.object({
  drillId: entityId.optional(),
  anonymous: z.enum(['true', 'false']).optional(),
});
export const LeaderboardResponseSchema = z.object({
  class: z.object({ id: z.string(), name: z.string() }),
  /** The class's drills and exams to choose from, newest first. */
  drills: z.array(DrillChoiceSchema),
  drillId: z.string().nullable(),
  anonymous: z.boolean(),
  rows: z.array(z.custom<LeaderboardRow>()),
});
export type LeaderboardResponse = z.infer<typeof LeaderboardResponseSchema>;
export type { LeaderboardRow } from '../course/leaderboard.ts';

/** An ended (or running) drill's results: every student of the class, with what they did in this drill. */
export const DrillResultRowSchema = z.object({
  student: UserViewSchema.pick({ id: true, username: true, displayName: true }),
  /** Entered the drill (the others are listed as 未加入). */
  joined: z.boolean(),
  /** This drill's conversations, oldest first. */
  conversations: z.array(ConversationScoreSchema),
  /** aggregateStudent over the drill's ended, graded conversations; null when none. */
  summary: z.custom<StudentSummary>().nullable(),
});
export type DrillResultRow = z.infer<typeof DrillResultRowSchema>;
export const DrillResultsResponseSchema = z.object({
  drill: DrillViewSchema,
  rows: z.array(DrillResultRowSchema),
});
export type DrillResultsResponse = z.infer<typeof DrillResultsResponseSchema>;
