// Starts the server: options from the environment, first-start admin, listen, graceful shutdown.
import { buildApp } from './app.ts';
import { ensureFirstAdmin } from './auth/first-admin.ts';
import { optionsFromEnv } from './config.ts';

// `npm start` runs in server/; INIT_CWD is where the user typed it (the repository root), so relative
// paths (data/, scenarios/, client/dist) mean the same as in the README.
const cwd = process.env.INIT_CWD ?? process.cwd();
const options = optionsFromEnv(process.env, cwd);
const app = await buildApp(options);

const admin = await ensureFirstAdmin(app);
const address = await app.listen({ port: options.port, host: options.host });
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

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
