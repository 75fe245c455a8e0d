// One error type for routes and socket handlers: a protocol error code, an HTTP status and a Chinese message
// a person can act on. Everything else becomes `internal` and is logged, never shown.
import { type ApiError, type ErrorCode, zodChineseError } from '@kefu/shared';
import type { z } from 'zod';

const STATUS: Record<ErrorCode, number> = {
  'bad-request': 400,
  'too-long': 413,
  'rate-limited': 429,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  ended: 409,
  'unknown-event': 400,
  'bad-origin': 403,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
  }
  get status(): number {
    return STATUS[this.code];
  }
  toJSON(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new AppError('not-found', `${what}不存在，或你没有权限查看`);
export const forbidden = (why = '你的角色不能执行这个操作') => new AppError('forbidden', why);

/** How a message names the request's fields (the protocol's keys are English). */
const FIELD_NAMES: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  role: '角色',
  name: '名称',
  joinCode: '邀请码',
  userId: '用户',
  instructorId: '讲师',
  studentId: '学员',
  classId: '班级',
  conversationId: '对话',
  drillId: '演练',
  scenarioId: '场景',
  scenarioIds: '场景',
  title: '标题',
  settings: '设置',
  score: '分数',
  comment: '评语',
  rubricId: '评分标准',
  gradeWeights: '成绩权重',
};
const fieldName = (path: PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : (FIELD_NAMES[String(p)] ?? String(p))))
    .join(' › ');

/** Validates with a protocol schema; on failure names the first bad field, in Chinese. */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data, { error: zodChineseError });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    throw new AppError('bad-request', `请求内容有误：不认识的字段 ${issue.keys.join('、')}，请去掉后重试`);
  }
  const field = issue && issue.path.length > 0 ? fieldName(issue.path) : '';
  if (issue?.code === 'too_big' && field.endsWith('text')) {
    throw new AppError('too-long', `消息太长（最多 ${String(issue.maximum)} 个字），请分几条发送`);
  }
  const message = issue?.message ?? '格式不对';
  throw new AppError(
    'bad-request',
    field ? `请求内容有误：${field} — ${message}` : `请求内容有误：${message}`,
  );
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toJSON();
  return { code: 'internal', message: '服务器出错了，请稍后重试；如果一直出现，请联系管理员' };
}
