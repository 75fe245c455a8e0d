// What each error code says in English (the workbench's English locale). Placeholders are a subset of the
// Chinese template's; Chinese-only values (role names, validation details) are left out.
import type { ErrorCode } from './errors.ts';

export const ERROR_TEXT_EN: Record<ErrorCode, string> = {
  'bad-request': 'Something you sent is not valid. Check it and try again.',
  'bad-json': 'The request is not valid JSON. Check it and try again.',
  'body-too-large': 'The request is too large.',
  'url-too-long': 'The address is too long.',
  'unsupported-media-type': 'Wrong request format: send JSON (Content-Type: application/json).',
  'headers-too-large': 'The request headers are too large: clear the cookies of this site and try again.',
  'request-timeout':
    'The request arrived too slowly and the connection was closed: check the network and try again.',
  'route-not-found': 'There is no such endpoint: {{method}} {{path}}',
  'unknown-event': 'Unknown event: {{event}}',
  'bad-origin': 'Request origin not allowed: use the pages of this site (Origin mismatch).',
  'rate-limited': 'Too many actions at once. Wait a few seconds and send again.',
  internal:
    'Something went wrong on the server. Try again later; if it keeps happening, tell the administrator.',
  restarting: 'The server is restarting. Try again in a moment.',
  unauthenticated: 'Please log in first.',
  'password-change-required': 'Please change your one-time password first.',
  'wrong-credentials': 'Wrong username or password. Check them and try again.',
  'login-locked':
    'Too many login attempts: the account is locked for now. Try again in {{minutes}} minutes, or ask your instructor or an administrator to unlock it on the class page.',
  'register-locked': 'Too many attempts. Try again in {{minutes}} minutes.',
  'join-code-locked': 'Too many wrong join codes. Try again in {{minutes}} minutes.',
  'password-locked': 'Too many wrong current passwords. Try again in {{minutes}} minutes.',
  'too-many-sockets':
    'Too many pages open at once (at most {{max}}). Close the ones you do not use and reload.',
  'too-many-connections':
    'Too many connections from this network without signing in. Sign in, or try again in a minute.',
  'wrong-current-password': 'The current password is wrong. Enter it again.',
  'password-unchanged': 'The new password must differ from the current one.',
  'weak-password': 'This password is too easy to guess. Choose a longer, less common one.',
  'username-taken': 'The username “{{username}}” is taken. Choose another one.',
  'reset-own-password': 'You cannot reset your own password here: use “Change password”.',
  'user-not-found': 'No such user. Refresh the list and try again.',
  forbidden: 'Your role may not do this.',
  'class-manage-forbidden': 'Only the class’s instructor or an administrator may change the class.',
  'student-add-forbidden':
    'A student who already has an account joins with the class join code (or an administrator adds them); an instructor cannot add them directly.',
  'instructor-assign-forbidden': 'Only administrators may choose a class’s instructor.',
  'drill-create-forbidden': 'Only the class’s instructor or an administrator may create drills.',
  'drill-run-forbidden': 'Only the class’s instructor or an administrator may start or stop drills.',
  'self-evaluation-only': 'Students may only evaluate themselves.',
  'class-not-found': 'This class does not exist, or you may not see it.',
  'join-code-unknown': 'Wrong class join code. Check it with your teacher.',
  'instructor-not-found': 'No such instructor account. Refresh the account list and try again.',
  'not-an-instructor': 'Only an instructor can run a class: create an instructor account first.',
  'member-role-mismatch': 'This user’s role does not match the role they would join the class with.',
  'not-a-member': 'This user is not in the class. Refresh the member list and try again.',
  'student-not-found': 'This student does not exist, or you may not see them.',
  'student-not-in-class': 'This student is not in the class.',
  'grade-weights-zero': 'The grade weights cannot all be 0.',
  'class-list-invalid':
    'The class list has {{count}} problem(s) (line {{lines}}); no account was created. Fix them and import again.',
  'scenario-not-found': 'There is no scenario “{{id}}”. Choose one from the list.',
  'scenario-locked':
    'This scenario’s unit is not open yet: finish the unit “{{unit}}” first, then practise it.',
  'unknown-scenario': 'There is no scenario “{{id}}”. Choose one from the list.',
  'library-empty': 'The scenario library is empty. Ask an instructor to add scenarios.',
  'rubric-not-found': 'There is no rubric “{{id}}”. Choose an existing rubric.',
  'rubric-weights-zero': 'The dimension weights cannot all be 0; nothing was saved.',
  'rubric-invalid': 'The rubric is not valid; nothing was saved: {{problem}}',
  'scenario-id-missing':
    'The scenario file has no valid id (lower-case letters, digits and hyphens); nothing was saved.',
  'scenario-invalid': 'The scenario has {{count}} errors; nothing was saved: {{errors}}',
  'catalogue-file-unknown':
    '“{{path}}” is not a product, category, quick-phrase or lexicon file of the library, nor a place for a new one (a .yaml under products/, categories/ or phrases/ named with lower-case letters, digits and hyphens); nothing was saved.',
  'catalogue-invalid': 'The file has {{count}} errors; nothing was saved: {{errors}}',
  'catalogue-draft-not-found': 'This draft was not found. Reload, save it again and publish.',
  'catalogue-breaks-scenarios':
    'With this change {{count}} scenarios no longer prove; nothing was published: {{scenarios}}. Change the draft, or these scenarios first where shown.',
  'catalogue-file-published':
    'This file is published (or ships with the library) and cannot be deleted; save a changed draft and publish it instead.',
  'catalogue-draft-not-owner':
    'Another instructor saved this draft; only they and administrators can delete it.',
  'scenario-read-only':
    '“{{title}}” ships with the library and cannot be changed here: choose “Copy to edit” and change your own copy.',
  'scenario-not-owner':
    '“{{title}}” belongs to another instructor; only they and admins can change, publish or delete it. Choose “Copy to edit” and change your own copy.',
  'scenario-version-not-found': 'Scenario “{{id}}” has no such version. Save it before publishing.',
  'scenario-proof-failed':
    'This version failed its proof ({{count}} mismatches) and was not published: {{problems}}. Run Prove in the studio, fix and save, then publish.',
  'publish-class-forbidden': 'You can only publish to your own classes. Choose another class.',
  'too-many-open': '{{open}} buyers are already waiting for you. Serve them before starting new practice.',
  'conversation-not-found': 'This conversation does not exist, or you may not see it.',
  'conversation-ended': 'This buyer’s conversation has ended: no more messages can be sent.',
  'report-not-ready': 'The report is ready once the conversation has ended.',
  'empty-message': 'The message is empty.',
  'too-long': 'The message is too long (at most {{max}} characters). Send it in several parts.',
  'no-order-yet': 'The buyer has not ordered yet: there is no order to change.',
  'order-not-found': 'This order does not exist.',
  'option-unknown': '“{{option}}” is not an option of this product. Choose one of its options.',
  'option-out-of-stock': '{{option}} is out of stock. Choose an option in stock.',
  'product-unknown': 'The shop has no such product. Choose one from the product list.',
  'image-unknown': 'The shop has no such picture.',
  'drill-not-found': 'This drill does not exist, or you may not see it.',
  'drill-already-started': 'The drill has already started.',
  'drill-not-started': 'The drill has not started yet.',
  'drill-finished': 'This drill has ended.',
  'drill-start-count-too-large':
    'The drill is set to start when {{needed}} students joined, but the class has {{count}}. Choose at most {{count}}.',
  'exam-attempt-used': 'You have already taken this exam; each student takes it once.',
  'exam-not-open': 'The exam has not opened yet. Come back at its opening time.',
  'exam-closed': 'This exam has closed.',
  'exam-starts-itself': 'The exam opens by itself at its opening time; there is nothing to start.',
  'exam-window-past': 'That time has already passed. Choose a later one.',
  'exam-window-order': 'The closing time must be after the opening time.',
  'exam-window-too-long': 'An exam lasts at most {{minutes}} minutes.',
  'appeal-not-found': 'This appeal does not exist, or it is not for your class.',
  'appeal-exists': 'This violation has already been appealed; wait for your trainer to decide.',
  'appeal-decided': 'This appeal has been decided; the decision is final.',
  'violation-not-found': 'The report no longer has this violation; reload the report and try again.',
  'appeal-no-class':
    'You have not joined a class, so no trainer can decide an appeal: join one with its class code first.',
};
