// The class's grades as the class report shows them and as the two CSV exports write them.
import { aggregateStudent, type ClassReportRow, type StudentSummary } from '@kefu/shared';
import { type CsvCell, toCsv } from './csv.ts';
import type { ClassGrades, StudentGrades } from './grading.ts';

const violations = (summary: StudentSummary | null) =>
  summary ? Object.values(summary.violationsByRule).reduce((a, b) => a + b, 0) : 0;
/** A share (0–1) as a percentage with one decimal, as the class table shows it. */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const seconds = (value: number | null | undefined) => (value == null ? null : Math.round(value * 10) / 10);

export function classReportRows(grades: ClassGrades): ClassReportRow[] {
  return grades.students.map((s) => ({
    student: { id: s.student.userId, username: s.student.username, displayName: s.student.displayName },
    conversations: s.counted.length,
    averageScore: s.summary?.score ?? null,
    firstResponseSeconds: s.summary?.metrics.firstResponseSeconds ?? null,
    averageResponseSeconds: s.summary?.metrics.averageResponseSeconds ?? null,
    violations: violations(s.summary),
    paid: s.summary?.metrics.outcomes.paid ?? 0,
    left: s.summary?.metrics.outcomes.left ?? 0,
    within3MinRate: s.summary?.metrics.within3MinRate ?? null,
    conversionRate: s.summary?.metrics.conversionRate ?? null,
    averageOrderAmount: s.summary?.metrics.averageOrderAmount ?? null,
    returningKeptRate: s.summary?.metrics.returningKeptRate ?? null,
    grade: s.grade,
  }));
}

/** export.csv: one row per student, the class report's figures. */
export function classCsv(grades: ClassGrades): string {
  const header = [
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
    '三分钟回复率(%)',
    '询单转化率(%)',
    '客单价(元)',
    '回头客留存(%)',
  ];
  const rows: CsvCell[][] = classReportRows(grades).map((r) => [
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
    percent(r.within3MinRate),
    percent(r.conversionRate),
    r.averageOrderAmount,
    percent(r.returningKeptRate),
  ]);
  return toCsv([header, ...rows]);
}

/** grades.csv: one row per student per drill (and solo practice), with the student's whole grade. */
export function gradesCsv(grades: ClassGrades): string {
  const header = [
    '用户名',
    '姓名',
    '演练',
    '对话数',
    '平均分',
    '首次响应(秒)',
    '平均响应(秒)',
    '违规次数',
    '成交',
    '流失',
    '系统分(全部)',
    '讲师评分',
    '导师评分',
    '自评',
    '总评',
  ];
  const rows: CsvCell[][] = [header];
  for (const s of grades.students) {
    for (const [drillId, part] of byDrill(s)) {
      const summary = part.length === 0 ? null : aggregateStudent(part);
      const m = summary?.metrics;
      rows.push([
        s.student.username,
        s.student.displayName,
        drillId === null ? '自主练习' : (grades.drills.get(drillId) ?? drillId),
        part.length,
        summary?.score ?? null,
        seconds(m?.firstResponseSeconds),
        seconds(m?.averageResponseSeconds),
        violations(summary),
        m?.outcomes.paid ?? 0,
        m?.outcomes.left ?? 0,
        s.grade.system,
        s.grade.teacher,
        s.grade.mentor,
        s.grade.self,
        s.grade.total,
      ]);
    }
  }
  return toCsv(rows);
}

/** The counted reports grouped by drill (null: solo practice), in order of first appearance; a student with none gets one empty group. */
function byDrill(s: StudentGrades) {
  const groups = new Map<string | null, StudentGrades['counted'][number]['report'][]>();
  for (const { row, report } of s.counted)
    groups.set(row.drill_id, [...(groups.get(row.drill_id) ?? []), report]);
  if (groups.size === 0) groups.set(null, []);
  return groups;
}
