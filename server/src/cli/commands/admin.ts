// `kefu admin create <user>` and `kefu admin reset-password <user>`: recover the server from its own machine
// when no admin can log in (the one-time password was lost, the only admin forgot theirs). Whoever can run
// this can read the database file anyway, so being on the machine is the credential.
import { CreateUserBodySchema } from '@kefu/shared';
import { GuessThrottle } from '../../auth/guess-throttle.ts';
import { generatePassword, passwordHasher } from '../../auth/password.ts';
import { optionsFromEnv } from '../../config.ts';
import { openDatabase } from '../../db/connection.ts';
import { sessionsRepository } from '../../db/repositories/sessions.ts';
import { usersRepository } from '../../db/repositories/users.ts';

export const HELP = `用法：在服务器所在的机器上，于仓库根目录运行
  npx kefu admin create <用户名> [--name 姓名]   新建一个管理员账号
  npx kefu admin reset-password <用户名>          给已有账号（任何角色）设一个新的一次性密码

两者都打印一次性密码（只显示这一次），登录后必须修改。重置密码还会让这个账号在所有设备上退出登录。
数据库与服务器相同：环境变量 DATA_DIR（默认 data/）。服务器可以正在运行。
因输错密码被锁定的账号，在 15 分钟后或服务器重启后解锁。`;

function printPassword(title: string, username: string, password: string): void {
  console.log(
    [
      title,
      `  用户名：${username}`,
      `  一次性密码：${password}`,
      '（只显示这一次；登录后必须修改密码）',
    ].join('\n'),
  );
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args.length === 0) {
    console.log(HELP);
    return args.length === 0 ? 2 : 0;
  }
  const [action, username, ...rest] = args;
  let displayName = '管理员';
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--name' && rest[i + 1] !== undefined) displayName = rest[++i]!;
    else {
      console.error(`kefu admin：不认识的参数 ${rest[i]}\n\n${HELP}`);
      return 2;
    }
  }
  if ((action !== 'create' && action !== 'reset-password') || username === undefined) {
    console.error(`kefu admin：请写明要做什么和哪个用户名\n\n${HELP}`);
    return 2;
  }
  const checked = CreateUserBodySchema.safeParse({ username, displayName, role: 'admin' });
  if (!checked.success) {
    console.error(`kefu admin：${checked.error.issues.map((i) => i.message).join('；')}`);
    return 1;
  }

  // The server's own database: SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL.
  const { dataDir, databaseUrl } = optionsFromEnv(process.env);
  const connection = await openDatabase({ dataDir, databaseUrl });
  try {
    const users = usersRepository(connection.db);
    const existing = await users.findByUsername(checked.data.username);
    const password = generatePassword();
    if (action === 'create') {
      if (existing) {
        console.error(
          `kefu admin：用户名“${username}”已被使用；要恢复这个账号，请用 npx kefu admin reset-password ${username}`,
        );
        return 1;
      }
      await users.create(
        {
          username: checked.data.username,
          displayName: checked.data.displayName,
          role: 'admin',
          passwordHash: await passwordHasher().hash(password),
          mustChangePassword: true,
        },
        Date.now(),
      );
      printPassword('已创建管理员账号', checked.data.username, password);
      return 0;
    }
    if (!existing) {
      console.error(
        `kefu admin：没有用户“${username}”；要新建管理员，请用 npx kefu admin create ${username}`,
      );
      return 1;
    }
    await users.setPassword(existing.id, await passwordHasher().hash(password), true);
    await sessionsRepository(connection.db).deleteForUser(existing.id);
    // The running server's login lock on the account lifts too (the windows are in the database).
    const guesses = new GuessThrottle(connection.db);
    await guesses.clearAccount(`login:${existing.username}`);
    await guesses.clearAccount(`password:${existing.id}`);
    printPassword('已重置密码', existing.username, password);
    return 0;
  } finally {
    await connection.close();
  }
}
