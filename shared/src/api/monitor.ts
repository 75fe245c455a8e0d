// The live drill monitor: one summary per student, pushed to the instructors watching.
// Every figure is the conversation's report read live (shared/src/scoring/live.ts): the same turns, rules and
// rubric thresholds as the final report, so the monitor ends holding exactly the report's violations.
import { z } from 'zod';
import { RuleIdSchema } from '../scenario/schema.ts';
import { BenchmarksSchema } from './conversations.ts';
import { DrillViewSchema } from './drills.ts';
import { entityId } from './fields.ts';

/** A violation of the live report: the rule, its conversation, and when it happened (server ms). */
export const MonitorAlertSchema = z.object({
  kind: RuleIdSchema,
  conversationId: z.string(),
  at: z.number(),
});
export type MonitorAlert = z.infer<typeof MonitorAlertSchema>;

/** One open conversation as the supervisor sees it. */
export const MonitorConversationSchema = z.object({
  conversationId: z.string(),
  buyerName: z.string(),
  scenarioId: z.string(),
  /** When the oldest unanswered buyer message arrived; null when the agent is not owing a reply. */
  waitingSince: z.number().nullable(),
  /** The waiting buyer's wait is their first (the first-response benchmark applies). */
  firstTurn: z.boolean(),
  /** When the waiting buyer is about to leave (two thirds of the scenario's patience) and when they would. */
  warnAt: z.number().nullable(),
  leavesAt: z.number().nullable(),
});
export type MonitorConversation = z.infer<typeof MonitorConversationSchema>;

export const StudentMonitorSchema = z.object({
  studentId: z.string(),
  displayName: z.string(),
  joined: z.boolean(),
  open: z.array(MonitorConversationSchema),
  /** Earliest `waitingSince` over open conversations (the longest wait), or null. */
  longestWaitSince: z.number().nullable(),
  handled: z.number(),
  /** Running averages over the drill's answered turns, seconds; null before the first reply. */
  averageResponseSeconds: z.number().nullable(),
  firstResponseSeconds: z.number().nullable(),
  /** Every violation so far, most recent first. */
  alerts: z.array(MonitorAlertSchema),
});
export type StudentMonitor = z.infer<typeof StudentMonitorSchema>;

export const MonitorWatchPayloadSchema = z.object({ drillId: entityId }).strict();
export type MonitorWatchPayload = z.infer<typeof MonitorWatchPayloadSchema>;
export const MonitorWatchAckSchema = z.object({
  drill: DrillViewSchema,
  /** The response benchmarks of the rubric in force for the class. */
  benchmarks: BenchmarksSchema,
  students: z.array(StudentMonitorSchema),
  serverTime: z.number(),
});
export const MonitorUpdatePayloadSchema = z.object({
  drillId: z.string(),
  student: StudentMonitorSchema,
  serverTime: z.number(),
});
export type MonitorUpdatePayload = z.infer<typeof MonitorUpdatePayloadSchema>;
