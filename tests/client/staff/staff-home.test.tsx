// The staff home with no class yet says what to do next: an instructor creates one here; a trainer waits to be
// added (they cannot create or join one themselves), so their page is not a dead end without a word.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StaffHome } from '../../../client/src/staff/StaffHome.tsx';
import '../../../client/src/staff/i18n/index.ts';
import { setup } from '../harness.tsx';
import { fakeHttp } from './fake-http.ts';

async function homeOf(role: 'instructor' | 'trainer') {
  const http = fakeHttp({ 'GET /api/classes': () => ({ classes: [] }) });
  const h = await setup({ http });
  h.stores.session
    .getState()
    .setUser({ id: 'u1', username: 'staff1', displayName: '王老师', role, mustChangePassword: false });
  h.render(<StaffHome />);
  return screen.findByText(/还没有班级。/);
}

describe('StaffHome with no class', () => {
  it('tells an instructor to create a class below and bring the students in', async () => {
    const empty = await homeOf('instructor');
    expect(empty.textContent).toBe('还没有班级。在下面新建一个班级，再导入学员名单或把邀请码发给学员。');
    expect(screen.getByRole('button', { name: '创建' })).toBeTruthy();
  });

  it('tells a trainer their class appears once they are added to it', async () => {
    const empty = await homeOf('trainer');
    expect(empty.textContent).toBe('还没有班级。讲师或管理员把你加入班级后，班级会出现在这里。');
    expect(screen.queryByRole('button', { name: '创建' })).toBeNull();
  });
});
