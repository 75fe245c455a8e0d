// A class list as a school exports it: CSV with a header row naming 学号 and 姓名 (in any order, other columns
// ignored), read with csv-parse; cells copied out of a spreadsheet and pasted (tab-separated) read the same.
// Each row becomes a student whose username is the 学号. Every problem is collected with its line, so a
// teacher fixes the file once instead of once per error.
import { displayName, MAX_CLASS_LIST_ROWS, username } from '@kefu/shared';
import { CsvError, parse } from 'csv-parse/sync';

export interface ClassListRow {
  /** Line in the file (1 = the header). */
  line: number;
  studentNo: string;
  name: string;
}

export interface ClassListProblem {
  line: number;
  problem: string;
}

/** The rows that are fine, and the problems of the others; a list imports only when there are none. */
export interface ClassList {
  rows: ClassListRow[];
  problems: ClassListProblem[];
}

const refused = (line: number, problem: string): ClassList => ({ rows: [], problems: [{ line, problem }] });

/** Header words read as each column (a spreadsheet may say 学生姓名 or 学生学号). */
const STUDENT_NO_HEADERS = ['学号', '学生学号', '学籍号'];
const NAME_HEADERS = ['姓名', '学生姓名', '名字'];

export function readClassList(csv: string): ClassList {
  let records: string[][];
  try {
    records = parse(csv, {
      bom: true,
      // Excel copies a selection with tabs between the cells; neither a 学号 nor a name holds a tab.
      delimiter: [',', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: false,
    }) as string[][];
  } catch (err) {
    const line = err instanceof CsvError ? Number((err as CsvError & { lines?: number }).lines ?? 1) : 1;
    return refused(line, '文件格式不对：请另存为 CSV（逗号分隔）后再导入');
  }
  // Rows of empty cells (a spreadsheet's trailing ",,") are blank lines too.
  const lines = records
    .map((cells, index) => ({ cells, line: index + 1 }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''));
  const header = lines[0];
  if (!header) return refused(1, '名单是空的');
  const noColumn = header.cells.findIndex((cell) => STUDENT_NO_HEADERS.includes(cell));
  const nameColumn = header.cells.findIndex((cell) => NAME_HEADERS.includes(cell));
  if (noColumn < 0 || nameColumn < 0) {
    return refused(header.line, '第一行应是表头，至少有“学号”和“姓名”两列');
  }
  const body = lines.slice(1);
  if (body.length === 0) return refused(header.line + 1, '表头下面没有学生');
  if (body.length > MAX_CLASS_LIST_ROWS) {
    return refused(header.line, `一次最多导入 ${MAX_CLASS_LIST_ROWS} 名学生，请分批导入`);
  }

  const rows: ClassListRow[] = [];
  const problems: ClassListProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of body) {
    const studentNo = cells[noColumn] ?? '';
    const name = cells[nameColumn] ?? '';
    const numberOk = username.safeParse(studentNo);
    const nameOk = displayName.safeParse(name);
    if (!numberOk.success) {
      problems.push({
        line,
        problem:
          studentNo === ''
            ? '缺少学号'
            : `学号“${studentNo}”不能用作用户名（3–32 位字母、数字、下划线、点或连字符）`,
      });
    }
    if (!nameOk.success)
      problems.push({ line, problem: name === '' ? '缺少姓名' : nameOk.error.issues[0]!.message });
    if (!numberOk.success || !nameOk.success) continue;
    const key = numberOk.data.toLowerCase();
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      problems.push({ line, problem: `学号 ${studentNo} 与第 ${earlier} 行重复` });
      continue;
    }
    firstLineOf.set(key, line);
    rows.push({ line, studentNo: numberOk.data, name: nameOk.data });
  }
  return { rows, problems };
}
