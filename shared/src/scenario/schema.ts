// The scenario language, written once: every file under scenarios/ is validated by these zod schemas,
// and the draft-07 JSON Schemas that editors use are generated from them (see generateJsonSchemas).

import { z } from 'zod';
import { restockRange } from '../text/restock.ts';
import { AVATAR_PATH, IMAGE_PATH } from './assets.ts';
import { UNIT_NAMES } from './units.ts';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, '只能用小写字母、数字和连字符，如 down-jacket')
  .describe('标识符：小写字母、数字和连字符');
const text = z.string().min(1, '不能为空');

/** An image of the library: a file name under scenarios/images/ (served to the workbench). */
export { AVATAR_PATH, IMAGE_PATH };

const asset = z
  .string()
  .regex(
    IMAGE_PATH,
    '图片只能是场景库 images/ 文件夹里的图片（png、jpg、webp 或 gif），例如 images/size-chart.png',
  )
  .describe('scenarios/images/ 下的图片文件名');
const seconds = z.number().nonnegative('秒数不能为负').describe('秒');
/** One or several variant lines; the shopper picks one by seed. */
const lines = z.union([text, z.array(text).min(1)]).describe('一句话，或多句变体（按随机种子挑一句）');

// ── Catalogue ────────────────────────────────────────────────────────────────────────────────────────

export const OptionSchema = z
  .object({
    value: text.describe('选项名，如 红色、XL'),
    aliases: z.array(text).default([]).describe('别名，如 红 / 酒红'),
    inStock: z.boolean().default(true).describe('是否有货'),
    note: z.string().optional().describe('说明，如 适合身高165-175'),
    restock: z
      .string()
      .refine((r) => restockRange(r) !== undefined, {
        message: '补货时间要写成 约两周、10天内、下周、月底、下月中旬 或 暂不补货 这样的说法',
      })
      .optional()
      .describe('缺货选项什么时候补货，如 约两周、下月中旬、月底、暂不补货；客服说的补货时间拿它来比'),
  })
  .strict();

export const OptionsFactSchema = z
  .object({
    kind: z.literal('options').describe('可选项（颜色、尺码…），每项有无库存'),
    topic: id.describe('话题，须在 lexicon.yaml 的 topics 中'),
    options: z.array(OptionSchema).min(1),
  })
  .strict();

/** The words that name a condition in a reply or a question: a region, a size, a quantity, an accessory. */
const when = z.array(text).min(1).describe('条件的说法，如 新疆 / 西藏 / 偏远地区、配合充电仓、两件以上');

export const ValueFactSchema = z
  .object({
    kind: z.literal('value').describe('一个事实值，如 材质、保质期、发货时间'),
    topic: id,
    value: text.describe('事实值，如 90%白鸭绒'),
    aliases: z.array(text).default([]).describe('同样表达这个事实的说法'),
    wrong: z.array(text).default([]).describe('与事实矛盾的说法（客服说了就算答错），如 鹅绒'),
    except: z
      .array(
        z
          .object({
            when,
            value: text.describe('这种情况下的事实值'),
            aliases: z.array(text).default([]),
            wrong: z.array(text).default([]),
          })
          .strict(),
      )
      .default([])
      .describe('例外：在这些条件下事实值不同'),
  })
  .strict();

export const YesNoFactSchema = z
  .object({
    kind: z.literal('yesno').describe('是/否类事实，如 是否包邮、是否上门安装'),
    topic: id,
    value: z.boolean(),
    terms: z.array(text).min(1).describe('描述这个事实的词，如 包邮 / 免运费'),
    opposite: z
      .array(text)
      .default([])
      .describe(
        '说事实不成立的词，如 防漏 的 漏 / 漏水、送货上楼 的 送到楼下；“不闷”这样以 不/没 开头的词自动得到反义词“闷”',
      ),
    costs: z
      .array(text)
      .default([])
      .describe(
        '这个事实免掉的费用，如 包邮 的 运费 / 邮费：回复说这笔钱要顾客出（运费自理、运费要15元）就是说事实不成立',
      ),
    except: z
      .array(z.object({ when, value: z.boolean().describe('这种情况下是或否') }).strict())
      .default([])
      .describe('例外：如 包邮（value: true），但新疆、西藏不包邮（when: [新疆, 西藏], value: false）'),
  })
  .strict();

/** A number or a range [min, max] in the fact's unit. */
const amount = z
  .union([
    z.number(),
    z
      .tuple([z.number(), z.number()])
      .refine(([min, max]) => min <= max, { message: '范围应写成 [最小, 最大]' }),
  ])
  .describe('数值，或范围 [最小, 最大]，如 8 或 [2, 4]');

export const NumberFactSchema = z
  .object({
    kind: z.literal('number').describe('带单位的数值或范围，如 续航8小时、重1.2千克、2–4天送达、适合2–5人'),
    topic: id,
    value: amount,
    unit: z.enum(UNIT_NAMES).describe('单位：回复里写别的同类单位也能比较，如 千克 ↔ 克 ↔ 斤'),
    tolerance: z.number().nonnegative().default(0).describe('允许的误差（同单位），如 0.1'),
    terms: z
      .array(text)
      .default([])
      .describe('说明这个数量的是什么的词，如 续航 / 电池；回复里数字旁出现这些词时按本事实核对'),
    bound: z
      .enum(['exact', 'max', 'min'])
      .default('exact')
      .describe('exact 数值本身 · max 最多/以内（如 48小时内发货）· min 至少/以上'),
    except: z
      .array(z.object({ when, value: amount }).strict())
      .default([])
      .describe('不同条件下的数值：如 续航8小时，配合充电仓30小时（when: [充电仓], value: 30）'),
  })
  .strict();

export const FactSchema = z.discriminatedUnion('kind', [
  OptionsFactSchema,
  ValueFactSchema,
  YesNoFactSchema,
  NumberFactSchema,
]);

export const ProductSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name: text.describe('商品名'),
    aliases: z.array(text).default([]),
    category: id
      .optional()
      .describe('品类，须在 scenarios/categories/ 中：品类的事实（如 食品不支持七天无理由）商品自动继承'),
    price: z.number().positive().describe('售价（元）'),
    image: asset.optional().describe('商品主图（scenarios/images/ 下的文件名）'),
    facts: z
      .record(id, FactSchema)
      .describe('商品知识：键 → 事实；买家问题用 商品id.键 或 商品id.键.选项 引用'),
  })
  .strict();

/** Facts every product of a category shares (shop policies by category); a product's own fact of the same key wins. */
export const CategorySchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name: text.describe('品类名，如 食品、服装'),
    facts: z.record(id, FactSchema).describe('这个品类的商品共有的事实（售后政策、发货规则…）'),
  })
  .strict();

// ── Quick phrases ────────────────────────────────────────────────────────────────────────────────────

export const PhraseSchema = z
  .object({
    id,
    code: z
      .string()
      .regex(/^[a-z0-9]{1,12}$/, '快捷编码只能用小写字母和数字，1–12 位')
      .describe('快捷编码：在输入框键入 / 加编码补全'),
    title: z.string().optional().describe('短标题，显示在话术面板'),
    text: text.describe('话术全文；可用变量 {买家}、{商品}、{订单号}，插入时自动填好'),
    topics: z.array(id).default([]).describe('这句话术回答的话题'),
    image: asset.optional().describe('随话术一起发送的图片（scenarios/images/ 下的文件名），如尺码表'),
  })
  .strict();

export const PhraseGroupSchema = z
  .object({ id, name: text.describe('分组名，如 问候、尺码'), phrases: z.array(PhraseSchema).min(1) })
  .strict();

export const PhraseLibrarySchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name: text,
    groups: z.array(PhraseGroupSchema).min(1),
  })
  .strict();

// ── Lexicon ──────────────────────────────────────────────────────────────────────────────────────────

/** Concept groups the engine itself relies on; a lexicon must define each of them. */
export const REQUIRED_CONCEPTS = [
  'greeting',
  'hold',
  'thanks',
  'order-prompt',
  'payment-reminder',
  'returning-welcome',
  'follow-up',
  'in-stock',
] as const;

export const ConceptSchema = z
  .object({
    topic: id.optional().describe('这组词属于的话题（用于判断答非所问）'),
    terms: z.array(text).min(1).describe('词语和常见错别字，如 包邮 / 包油'),
  })
  .strict();

export const LexiconSchema = z
  .object({
    $schema: z.string().optional(),
    topics: z.array(id).min(1).describe('话题清单'),
    courtesyTopics: z.array(id).default([]).describe('礼貌类话题：只属于这些话题的回复不算答非所问'),
    actionTopics: z
      .array(id)
      .default([])
      .describe('销售动作的话题（下单、付款）：问题没答只催下单是回避问题，不算答非所问'),
    relatedTopics: z
      .array(z.array(id).min(2))
      .default([])
      .describe('相近的话题组（发货、配送、地址）：回复落在问题的同组话题里，没答到算回避，不算答非所问'),
    factTopics: z
      .array(id)
      .default([])
      .describe('只给商品事实归类的话题（规格）：问一个事实、答同类的另一个事实（问续航答防水）算答非所问'),
    feeTopics: z
      .array(id)
      .default([])
      .describe(
        '费用单独算的话题（发货）：有 costs 的是非事实（包邮）说的是顾客付不付钱，问包邮答发货快、问几天到答包邮算答非所问',
      ),
    concepts: z.record(id, ConceptSchema).describe('概念词组'),
    negation: z
      .object({
        before: z.array(text).min(1).describe('放在词前的否定词：没有 / 不 / 无 / 暂无'),
        after: z.array(text).min(1).describe('放在词后的否定说法：缺货 / 卖完 / 没货'),
        only: z.array(text).min(1).describe('“只有 X” 类说法：其余选项都视为没有'),
      })
      .strict(),
    particles: z.array(text).default([]).describe('语气词：比较相似度前去掉，如 呢 / 吗 / 哦'),
    objections: z
      .record(
        id,
        z
          .object({
            resolvedBy: z
              .array(id)
              .min(1)
              .describe('能化解这类异议的概念（优惠、保障、退换承诺、赠品、证据…）'),
            topics: z
              .array(id)
              .default([])
              .describe('说对这些话题的商品事实也算化解（如价格异议讲材质、质量异议讲成分）'),
          })
          .strict(),
      )
      .describe('异议类型（价格、质量、尺码、物流…）及化解它们的说法：培训老师认可的理由都写进来'),
  })
  .strict();

// ── Rubric ───────────────────────────────────────────────────────────────────────────────────────────

export const DIMENSIONS = [
  'responsiveness',
  'accuracy',
  'phraseUse',
  'salesActions',
  'courtesy',
  'outcome',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const RULE_IDS = [
  'slow-first-response',
  'slow-response',
  'unanswered',
  'buyer-left',
  'buyer-gave-up',
  'phrase-irrelevant',
  'phrase-rigid',
  'phrase-repeated',
  'no-follow-up',
  'no-order-prompt',
  'no-payment-reminder',
  'returning-not-acknowledged',
  'question-evaded',
  'wrong-fact',
  'objection-unaddressed',
  'order-not-updated',
  'discount-exceeded',
  'missed-cross-sell',
  'off-platform-contact',
  'banned-claim',
  'rude-language',
] as const;
export type RuleId = (typeof RULE_IDS)[number];
export const RuleIdSchema = z.enum(RULE_IDS);

export const ThresholdsSchema = z
  .object({
    firstResponseSeconds: seconds.default(3).describe('首次响应基准（秒）'),
    responseSeconds: seconds.default(30).describe('平均/单次响应基准（秒）'),
    rigidPhraseChars: z.number().int().positive().default(40).describe('简单问题下话术超过这个字数算死用'),
    nearDuplicateDice: z.number().min(0).max(1).default(0.85).describe('近似重复的相似度阈值'),
    followUpSeconds: seconds.default(60).describe('买家沉默后的跟进窗口（场景未设时）'),
    paymentReminderSeconds: seconds.default(120).describe('下单未付后的催付窗口'),
    patienceSeconds: seconds.default(90).describe('买家耐心（场景未设时）'),
    maxDiscountPercent: z
      .number()
      .min(0)
      .max(100)
      .default(10)
      .describe('场景未设 concession 时，改价/优惠券最多让利商品售价的百分之几'),
  })
  .strict();

export const RubricSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name: text,
    version: z.number().int().positive().default(1),
    thresholds: ThresholdsSchema.prefault({}),
    weights: z
      .object(
        Object.fromEntries(DIMENSIONS.map((d) => [d, z.number().nonnegative()])) as Record<
          Dimension,
          z.ZodNumber
        >,
      )
      .strict()
      .describe('各维度权重（自动归一化到 100 分）'),
    penalties: z
      .partialRecord(RuleIdSchema, z.number().min(0).max(1))
      .default({})
      .describe('每次违规在其维度内扣除的比例（0–1）'),
  })
  .strict();

// ── Agent scripts (kefu play, model answers) ─────────────────────────────────────────────────────────

export const AGENT_ACTIONS = [
  'remindPayment',
  'inviteOrder',
  'sendProductCard',
  'updateOrder',
  'discount',
  'recommend',
] as const;
export type AgentAction = (typeof AGENT_ACTIONS)[number];

/** The longest address or seller note an order takes (characters). */
export const MAX_ORDER_TEXT = 200;
const orderText = text.max(MAX_ORDER_TEXT, `最多 ${MAX_ORDER_TEXT} 个字`);
/** Yuan with at most two decimals (fen). */
export const yuan = z
  .number()
  .positive('金额要大于 0')
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, '金额最多两位小数（精确到分）')
  .describe('元');

/** Which fields each action takes besides `action` itself. */
const ACTION_FIELDS = {
  updateOrder: ['address', 'option', 'note'],
  discount: ['amount'],
  recommend: ['product'],
} as const;
const ACTION_FIELD_NAMES = ['address', 'option', 'note', 'amount', 'product'] as const;

export const AgentStepSchema = z
  .object({
    wait: z.enum(['reply', 'none', 'order']).default('reply').describe('等什么：买家消息 / 不等 / 买家下单'),
    after: seconds.default(1).describe('等到之后再过多少秒发出'),
    say: text.optional().describe('手打文字'),
    phrase: z.string().optional().describe('快捷话术 id 或快捷编码'),
    action: z
      .enum(AGENT_ACTIONS)
      .optional()
      .describe(
        '动作：催付 / 邀请下单 / 发送商品卡片 / 修改订单（address、option、note）/ 改价或发优惠券（amount）/ 关联推荐（product）',
      ),
    address: orderText.optional().describe('updateOrder：新的收货地址'),
    option: text.optional().describe('updateOrder：改成的款式（颜色、尺码等商品选项）'),
    note: orderText.optional().describe('updateOrder：卖家备注'),
    amount: yuan.optional().describe('discount：让利金额（元）；有未付款订单时改价，否则发优惠券'),
    product: id.optional().describe('recommend：推荐的商品 id'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ([s.say, s.phrase, s.action].filter((v) => v !== undefined).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'say、phrase、action 必须恰好写一个' });
    }
    const allowed: readonly string[] =
      s.action !== undefined && s.action in ACTION_FIELDS
        ? ACTION_FIELDS[s.action as keyof typeof ACTION_FIELDS]
        : [];
    for (const field of ACTION_FIELD_NAMES) {
      if (s[field] !== undefined && !allowed.includes(field)) {
        const owner = Object.entries(ACTION_FIELDS).find(([, fields]) =>
          (fields as readonly string[]).includes(field),
        )?.[0];
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} 只能和 action: ${owner} 一起写` });
      }
    }
    if (
      s.action === 'updateOrder' &&
      s.address === undefined &&
      s.option === undefined &&
      s.note === undefined
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['action'],
        message: 'updateOrder 要写 address、option、note 中至少一个',
      });
    }
    if (s.action === 'discount' && s.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['action'], message: 'discount 要写 amount（让利多少元）' });
    }
    if (s.action === 'recommend' && s.product === undefined) {
      ctx.addIssue({ code: 'custom', path: ['action'], message: 'recommend 要写 product（推荐的商品 id）' });
    }
  });

export const AgentScriptSchema = z.array(AgentStepSchema);

// ── Buyer scenarios ──────────────────────────────────────────────────────────────────────────────────

/**
 * Pictures that answer a question as well as words would (the size chart for 我穿什么码): a reply sending one
 * of them (an image phrase) answers the line's `ask`. Only where the scenario says so: a picture claims
 * nothing the judge can read.
 */
const answeredBy = z
  .array(asset)
  .min(1)
  .describe('能回答这个问题的图片（scenarios/images/ 下的文件名），如尺码表：发了带这张图的话术就算答了 ask');

/** One buyer message inside a beat: a line, optionally bound to a catalogue fact or an objection. */
export const BuyerLineSchema = z
  .object({
    say: lines,
    ask: z.string().optional().describe('绑定的商品事实：商品id.键 或 商品id.键.选项（不要重复事实值）'),
    simple: z.boolean().optional().describe('简单问题：回以长篇话术算死用'),
    objection: id.optional().describe('异议类型，须在 lexicon.yaml 的 objections 中'),
    photo: asset.optional().describe('买家随这句话发的照片（scenarios/images/ 下的文件名），如破损的商品'),
    answeredBy: answeredBy.optional(),
    need: z
      .array(id)
      .min(1)
      .optional()
      .describe('这句话透露的需求：能满足它的商品 id（关联推荐的机会；推荐了其中一件，买家会加购）'),
  })
  .strict();

/** A change the buyer asks for on their latest order; the beat waits until the order shows it. */
export const OrderChangeSchema = z
  .object({
    address: orderText.optional().describe('新地址：订单地址须包含它（忽略空格和标点）'),
    option: text.optional().describe('改成的款式：商品的一个选项，如 米白色、L码'),
    note: z
      .union([orderText, z.array(orderText).min(1)])
      .optional()
      .describe('卖家备注须包含的内容（写多个表示任意一个都算）'),
  })
  .strict()
  .refine((c) => c.address !== undefined || c.option !== undefined || c.note !== undefined, {
    message: 'change 要写 address、option、note 中至少一个',
  });

export const AWAITS = ['reply', 'answers', 'invite', 'reminder', 'follow-up', 'change', 'none'] as const;
export type Await = (typeof AWAITS)[number];
export const BRANCHES = ['dodged', 'invited', 'reminded', 'acknowledged', 'timeout'] as const;
export type Branch = (typeof BRANCHES)[number];

export const BeatSchema = z
  .object({
    id,
    say: lines.optional().describe('买家说的话（变体）'),
    ask: z.string().optional(),
    simple: z.boolean().optional(),
    objection: id.optional(),
    photo: asset.optional(),
    answeredBy: answeredBy.optional(),
    need: z.array(id).min(1).optional(),
    messages: z.array(BuyerLineSchema).min(1).optional().describe('连发多条消息（一口气问好几个问题）'),
    after: seconds.optional().describe('买家开始打字前的停顿（默认按种子取 1.5–4 秒）'),
    await: z
      .enum(AWAITS)
      .optional()
      .describe(
        '买家等什么：reply 任意回复 · answers 问题都答到 · invite 邀请下单 · reminder 催付 · follow-up 沉默等跟进 · change 订单改好 · none 不等',
      ),
    within: seconds.optional().describe('最多等多少秒（默认：耐心；follow-up 为跟进窗口）'),
    order: z
      .object({
        product: id.optional(),
        quantity: z.number().int().positive().default(1),
        option: z
          .union([text, z.array(text).min(1)])
          .optional()
          .describe('款式：商品的选项，如 黑色 或 [黑色, M码]；没写的按第一个有货的选项'),
      })
      .strict()
      .optional()
      .describe('买家拍下订单（未付款）'),
    change: OrderChangeSchema.optional().describe(
      '买家要求修改最近的订单：地址、款式、备注（默认等到订单改好）',
    ),
    pay: z.literal(true).optional().describe('买家付款'),
    leave: z.literal(true).optional().describe('买家离开（流失）'),
    end: z.literal(true).optional().describe('对话正常结束'),
    // biome-ignore lint/suspicious/noThenProperty: `then` is the scenario language's word for the next beat
    then: id.optional().describe('等到之后去哪一步（默认下一步）'),
    on: z
      .partialRecord(z.enum(BRANCHES), id)
      .optional()
      .describe(
        '按客服的做法分支：dodged 回避 · invited 邀请下单 · reminded 催付 · acknowledged 认出老顾客 · timeout 超时',
      ),
  })
  .strict();

export const PersonaSchema = z
  .object({
    name: text.describe('买家昵称'),
    avatar: z
      .string()
      .regex(
        AVATAR_PATH,
        '头像只能是场景库 avatars/ 文件夹里的图片（png、jpg、webp 或 gif），例如 avatars/xiaolu.png',
      )
      .optional()
      .describe('头像：场景库 avatars/ 文件夹里的图片，例如 avatars/xiaolu.png；不写则显示昵称的首字'),
    returning: z.boolean().default(false).describe('是否老顾客'),
    membership: z.string().optional().describe('会员等级，如 VIP2'),
    address: orderText.optional().describe('默认收货地址（下单时填进订单）'),
    orders: z
      .array(
        z
          .object({
            product: id,
            date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式 YYYY-MM-DD'),
            amount: z.number().nonnegative(),
            status: text.default('交易成功'),
          })
          .strict(),
      )
      .default([])
      .describe('历史订单（侧栏显示）'),
    patience: seconds.optional().describe('等回复的耐心（秒），默认取评分标准'),
    nudges: z.array(text).default(['在吗？']).describe('被回避时的追问'),
    farewell: lines.optional().describe('等不及离开时说的话'),
  })
  .strict();

export const CounterExampleSchema = z
  .object({
    name: text.describe('反例名称'),
    script: AgentScriptSchema,
    violations: z.array(RuleIdSchema).describe('这段脚本必须恰好产生的违规（可重复）'),
  })
  .strict();

export const GOALS = ['paid', 'ordered', 'retained'] as const;

// ── Course metadata: where a scenario sits in the semester's learning path ───────────────────────────

/** The reception stage a scenario trains: 售前 consultation, 售中 payment and order changes, 售后 problems. */
export const STAGES = ['pre-sale', 'in-sale', 'after-sale'] as const;
export type Stage = (typeof STAGES)[number];
export const MOODS = ['calm', 'angry'] as const;
export type Mood = (typeof MOODS)[number];
/** What a scenario practises, in the words of a course plan; their names are in ../course/names.ts. */
export const SKILLS = [
  'first-response',
  'short-answer',
  'returning',
  'product-facts',
  'sizing',
  'stock-out',
  'comparison',
  'gift',
  'presale',
  'burst',
  'compliance',
  'objection',
  'bargaining',
  'invite',
  'cross-sell',
  'follow-up',
  'reminder',
  'order-change',
  'invoice',
  'dispatch',
  'exchange',
  'refund',
  'damaged',
  'warranty',
  'complaint',
  'bad-review',
  'emotion',
] as const;
export type Skill = (typeof SKILLS)[number];

export const BuyerScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    title: text,
    description: z.string().optional(),
    difficulty: z.number().int().min(1).max(3).default(1),
    products: z.array(id).min(1).describe('涉及的商品 id'),
    goal: z.enum(GOALS).default('paid').describe('接待目标：付款 / 下单 / 留住顾客（售后等）'),
    stage: z.enum(STAGES).optional().describe('环节：pre-sale 售前 · in-sale 售中 · after-sale 售后'),
    unit: id
      .optional()
      .describe('学习路径的单元 id（scenarios/course/ 的学习路径文件里的 units），不写则不进学习路径'),
    skills: z
      .array(z.enum(SKILLS))
      .default([])
      .describe(
        '练到的技能：first-response 首次响应 · short-answer 简单问题短答 · returning 老顾客 · product-facts 商品参数 · sizing 尺码推荐 · stock-out 缺货替代 · comparison 商品对比 · gift 送礼 · presale 预售 · burst 连环问 · compliance 合规用语 · objection 异议处理 · bargaining 议价 · invite 邀请下单 · cross-sell 关联推荐 · follow-up 二次跟进 · reminder 催付 · order-change 订单修改 · invoice 发票 · dispatch 发货物流 · exchange 换货 · refund 退款退货 · damaged 破损 · warranty 保修 · complaint 投诉 · bad-review 差评挽回 · emotion 情绪安抚',
      ),
    mood: z.enum(MOODS).default('calm').describe('买家情绪：calm 平和 · angry 会发火（被回避就生气离开）'),
    concession: z
      .number()
      .nonnegative()
      .optional()
      .describe('最多可让利多少元（改价、优惠券合计）；不写按评分标准的 maxDiscountPercent'),
    persona: PersonaSchema,
    beats: z.array(BeatSchema).min(1),
    modelAnswer: AgentScriptSchema.describe('标准答案：必须 ≥90 分且零违规'),
    counterExamples: z.array(CounterExampleSchema).min(1).describe('反例及其必然产生的违规'),
  })
  .strict();

// ── Learning path (scenarios/course/) ────────────────────────────────────────────────────────────────

export const CourseUnitSchema = z
  .object({
    id,
    name: text.describe('单元名，如 欢迎与响应'),
    goal: text.describe('学完本单元能做到什么（给学生看）'),
    competition: z.array(text).min(1).describe('本单元训练的全国职业院校技能大赛“网店客户服务”模块技能点'),
    certificate: z
      .array(text)
      .min(1)
      .describe('本单元对应的 1+X 网店运营推广职业技能等级证书工作任务与技能要求'),
    pass: z
      .object({
        score: z.number().min(0).max(100).default(80).describe('场景得分达到多少算通过'),
        scenarios: z.number().int().min(1).describe('本单元至少要通过几个不同的场景'),
      })
      .strict()
      .describe('过关标准：本单元至少 scenarios 个不同场景得分达到 score，下一单元随之开放'),
  })
  .strict();

export const CourseSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    name: text.describe('课程名，如 网店客服实训'),
    units: z
      .array(CourseUnitSchema)
      .min(1)
      .describe('按学习顺序排列的单元：前一单元过关后开放下一单元；买家场景用 unit 写明属于哪个单元'),
  })
  .strict();

// ── Judgement corpus (docs/judge-corpus.md) ──────────────────────────────────────────────────────────

export const ANSWER_LABELS = ['correct', 'wrong', 'evaded', 'pending'] as const;
export const OBJECTION_LABELS = ['addressed', 'unaddressed', 'pending'] as const;
export const ORDER_CONTEXTS = ['none', 'unpaid', 'paid'] as const;
const answerLabel = z
  .enum(ANSWER_LABELS)
  .describe('correct 说对 · wrong 说错 · evaded 回避（有内容但没说到） · pending 只是礼貌用语，问题仍待回答');
const label = (what: string) => z.boolean().default(false).describe(what);

export const CorpusExpectSchema = z
  .object({
    answer: z
      .union([answerLabel, z.array(answerLabel).min(1)])
      .optional()
      .describe('写了 ask 时必填；ask 是列表时按顺序写列表'),
    objection: z
      .enum(OBJECTION_LABELS)
      .optional()
      .describe('写了 objection 时必填：addressed 化解 · unaddressed 没化解 · pending 只是礼貌用语'),
    irrelevant: label('答非所问：只说了别的话题'),
    wrongFact: label('与商品资料矛盾（问到的或没问到的事实）'),
    invites: label('邀请下单（拍的指令）'),
    reminds: label('催付（context.order 为 unpaid 时才评判）'),
    acknowledges: label('认出老顾客（context.returning 为 true 时才评判）'),
    followsUp: label('真正的二次跟进（context.quiet 为 true 时才评判）'),
    offPlatform: label('引导站外交易：微信 / QQ / 电话 / 私下转账'),
    bannedClaim: label('广告法极限词：最好 / 第一 / 顶级 / 100% / 国家级 / 万能…'),
    rude: label('不文明用语'),
  })
  .strict();

export const CorpusCaseSchema = z
  .object({
    id: id.describe('用例 id，整个语料（dev 和 holdout）内唯一'),
    products: z.array(id).min(1).describe('回复按这些商品的资料评判'),
    buyer: lines.describe(
      '买家还没得到回复的话：每个 ask 一句（按顺序），或所有 ask 共用；简短的是否回答（正的、不用）对照它来读',
    ),
    ask: z
      .union([z.string(), z.array(z.string()).min(1)])
      .optional()
      .describe('问到的事实：商品id.键 或 商品id.键.选项（或条件），可写列表'),
    objection: id.optional().describe('待化解的异议类型（lexicon.yaml 的 objections）'),
    context: z
      .object({
        returning: z.boolean().default(false).describe('老顾客'),
        order: z
          .enum(ORDER_CONTEXTS)
          .default('none')
          .describe('回复时买家的订单：none 无 · unpaid 未付款 · paid 已付款'),
        quiet: z.boolean().default(false).describe('买家沉默了，该二次跟进'),
      })
      .strict()
      .prefault({}),
    source: z
      .string()
      .min(1)
      .default('typed')
      .describe('typed 手打（默认），或快捷话术 id（回复即该话术原文）'),
    reply: z.string().optional().describe('客服的回复（用快捷话术时可不写）'),
    expect: CorpusExpectSchema,
    note: z.string().optional().describe('评估老师的理由'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const asks = c.ask === undefined ? 0 : typeof c.ask === 'string' ? 1 : c.ask.length;
    const answers = c.expect.answer;
    if (asks > 0 && answers === undefined)
      ctx.addIssue({ code: 'custom', path: ['expect'], message: '写了 ask，expect 里必须有 answer' });
    if (asks === 0 && answers !== undefined)
      ctx.addIssue({ code: 'custom', path: ['expect', 'answer'], message: '没有 ask 时不要写 answer' });
    if (asks > 0 && answers !== undefined) {
      const given = typeof answers === 'string' ? 1 : answers.length;
      if (given !== asks)
        ctx.addIssue({
          code: 'custom',
          path: ['expect', 'answer'],
          message: `ask 有 ${asks} 个，answer 应该也有 ${asks} 个（按顺序），现在有 ${given} 个`,
        });
    }
    if (c.objection !== undefined && c.expect.objection === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['expect'],
        message: '写了 objection，expect 里必须有 objection',
      });
    if (c.objection === undefined && c.expect.objection !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['expect', 'objection'],
        message: '没有 objection 时不要写 expect.objection',
      });
    if (c.source === 'typed' && (c.reply === undefined || c.reply.length === 0))
      ctx.addIssue({ code: 'custom', path: ['reply'], message: '手打的回复必须写 reply' });
  });

export const CorpusFileSchema = z
  .object({
    $schema: z.string().optional(),
    cases: z.array(CorpusCaseSchema).min(1).describe('带标注的客服回复'),
  })
  .strict();

export type Option = z.infer<typeof OptionSchema>;
export type Fact = z.infer<typeof FactSchema>;
export type Product = z.infer<typeof ProductSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type NumberFact = z.infer<typeof NumberFactSchema>;
export type Amount = NumberFact['value'];
export type Phrase = z.infer<typeof PhraseSchema>;
export type PhraseLibrary = z.infer<typeof PhraseLibrarySchema>;
export type Lexicon = z.infer<typeof LexiconSchema>;
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export type Rubric = z.infer<typeof RubricSchema>;
export type AgentStep = z.infer<typeof AgentStepSchema>;
export type AgentScript = z.infer<typeof AgentScriptSchema>;
export type BuyerLine = z.infer<typeof BuyerLineSchema>;
export type Beat = z.infer<typeof BeatSchema>;
export type OrderChange = z.infer<typeof OrderChangeSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type BuyerScenario = z.infer<typeof BuyerScenarioSchema>;
export type CorpusCase = z.infer<typeof CorpusCaseSchema>;
export type CorpusExpect = z.infer<typeof CorpusExpectSchema>;
export type CorpusFile = z.infer<typeof CorpusFileSchema>;
export type CourseUnit = z.infer<typeof CourseUnitSchema>;
export type Course = z.infer<typeof CourseSchema>;

/** Which schema validates a file, by the folder it lives in under scenarios/. */
export const FILE_KINDS = {
  product: ProductSchema,
  category: CategorySchema,
  phrases: PhraseLibrarySchema,
  lexicon: LexiconSchema,
  rubric: RubricSchema,
  buyer: BuyerScenarioSchema,
  script: AgentScriptSchema,
  corpus: CorpusFileSchema,
  course: CourseSchema,
} as const;
export type FileKind = keyof typeof FILE_KINDS;
