// A session that ends while the app is open (the student logged out in another tab, or the login expired)
// and a link opened while logged out: the login page says what happened, and logging in leads back to the
// page they were on or asked for, not to the home page.
import type { UserView } from '@kefu/shared/protocol';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SocketGateway, SocketGatewayOptions } from '../../client/src/api/socket.ts';
import { App } from '../../client/src/app/App.tsx';
import { createLiveGateway } from '../../client/src/app/live.ts';
import { loginFor } from '../../client/src/app/route.ts';
import { setup, T0 } from './harness.tsx';
import { fakeHttp } from './staff/fake-http.ts';

const student: UserView = {
  id: 'u1',
  username: '2401001',
  displayName: '李明',
  role: 'student',
  mustChangePassword: false,
};

/** A socket session that does nothing but hand its options to the test. */
function capturingSession(captured: { options?: SocketGatewayOptions }) {
  return async () => (_stores: unknown, options: SocketGatewayOptions) => {
    captured.options = options;
    const idle: SocketGateway = {
      start() {},
      stop() {},
      send: () => null,
      retry() {},
      sync() {},
      updateOrder: async () => ({ ok: true }),
    };
    return idle;
  };
}

afterEach(() => {
  window.location.hash = '';
});

describe('the session ends while the app is open', () => {
  it('the login page says so, and logging in again returns to the page it ended on', async () => {
    window.location.hash = '#/password';
    const http = fakeHttp({
      'GET /api/auth/session': () => ({ user: student, serverTime: T0 }),
      'POST /api/auth/attempt': () => ({ user: student }),
    });
    const { stores, user, render } = await setup({ http });
    const captured: { options?: SocketGatewayOptions } = {};
    const live = createLiveGateway(stores, {
      api: http,
      onBuyerMessage: () => {},
      loadSession: capturingSession(captured),
    });
    render(<App />);
    await screen.findByRole('heading', { name: '修改密码' });
    await vi.waitFor(() => expect(captured.options).toBeDefined());

    // The server refuses the socket as unauthenticated (the student logged out in another tab).
    act(() => captured.options!.onUnauthenticated!());
    expect(stores.session.getState().screen).toEqual({
      name: 'login',
      ended: true,
      next: { name: 'password' },
    });
    expect((await screen.findByRole('status')).textContent).toContain(
      '你已退出登录（在别的窗口退出了，或登录已过期）',
    );

    await user.type(screen.getByLabelText('用户名'), '2401001');
    await user.type(screen.getByLabelText('密码'), 'Student-pass-2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('heading', { name: '修改密码' });
    expect(stores.session.getState().screen).toEqual({ name: 'password' });
    live.dispose();
  });
});

describe('a link opened while logged out', () => {
  it('opens after the login (the login page says nothing ended)', () => {
    expect(loginFor({ name: 'summary', conversationIds: ['c1'] })).toEqual({
      name: 'login',
      next: { name: 'summary', conversationIds: ['c1'] },
    });
    expect(loginFor({ name: 'register' })).toEqual({ name: 'login' });
    expect(loginFor(null)).toEqual({ name: 'login' });
  });

  it('goes to the page asked for once logged in, as landing allows it', async () => {
    window.location.hash = '#/password';
    const http = fakeHttp({
      'GET /api/auth/session': () => ({ user: null, serverTime: T0 }),
      'POST /api/auth/attempt': () => ({ user: student }),
    });
    const { stores, user, render } = await setup({ http });
    render(<App />);
    await screen.findByRole('button', { name: '登录' });
    expect(screen.queryByRole('status')).toBeNull();
    await user.type(screen.getByLabelText('用户名'), '2401001');
    await user.type(screen.getByLabelText('密码'), 'Student-pass-2026');
    await user.click(screen.getByRole('button', { name: '登录' }));
    await screen.findByRole('heading', { name: '修改密码' });
    expect(stores.session.getState().screen).toEqual({ name: 'password' });
  });
});
