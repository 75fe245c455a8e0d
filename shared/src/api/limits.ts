// Length limits of the protocol as plain numbers (no zod), so the browser's first chunk can count towards
// them without loading the schemas that enforce them.

/** Longest agent message (characters): the log refuses longer ones and the workbench counts towards it. */
export const MAX_MESSAGE_CHARS = 2000;
/** Longest evaluation comment (characters). */
export const MAX_COMMENT_CHARS = 2000;
/** Longest reason a student gives for an appeal (one sentence, characters). */
export const MAX_APPEAL_CHARS = 200;
/** Longest note a trainer gives with an appeal's decision (characters). */
export const MAX_DECISION_NOTE_CHARS = 500;
