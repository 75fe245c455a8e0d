// Grades computed one way: for a class, every student's ended conversations in the class (countsForClass),
// their reports (one cache), the parts that make the grade (grade.ts), evaluations and weighted grade, read
// with one query per table rather than per student. The class report, both CSV exports, the leaderboard and
// a student's report in a class are views of this. A report is a pure function of (conversation log, appeal
// decisions): every report here is read with the violations trainers overturned, so an overturned violation
// stops counting everywhere at once.
import {
  aggregateStudent,
  type ClassMember,
  type ConversationScore,
  createShopperContext,
  type EvaluationView,
  type GradeView,
  type GradeWeights,
  type Report,
  type Rubric,
  type RubricPreviewRow,
  roundTo1,
  type ShopperContext,
  type StudentSummary,
  scoreEvents,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { type ClassRow, gradeWeightsOf } from '../db/repositories/classes.ts';
import type { ConversationRow } from '../db/repositories/conversations.ts';
import type { DrillRow } from '../db/repositories/drills.ts';
import { countsForClass, inClass, isGraded } from './counted.ts';
import { examPart, type GradeScope, gradeOf, gradePart } from './grade.ts';
import { ReportCache } from './report-cache.ts';

export interface StudentGrades {
  student: Pick<ClassMember, 'userId' | 'username' | 'displayName'>;
  /** Every ended, graded conversation in the class (solo practice, its drills and exams), oldest first. */
  ended: { row: ConversationRow; report: Report }[];
  /** Those that make the grade's system part (solo practice if included, graded drills). */
  counted: { row: ConversationRow; report: Report }[];
  /** aggregateStudent over `counted`. */
  summary: StudentSummary | null;
  evaluations: EvaluationView[];
  grade: GradeView;
}

export interface ClassGrades {
  cls: ClassRow;
  weights: GradeWeights;
  /** This class's drills and exams, id → title. */
  drills: Map<string, string>;
  /** The same, newest first. */
  drillRows: DrillRow[];
  students: StudentGrades[];
}

type Repositories = Pick<
  FastifyInstance,
  'catalog' | 'eventLog' | 'classes' | 'conversations' | 'evaluations' | 'drills' | 'appeals'
>;

/** Overturned violation keys per conversation id. */
type Decisions = ReadonlyMap<string, readonly string[]>;

export class Grading {
  private readonly reports: ReportCache;
  private readonly repos: Repositories;

  constructor(repos: Repositories) {
    this.repos = repos;
    this.reports = new ReportCache(repos.catalog, repos.eventLog);
  }

  /** One conversation's report, with its appeal decisions. */
  async reportOf(row: ConversationRow): Promise<Report> {
    const decisions = await this.decisionsFor([row]);
    return this.reports.of(row, decisions.get(row.id) ?? []);
  }

  private decisionsFor(rows: readonly ConversationRow[]): Promise<Decisions> {
    return this.repos.appeals.overturnedFor(rows.map((r) => r.id));
  }

  /** Scores of `rows` (any status) and the aggregate over the ended, graded ones. */
  async scores(
    rows: readonly ConversationRow[],
  ): Promise<{ scores: ConversationScore[]; summary: StudentSummary | null }> {
    const scores: ConversationScore[] = [];
    const ended: Report[] = [];
    const decisions = await this.decisionsFor(rows);
    for (const row of rows) {
      const report = await this.reports.of(row, decisions.get(row.id) ?? []);
      if (row.status === 'ended' && isGraded(report)) ended.push(report);
      const ctx = await this.repos.catalog.context(row.scenario_id, row.scenario_version, row.rubric_id);
      scores.push({
        conversationId: row.id,
        scenarioId: row.scenario_id,
        scenarioTitle: ctx.scenario.title,
        drillId: row.drill_id,
        startedAt: row.started_at,
        status: row.status,
        abandoned: report.abandoned,
        score: report.score,
        outcome: report.metrics.outcome,
        brought: report.outcomeReason?.brought ?? null,
        violations: report.violations.length,
      });
    }
    return { scores, summary: ended.length === 0 ? null : aggregateStudent(ended) };
  }

  async forClass(cls: ClassRow): Promise<ClassGrades> {
    const [members, drills, evaluations] = await Promise.all([
      this.repos.classes.members(cls.id),
      this.repos.drills.listForClass(cls.id),
      this.repos.evaluations.forClass(cls.id),
    ]);
    const students = members.filter((m) => m.role === 'student');
    const drillTitles = new Map(drills.map((d) => [d.id, d.title]));
    const conversations = await this.repos.conversations.listForStudents(students.map((s) => s.userId));
    const decisions = await this.decisionsFor(conversations);
    const weights = gradeWeightsOf(cls);
    const scope = scopeOf(cls, drills);
    const out: StudentGrades[] = [];
    for (const student of students) {
      out.push(
        await this.grade(
          student,
          conversations.filter((c) => c.student_id === student.userId),
          scope,
          evaluations.filter((e) => e.studentId === student.userId),
          weights,
          decisions,
        ),
      );
    }
    return { cls, weights, drills: drillTitles, drillRows: drills, students: out };
  }

  /**
   * The rubric preview: each student's conversations that count for the class and started at `since` or
   * later, scored again with `draft` against the scenario version each was played with, beside the mean
   * score the reports show now (the same conversations and mean as the class report).
   */
  async preview(cls: ClassRow, draft: Rubric, since: number): Promise<RubricPreviewRow[]> {
    const grades = await this.forClass(cls);
    const contexts = new Map<string, ShopperContext>();
    const contextOf = async (row: ConversationRow) => {
      const key = `${row.scenario_id}@${row.scenario_version}`;
      let ctx = contexts.get(key);
      if (!ctx) {
        const library = await this.repos.catalog.libraryFor(row.scenario_id, row.scenario_version);
        ctx = createShopperContext(library, row.scenario_id, draft);
        contexts.set(key, ctx);
      }
      return ctx;
    };
    const rows: RubricPreviewRow[] = [];
    for (const s of grades.students) {
      const recent = s.counted.filter((c) => c.row.started_at >= since);
      if (recent.length === 0) continue;
      const after: Report[] = [];
      const decisions = await this.decisionsFor(recent.map((c) => c.row));
      for (const { row } of recent) {
        const events = (await this.repos.eventLog.read(row.id)).map((e) => e.event);
        after.push(scoreEvents(await contextOf(row), events, 'zh-CN', decisions.get(row.id) ?? []));
      }
      const before = aggregateStudent(recent.map((c) => c.report)).score;
      const score = aggregateStudent(after).score;
      rows.push({
        student: { id: s.student.userId, displayName: s.student.displayName },
        conversations: recent.length,
        before,
        after: score,
        delta: roundTo1(score - before),
      });
    }
    return rows;
  }

  /**
   * One student's standing in a class: the conversations the class's reports may show (solo practice and
   * the class's drills), and the grade from those that count.
   */
  async forStudent(
    student: StudentGrades['student'],
    cls: ClassRow,
  ): Promise<{ grades: StudentGrades; visible: ConversationRow[] }> {
    const [drills, evaluations, rows] = await Promise.all([
      this.repos.drills.listForClass(cls.id),
      this.repos.evaluations.forStudent(student.userId, cls.id),
      this.repos.conversations.listForStudent(student.userId),
    ]);
    const grades = await this.grade(
      student,
      rows,
      scopeOf(cls, drills),
      evaluations,
      gradeWeightsOf(cls),
      await this.decisionsFor(rows),
    );
    const ids = new Set(drills.map((d) => d.id));
    return { grades, visible: rows.filter((r) => inClass(r, ids)) };
  }

  private async grade(
    student: StudentGrades['student'],
    rows: readonly ConversationRow[],
    scope: GradeScope,
    evaluations: EvaluationView[],
    weights: GradeWeights,
    decisions: Decisions,
  ): Promise<StudentGrades> {
    const ids = new Set(scope.drills.keys());
    const ended: StudentGrades['ended'] = [];
    for (const row of rows) {
      if (!countsForClass(row, ids)) continue;
      const report = await this.reports.of(row, decisions.get(row.id) ?? []);
      if (isGraded(report)) ended.push({ row, report });
    }
    const counted = ended.filter((c) => gradePart(c.row.drill_id, scope) === 'system');
    const exams = ended.filter((c) => gradePart(c.row.drill_id, scope) === 'exam');
    const summary = counted.length === 0 ? null : aggregateStudent(counted.map((c) => c.report));
    const exam = examPart(
      scope,
      exams.map((c) => ({ drillId: c.row.drill_id, score: c.report.score })),
    );
    return {
      student: { userId: student.userId, username: student.username, displayName: student.displayName },
      ended,
      counted,
      summary,
      evaluations,
      grade: gradeOf(weights, { system: summary?.score ?? null, exam }, evaluations),
    };
  }
}

/** What the class's grade counts, from its setting and its drills and exams. */
function scopeOf(cls: ClassRow, drills: readonly DrillRow[]): GradeScope {
  return {
    solo: cls.grade_solo === 1,
    drills: new Map(
      drills.map((d) => [d.id, { kind: d.kind, graded: d.graded === 1, closed: d.status === 'finished' }]),
    ),
  };
}
