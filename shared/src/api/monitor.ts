// The live drill monitor: one summary per student, pushed to the instructors watching.
import { z } from 'zod';
import { DrillViewSchema } from './drills.ts';
import { entityId } from './fields.ts';

export const MONITOR_ALERT_KINDS = [
  'slow-response',
  'buyer-left',
  'unanswered',
  'wrong-fact',
  'question-evaded',
] as const;
export type MonitorAlertKind = (typeof MONITOR_ALERT_KINDS)[number];

export const MonitorAlertSchema = z.object({
  kind: z.enum(MONITOR_ALERT_KINDS),
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
  /** Most recent first, at most 20. */
  alerts: z.array(MonitorAlertSchema),
});
export type StudentMonitor = z.infer<typeof StudentMonitorSchema>;

export const MonitorWatchPayloadSchema = z.object({ drillId: entityId }).strict();
export type MonitorWatchPayload = z.infer<typeof MonitorWatchPayloadSchema>;
export const MonitorWatchAckSchema = z.object({
  drill: DrillViewSchema,
  students: z.array(StudentMonitorSchema),
  serverTime: z.number(),
});
export const MonitorUpdatePayloadSchema = z.object({
  drillId: z.string(),
  student: StudentMonitorSchema,
  serverTime: z.number(),
});
export type MonitorUpdatePayload = z.infer<typeof MonitorUpdatePayloadSchema>;
