// Reports are folds over the event log with the scoring core (never stored, so a rubric change re-scores);
// an ended conversation's report cannot change, so it is remembered.
import {
  aggregateStudent,
  type ClassReportRow,
  type ConversationScore,
  type EvaluationView,
  type GradeView,
  type GradeWeights,
  type Report,
  type StudentSummary,
  scoreEvents,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import type { ConversationRow } from '../db/repositories/conversations.ts';

export class Reports {
  private readonly ended = new Map<string, Report>();
  private readonly app: FastifyInstance;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async of(row: ConversationRow): Promise<Report> {
    const cached = this.ended.get(row.id);
    if (cached) return cached;
    const ctx = await this.app.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
    const events = (await this.app.eventLog.read(row.id)).map((s) => s.event);
    const report = scoreEvents(ctx, events);
    if (row.status === 'ended') this.ended.set(row.id, report);
    return report;
  }

  async scores(
    rows: readonly ConversationRow[],
  ): Promise<{ scores: ConversationScore[]; summary: StudentSummary | null }> {
    const scores: ConversationScore[] = [];
    const endedReports: Report[] = [];
    for (const row of rows) {
      const report = await this.of(row);
      if (row.status === 'ended') endedReports.push(report);
      scores.push({
        conversationId: row.id,
        scenarioId: row.scenario_id,
        drillId: row.drill_id,
        startedAt: row.started_at,
        status: row.status,
        score: report.score,
        outcome: report.metrics.outcome,
        violations: report.violations.length,
      });
    }
    return { scores, summary: endedReports.length === 0 ? null : aggregateStudent(endedReports) };
  }
}

/** Multi-party grade: each part weighted; parts nobody gave yet are left out and the weights renormalised. */
export function gradeOf(
  weights: GradeWeights,
  system: number | null,
  evaluations: readonly EvaluationView[],
): GradeView {
  const latest = (kind: EvaluationView['kind']) => {
    const mine = evaluations.filter((e) => e.kind === kind);
    return mine.length === 0 ? null : mine[mine.length - 1]!.score;
  };
  const parts = { system, teacher: latest('teacher'), mentor: latest('mentor'), self: latest('self') };
  let total = 0;
  let weight = 0;
  for (const key of ['system', 'teacher', 'mentor', 'self'] as const) {
    const value = parts[key];
    if (value === null) continue;
    total += value * weights[key];
    weight += weights[key];
  }
  return { weights, ...parts, total: weight === 0 ? null : Math.round((total / weight) * 10) / 10 };
}

const CSV_HEADER = [
  '用户名',
  '姓名',
  '对话数',
  '平均分',
  '首次响应(秒)',
  '平均响应(秒)',
  '违规次数',
  '成交',
  '流失',
  '系统分',
  '讲师评分',
  '导师评分',
  '自评',
  '总评',
];

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Excel would run a leading = + - @ as a formula: a student's display name must stay text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM and CRLF: what Excel opens correctly with Chinese text. */
export function classCsv(rows: readonly ClassReportRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [
        r.student.username,
        r.student.displayName,
        r.conversations,
        r.averageScore,
        r.firstResponseSeconds,
        r.averageResponseSeconds,
        r.violations,
        r.paid,
        r.left,
        r.grade.system,
        r.grade.teacher,
        r.grade.mentor,
        r.grade.self,
        r.grade.total,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
