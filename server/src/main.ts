// Starts the server: options from the environment, listen, first-start admin, graceful shutdown. A start
// that cannot succeed for a reason the operator can fix (port taken, bad setting) says so in one Chinese
// line and exits with 1.
import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './auth/first-admin.ts';
import { ConfigError, optionsFromEnv, type ServerOptions } from './config.ts';

function failedStart(err: unknown, options?: ServerOptions): never {
  const code = (err as NodeJS.ErrnoException).code;
  const port = options?.port ?? 3000;
  let line: unknown = err;
  if (err instanceof ConfigError) line = err.message;
  else if (code === 'EADDRINUSE')
    line = `端口 ${port} 已被占用：请先停止占用它的程序（可能是另一个客服实训），或换一个端口，例如 PORT=${port < 65535 ? port + 1 : 3000} npm start`;
  else if (code === 'EACCES')
    line = `没有权限使用端口 ${port}：请换用 1024 以上的端口，例如 PORT=3000 npm start`;
  else if (code === 'EADDRNOTAVAIL')
    line = `本机没有地址 ${options?.host}：请检查 HOST（不设则监听所有地址，HOST=127.0.0.1 只允许本机访问）`;
  console.error(line);
  process.exit(1);
}

let options: ServerOptions;
try {
  options = optionsFromEnv(process.env);
} catch (err) {
  failedStart(err);
}
const app = await buildApp(options);
const address = await app.listen({ port: options.port, host: options.host }).catch(async (err: unknown) => {
  await app.close();
  return failedStart(err, options);
});
// After listening: a start that fails must not create the admin without ever printing its password.
const admin = await ensureFirstAdmin(app);
const url =
  options.publicOrigin ?? address.replace('://0.0.0.0', '://localhost').replace('://[::]', '://localhost');
if (admin) {
  // Printed once, straight to the terminal (not the log): the hash is all the database keeps.
  process.stdout.write(
    [
      '',
      '══════════════════════════════════════════════════════════',
      ' 首次启动：已创建管理员账号（登录后必须修改密码）',
      ` 网址：  ${url}`,
      ` 用户名：${admin.username}`,
      ` 一次性密码：${admin.password}`,
      '══════════════════════════════════════════════════════════',
      '',
    ].join('\n'),
  );
}
process.stdout.write(`客服实训已启动：${url}\n`);

// Graceful drain: /readyz turns 503 (after DRAIN_DELAY_SECONDS the proxy has stopped sending new clients),
// then sockets close (browsers reconnect to another process, which takes their conversations over), queued
// steps finish and the leases are let go, not left to expire.
let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    app.draining = true;
    const delay = signal === 'SIGTERM' ? options.drainDelayMs : 0;
    new Promise((resolve) => setTimeout(resolve, delay))
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
  });
}
