// Instructor and trainer extras: the scenario studio's sources and saved versions, and the per-drill grade
// export. Studio saves are content-hashed rows of scenario_versions under `studio/buyers/`; the latest of
// each is laid over the live library, so practice, drills and reports use it like a shipped file.
import {
  type BuyerScenario,
  contentHash,
  type FileRecord,
  formatError,
  type GradeWeights,
  loadLibrary,
  overlayFiles,
  RubricSchema,
  SaveRubricBodySchema,
  type SaveRubricResponse,
  SaveScenarioBodySchema,
  type SaveScenarioResponse,
  type StudioFile,
  type StudioFilesResponse,
} from '@kefu/shared';
import type { FastifyInstance } from 'fastify';
import { parseDocument, stringify } from 'yaml';
import { requireRole, requireUser } from '../auth/guards.ts';
import { readLibrary } from '../cli/read-library.ts';
import type { ConversationRow } from '../db/repositories/conversations.ts';
import { AppError, notFound, parse } from '../errors.ts';
import { gradeOf, Reports } from '../practice/reports.ts';

const STUDIO_ROOT = 'studio/buyers/';
const RUBRIC_ROOT = 'studio/rubrics/';
/** Rubric saves share the versions table; their row id is prefixed so they never clash with a scenario id. */
const RUBRIC_KEY = 'rubric:';
const AUTHORS = ['instructor', 'admin'] as const;

interface StudioSave {
  scenario_id: string;
  version: string;
  source: string;
  path: string;
  created_at: number;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Excel runs a leading = + - @ as a formula: names and titles must stay text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM and CRLF: what Excel opens correctly with Chinese text. */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const GRADES_HEADER = [
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

export default async function staffRoutes(app: FastifyInstance): Promise<void> {
  const reports = new Reports(app);
  const { library } = app.catalog;

  async function latestSaves(): Promise<StudioSave[]> {
    const rows = await app.database.db
      .selectFrom('scenario_versions')
      .selectAll()
      .where('path', 'like', 'studio/%')
      .orderBy('created_at', 'desc')
      .execute();
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.scenario_id) && seen.add(r.scenario_id) !== undefined);
  }

  function libraryFiles(): FileRecord[] {
    return readLibrary(app.settings.scenariosDir);
  }

  function adopt(id: string, version: string, path: string, scenario: BuyerScenario): void {
    app.catalog.adopt(id, version, path, scenario);
  }

  function validate(files: FileRecord[], file: FileRecord) {
    const { library: loaded, errors } = loadLibrary(overlayFiles(files, [file]));
    return { loaded, errors: errors.filter((e) => e.file === file.path) };
  }

  // Saved studio versions survive a restart: lay them over the library once at start.
  {
    const files = libraryFiles();
    for (const save of (await latestSaves()).reverse()) {
      if (save.scenario_id.startsWith(RUBRIC_KEY)) {
        const { loaded, errors } = validate(files, { path: save.path, text: save.source });
        const id = save.scenario_id.slice(RUBRIC_KEY.length);
        const rubric = loaded.rubrics.get(id);
        if (errors.length === 0 && rubric) library.rubrics.set(id, rubric);
        continue;
      }
      const file = { path: save.path, text: save.source };
      const { loaded, errors } = validate(files, file);
      const scenario = loaded.buyers.get(save.scenario_id);
      if (errors.length === 0 && scenario) adopt(save.scenario_id, save.version, save.path, scenario);
      else app.log.warn(`studio scenario ${save.scenario_id}@${save.version} no longer loads; skipped`);
    }
  }

  app.get('/studio/files', async (request): Promise<StudioFilesResponse> => {
    requireRole(request, ...AUTHORS);
    const files: StudioFile[] = libraryFiles().map((f) => ({ ...f, origin: 'library' }));
    for (const save of await latestSaves()) {
      if (save.scenario_id.startsWith(RUBRIC_KEY)) {
        files.push({ path: save.path, text: save.source, origin: 'studio', savedAt: save.created_at });
        continue;
      }
      files.push({
        path: save.path,
        text: save.source,
        origin: 'studio',
        version: save.version,
        savedAt: save.created_at,
      });
    }
    return { files };
  });

  app.post('/studio/scenarios', async (request): Promise<SaveScenarioResponse> => {
    requireRole(request, ...AUTHORS);
    const { text } = parse(SaveScenarioBodySchema, request.body);
    let id: unknown;
    try {
      id = parseDocument(text).get('id');
    } catch {
      id = undefined;
    }
    if (typeof id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      throw new AppError('bad-request', '场景文件缺少合法的 id（小写字母、数字和连字符），没有保存');
    }
    const path = `${STUDIO_ROOT}${id}.yaml`;
    const { loaded, errors } = validate(libraryFiles(), { path, text });
    const scenario = loaded.buyers.get(id);
    if (errors.length > 0 || !scenario) {
      const lines = errors.slice(0, 5).map(formatError);
      throw new AppError(
        'bad-request',
        `场景有 ${errors.length || 1} 处错误，没有保存：${lines.join('；') || '不是买家场景文件'}`,
      );
    }
    const version = contentHash(text);
    const before = await app.scenarioVersions.get(id, version);
    await app.scenarioVersions.record(id, version, text, path, app.clock.now());
    adopt(id, version, path, scenario);
    return { scenarioId: id, version, path, created: before === undefined };
  });

  app.post('/studio/rubrics', async (request): Promise<SaveRubricResponse> => {
    requireRole(request, ...AUTHORS);
    const body = parse(SaveRubricBodySchema, request.body);
    const base = library.rubrics.get(body.basedOn);
    if (!base) throw new AppError('bad-request', `没有评分标准“${body.basedOn}”，没有保存`);
    const draft = {
      name: body.name,
      version: 1,
      thresholds: { ...base.thresholds, ...body.thresholds },
      weights: { ...base.weights, ...body.weights },
      penalties: base.penalties,
    };
    const id = `r-${contentHash(JSON.stringify(draft)).slice(0, 12)}`;
    const checked = RubricSchema.safeParse({ id, ...draft });
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw new AppError(
        'bad-request',
        `评分标准有误，没有保存：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
      );
    }
    if (Object.values(checked.data.weights).every((w) => w === 0)) {
      throw new AppError('bad-request', '维度权重不能全为 0，没有保存');
    }
    const text = stringify(checked.data);
    const path = `${RUBRIC_ROOT}${id}.yaml`;
    const { loaded, errors } = validate(libraryFiles(), { path, text });
    const rubric = loaded.rubrics.get(id);
    if (errors.length > 0 || !rubric) {
      throw new AppError('bad-request', `评分标准有误，没有保存：${errors.map(formatError).join('；')}`);
    }
    const created = !library.rubrics.has(id);
    await app.scenarioVersions.record(`${RUBRIC_KEY}${id}`, contentHash(text), text, path, app.clock.now());
    library.rubrics.set(id, rubric);
    return { rubricId: id, created };
  });

  app.get('/reports/classes/:id/grades.csv', async (request, reply) => {
    const user = requireUser(request);
    const { id } = request.params as { id: string };
    const cls = await app.classes.get(id);
    if (!cls || !(await app.access.canReviewClass(user, id))) throw notFound('这个班级');
    const weights = JSON.parse(cls.grade_weights) as GradeWeights;
    const drillTitles = new Map((await app.drills.listForClass(id)).map((d) => [d.id, d.title]));
    const students = (await app.classes.members(id)).filter((m) => m.role === 'student');
    const rows: (string | number | null)[][] = [GRADES_HEADER];
    for (const s of students) {
      const ended = (await app.conversations.listForStudent(s.userId, 'ended')).filter(
        (c) => c.drill_id === null || drillTitles.has(c.drill_id),
      );
      const { summary } = await reports.scores(ended);
      const grade = gradeOf(weights, summary?.score ?? null, await app.evaluations.forStudent(s.userId, id));
      const groups = new Map<string | null, ConversationRow[]>();
      for (const c of ended) groups.set(c.drill_id, [...(groups.get(c.drill_id) ?? []), c]);
      if (groups.size === 0) groups.set(null, []);
      for (const [drillId, list] of groups) {
        const part = (await reports.scores(list)).summary;
        const m = part?.metrics;
        rows.push([
          s.username,
          s.displayName,
          drillId === null ? '自主练习' : (drillTitles.get(drillId) ?? drillId),
          list.length,
          part?.score ?? null,
          m?.firstResponseSeconds == null ? null : Math.round(m.firstResponseSeconds * 10) / 10,
          m?.averageResponseSeconds == null ? null : Math.round(m.averageResponseSeconds * 10) / 10,
          part ? Object.values(part.violationsByRule).reduce((a, b) => a + b, 0) : 0,
          m?.outcomes.paid ?? 0,
          m?.outcomes.left ?? 0,
          grade.system,
          grade.teacher,
          grade.mentor,
          grade.self,
          grade.total,
        ]);
      }
    }
    const filename = encodeURIComponent(`${cls.name}-成绩.csv`);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="grades.csv"; filename*=UTF-8''${filename}`)
      .send(toCsv(rows));
  });
}
