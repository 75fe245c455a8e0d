// The one protocol between the browser and the server: every HTTP route and socket event as a record with
// its zod schemas. The server registers, checks access and validates from these tables; the client derives
// its typed calls (`api.reports.student({ params, query })`) and its socket typings from the same ones.
// Shapes live beside their domain in ./api/; add a route here, its handler on the server (see README).
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  CreateUserBodySchema,
  CreateUserResponseSchema,
  LoginAttemptResponseSchema,
  LoginBodySchema,
  LoginResponseSchema,
  MeResponseSchema,
  RegisterBodySchema,
  ResetPasswordBodySchema,
  ResetPasswordResponseSchema,
  SessionResponseSchema,
  UsersResponseSchema,
  UserViewSchema,
} from './api/accounts.ts';
import {
  AppealClassQuerySchema,
  AppealResponseSchema,
  AppealStatsResponseSchema,
  AppealsQuerySchema,
  AppealsResponseSchema,
  CreateAppealBodySchema,
  DecideAppealBodySchema,
  OpenAppealsResponseSchema,
} from './api/appeals.ts';
import {
  CatalogueHistoryQuerySchema,
  CatalogueHistoryResponseSchema,
  PublishCatalogueBodySchema,
  PublishCatalogueResponseSchema,
  SaveCatalogueBodySchema,
  SaveCatalogueResponseSchema,
} from './api/catalogue.ts';
import {
  AddMemberBodySchema,
  ClassDetailResponseSchema,
  ClassesResponseSchema,
  ClassResponseSchema,
  CreateClassBodySchema,
  ImportStudentsBodySchema,
  ImportStudentsResponseSchema,
  JoinClassBodySchema,
  LockedStudentsResponseSchema,
  TrainerChoicesResponseSchema,
  UpdateClassBodySchema,
} from './api/classes.ts';
import {
  ConversationDetailResponseSchema,
  ConversationsQuerySchema,
  ConversationsResponseSchema,
  ConversationViewSchema,
  EventEnvelopeSchema,
  OrderPayloadSchema,
  PracticeResponseSchema,
  ResyncAckSchema,
  ResyncPayloadSchema,
  SendAckSchema,
  SendPayloadSchema,
  StartPracticeBodySchema,
} from './api/conversations.ts';
import { PathResponseSchema } from './api/course.ts';
import {
  CreateDrillBodySchema,
  CreateExamBodySchema,
  DrillResponseSchema,
  DrillsResponseSchema,
  DrillViewSchema,
  UpdateDrillBodySchema,
} from './api/drills.ts';
import { ApiErrorSchema } from './api/errors.ts';
import { entityId, idParams, OkSchema } from './api/fields.ts';
import {
  MonitorUpdatePayloadSchema,
  MonitorWatchAckSchema,
  MonitorWatchPayloadSchema,
} from './api/monitor.ts';
import {
  ClassReportQuerySchema,
  ClassReportResponseSchema,
  ConversationReportResponseSchema,
  CsvQuerySchema,
  DrillResultsResponseSchema,
  EvaluationBodySchema,
  EvaluationResponseSchema,
  LeaderboardQuerySchema,
  LeaderboardResponseSchema,
  StudentReportQuerySchema,
  StudentReportResponseSchema,
} from './api/reports.ts';
import { CSV_FILE, route, YAML_FILE } from './api/route.ts';
import {
  CatalogResponseSchema,
  ScenarioDetailResponseSchema,
  ScenarioParamsSchema,
  ScenariosQuerySchema,
  ScenariosResponseSchema,
} from './api/scenarios.ts';
import { type ClientToServer, clientEvent, type ServerToClient } from './api/socket.ts';
import {
  CopyScenarioResponseSchema,
  PublishScenarioBodySchema,
  PublishScenarioResponseSchema,
  RubricPreviewResponseSchema,
  SaveRubricBodySchema,
  SaveRubricResponseSchema,
  SaveScenarioBodySchema,
  SaveScenarioResponseSchema,
  StudioFilesResponseSchema,
  TryScenarioBodySchema,
} from './api/studio.ts';

export * from './api/accounts.ts';
export * from './api/appeals.ts';
export * from './api/catalogue.ts';
export * from './api/classes.ts';
export * from './api/conversations.ts';
export * from './api/course.ts';
export * from './api/drill-start.ts';
export * from './api/drills.ts';
export * from './api/errors.ts';
export * from './api/fields.ts';
export * from './api/monitor.ts';
export * from './api/reports.ts';
export * from './api/route.ts';
export * from './api/scenarios.ts';
export * from './api/socket.ts';
export * from './api/studio.ts';
export { MAX_MESSAGE_CHARS } from './conversation/events.ts';

const STAFF = ['admin', 'instructor', 'trainer'] as const;
const AUTHORS = ['instructor', 'admin'] as const;

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────
// JSON in and out, session cookie `kefu_session`; state-changing methods must carry the page's Origin.
// A non-2xx answer is always `{ error: { code, message, params? } }` (./api/errors.ts).

export const routes = {
  auth: {
    /** Sets the session cookie. */
    login: route({
      method: 'POST',
      path: '/api/auth/login',
      access: 'public',
      body: LoginBodySchema,
      response: LoginResponseSchema,
    }),
    /** The workbench's login: the same check as `login`, with a wrong password or a lock answered as 200
     * `{ refused }` (scripts keep `login`'s 401/429). */
    attempt: route({
      method: 'POST',
      path: '/api/auth/attempt',
      access: 'public',
      body: LoginBodySchema,
      response: LoginAttemptResponseSchema,
    }),
    logout: route({ method: 'POST', path: '/api/auth/logout', access: 'public', response: OkSchema }),
    me: route({ method: 'GET', path: '/api/auth/me', access: 'user', response: MeResponseSchema }),
    /** Like `me`, for a page that does not know whether anyone is logged in: `{ user: null }`, not 401. */
    session: route({
      method: 'GET',
      path: '/api/auth/session',
      access: 'public',
      response: SessionResponseSchema,
    }),
    /** Student self-registration with a class join code; logs in. */
    register: route({
      method: 'POST',
      path: '/api/auth/register',
      access: 'public',
      body: RegisterBodySchema,
      response: LoginResponseSchema,
    }),
    /** Other sessions of the user end; this one stays. */
    changePassword: route({
      method: 'POST',
      path: '/api/auth/password',
      access: 'user',
      body: ChangePasswordBodySchema,
      response: OkSchema,
    }),
  },
  users: {
    list: route({ method: 'GET', path: '/api/users', access: ['admin'], response: UsersResponseSchema }),
    create: route({
      method: 'POST',
      path: '/api/users',
      access: ['admin'],
      body: CreateUserBodySchema,
      response: CreateUserResponseSchema,
    }),
    /** A new one-time password; the user's sessions end and their login lock lifts. Not for yourself. */
    resetPassword: route({
      method: 'POST',
      path: '/api/users/:id/password',
      access: ['admin'],
      params: idParams,
      body: ResetPasswordBodySchema,
      response: ResetPasswordResponseSchema,
    }),
  },
  classes: {
    /** Admin: all; instructor: owned; trainer: assigned; student: enrolled. */
    list: route({ method: 'GET', path: '/api/classes', access: 'user', response: ClassesResponseSchema }),
    create: route({
      method: 'POST',
      path: '/api/classes',
      access: AUTHORS,
      body: CreateClassBodySchema,
      response: ClassResponseSchema,
    }),
    join: route({
      method: 'POST',
      path: '/api/classes/join',
      access: ['student'],
      body: JoinClassBodySchema,
      response: ClassResponseSchema,
    }),
    /** Students see their class without its roster. */
    get: route({
      method: 'GET',
      path: '/api/classes/:id',
      access: 'user',
      params: idParams,
      response: ClassDetailResponseSchema,
    }),
    update: route({
      method: 'PATCH',
      path: '/api/classes/:id',
      access: STAFF,
      params: idParams,
      body: UpdateClassBodySchema,
      response: ClassResponseSchema,
    }),
    /** A new join code; the old one stops working. */
    renewJoinCode: route({
      method: 'POST',
      path: '/api/classes/:id/join-code',
      access: STAFF,
      params: idParams,
      response: ClassResponseSchema,
    }),
    addMember: route({
      method: 'POST',
      path: '/api/classes/:id/members',
      access: STAFF,
      params: idParams,
      body: AddMemberBodySchema,
      response: ClassDetailResponseSchema,
    }),
    /** Every trainer account the class's instructor (or an admin) may assign to it, by name only. */
    trainerChoices: route({
      method: 'GET',
      path: '/api/classes/:id/trainers',
      access: AUTHORS,
      params: idParams,
      response: TrainerChoicesResponseSchema,
    }),
    /**
     * A class list (学号, 姓名): a student account per row (username = 学号, a one-time password each, shown
     * once) enrolled in the class; an existing student account is enrolled as it is. A bad row imports nothing.
     */
    importStudents: route({
      method: 'POST',
      path: '/api/classes/:id/import',
      access: AUTHORS,
      params: idParams,
      body: ImportStudentsBodySchema,
      response: ImportStudentsResponseSchema,
    }),
    /** The class's students locked out of logging in (too many wrong passwords), for its instructor and admins. */
    lockedStudents: route({
      method: 'GET',
      path: '/api/classes/:id/locked',
      access: AUTHORS,
      params: idParams,
      response: LockedStudentsResponseSchema,
    }),
    /** Lifts a student's login lock (recorded in the audit log); answers the class's locked students left. */
    unlockStudent: route({
      method: 'POST',
      path: '/api/classes/:id/members/:userId/unlock',
      access: AUTHORS,
      params: z.object({ id: entityId, userId: entityId }),
      response: LockedStudentsResponseSchema,
    }),
    /** Their conversations and reports stay. */
    removeMember: route({
      method: 'DELETE',
      path: '/api/classes/:id/members/:userId',
      access: STAFF,
      params: z.object({ id: entityId, userId: entityId }),
      response: ClassDetailResponseSchema,
    }),
  },
  scenarios: {
    /** What the user may play: published and shipped scenarios, those published to one class only in it. */
    list: route({
      method: 'GET',
      path: '/api/scenarios',
      access: 'user',
      query: ScenariosQuerySchema,
      response: ScenariosResponseSchema,
    }),
    get: route({
      method: 'GET',
      path: '/api/scenarios/:id',
      access: STAFF,
      params: ScenarioParamsSchema,
      response: ScenarioDetailResponseSchema,
    }),
    /** Products and quick phrases for the workbench. */
    catalog: route({ method: 'GET', path: '/api/catalog', access: 'user', response: CatalogResponseSchema }),
  },
  course: {
    /** The student's own progress along the learning path and the scenario recommended next. */
    path: route({
      method: 'GET',
      path: '/api/course/path',
      access: ['student'],
      response: PathResponseSchema,
    }),
  },
  practice: {
    /** One scenario, or `mix` random ones at once. */
    start: route({
      method: 'POST',
      path: '/api/practice',
      access: 'user',
      body: StartPracticeBodySchema,
      response: PracticeResponseSchema,
    }),
    /**
     * 结束练习: every open solo conversation of yours ends as abandoned (kept apart from graded work: no
     * score in averages or grades). Drill conversations go on. Answers the conversations it ended.
     */
    abandon: route({
      method: 'POST',
      path: '/api/practice/abandon',
      access: 'user',
      response: PracticeResponseSchema,
    }),
    /** Your own. */
    conversations: route({
      method: 'GET',
      path: '/api/conversations',
      access: 'user',
      query: ConversationsQuerySchema,
      response: ConversationsResponseSchema,
    }),
    /** The owner, or staff of its student's class: public events. */
    conversation: route({
      method: 'GET',
      path: '/api/conversations/:id',
      access: 'user',
      params: idParams,
      response: ConversationDetailResponseSchema,
    }),
  },
  drills: {
    list: route({
      method: 'GET',
      path: '/api/classes/:id/drills',
      access: 'user',
      params: idParams,
      response: DrillsResponseSchema,
    }),
    /** Scenario versions are pinned now. */
    create: route({
      method: 'POST',
      path: '/api/classes/:id/drills',
      access: STAFF,
      params: idParams,
      body: CreateDrillBodySchema,
      response: DrillResponseSchema,
    }),
    /** Staff of the class: every student's scores and key figures in this drill, with links to the reports. */
    results: route({
      method: 'GET',
      path: '/api/drills/:id/results',
      access: STAFF,
      params: idParams,
      response: DrillResultsResponseSchema,
    }),
    get: route({
      method: 'GET',
      path: '/api/drills/:id',
      access: 'user',
      params: idParams,
      response: DrillResponseSchema,
    }),
    start: route({
      method: 'POST',
      path: '/api/drills/:id/start',
      access: STAFF,
      params: idParams,
      response: DrillResponseSchema,
    }),
    stop: route({
      method: 'POST',
      path: '/api/drills/:id/stop',
      access: STAFF,
      params: idParams,
      response: DrillResponseSchema,
    }),
    /** Staff of the class: whether it counts in the class grade. */
    update: route({
      method: 'PATCH',
      path: '/api/drills/:id',
      access: AUTHORS,
      params: idParams,
      body: UpdateDrillBodySchema,
      response: DrillResponseSchema,
    }),
    /**
     * Late joiners get the rest of the schedule. An exam: once, inside its window, with the whole schedule
     * from that moment.
     */
    join: route({
      method: 'POST',
      path: '/api/drills/:id/join',
      access: ['student'],
      params: idParams,
      response: DrillResponseSchema,
    }),
  },
  exams: {
    /** A drill with exam rules (see CreateExamBodySchema); listed, run and joined as a drill. */
    create: route({
      method: 'POST',
      path: '/api/classes/:id/exams',
      access: AUTHORS,
      params: idParams,
      body: CreateExamBodySchema,
      response: DrillResponseSchema,
    }),
  },
  reports: {
    /** The owner once ended (students see public events); class staff (the whole log). */
    conversation: route({
      method: 'GET',
      path: '/api/reports/conversations/:id',
      access: 'user',
      params: idParams,
      response: ConversationReportResponseSchema,
    }),
    /** The student themself; staff of their class. */
    student: route({
      method: 'GET',
      path: '/api/reports/students/:id',
      access: 'user',
      params: idParams,
      query: StudentReportQuerySchema,
      response: StudentReportResponseSchema,
    }),
    class: route({
      method: 'GET',
      path: '/api/reports/classes/:id',
      access: 'user',
      params: idParams,
      query: ClassReportQuerySchema,
      response: ClassReportResponseSchema,
    }),
    /** Class staff: students ranked by average score (the grade's receptions, or one drill's). */
    leaderboard: route({
      method: 'GET',
      path: '/api/reports/classes/:id/leaderboard',
      access: STAFF,
      params: idParams,
      query: LeaderboardQuerySchema,
      response: LeaderboardResponseSchema,
    }),
    /** One row per student (UTF-8 with BOM, opens in Excel). */
    classCsv: route({
      method: 'GET',
      path: '/api/reports/classes/:id/export.csv',
      access: 'user',
      params: idParams,
      query: CsvQuerySchema,
      response: CSV_FILE,
    }),
    /** One row per student per drill (and solo practice). */
    gradesCsv: route({
      method: 'GET',
      path: '/api/reports/classes/:id/grades.csv',
      access: 'user',
      params: idParams,
      query: CsvQuerySchema,
      response: CSV_FILE,
    }),
    /** The class's staff: a draft rubric (as saved) scored on the last week's graded conversations. */
    rubricPreview: route({
      method: 'POST',
      path: '/api/reports/classes/:id/rubric-preview',
      access: STAFF,
      params: idParams,
      body: SaveRubricBodySchema,
      response: RubricPreviewResponseSchema,
    }),
  },
  evaluations: {
    create: route({
      method: 'POST',
      path: '/api/evaluations',
      access: 'user',
      body: EvaluationBodySchema,
      response: EvaluationResponseSchema,
    }),
  },
  appeals: {
    /** The student who owns an ended conversation disputes one violation of its report (once). */
    create: route({
      method: 'POST',
      path: '/api/appeals',
      access: ['student'],
      body: CreateAppealBodySchema,
      response: AppealResponseSchema,
    }),
    /** The queue: appeals of the classes the caller reviews, newest first. */
    list: route({
      method: 'GET',
      path: '/api/appeals',
      access: STAFF,
      query: AppealsQuerySchema,
      response: AppealsResponseSchema,
    }),
    /** How many appeals of the classes the caller reviews are open: the badge of 申诉 in the staff bar. */
    openCount: route({
      method: 'GET',
      path: '/api/appeals/open-count',
      access: STAFF,
      response: OpenAppealsResponseSchema,
    }),
    /** Staff of the appeal's class: uphold or overturn, with a note. Final. */
    decide: route({
      method: 'POST',
      path: '/api/appeals/:id/decision',
      access: STAFF,
      params: idParams,
      body: DecideAppealBodySchema,
      response: AppealResponseSchema,
    }),
    /** Per rule, how often the judge was appealed and overturned. */
    stats: route({
      method: 'GET',
      path: '/api/appeals/stats',
      access: STAFF,
      query: AppealClassQuerySchema,
      response: AppealStatsResponseSchema,
    }),
    /** Decided appeals as labelled cases in the judgement corpus format (docs/judge-corpus.md). */
    corpus: route({
      method: 'GET',
      path: '/api/appeals/corpus.yaml',
      access: STAFF,
      query: AppealClassQuerySchema,
      response: YAML_FILE,
    }),
  },
  studio: {
    /** Library sources plus the latest studio save of every scenario and rubric. */
    files: route({
      method: 'GET',
      path: '/api/studio/files',
      access: AUTHORS,
      response: StudioFilesResponseSchema,
    }),
    /** A draft (a new content-hashed version): its owner's or an admin's; shipped scenarios are read-only. */
    saveScenario: route({
      method: 'POST',
      path: '/api/studio/scenarios',
      access: AUTHORS,
      body: SaveScenarioBodySchema,
      response: SaveScenarioResponseSchema,
    }),
    /** 发布 one saved version, refused unless the server's own proof of that version passes. */
    publishScenario: route({
      method: 'POST',
      path: '/api/studio/scenarios/:id/publish',
      access: AUTHORS,
      params: ScenarioParamsSchema,
      body: PublishScenarioBodySchema,
      response: PublishScenarioResponseSchema,
    }),
    /** 复制后编辑: an owned draft copy of a scenario this user can see. */
    copyScenario: route({
      method: 'POST',
      path: '/api/studio/scenarios/:id/copy',
      access: AUTHORS,
      params: ScenarioParamsSchema,
      response: CopyScenarioResponseSchema,
    }),
    /** Out of the studio and every list; played conversations keep their version. Owner or admin. */
    deleteScenario: route({
      method: 'DELETE',
      path: '/api/studio/scenarios/:id',
      access: AUTHORS,
      params: ScenarioParamsSchema,
      response: OkSchema,
    }),
    /** 试玩 a saved version (a draft too) as solo practice of one's own. */
    tryScenario: route({
      method: 'POST',
      path: '/api/studio/scenarios/:id/try',
      access: AUTHORS,
      params: ScenarioParamsSchema,
      body: TryScenarioBodySchema,
      response: PracticeResponseSchema,
    }),
    saveRubric: route({
      method: 'POST',
      path: '/api/studio/rubrics',
      access: AUTHORS,
      body: SaveRubricBodySchema,
      response: SaveRubricResponseSchema,
    }),
    /** A catalogue file (product, category, phrases, lexicon) saved as a 草稿: validated, not yet used. */
    saveCatalogue: route({
      method: 'POST',
      path: '/api/studio/catalogue',
      access: AUTHORS,
      body: SaveCatalogueBodySchema,
      response: SaveCatalogueResponseSchema,
    }),
    /** 发布 a catalogue 草稿: accepted only when every scenario still proves against it. */
    publishCatalogue: route({
      method: 'POST',
      path: '/api/studio/catalogue/publish',
      access: AUTHORS,
      body: PublishCatalogueBodySchema,
      response: PublishCatalogueResponseSchema,
    }),
    /** 删除草稿 of a new catalogue file never published: every saved version of it goes. */
    deleteCatalogueDraft: route({
      method: 'DELETE',
      path: '/api/studio/catalogue',
      access: AUTHORS,
      query: CatalogueHistoryQuerySchema,
      response: OkSchema,
    }),
    /** A catalogue file's versions, newest first, the shipped file last. */
    catalogueHistory: route({
      method: 'GET',
      path: '/api/studio/catalogue/history',
      access: AUTHORS,
      query: CatalogueHistoryQuerySchema,
      response: CatalogueHistoryResponseSchema,
    }),
  },
} as const;
export type Routes = typeof routes;

// ── Socket.IO ────────────────────────────────────────────────────────────────────────────────────────
// Same origin, same session cookie. Every client event takes one payload and an ack callback; without an
// ack, a refusal comes back as `session:error`.

/** Per-socket budget of inbound events: this many at once, refilled over the window (a token bucket). */
export const SOCKET_RATE_LIMIT = 20;
export const SOCKET_RATE_WINDOW_MS = 5_000;

export const clientEvents = {
  /** Send an agent message in one of your conversations (idempotent by message id). */
  'conversation:send': clientEvent({ payload: SendPayloadSchema, ack: SendAckSchema }),
  /** Change an order of one of your conversations: address, variant, seller note (idempotent by update id). */
  'conversation:order': clientEvent({ payload: OrderPayloadSchema, ack: SendAckSchema }),
  /** Every visible event after `afterSeq`, from the log, in order. */
  'conversation:resync': clientEvent({ payload: ResyncPayloadSchema, ack: ResyncAckSchema }),
  /** Instructors and admins: follow a drill's live monitor; the ack carries the current snapshot. */
  'monitor:watch': clientEvent({ payload: MonitorWatchPayloadSchema, ack: MonitorWatchAckSchema }),
  'monitor:unwatch': clientEvent({ payload: MonitorWatchPayloadSchema, ack: z.object({}) }),
};
export type ClientEvents = typeof clientEvents;
export type ClientEventName = keyof ClientEvents;

export const serverEvents = {
  /** Once after the handshake: who you are and the server's clock (for waiting timers). */
  'session:hello': z.object({ user: UserViewSchema, serverTime: z.number() }),
  /** One new event of one of your conversations. */
  'conversation:event': EventEnvelopeSchema,
  /** A shopper arrived for you; their events follow as `conversation:event`. */
  'conversation:opened': z.object({ conversation: ConversationViewSchema }),
  /** A drill you are in started, stopped or finished. */
  'drill:status': z.object({ drill: DrillViewSchema }),
  /** One student's live summary changed (instructors watching the drill). */
  'monitor:update': MonitorUpdatePayloadSchema,
  /** A client event without an ack callback was refused. */
  'session:error': z.object({ event: z.string(), error: ApiErrorSchema }),
};
export type ServerEvents = typeof serverEvents;

/** Socket.IO typings: `Server<ClientToServerEvents, ServerToClientEvents>` / `Socket<ServerToClientEvents, ClientToServerEvents>`. */
export type ClientToServerEvents = ClientToServer<ClientEvents>;
export type ServerToClientEvents = ServerToClient<ServerEvents>;

export type SendAck = EventAckOf<'conversation:send'>;
export type ResyncAck = EventAckOf<'conversation:resync'>;
export type MonitorWatchAck = EventAckOf<'monitor:watch'>;
type EventAckOf<K extends ClientEventName> = Parameters<Parameters<ClientToServerEvents[K]>[1]>[0];
export type HelloPayload = z.output<ServerEvents['session:hello']>;
export type SessionErrorPayload = z.output<ServerEvents['session:error']>;
export type DrillStatusPayload = z.output<ServerEvents['drill:status']>;
export type ConversationOpenedPayload = z.output<ServerEvents['conversation:opened']>;
