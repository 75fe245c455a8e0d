// Table shapes as Kysely sees them. Times are epoch ms, ids are app-generated text, booleans are 0/1 integers
// and structured settings are JSON text, so the same code runs on SQLite and PostgreSQL (whose int8 columns
// the connection reads back as numbers).
import type { Role } from '@kefu/shared';
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  created_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface ClassesTable {
  id: string;
  name: string;
  owner_id: string;
  join_code: string;
  rubric_id: string;
  grade_weights: string;
  /** 1: solo practice counts in the grade. */
  grade_solo: Generated<number>;
  created_at: number;
}

export interface EnrollmentsTable {
  class_id: string;
  user_id: string;
  role: 'student' | 'trainer';
  joined_at: number;
}

export interface ScenarioVersionsTable {
  scenario_id: string;
  version: string;
  /** The buyer file's text, so a pinned or recorded version can be loaded again after the file changed. */
  source: string;
  path: string;
  created_at: number;
}

/** A scenario (kind 'buyer') saved in the studio: its owner, latest draft and publication. */
export interface StudioItemsTable {
  kind: string;
  id: string;
  /** null: saved before owners were recorded (admins only may change it). */
  owner_id: string | null;
  draft_version: string;
  published_version: string | null;
  /** null with a published version: every class. */
  published_class_id: string | null;
  published_at: number | null;
  published_by: string | null;
  /** `id@version` it was copied from. */
  copied_from: string | null;
  created_at: number;
  updated_at: number;
}

export interface DrillsTable {
  id: string;
  class_id: string;
  kind: Generated<'drill' | 'exam'>;
  title: string;
  settings: string;
  versions: string;
  status: 'draft' | 'running' | 'finished';
  created_by: string;
  created_at: number;
  started_at: number | null;
  ends_at: number | null;
  ended_at: number | null;
  /** An exam's window (null for a drill). */
  opens_at: number | null;
  closes_at: number | null;
  /** 1: counts in the class grade. */
  graded: Generated<number>;
}

export interface DrillParticipantsTable {
  drill_id: string;
  student_id: string;
  joined_at: number;
}

export interface ConversationsTable {
  id: string;
  student_id: string;
  drill_id: string | null;
  /** Arrival slot within a drill (0-based); null for solo practice. */
  slot: number | null;
  scenario_id: string;
  scenario_version: string;
  rubric_id: string;
  seed: number;
  status: 'open' | 'ended';
  started_at: number;
  ended_at: number | null;
  last_seq: number;
  /** The shopper's next due time: timers are data, re-armed from here after a restart. */
  wake_at: number | null;
  /** Fencing token of the owner process (0 on SQLite, which has one process): appends must carry it. */
  fence: number;
}

export interface EventsTable {
  conversation_id: string;
  seq: number;
  type: string;
  at: number;
  /** The client id of an agent message: makes sending idempotent (unique per conversation). */
  message_id: string | null;
  body: string;
}

export interface EvaluationsTable {
  id: string;
  student_id: string;
  class_id: string;
  conversation_id: string | null;
  author_id: string;
  kind: 'teacher' | 'mentor' | 'self';
  score: number;
  comment: string;
  created_at: number;
}

/**
 * A student's appeal against one violation of a report, and the staff's final decision. One per violation
 * (unique conversation + violation key): the decision is final, and the row keeps who decided, when, why.
 */
export interface AppealsTable {
  id: string;
  conversation_id: string;
  /** The class whose staff decide. */
  class_id: string;
  student_id: string;
  /** The report's `Violation.key`. */
  violation_key: string;
  rule: string;
  /** The violation as the judge gave it (JSON): the original verdict the report keeps showing. */
  violation: string;
  /** The student's reply the violation points at, as sent (null when it names none). */
  reply: string | null;
  reason: string;
  created_at: number;
  status: 'open' | 'upheld' | 'overturned';
  decided_by: string | null;
  decided_at: number | null;
  note: string | null;
}

/** Who runs a live conversation or a drill's schedule, until when. */
export interface LeasesTable {
  kind: 'conversation' | 'drill';
  id: string;
  /** The owner process's id (random per process start). */
  owner: string;
  /** Fencing token: grows by one with every change of owner. */
  token: number;
  /** Wall-clock epoch ms; the owner's heartbeat moves it on, a dead owner's lease runs out. */
  expires_at: number;
}

/** A catalogue file's text as saved in the studio (or shipped: `created_by` null), by content hash. */
export interface CatalogueFilesTable {
  path: string;
  version: string;
  source: string;
  created_by: string | null;
  created_at: number;
}

/** One 发布 of a catalogue file, with the whole catalogue it put in force. */
export interface CataloguePublicationsTable {
  id: string;
  /** The catalogue version: a hash of the manifest (a scenario version played under it names it). */
  catalogue: string;
  path: string;
  version: string;
  /** JSON: every catalogue file changed from the shipped library, path → version. */
  manifest: string;
  published_by: string | null;
  published_at: number;
}

/** A failed (or still running) guess of a secret, charged to a key such as `account:login:wang`. */
export interface GuessFailuresTable {
  seq: Generated<number>;
  key: string;
  at: number;
}

/** A browser (its device cookie) an account logged in from. */
export interface LoginDevicesTable {
  account: string;
  device: string;
  seen_at: number;
}

/** A short mutual exclusion held by one process (`holder`) until it lets go or `expires_at` passes. */
export interface MutexesTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** A staff action on someone else's account (repositories/audit-log.ts). */
export interface AuditLogTable {
  seq: Generated<number>;
  at: number;
  actor_id: string;
  action: string;
  subject_id: string;
  class_id: string | null;
}

/** A catalogue proof's verdict (JSON) by key, with when a process last used it (repositories/proof-verdicts.ts). */
export interface ProofVerdictsTable {
  key: string;
  verdict: string;
  used_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  classes: ClassesTable;
  enrollments: EnrollmentsTable;
  scenario_versions: ScenarioVersionsTable;
  studio_items: StudioItemsTable;
  drills: DrillsTable;
  drill_participants: DrillParticipantsTable;
  conversations: ConversationsTable;
  events: EventsTable;
  evaluations: EvaluationsTable;
  leases: LeasesTable;
  catalogue_files: CatalogueFilesTable;
  catalogue_publications: CataloguePublicationsTable;
  appeals: AppealsTable;
  guess_failures: GuessFailuresTable;
  login_devices: LoginDevicesTable;
  mutexes: MutexesTable;
  audit_log: AuditLogTable;
  proof_verdicts: ProofVerdictsTable;
}
