// One error type for routes and socket handlers: a protocol error code (its HTTP status and Chinese words
// come from the code, see shared/src/api/errors.ts) and the values its message names. Everything else
// becomes `internal` and is logged, never shown.
import {
  type ApiError,
  apiError,
  ERROR_CODES,
  ERROR_STATUS,
  type ErrorCode,
  type ErrorParamsArg,
  errorBody,
  zodChineseError,
} from '@kefu/shared';
import type { z } from 'zod';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly body: ApiError;
  constructor(code: ErrorCode, body: ApiError) {
    super(body.message);
    this.code = code;
    this.body = body;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toJSON(): ApiError {
    return this.body;
  }
}

/** The error for `code`, its message filled with `params`. */
export function fail<C extends ErrorCode>(code: C, ...params: ErrorParamsArg<C>): AppError {
  return new AppError(code, apiError(code, ...params));
}

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

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/**
 * A failed validation as the protocol's error: the first problem, its field named in Chinese. A schema may
 * name its own code for a check (`params: { code }` on a refinement, e.g. the chat message's length).
 */
export function invalidInput(error: z.ZodError): AppError {
  const issue = error.issues[0];
  if (issue?.code === 'custom' && isErrorCode(issue.params?.code)) {
    const { code, ...params } = issue.params as { code: ErrorCode } & Record<string, string | number>;
    return new AppError(code, errorBody(code, params));
  }
  if (issue?.code === 'unrecognized_keys') {
    return fail('bad-request', { problem: `不认识的字段 ${issue.keys.join('、')}，请去掉后重试` });
  }
  const field = issue && issue.path.length > 0 ? fieldName(issue.path) : '';
  const message = issue?.message ?? '格式不对';
  return fail('bad-request', { problem: field ? `${field} — ${message}` : message });
}

/** Validates with a protocol schema; on failure throws the Chinese bad-request (or the schema's own code). */
export function parse<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data, { error: zodChineseError });
  if (result.success) return result.data;
  throw invalidInput(result.error);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toJSON();
  return apiError('internal');
}
