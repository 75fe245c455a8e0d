// The class's grades as the class report shows them and as the two CSV exports write them.
import { aggregateStudent, type ClassReportRow, type DrillChoice, type StudentSummary } from '@kefu/shared';
import type { CsvLanguage } from '@kefu/shared/protocol';
import { type CsvCell, toCsv } from './csv.ts';
import type { ClassGrades, StudentGrades } from './grading.ts';

const violations = (summary: StudentSummary | null) =>
  summary ? Object.values(summary.violationsByRule).reduce((a, b) => a + b, 0) : 0;
/** A share (0–1) as a percentage with one decimal, as the class table shows it. */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const seconds = (value: number | null | undefined) => (value == null ? null : Math.round(value * 10) / 10);

/** The class's drills and exams to filter by, newest first. */
export function drillChoices(grades: ClassGrades): DrillChoice[] {
  return grades.drillRows.map((d) => ({ id: d.id, title: d.title, kind: d.kind, graded: d.graded === 1 }));
}

/** The receptions a view shows: those of the grade's system part, or (by id) one drill's or exam's. */
export function receptionsOf(s: StudentGrades, drillId?: string): StudentGrades['counted'] {
  return drillId === undefined ? s.counted : s.ended.filter((c) => c.row.drill_id === drillId);
}

/** The class report's rows: the figures of the grade's receptions or of one drill's; always the whole grade. */
export function classReportRows(grades: ClassGrades, drillId?: string): ClassReportRow[] {
  return grades.students.map((s) => {
    const shown = receptionsOf(s, drillId);
    const summary =
      drillId === undefined
        ? s.summary
        : shown.length === 0
          ? null
          : aggregateStudent(shown.map((c) => c.report));
    return {
      student: { id: s.student.userId, username: s.student.username, displayName: s.student.displayName },
      conversations: shown.length,
      averageScore: summary?.score ?? null,
      firstResponseSeconds: summary?.metrics.firstResponseSeconds ?? null,
      averageResponseSeconds: summary?.metrics.averageResponseSeconds ?? null,
      violations: violations(summary),
      paid: summary?.metrics.outcomes.paid ?? 0,
      paidOnArrival: summary?.metrics.paidOnArrival ?? 0,
      left: summary?.metrics.outcomes.left ?? 0,
      within3MinRate: summary?.metrics.within3MinRate ?? null,
      conversionRate: summary?.metrics.conversionRate ?? null,
      averageOrderAmount: summary?.metrics.averageOrderAmount ?? null,
      returningKeptRate: summary?.metrics.returningKeptRate ?? null,
      grade: s.grade,
    };
  });
}

/** export.csv's header row in each UI language. */
const CLASS_CSV_HEADER: Record<CsvLanguage, string[]> = {
  'zh-CN': [
    '用户名',
    '姓名',
    '对话数',
    '平均分',
    '首次响应(秒)',
    '平均响应(秒)',
    '违规次数',
    '成交',
    '其中买家来时已付款',
    '流失',
    '系统分',
    '考试分',
    '讲师评分',
    '导师评分',
    '自评',
    '总评',
    '三分钟回复率(%)',
    '询单转化率(%)',
    '客单价(元)',
    '回头客留存(%)',
  ],
  en: [
    'Username',
    'Name',
    'Conversations',
    'Average score',
    'First response (s)',
    'Average response (s)',
    'Violations',
    'Paid',
    'Of which paid on arrival',
    'Left',
    'System score',
    'Exam score',
    'Instructor score',
    'Mentor score',
    'Self-evaluation',
    'Total',
    'Replied within 3 min (%)',
    'Inquiry conversion (%)',
    'Average order (CNY)',
    'Returning customers kept (%)',
  ],
};

/** export.csv: one row per student, the class report's figures. */
export function classCsv(grades: ClassGrades, lang: CsvLanguage = 'zh-CN'): string {
  const header = CLASS_CSV_HEADER[lang];
  const rows: CsvCell[][] = classReportRows(grades).map((r) => [
    r.student.username,
    r.student.displayName,
    r.conversations,
    r.averageScore,
    r.firstResponseSeconds,
    r.averageResponseSeconds,
    r.violations,
    r.paid,
    r.paidOnArrival,
    r.left,
    r.grade.system,
    r.grade.exam,
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

/** grades.csv's words in each UI language: the header row, solo practice's scope, an exam's prefix. */
const GRADES_CSV_WORDS: Record<CsvLanguage, { header: string[]; solo: string; exam: string }> = {
  'zh-CN': {
    header: [
      '用户名',
      '姓名',
      '演练',
      '对话数',
      '平均分',
      '首次响应(秒)',
      '平均响应(秒)',
      '违规次数',
      '成交',
      '其中买家来时已付款',
      '流失',
      '系统分(全部)',
      '考试分',
      '讲师评分',
      '导师评分',
      '自评',
      '总评',
    ],
    solo: '自主练习',
    exam: '考试：',
  },
  en: {
    header: [
      'Username',
      'Name',
      'Drill',
      'Conversations',
      'Average score',
      'First response (s)',
      'Average response (s)',
      'Violations',
      'Paid',
      'Of which paid on arrival',
      'Left',
      'System score (all)',
      'Exam score',
      'Instructor score',
      'Mentor score',
      'Self-evaluation',
      'Total',
    ],
    solo: 'Solo practice',
    exam: 'Exam: ',
  },
};

/** What each export's file is called in each UI language: both can sit side by side in one folder. */
const CSV_FILE_WORDS: Record<'grades' | 'summary', Record<CsvLanguage, string>> = {
  grades: { 'zh-CN': '成绩', en: 'grades' },
  summary: { 'zh-CN': '学员汇总', en: 'student-summary' },
};

/** An export's file name: the class's name and what the file holds (grades.csv 成绩, export.csv 学员汇总). */
export function csvFilename(
  className: string,
  kind: 'grades' | 'summary',
  lang: CsvLanguage = 'zh-CN',
): string {
  return `${className}-${CSV_FILE_WORDS[kind][lang]}.csv`;
}

/** grades.csv: one row per student per drill or exam (and solo practice), with the student's whole grade. */
export function gradesCsv(grades: ClassGrades, lang: CsvLanguage = 'zh-CN'): string {
  const words = GRADES_CSV_WORDS[lang];
  const rows: CsvCell[][] = [words.header];
  for (const s of grades.students) {
    for (const [drillId, part] of byDrill(s)) {
      const summary = part.length === 0 ? null : aggregateStudent(part);
      const m = summary?.metrics;
      rows.push([
        s.student.username,
        s.student.displayName,
        scopeName(grades, drillId, words),
        part.length,
        summary?.score ?? null,
        seconds(m?.firstResponseSeconds),
        seconds(m?.averageResponseSeconds),
        violations(summary),
        m?.outcomes.paid ?? 0,
        m?.paidOnArrival ?? 0,
        m?.outcomes.left ?? 0,
        s.grade.system,
        s.grade.exam,
        s.grade.teacher,
        s.grade.mentor,
        s.grade.self,
        s.grade.total,
      ]);
    }
  }
  return toCsv(rows);
}

/** A grades.csv row's scope: solo practice (自主练习), a drill's title, or an exam's title after 考试：. */
function scopeName(
  grades: ClassGrades,
  drillId: string | null,
  words: { solo: string; exam: string },
): string {
  if (drillId === null) return words.solo;
  const title = grades.drills.get(drillId) ?? drillId;
  return grades.drillRows.some((d) => d.id === drillId && d.kind === 'exam')
    ? `${words.exam}${title}`
    : title;
}

/** The class's reports grouped by drill or exam (null: solo practice), in order of first appearance; a student with none gets one empty group. */
function byDrill(s: StudentGrades) {
  const groups = new Map<string | null, StudentGrades['counted'][number]['report'][]>();
  for (const { row, report } of s.ended)
    groups.set(row.drill_id, [...(groups.get(row.drill_id) ?? []), report]);
  if (groups.size === 0) groups.set(null, []);
  return groups;
}
