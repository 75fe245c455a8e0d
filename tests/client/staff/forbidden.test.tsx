// A student who reaches a staff page (an old link, a typed URL) is shown the way back to their own home.
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import StaffApp from '../../../client/src/staff/StaffApp.tsx';
import { setup } from '../harness.tsx';

describe('staff pages opened by a student', () => {
  it('say so and lead back to the student home', async () => {
    const h = await setup();
    h.stores.session.getState().setUser({
      id: 'u1',
      username: 'stu',
      displayName: '小王',
      role: 'student',
      mustChangePassword: false,
    });
    h.stores.session.getState().go({ name: 'staff', path: 'class/c1' });
    await act(async () => {
      h.render(<StaffApp path="class/c1" onLogout={() => undefined} />);
    });
    expect(screen.getByRole('alert').textContent).toContain('只对讲师');
    await h.user.click(screen.getByRole('button', { name: '学员首页' }));
    expect(h.stores.session.getState().screen).toEqual({ name: 'home' });
  });
});
