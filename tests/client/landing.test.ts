// Where someone lands after login or on opening a link: staff on their staff pages, students never on a
// staff page (which would be a dead end for them).
import type { Role, UserView } from '@kefu/shared/protocol';
import { describe, expect, it } from 'vitest';
import { landing } from '../../client/src/app/App.tsx';

const user = (role: Role): UserView => ({
  id: `${role}-1`,
  username: role,
  displayName: role,
  role,
  mustChangePassword: false,
});

describe('landing', () => {
  it('sends instructors and trainers to their staff home after login', () => {
    expect(landing(user('instructor'), null)).toEqual({ name: 'staff', path: '' });
    expect(landing(user('trainer'), { name: 'login' })).toEqual({ name: 'staff', path: '' });
    expect(landing(user('student'), null)).toEqual({ name: 'home' });
  });

  it('sends an admin to 账号与班级 after login', () => {
    expect(landing(user('admin'), null)).toEqual({ name: 'staff', path: 'admin' });
    expect(landing(user('admin'), { name: 'login' })).toEqual({ name: 'staff', path: 'admin' });
    expect(landing(user('admin'), { name: 'home' })).toEqual({ name: 'home' });
  });

  it('keeps a staff member on the page they asked for, student home included', () => {
    expect(landing(user('instructor'), { name: 'home' })).toEqual({ name: 'home' });
    expect(landing(user('trainer'), { name: 'staff', path: 'class/c1' })).toEqual({
      name: 'staff',
      path: 'class/c1',
    });
  });

  it('sends a student who opens a staff link to their own home', () => {
    expect(landing(user('student'), { name: 'staff', path: 'class/c1' })).toEqual({ name: 'home' });
    expect(landing(user('student'), { name: 'staff', path: '' })).toEqual({ name: 'home' });
  });

  it('lets anyone logged in open 修改密码, and sends a one-time password there first', () => {
    expect(landing(user('student'), { name: 'password' })).toEqual({ name: 'password' });
    expect(landing(user('trainer'), { name: 'password' })).toEqual({ name: 'password' });
    expect(landing({ ...user('student'), mustChangePassword: true }, { name: 'home' })).toEqual({
      name: 'password',
    });
    expect(landing(null, { name: 'password' })).toEqual({ name: 'login' });
  });
});
