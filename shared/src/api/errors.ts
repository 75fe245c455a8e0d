// Every refusal the server gives has a stable code: its HTTP status is here, its words are looked up from
// the code (Chinese in ./error-text.zh-CN.ts, which the server sends; English in ./error-text.en.ts for the
// workbench). Clients decide by code, never by wording.
import { z } from 'zod';
import { ProofFailureSchema } from '../proof/failure-schema.ts';
import { ERROR_TEXT_ZH } from './error-text.zh-CN.ts';

export const ERROR_STATUS = {
  // The request itself
  'bad-request': 400,
  'bad-json': 400,
  'body-too-large': 413,
  'url-too-long': 414,
  'unsupported-media-type': 415,
  'headers-too-large': 431,
  'request-timeout': 408,
  'route-not-found': 404,
  'unknown-event': 400,
  'bad-origin': 403,
  'rate-limited': 429,
  internal: 500,
  restarting: 503,
  // Session and accounts
  unauthenticated: 401,
  'password-change-required': 403,
  'wrong-credentials': 401,
  'login-locked': 429,
  'register-locked': 429,
  'join-code-locked': 429,
  'password-locked': 429,
  'too-many-sockets': 429,
  'too-many-connections': 429,
  'wrong-current-password': 403,
  'password-unchanged': 400,
  'weak-password': 400,
  'username-taken': 409,
  'reset-own-password': 400,
  'user-not-found': 404,
  // Roles
  forbidden: 403,
  'class-manage-forbidden': 403,
  'student-add-forbidden': 403,
  'instructor-assign-forbidden': 403,
  'drill-create-forbidden': 403,
  'drill-run-forbidden': 403,
  'self-evaluation-only': 403,
  // Classes
  'class-not-found': 404,
  'join-code-unknown': 404,
  'instructor-not-found': 404,
  'not-an-instructor': 400,
  'member-role-mismatch': 400,
  'not-a-member': 404,
  'student-not-found': 404,
  'student-not-in-class': 404,
  'grade-weights-zero': 400,
  'class-list-invalid': 400,
  // Scenarios, rubrics and the studio
  'scenario-not-found': 404,
  'scenario-locked': 403,
  'unknown-scenario': 400,
  'library-empty': 404,
  'rubric-not-found': 400,
  'rubric-weights-zero': 400,
  'rubric-invalid': 400,
  'scenario-id-missing': 400,
  'scenario-invalid': 400,
  'catalogue-file-unknown': 400,
  'catalogue-invalid': 400,
  'catalogue-draft-not-found': 404,
  'catalogue-breaks-scenarios': 409,
  'catalogue-file-published': 409,
  'catalogue-draft-not-owner': 403,
  'scenario-read-only': 403,
  'scenario-not-owner': 403,
  'scenario-version-not-found': 404,
  'scenario-proof-failed': 409,
  'publish-class-forbidden': 403,
  // Practice, conversations and drills
  'too-many-open': 409,
  'conversation-not-found': 404,
  'conversation-ended': 409,
  'report-not-ready': 403,
  'empty-message': 400,
  'too-long': 413,
  'no-order-yet': 409,
  'order-not-found': 404,
  'option-unknown': 400,
  'option-out-of-stock': 409,
  'product-unknown': 400,
  'image-unknown': 400,
  'drill-not-found': 404,
  'drill-already-started': 409,
  'drill-not-started': 409,
  'drill-finished': 409,
  'drill-start-count-too-large': 400,
  'exam-attempt-used': 409,
  'exam-not-open': 409,
  'exam-closed': 409,
  'exam-starts-itself': 409,
  'exam-window-past': 400,
  'exam-window-order': 400,
  'exam-window-too-long': 400,
  // Appeals
  'appeal-not-found': 404,
  'appeal-exists': 409,
  'appeal-decided': 409,
  'violation-not-found': 404,
  'appeal-no-class': 409,
} as const satisfies Record<keyof typeof ERROR_TEXT_ZH, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];

/** The `{{name}}` placeholders of a message template. */
type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
/** The values a code's message needs (its Chinese template names them). */
export type ErrorParams<C extends ErrorCode> = {
  [K in Placeholders<(typeof ERROR_TEXT_ZH)[C]>]: string | number;
};
/** Arguments after the code: the params object, required exactly when the message has placeholders. */
export type ErrorParamsArg<C extends ErrorCode> = [Placeholders<(typeof ERROR_TEXT_ZH)[C]>] extends [never]
  ? []
  : [params: ErrorParams<C>];

export const ApiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** Chinese, for a person (what went wrong, what to do next); clients may show their own words instead. */
  message: z.string(),
  /** The values in the message, so a client can say it in another language. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** catalogue-breaks-scenarios: each broken scenario's failing run, for a client to say in its language. */
  proof: z.array(ProofFailureSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Body of every non-2xx HTTP response. */
export interface HttpErrorBody {
  error: ApiError;
}

/** `{{name}}` placeholders filled from `params` (the same syntax i18next reads). */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The error as the server sends it: its Chinese words filled in. */
export function apiError<C extends ErrorCode>(code: C, ...[params]: ErrorParamsArg<C>): ApiError {
  return errorBody(code, params);
}

/** `apiError` for a code known only at run time (params unchecked). */
export function errorBody(code: ErrorCode, params?: Readonly<Record<string, string | number>>): ApiError {
  const error: ApiError = { code, message: fillTemplate(ERROR_TEXT_ZH[code], params) };
  if (params && Object.keys(params).length > 0) error.params = { ...params };
  return error;
}

// Socket acknowledgements: `{ ok: true, …data }` or `{ ok: false, error }`.
export type AckOk<T extends object = object> = { ok: true } & T;
export type AckErr = { ok: false; error: ApiError };
export type Ack<T extends object = object> = AckOk<T> | AckErr;
