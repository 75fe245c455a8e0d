// `kefu play <scenario-id-or-file> <agent-script.yaml> [--json] [--seed N]`: runs a scenario on the virtual
// clock against an agent script and prints the transcript and the report. `--json` prints exactly
// one JSON object on stdout — a contract other tools rely on.
import { existsSync } from 'node:fs';
import { type ConversationEvent, type Library, playScript, type Report, skuText } from '@kefu/shared';
import { formatError, loadLibrary, overlayFiles, parseAgentScript } from '@kefu/shared/scenario';
import { readAssets, readLibrary, readYamlFiles, takeRoot } from '../read-library.ts';

export const HELP = `用法：npx kefu play <场景 id 或文件> <客服脚本.yaml> [--json] [--seed N] [--root 目录]

在虚拟时钟上用客服脚本接待一个买家场景，打印对话和评分报告。
  --json        在 stdout 只输出一个 JSON 对象：{ "transcript": [...], "report": { "score", "metrics", "violations" } }
  --seed N      随机种子（选哪句变体台词、打字多久），默认 1
  --root 目录   场景库所在目录（默认 scenarios）`;

export interface TranscriptEntry {
  /** Seconds from the conversation's start. */
  atSeconds: number;
  from: 'buyer' | 'agent' | 'system';
  type: ConversationEvent['type'];
  text: string;
}

const round1 = (ms: number) => Math.round(ms / 100) / 10;

/** What a person reads of the log: messages, orders and the end; judgements and typing stay out. */
export function transcriptOf(
  events: readonly ConversationEvent[],
  library?: Pick<Library, 'products'>,
): TranscriptEntry[] {
  const start = events[0]?.at ?? 0;
  const out: TranscriptEntry[] = [];
  const name = (id: string) => library?.products.get(id)?.name ?? id;
  for (const e of events) {
    const atSeconds = round1(e.at - start);
    if (e.type === 'buyer-message')
      out.push({
        atSeconds,
        from: 'buyer',
        type: e.type,
        text: e.image ? `${e.text} [图片 ${e.image}]` : e.text,
      });
    else if (e.type === 'agent-message')
      out.push({
        atSeconds,
        from: 'agent',
        type: e.type,
        text: e.image ? `${e.text} [图片 ${e.image}]` : e.text,
      });
    else if (e.type === 'order-placed') {
      const details = [skuText(e.sku), `¥${e.amount}`, e.discount ? `已用券 ¥${e.discount}` : ''].filter(
        Boolean,
      );
      out.push({
        atSeconds,
        from: 'system',
        type: e.type,
        text: `买家拍下订单${e.orderNo ? ` ${e.orderNo}` : ''}（${details.join('，')}）`,
      });
    } else if (e.type === 'order-updated') {
      const changes = [
        e.address !== undefined ? `地址改为「${e.address}」` : '',
        e.option !== undefined ? `款式改为 ${skuText(e.sku) || e.option}` : '',
        e.note !== undefined ? `备注「${e.note}」` : '',
      ].filter(Boolean);
      out.push({ atSeconds, from: 'system', type: e.type, text: `客服修改了订单：${changes.join('，')}` });
    } else if (e.type === 'order-repriced')
      out.push({
        atSeconds,
        from: 'system',
        type: e.type,
        text: `订单改价：优惠 ¥${e.discount}，现价 ¥${e.amount}`,
      });
    else if (e.type === 'order-item-added')
      out.push({
        atSeconds,
        from: 'system',
        type: e.type,
        text: `买家把推荐的${name(e.product)}加进了订单（+¥${e.amount}）`,
      });
    else if (e.type === 'order-paid')
      out.push({ atSeconds, from: 'system', type: e.type, text: '买家已付款' });
    else if (e.type === 'buyer-left')
      out.push({ atSeconds, from: 'system', type: e.type, text: '买家离开了' });
    else if (e.type === 'ended')
      out.push({ atSeconds, from: 'system', type: e.type, text: `对话结束（${e.reason}）` });
  }
  return out;
}

/** The contract JSON of `play --json`. */
export function playJson(transcript: TranscriptEntry[], report: Report) {
  return {
    transcript,
    report: {
      score: report.score,
      metrics: report.metrics,
      dimensions: report.dimensions,
      violations: report.violations.map(({ rule, atSeconds, message, detail }) => ({
        rule,
        atSeconds,
        message,
        detail,
      })),
      scenarioId: report.scenarioId,
      scenarioVersion: report.scenarioVersion,
      rubricId: report.rubricId,
      seed: report.seed,
    },
  };
}

const SPEAKER = { buyer: '买家', agent: '客服', system: '系统' } as const;

function printText(transcript: TranscriptEntry[], report: Report): void {
  for (const t of transcript)
    console.log(`${t.atSeconds.toFixed(1).padStart(7)}s  ${SPEAKER[t.from]}：${t.text}`);
  const m = report.metrics;
  console.log(`\n得分：${report.score}`);
  console.log(
    `首次响应 ${m.firstResponseSeconds ?? '—'} 秒 · 平均响应 ${m.averageResponseSeconds ?? '—'} 秒 · 结果 ${m.outcome}`,
  );
  const rate = m.within3MinRate === null ? '—' : `${Math.round(m.within3MinRate * 100)}%`;
  console.log(
    `三分钟回复率 ${rate} · 询单${m.inquired ? (m.converted ? '已转化' : '未转化') : '（下单后咨询，不计转化）'} · 成交 ¥${m.paidAmount}（关联推荐 ¥${m.crossSellAmount}，让利 ¥${m.discountAmount}）`,
  );
  if (report.violations.length === 0) console.log('没有违规。');
  for (const v of report.violations) console.log(`  ✗ ${v.atSeconds.toFixed(1)}s ${v.rule}：${v.message}`);
}

function parseArgs(args: string[]) {
  const { root, rest } = takeRoot(args);
  const positional: string[] = [];
  let json = false;
  let seed = 1;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg === '--seed' ? rest[++i] : arg.slice('--seed='.length);
      seed = Number(value);
      if (!Number.isInteger(seed) || seed < 0)
        throw new Error(`--seed 需要一个非负整数，收到 "${value ?? ''}"`);
    } else if (arg.startsWith('-')) throw new Error(`未知的选项 ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new Error('需要两个参数：场景 id（或场景文件）和客服脚本文件');
  return { root, json, seed, scenario: positional[0]!, script: positional[1]! };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
  } catch (err) {
    console.error(`kefu play：${(err as Error).message}\n\n${HELP}`);
    return 2;
  }
  const base = readLibrary(options.root);
  const scenarioIsFile = /\.ya?ml$/i.test(options.scenario) && existsSync(options.scenario);
  const given = scenarioIsFile ? readYamlFiles(options.scenario) : [];
  const { library, errors } = loadLibrary(scenarioIsFile ? overlayFiles(base, given) : base, {
    assets: readAssets(options.root),
  });

  const scenarioId = scenarioIsFile
    ? [...library.files].find(([, path]) => path === given[0]?.path)?.[0]
    : options.scenario;
  if (scenarioId === undefined || !library.buyers.has(scenarioId)) {
    const own = errors.filter((e) => given.some((f) => f.path === e.file) || e.file === options.scenario);
    for (const e of own) console.error(formatError(e));
    if (own.length === 0)
      console.error(`kefu play：找不到买家场景 "${options.scenario}"（npx kefu list 列出全部）`);
    return 1;
  }
  if (!existsSync(options.script)) {
    console.error(`${options.script}:1:1 找不到这个客服脚本文件`);
    return 1;
  }
  const [scriptFile] = readYamlFiles(options.script);
  const { script, errors: scriptErrors } = parseAgentScript(scriptFile!, library);
  if (scriptErrors.length > 0) {
    for (const e of scriptErrors) console.error(formatError(e));
    return 1;
  }
  const { events, report, problems } = playScript(library, scenarioId, script, { seed: options.seed });
  if (problems.length > 0) {
    // A step that could not be carried out makes the run meaningless: say which, print no report.
    for (const problem of problems) console.error(`${options.script}: ${problem}`);
    return 1;
  }
  const transcript = transcriptOf(events, library);
  if (options.json) console.log(JSON.stringify(playJson(transcript, report)));
  else printText(transcript, report);
  return 0;
}
