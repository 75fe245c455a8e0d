// The screen lives in the session store; the URL hash mirrors it so reload, back and forward work and a
// screen can be linked (`#/workbench`, `#/summary/<id>,<id>`). Hash routing needs no server support.
import type { Screen } from '../stores/index.ts';

export function hashOf(screen: Screen): string {
  switch (screen.name) {
    case 'loading':
      return '';
    case 'summary':
      return `#/summary/${screen.conversationIds.map(encodeURIComponent).join(',')}`;
    case 'certificate':
      return `#/certificate/${encodeURIComponent(screen.unitId)}`;
    case 'staff':
      return screen.path ? `#/staff/${screen.path}` : '#/staff';
    default:
      return `#/${screen.name}`;
  }
}

/** The screen a hash names, or null when it names none. */
export function screenOf(hash: string): Screen | null {
  const [name, rest] = hash.replace(/^#\/?/, '').split('/', 2);
  switch (name) {
    case 'login':
    case 'register':
    case 'home':
    case 'workbench':
    case 'password':
      return { name };
    case 'summary': {
      const conversationIds = (rest ?? '').split(',').filter(Boolean).map(decodeURIComponent);
      return conversationIds.length > 0 ? { name: 'summary', conversationIds } : null;
    }
    case 'certificate':
      return rest ? { name: 'certificate', unitId: decodeURIComponent(rest) } : null;
    case 'staff':
      return { name: 'staff', path: hash.replace(/^#\/?staff\/?/, '') };
    default:
      return null;
  }
}

/** Screens someone who is not logged in may see. */
export function isPublic(screen: Screen): boolean {
  return screen.name === 'login' || screen.name === 'register';
}

/** The login page for someone who asked for `asked`: once logged in they get it, if they may (App's
 * landing). `ended`: the session ended while they used the app, and the page says so. */
export function loginFor(asked: Screen | null, ended = false): Screen {
  const next = asked && asked.name !== 'loading' && !isPublic(asked) ? asked : null;
  return { name: 'login', ...(next && { next }), ...(ended && { ended }) };
}
