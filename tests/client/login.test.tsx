// The login page: a wrong password or a locked account comes back from /api/auth/attempt as an answer (200,
// `refused`), so the browser logs no error; the form says what to do, and nothing else happens. Opening the
// app with no one logged in asks /api/auth/session, which answers `user: null` (no 401 either).
import type { UserView } from '@kefu/shared/protocol';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../client/src/app/App.tsx';
import { setup, T0 } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const student: UserView = {
  id: 'u1',
  username: '2401001',
  displayName: '李明',
  role: 'student',
  mustChangePassword: false,
};

afterEach(() => {
  window.location.hash = '';
});

async function loginWith(answer: () => unknown, language: 'zh-CN' | 'en' = 'zh-CN') {
  const http = fakeHttp({
    'GET /api/auth/session': () => ({ user: null, serverTime: T0 }),
    'POST /api/auth/attempt': answer,
  });
  const h = await setup({ http, language });
  h.render(<App />);
  const [username, password] = language === 'en' ? ['Username', 'Password'] : ['用户名', '密码'];
  await h.user.type(await screen.findByLabelText(username), '2401001');
  await h.user.type(screen.getByLabelText(password), 'not-my-password');
  await h.user.click(screen.getByRole('button', { name: language === 'en' ? 'Log in' : '登录' }));
  return { ...h, http };
}

describe('logging in', () => {
  it('a wrong password is said in the form, and the page stays the login page', async () => {
    const { stores, http } = await loginWith(() => ({
      refused: { code: 'wrong-credentials', message: '用户名或密码不对，请检查后重试' },
    }));
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码不对，请检查后重试');
    expect(stores.session.getState().user).toBeNull();
    expect(stores.session.getState().screen.name).toBe('login');
    // Only the two expected calls: who is logged in (nobody), then the attempt.
    expect(http.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/auth/session',
      'POST /api/auth/attempt',
    ]);
    expect(http.calls[1]!.body).toEqual({ username: '2401001', password: 'not-my-password' });
  });

  it('a locked account says when to try again, in the UI language', async () => {
    await loginWith(
      () => ({ refused: { code: 'login-locked', message: '…', params: { minutes: 15 } } }),
      'en',
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Too many login attempts.*Try again in 15 minutes/,
    );
  });

  it('the right password logs in and leaves the login page', async () => {
    const { stores } = await loginWith(() => ({ user: student }));
    await screen.findByRole('heading', { name: /李明/ });
    expect(stores.session.getState().user).toEqual(student);
  });
});
