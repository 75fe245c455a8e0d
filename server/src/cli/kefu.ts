// The `kefu` command line: dispatches a subcommand to commands/<name>.ts, loaded lazily so
// `kefu list` does not pay for the simulator.
import { closestName } from '@kefu/shared/scenario';

type Command = { run(args: string[]): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: { summary: '检查场景文件，逐条报告错误（文件:行:列）', load: () => import('./commands/check.ts') },
  list: { summary: '列出买家场景及其练到的评分规则', load: () => import('./commands/list.ts') },
  prove: {
    summary: '重放每个场景的标准答案和反例，核对分数与违规',
    load: () => import('./commands/prove.ts'),
  },
  play: {
    summary: '用客服脚本在虚拟时钟上跑一个场景，打印对话和评分',
    load: () => import('./commands/play.ts'),
  },
  'judge-eval': {
    summary: '用评判语料检验评判，按标注和规则打印一致率',
    load: () => import('./commands/judge-eval.ts'),
  },
  admin: {
    summary: '在服务器机器上新建管理员，或重置某个账号的密码',
    load: () => import('./commands/admin.ts'),
  },
};

const HELP = `kefu — 客服实训的命令行工具

用法：npx kefu <命令> [参数…]

命令：
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

每个命令都有 --help，例如 npx kefu check --help`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    const hint = closestName(name, Object.keys(COMMANDS));
    console.error(`kefu：未知的命令 "${name}"${hint ? `，是不是 "${hint}"？` : ''}\n\n${HELP}`);
    return 2;
  }
  return (await command.load()).run(args);
}

process.exitCode = await main(process.argv.slice(2));
