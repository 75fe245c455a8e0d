// Staff pages live under `#/staff/<path>`; a path is `page/arg/arg` with each arg URI-encoded.
import { useCallback } from 'react';
import { useStores } from '../stores/index.ts';

export type StaffRoute =
  | { page: 'home' }
  | { page: 'class'; classId: string }
  | { page: 'student'; classId: string; studentId: string }
  | { page: 'leaderboard'; classId: string }
  | { page: 'conversation'; conversationId: string }
  | { page: 'drills'; classId: string }
  | { page: 'monitor'; drillId: string }
  | { page: 'results'; drillId: string }
  | { page: 'studio' }
  | { page: 'rubric'; classId: string }
  | { page: 'import'; classId: string }
  | { page: 'admin' }
  | { page: 'appeals' };

export function pathOf(route: StaffRoute): string {
  const enc = encodeURIComponent;
  switch (route.page) {
    case 'home':
      return '';
    case 'class':
      return `class/${enc(route.classId)}`;
    case 'student':
      return `student/${enc(route.classId)}/${enc(route.studentId)}`;
    case 'leaderboard':
      return `leaderboard/${enc(route.classId)}`;
    case 'conversation':
      return `conversation/${enc(route.conversationId)}`;
    case 'drills':
      return `drills/${enc(route.classId)}`;
    case 'monitor':
      return `monitor/${enc(route.drillId)}`;
    case 'results':
      return `results/${enc(route.drillId)}`;
    case 'studio':
      return 'studio';
    case 'rubric':
      return `rubric/${enc(route.classId)}`;
    case 'import':
      return `import/${enc(route.classId)}`;
    case 'admin':
      return 'admin';
    case 'appeals':
      return 'appeals';
  }
}

export function routeOf(path: string): StaffRoute {
  const [page, ...rest] = path.split('/');
  const args = rest.map((a) => decodeURIComponent(a));
  const [a, b] = args;
  switch (page) {
    case 'class':
      return a ? { page, classId: a } : { page: 'home' };
    case 'student':
      return a && b ? { page, classId: a, studentId: b } : { page: 'home' };
    case 'leaderboard':
      return a ? { page, classId: a } : { page: 'home' };
    case 'conversation':
      return a ? { page, conversationId: a } : { page: 'home' };
    case 'drills':
      return a ? { page, classId: a } : { page: 'home' };
    case 'monitor':
    case 'results':
      return a ? { page, drillId: a } : { page: 'home' };
    case 'studio':
      return { page };
    case 'rubric':
      return a ? { page, classId: a } : { page: 'home' };
    case 'import':
      return a ? { page, classId: a } : { page: 'home' };
    case 'admin':
    case 'appeals':
      return { page };
    default:
      return { page: 'home' };
  }
}

export function useGo(): (route: StaffRoute) => void {
  const stores = useStores();
  return useCallback(
    (route: StaffRoute) => stores.session.getState().go({ name: 'staff', path: pathOf(route) }),
    [stores],
  );
}
