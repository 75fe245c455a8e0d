// The one protocol between the browser and the server: socket event names, payload schemas (validated at
// runtime on the server with these same zod schemas), ack shapes, the student's view of the event log, and
// the HTTP API's request/response types. The client codes against this file; change it with care.
import { z } from 'zod';
import {
  type AgentMessage,
  AgentMessageSchema,
  type CardKind,
  type ConversationEvent,
} from './conversation/events.ts';
import type { Persona, PhraseLibrary, Product, RuleId } from './scenario/schema.ts';
import type { Report, StudentSummary } from './scoring/index.ts';

// ── Limits ───────────────────────────────────────────────────────────────────────────────────────────

/** Longest agent message the server accepts (characters). */
export const MAX_MESSAGE_CHARS = 2000;
/** Per-socket budget of inbound events: at most this many in any window of RATE_WINDOW_MS. */
export const SOCKET_RATE_LIMIT = 20;
export const SOCKET_RATE_WINDOW_MS = 5_000;

// ── Errors and acks ──────────────────────────────────────────────────────────────────────────────────

export const ERROR_CODES = [
  'bad-request', // payload malformed: the message says which field
  'too-long', // message over MAX_MESSAGE_CHARS
  'rate-limited', // too many events or logins: wait and retry
  'unauthenticated', // no valid session: log in again
  'forbidden', // the role or ownership does not allow it
  'not-found',
  'conflict', // e.g. username taken, drill already started
  'ended', // the conversation or drill is over
  'unknown-event',
  'bad-origin',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** `message` is Chinese, written for a person: what went wrong and what to do. */
export interface ApiError {
  code: ErrorCode;
  message: string;
}
export type AckOk<T extends object = object> = { ok: true } & T;
export type AckErr = { ok: false; error: ApiError };
export type Ack<T extends object = object> = AckOk<T> | AckErr;
export type AckCallback<T extends object = object> = (ack: Ack<T>) => void;

/** Body of every non-2xx HTTP response. */
export interface HttpErrorBody {
  error: ApiError;
}

// ── Ids ──────────────────────────────────────────────────────────────────────────────────────────────

const entityId = z.string().min(1, '缺少 id').max(64, 'id 过长');
const scenarioId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '场景 id 只能是小写字母、数字和连字符');

// ── The student's view of the event log ──────────────────────────────────────────────────────────────

/**
 * What a student may see of one logged event. Internal judgements (`reply-judged`) and the scripted
 * silence marker (`buyer-quiet`) are never sent to students; beat/line names and the seed are stripped.
 */
export type PublicEvent =
  | { type: 'started'; at: number }
  | { type: 'buyer-typing'; at: number }
  | { type: 'buyer-message'; at: number; id: string; text: string }
  | {
      type: 'agent-message';
      at: number;
      id: string;
      text: string;
      source: AgentMessage['source'];
      phraseId?: string;
      action?: AgentMessage['action'];
      card?: CardKind;
    }
  | { type: 'order-placed'; at: number; orderId: string; product: string; quantity: number; amount: number }
  | { type: 'order-paid'; at: number; orderId: string }
  | { type: 'buyer-left'; at: number; reason: 'patience' | 'scripted' | 'quiet' }
  | { type: 'ended'; at: number; reason: 'finished' | 'buyer-left' | 'unpaid' | 'stopped' };
export type PublicEventType = PublicEvent['type'];

/** The student's view of one logged event, or null when students must not see it. */
export function toPublicEvent(e: ConversationEvent): PublicEvent | null {
  switch (e.type) {
    case 'started':
      return { type: 'started', at: e.at };
    case 'buyer-typing':
      return { type: 'buyer-typing', at: e.at };
    case 'buyer-message':
      return { type: 'buyer-message', at: e.at, id: e.id, text: e.text };
    case 'agent-message': {
      const out: PublicEvent = { type: 'agent-message', at: e.at, id: e.id, text: e.text, source: e.source };
      if (e.phraseId !== undefined) out.phraseId = e.phraseId;
      if (e.action !== undefined) out.action = e.action;
      if (e.card !== undefined) out.card = e.card;
      return out;
    }
    case 'order-placed':
    case 'order-paid':
    case 'buyer-left':
    case 'ended':
      return e;
    case 'buyer-quiet':
    case 'reply-judged':
      return null;
  }
}

/**
 * One event of one conversation as delivered over the socket. `seq` is the event's position in the
 * conversation's log (1-based). Hidden internal events leave gaps in `seq`, so `prevSeq` names the seq of
 * the previous event this viewer could see (0 for the first): if it is not the last seq you hold, you missed
 * something — send `conversation:resync` with your last seq.
 */
export interface EventEnvelope {
  conversationId: string;
  seq: number;
  prevSeq: number;
  event: PublicEvent;
}

// ── Conversations ────────────────────────────────────────────────────────────────────────────────────

export type ConversationStatus = 'open' | 'ended';

/** The buyer as the workbench's sidebar shows them (from the scenario's persona). */
export type BuyerProfile = Pick<Persona, 'name' | 'avatar' | 'returning' | 'membership' | 'orders'>;

export interface ConversationView {
  id: string;
  studentId: string;
  scenarioId: string;
  scenarioTitle: string;
  /** The drill it belongs to; null for solo practice. */
  drillId: string | null;
  status: ConversationStatus;
  startedAt: number;
  endedAt: number | null;
  buyer: BuyerProfile;
  /** Product ids the buyer asks about (look them up in the catalogue). */
  products: string[];
  /** Seq of the last event in the log (hidden ones included): compare with the last seq you hold. */
  lastSeq: number;
}

// ── Socket events ────────────────────────────────────────────────────────────────────────────────────

/** Client → server. Every one takes an ack callback as its last argument. */
export const CLIENT_EVENTS = {
  /** Send an agent message (typed, quick phrase or action card) in one of your conversations. */
  send: 'conversation:send',
  /** Ask for every visible event after `afterSeq`, from the database, in order. */
  resync: 'conversation:resync',
  /** Instructor/admin: subscribe to the live monitor of a drill; the ack carries the current snapshot. */
  monitorWatch: 'monitor:watch',
  monitorUnwatch: 'monitor:unwatch',
} as const;

/** Server → client. */
export const SERVER_EVENTS = {
  /** Sent once after the handshake: who you are and the server's clock (for waiting timers). */
  hello: 'session:hello',
  /** One new event of one of your conversations. */
  event: 'conversation:event',
  /** A new conversation was opened for you (a shopper arrived); its events follow as `conversation:event`. */
  opened: 'conversation:opened',
  /** A drill you are in changed state (started, stopped, finished). */
  drill: 'drill:status',
  /** Instructors watching a drill: one student's live summary changed. */
  monitor: 'monitor:update',
  /** An event arrived without an ack callback and could not be answered (unknown event, bad payload…). */
  error: 'session:error',
} as const;

export const SendPayloadSchema = z
  .object({
    conversationId: entityId,
    message: AgentMessageSchema,
  })
  .strict();
export type SendPayload = z.infer<typeof SendPayloadSchema>;
/** `duplicate`: this message id was already stored; nothing changed. */
export type SendAck = Ack<{ seq: number; at: number; duplicate: boolean }>;

export const ResyncPayloadSchema = z
  .object({
    conversationId: entityId,
    afterSeq: z.number().int().nonnegative(),
  })
  .strict();
export type ResyncPayload = z.infer<typeof ResyncPayloadSchema>;
export type ResyncAck = Ack<{ conversation: ConversationView; events: EventEnvelope[]; serverTime: number }>;

export const MonitorWatchPayloadSchema = z.object({ drillId: entityId }).strict();
export type MonitorWatchPayload = z.infer<typeof MonitorWatchPayloadSchema>;
export type MonitorWatchAck = Ack<{ drill: DrillView; students: StudentMonitor[]; serverTime: number }>;
export type MonitorUnwatchAck = Ack;

export interface HelloPayload {
  user: UserView;
  serverTime: number;
}

export interface ConversationOpenedPayload {
  conversation: ConversationView;
}

export interface DrillStatusPayload {
  drill: DrillView;
}

/** One open conversation as the supervisor sees it. */
export interface MonitorConversation {
  conversationId: string;
  buyerName: string;
  scenarioId: string;
  /** When the oldest unanswered buyer message arrived; null when the agent is not owing a reply. */
  waitingSince: number | null;
}

export type MonitorAlertKind =
  | 'slow-response'
  | 'buyer-left'
  | 'unanswered'
  | 'wrong-fact'
  | 'question-evaded';

export interface MonitorAlert {
  kind: MonitorAlertKind;
  conversationId: string;
  at: number;
}

/** A student's live summary in a drill's monitor (instructors only). */
export interface StudentMonitor {
  studentId: string;
  displayName: string;
  joined: boolean;
  open: MonitorConversation[];
  /** Earliest `waitingSince` over open conversations (the longest wait), or null. */
  longestWaitSince: number | null;
  handled: number;
  /** Running averages over the drill's answered turns, seconds; null before the first reply. */
  averageResponseSeconds: number | null;
  firstResponseSeconds: number | null;
  /** Most recent first, at most 20. */
  alerts: MonitorAlert[];
}

export interface MonitorUpdatePayload {
  drillId: string;
  student: StudentMonitor;
  serverTime: number;
}

export interface SessionErrorPayload {
  event: string;
  error: ApiError;
}

/** Socket.IO typings: `Server<ClientToServerEvents, ServerToClientEvents>` / `Socket<ServerToClientEvents, ClientToServerEvents>`. */
export interface ClientToServerEvents {
  'conversation:send': (payload: SendPayload, ack: (res: SendAck) => void) => void;
  'conversation:resync': (payload: ResyncPayload, ack: (res: ResyncAck) => void) => void;
  'monitor:watch': (payload: MonitorWatchPayload, ack: (res: MonitorWatchAck) => void) => void;
  'monitor:unwatch': (payload: MonitorWatchPayload, ack: (res: MonitorUnwatchAck) => void) => void;
}
export interface ServerToClientEvents {
  'session:hello': (payload: HelloPayload) => void;
  'conversation:event': (payload: EventEnvelope) => void;
  'conversation:opened': (payload: ConversationOpenedPayload) => void;
  'drill:status': (payload: DrillStatusPayload) => void;
  'monitor:update': (payload: MonitorUpdatePayload) => void;
  'session:error': (payload: SessionErrorPayload) => void;
}

// ── HTTP API ─────────────────────────────────────────────────────────────────────────────────────────
// All under /api, JSON in and out, session cookie `kefu_session`. State-changing requests (POST/PUT/PATCH/
// DELETE) must carry an `Origin` header equal to the server's public origin. Errors: HttpErrorBody.

export const ROLES = ['admin', 'instructor', 'trainer', 'student'] as const;
export type Role = (typeof ROLES)[number];
/** How Chinese messages name each role (server errors; the UI uses its own i18n strings). */
export const ROLE_NAMES_ZH: Record<Role, string> = {
  admin: '管理员',
  instructor: '讲师',
  trainer: '评估导师',
  student: '学员',
};

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The admin's one-time password (and passwords set by an admin) must be changed before anything else. */
  mustChangePassword: boolean;
}

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符');
const password = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位');
const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字');

// POST /api/auth/login → LoginResponse (sets the cookie)
export const LoginBodySchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) })
  .strict();
export type LoginBody = z.infer<typeof LoginBodySchema>;
export interface LoginResponse {
  user: UserView;
}
// POST /api/auth/logout → { ok: true }
// GET  /api/auth/me → MeResponse (401 when not logged in)
export interface MeResponse {
  user: UserView;
  serverTime: number;
}
// POST /api/auth/register → LoginResponse (student self-registration with a class join code; logs in)
export const RegisterBodySchema = z
  .object({ joinCode: z.string().trim().min(4).max(16), username, displayName, password })
  .strict();
export type RegisterBody = z.infer<typeof RegisterBodySchema>;
// POST /api/auth/password → { ok: true }
export const ChangePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: password })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

// GET /api/users (admin) → UsersResponse
// POST /api/users (admin) CreateUserBody → CreateUserResponse: without `password` the server generates one.
//      Either way it is a one-time password (mustChangePassword), returned once so the admin can hand it over.
export const CreateUserBodySchema = z
  .object({
    username,
    displayName,
    role: z.enum(ROLES, '角色只能是管理员、讲师、评估导师或学员'),
    password: password.optional(),
  })
  .strict();
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;
export interface CreateUserResponse {
  user: UserView;
  /** The initial password, shown once; only its hash is stored. */
  password: string;
}
// POST /api/users/:id/password (admin) ResetPasswordBody → ResetPasswordResponse: a new one-time password
//      (the given one, or generated); the user must change it at next login, their sessions end and their
//      login lock (too many wrong passwords) is lifted. Not for your own account: use /api/auth/password.
export const ResetPasswordBodySchema = z.object({ password: password.optional() }).strict();
export type ResetPasswordBody = z.infer<typeof ResetPasswordBodySchema>;
export interface ResetPasswordResponse {
  user: UserView;
  password: string;
}
export interface UsersResponse {
  users: UserView[];
}

// ── Classes ──
export interface GradeWeights {
  system: number;
  teacher: number;
  mentor: number;
  self: number;
}
export const GradeWeightsSchema = z
  .object({
    system: z.number().min(0).max(100),
    teacher: z.number().min(0).max(100),
    mentor: z.number().min(0).max(100),
    self: z.number().min(0).max(100),
  })
  .strict();

export interface ClassView {
  id: string;
  name: string;
  /** Shown to the class's instructor, trainers and admins only. */
  joinCode: string | null;
  ownerId: string;
  ownerName: string;
  studentCount: number;
  rubricId: string;
  gradeWeights: GradeWeights;
  createdAt: number;
}
export interface ClassMember {
  userId: string;
  username: string;
  displayName: string;
  role: 'student' | 'trainer';
  joinedAt: number;
}
// GET  /api/classes → ClassesResponse (admin: all; instructor: owned; trainer: assigned; student: enrolled)
// POST /api/classes (instructor, admin) CreateClassBody → ClassResponse. The class's instructor (owner) is the
//      creator, or — admins only — `instructorId`, which must be an instructor's account.
// GET  /api/classes/:id → ClassDetailResponse
// PATCH /api/classes/:id (owner, admin) → ClassResponse; `instructorId` (admins only) hands the class to
//      another instructor.
// POST /api/classes/:id/join-code (owner, admin) → ClassResponse (a new code; the old one stops working)
// POST /api/classes/:id/members (owner, admin) { userId, role } → ClassDetailResponse (add a trainer or student)
// DELETE /api/classes/:id/members/:userId (owner, admin) → ClassDetailResponse (remove a trainer or student;
//      their conversations and reports stay)
// POST /api/classes/join (student) { joinCode } → ClassResponse
export const CreateClassBodySchema = z
  .object({
    name: z.string().trim().min(1, '请填写班级名称').max(60, '班级名称最多 60 个字'),
    instructorId: entityId.optional(),
  })
  .strict();
export type CreateClassBody = z.infer<typeof CreateClassBodySchema>;
export const UpdateClassBodySchema = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    rubricId: scenarioId.optional(),
    gradeWeights: GradeWeightsSchema.optional(),
    instructorId: entityId.optional(),
  })
  .strict();
export type UpdateClassBody = z.infer<typeof UpdateClassBodySchema>;
export const AddMemberBodySchema = z
  .object({ userId: entityId, role: z.enum(['student', 'trainer'], '只能以学员或评估导师的身份加入班级') })
  .strict();
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;
export const JoinClassBodySchema = z.object({ joinCode: z.string().trim().min(4).max(16) }).strict();
export type JoinClassBody = z.infer<typeof JoinClassBodySchema>;
export interface ClassesResponse {
  classes: ClassView[];
}
export interface ClassResponse {
  class: ClassView;
}
export interface ClassDetailResponse {
  class: ClassView;
  members: ClassMember[];
}

// ── Scenarios and the workbench catalogue ──
export interface ScenarioSummary {
  id: string;
  title: string;
  description: string | null;
  difficulty: number;
  goal: 'paid' | 'ordered' | 'retained';
  products: string[];
  /** Content hash of the scenario's current version. */
  version: string;
  /** Rule ids its counter-examples exercise. */
  rules: RuleId[];
}
// GET /api/scenarios → ScenariosResponse
// GET /api/scenarios/:id → ScenarioDetailResponse (instructor, trainer, admin: the full scenario file)
// GET /api/catalog → CatalogResponse (everyone logged in: products and quick phrases for the workbench)
export interface ScenariosResponse {
  scenarios: ScenarioSummary[];
}
export interface ScenarioDetailResponse {
  scenario: ScenarioSummary;
  /** The parsed scenario file (BuyerScenario) — staff only. */
  source: unknown;
}
export interface CatalogResponse {
  products: Product[];
  phrases: PhraseLibrary[];
}

// ── Practice and conversations ──
// POST /api/practice (student; staff may try too) → PracticeResponse: one scenario, or `mix` random ones
export const StartPracticeBodySchema = z
  .union([
    z.object({ scenarioId }).strict(),
    z.object({ mix: z.number().int().min(1, '至少 1 位买家').max(5, '单人练习最多同时 5 位买家') }).strict(),
  ])
  .describe('{ scenarioId } 或 { mix: 买家人数 }');
export type StartPracticeBody = z.infer<typeof StartPracticeBodySchema>;
export interface PracticeResponse {
  conversations: ConversationView[];
}
// GET /api/conversations?status=open → ConversationsResponse (your own)
// GET /api/conversations/:id → ConversationDetailResponse (owner: public events; staff of its class: too)
export interface ConversationsResponse {
  conversations: ConversationView[];
  serverTime: number;
}
export interface ConversationDetailResponse {
  conversation: ConversationView;
  events: EventEnvelope[];
  serverTime: number;
}

// ── Drills ──
export type DrillStatus = 'draft' | 'running' | 'finished';
export interface DrillSettings {
  scenarioIds: string[];
  /** Buyers each student receives over the drill. */
  shoppersPerStudent: number;
  /** Seconds between two arrivals for one student. */
  arrivalIntervalSeconds: number;
  /** Most buyers one student has open at once; an arrival waits for a free slot. */
  concurrency: number;
  durationMinutes: number;
}
export const DrillSettingsSchema = z
  .object({
    scenarioIds: z.array(scenarioId).min(1, '至少选择一个场景').max(50),
    shoppersPerStudent: z.number().int().min(1).max(50),
    arrivalIntervalSeconds: z.number().min(0).max(3600),
    concurrency: z.number().int().min(1).max(10),
    durationMinutes: z.number().min(1).max(240),
  })
  .strict();
export const CreateDrillBodySchema = z
  .object({ title: z.string().trim().min(1, '请填写演练名称').max(60), settings: DrillSettingsSchema })
  .strict();
export type CreateDrillBody = z.infer<typeof CreateDrillBodySchema>;
export interface DrillView {
  id: string;
  classId: string;
  title: string;
  status: DrillStatus;
  settings: DrillSettings;
  /** Scenario id → content hash pinned when the drill was created. */
  versions: Record<string, string>;
  createdAt: number;
  startedAt: number | null;
  endsAt: number | null;
  endedAt: number | null;
  /** For a student: whether they joined. */
  joined?: boolean;
}
// GET  /api/classes/:id/drills → DrillsResponse
// POST /api/classes/:id/drills (owner, admin) → DrillResponse
// GET  /api/drills/:id → DrillResponse
// POST /api/drills/:id/start | /stop (owner, admin) → DrillResponse
// POST /api/drills/:id/join (enrolled student) → DrillResponse (late joiners get the rest of the schedule)
export interface DrillsResponse {
  drills: DrillView[];
}
export interface DrillResponse {
  drill: DrillView;
}

// ── Reports ──
/** The scoring core's report, as JSON (see shared/src/scoring/report.ts). */
export type ReportView = Report;
/** Full log entry for staff (internal events included) */
export interface LoggedEvent {
  seq: number;
  event: Record<string, unknown> & { type: string; at: number };
}
// GET /api/reports/conversations/:id → ConversationReportResponse (owner student once ended; class staff)
export interface ConversationReportResponse {
  conversation: ConversationView;
  report: ReportView;
  /** Students: public events; staff: the whole log including judgements. */
  events: EventEnvelope[] | LoggedEvent[];
  evaluations: EvaluationView[];
}
export interface ConversationScore {
  conversationId: string;
  scenarioId: string;
  drillId: string | null;
  startedAt: number;
  status: ConversationStatus;
  score: number;
  outcome: string;
  violations: number;
}
// GET /api/reports/students/:id?classId= → StudentReportResponse (the student themself; staff of their class)
export interface StudentReportResponse {
  student: UserView;
  /** aggregateStudent over ended conversations; null before the first one ends. */
  aggregate: StudentSummary | null;
  conversations: ConversationScore[];
  evaluations: EvaluationView[];
  /** Weighted grade (system + teacher + mentor + self) per the class's weights; null without a class. */
  grade: GradeView | null;
}
export interface GradeView {
  weights: GradeWeights;
  system: number | null;
  teacher: number | null;
  mentor: number | null;
  self: number | null;
  total: number | null;
}
// GET /api/reports/classes/:id → ClassReportResponse ; GET /api/reports/classes/:id/export.csv → text/csv (UTF-8 BOM)
export interface ClassReportRow {
  student: Pick<UserView, 'id' | 'username' | 'displayName'>;
  conversations: number;
  averageScore: number | null;
  firstResponseSeconds: number | null;
  averageResponseSeconds: number | null;
  violations: number;
  paid: number;
  left: number;
  grade: GradeView;
}
export interface ClassReportResponse {
  class: ClassView;
  rows: ClassReportRow[];
}

// ── Evaluations (multi-party grade) ──
export const EVALUATION_KINDS = ['teacher', 'mentor', 'self'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
// POST /api/evaluations → { evaluation: EvaluationView }: instructor → teacher, trainer → mentor, student → self (own only)
export const EvaluationBodySchema = z
  .object({
    studentId: entityId,
    classId: entityId,
    conversationId: entityId.optional(),
    score: z.number().min(0, '分数在 0–100 之间').max(100, '分数在 0–100 之间'),
    comment: z.string().trim().max(2000, '评语最多 2000 字').default(''),
  })
  .strict();
export type EvaluationBody = z.input<typeof EvaluationBodySchema>;
export interface EvaluationView {
  id: string;
  studentId: string;
  classId: string;
  conversationId: string | null;
  authorId: string;
  authorName: string;
  kind: EvaluationKind;
  score: number;
  comment: string;
  createdAt: number;
}

// ── Staff pages: scenario studio and per-drill grade export ──
// GET  /api/studio/files (instructor, admin) → StudioFilesResponse: the library's YAML sources plus the
//      latest version of every scenario saved in the studio, so the browser validates and proves with the
//      same loader as `kefu check` / `kefu prove`.
// POST /api/studio/scenarios (instructor, admin) SaveScenarioBody → SaveScenarioResponse: a new
//      content-hashed version (400 with every error, nothing saved, when the file does not validate).
// GET  /api/reports/classes/:id/grades.csv (class staff) → text/csv, UTF-8 BOM, one row per student per drill.
export interface StudioFile {
  path: string;
  text: string;
  /** 'library': shipped under scenarios/; 'studio': saved in the browser. */
  origin: 'library' | 'studio';
  /** Content hash, for buyer scenarios. */
  version?: string;
  savedAt?: number;
}
export interface StudioFilesResponse {
  files: StudioFile[];
}
export const SaveScenarioBodySchema = z
  .object({ text: z.string().min(1, '场景内容为空').max(200_000, '场景文件过大（最多 200,000 字）') })
  .strict();
export type SaveScenarioBody = z.infer<typeof SaveScenarioBodySchema>;
export interface SaveScenarioResponse {
  scenarioId: string;
  version: string;
  path: string;
  /** False when this exact text was already saved. */
  created: boolean;
}

// POST /api/studio/rubrics (instructor, admin) SaveRubricBody → SaveRubricResponse: a new rubric, id derived
//      from its content (so a report that names it stays reproducible), from a base rubric with new weights
//      and thresholds; then PATCH /api/classes/:id { rubricId } makes the class use it.
export const SaveRubricBodySchema = z
  .object({
    basedOn: scenarioId,
    name: z.string().trim().min(1, '请填写评分标准名称').max(60),
    weights: z.record(z.string(), z.number().min(0, '权重不能为负').max(100, '权重最多 100')),
    thresholds: z.record(z.string(), z.number().positive('阈值必须大于 0').max(3600)),
  })
  .strict();
export type SaveRubricBody = z.infer<typeof SaveRubricBodySchema>;
export interface SaveRubricResponse {
  rubricId: string;
  created: boolean;
}
