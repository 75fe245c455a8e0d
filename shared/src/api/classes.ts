// Classes: an instructor's, with trainers assigned and students enrolled by join code.
import { z } from 'zod';
import type { Rubric } from '../scenario/schema.ts';
import { UserViewSchema } from './accounts.ts';
import { entityId, joinCode, scenarioId } from './fields.ts';

const weight = z.number().min(0).max(100);
/** Relative weights: `system` the practice and drills that count, `exam` the exams that count. */
export const GradeWeightsSchema = z.object({
  system: weight,
  exam: weight,
  teacher: weight,
  mentor: weight,
  self: weight,
});
export type GradeWeights = z.infer<typeof GradeWeightsSchema>;

export const ClassViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Shown to the class's instructor, trainers and admins only. */
  joinCode: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  studentCount: z.number(),
  rubricId: z.string(),
  gradeWeights: GradeWeightsSchema,
  /** Solo practice counts in the grade (else only the drills and exams marked graded). */
  gradeSolo: z.boolean(),
  createdAt: z.number(),
});
export type ClassView = z.infer<typeof ClassViewSchema>;
export const ClassMemberSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['student', 'trainer']),
  joinedAt: z.number(),
});
export type ClassMember = z.infer<typeof ClassMemberSchema>;

/** The owner is the creator, or (admins only) `instructorId`, which must be an instructor's account. */
export const CreateClassBodySchema = z
  .object({
    name: z.string().trim().min(1, '请填写班级名称').max(60, '班级名称最多 60 个字'),
    instructorId: entityId.optional(),
  })
  .strict();
export type CreateClassBody = z.infer<typeof CreateClassBodySchema>;
/** `instructorId` (admins only) hands the class to another instructor. */
export const UpdateClassBodySchema = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    rubricId: scenarioId.optional(),
    /** Without `exam`, the exam weight stays as it is. */
    gradeWeights: GradeWeightsSchema.partial({ exam: true }).strict().optional(),
    gradeSolo: z.boolean().optional(),
    instructorId: entityId.optional(),
  })
  .strict();
export type UpdateClassBody = z.infer<typeof UpdateClassBodySchema>;
export const AddMemberBodySchema = z
  .object({ userId: entityId, role: z.enum(['student', 'trainer'], '只能以学员或评估导师的身份加入班级') })
  .strict();
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;
/**
 * A trainer the class's instructor may assign: names only (never a password or its hash), and whether they
 * are in the class already.
 */
export const TrainerChoiceSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  assigned: z.boolean(),
});
export type TrainerChoice = z.infer<typeof TrainerChoiceSchema>;
export const TrainerChoicesResponseSchema = z.object({ trainers: z.array(TrainerChoiceSchema) });
export type TrainerChoicesResponse = z.infer<typeof TrainerChoicesResponseSchema>;
/**
 * A student of the class who may not log in now: too many wrong passwords were tried at the account (maybe by
 * someone guessing at it). The class's instructor or an admin, who know the student, may lift the lock.
 */
export const LockedStudentSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  /** Minutes until the lock lifts by itself. */
  minutes: z.number(),
});
export type LockedStudent = z.infer<typeof LockedStudentSchema>;
export const LockedStudentsResponseSchema = z.object({ students: z.array(LockedStudentSchema) });
export type LockedStudentsResponse = z.infer<typeof LockedStudentsResponseSchema>;
export const JoinClassBodySchema = z.object({ joinCode }).strict();
export type JoinClassBody = z.infer<typeof JoinClassBodySchema>;

export const ClassesResponseSchema = z.object({ classes: z.array(ClassViewSchema) });
export type ClassesResponse = z.infer<typeof ClassesResponseSchema>;
export const ClassResponseSchema = z.object({ class: ClassViewSchema });
export type ClassResponse = z.infer<typeof ClassResponseSchema>;
export const ClassDetailResponseSchema = z.object({
  class: ClassViewSchema,
  members: z.array(ClassMemberSchema),
  /** The rubric in force for the class (the default rubric when the class's own is gone). */
  rubric: z.custom<Rubric>(),
});
export type ClassDetailResponse = z.infer<typeof ClassDetailResponseSchema>;

// ── Importing a class list ──

/** A class list is at most this many students (a lesson's class, with room to spare). */
export const MAX_CLASS_LIST_ROWS = 200;
/**
 * A class list as text: CSV with a header row naming the columns 学号 and 姓名 (other columns are ignored).
 * The browser decodes the file (UTF-8, with or without BOM, or Excel's GBK) before sending it.
 */
export const ImportStudentsBodySchema = z
  .object({ csv: z.string().min(1, '名单是空的').max(200_000, '名单文件太大了') })
  .strict();
export type ImportStudentsBody = z.infer<typeof ImportStudentsBodySchema>;
export const ImportedStudentSchema = z.object({
  user: UserViewSchema,
  /** The one-time password of a new account, shown once; null for an account that already existed. */
  password: z.string().nullable(),
  /** The account existed before (a student): it was only enrolled, or already in the class. */
  existing: z.boolean(),
  /**
   * In the class now. False for an existing student an instructor's list named: they join with the class's
   * join code (their consent), or an admin imports them.
   */
  enrolled: z.boolean(),
});
export type ImportedStudent = z.infer<typeof ImportedStudentSchema>;
/** Every row of the list in file order. */
export const ImportStudentsResponseSchema = z.object({
  class: ClassViewSchema,
  students: z.array(ImportedStudentSchema),
});
export type ImportStudentsResponse = z.infer<typeof ImportStudentsResponseSchema>;
