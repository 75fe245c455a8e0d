// The course metadata in words, for the CLI and the Chinese workbench (the English names are in the client's
// i18n): what a skill tag, a stage and a mood are called in a course plan.
import type { Mood, Skill, Stage } from '../scenario/schema.ts';

export const SKILL_NAMES: Record<Skill, string> = {
  'first-response': '首次响应',
  'short-answer': '简单问题短答',
  returning: '老顾客接待',
  'product-facts': '商品参数解答',
  sizing: '尺码推荐',
  'stock-out': '缺货替代',
  comparison: '商品对比',
  gift: '送礼需求',
  presale: '预售说明',
  burst: '连环问',
  compliance: '合规用语',
  objection: '异议处理',
  bargaining: '议价应对',
  invite: '邀请下单',
  'cross-sell': '关联推荐',
  'follow-up': '二次跟进',
  reminder: '催付',
  'order-change': '订单修改',
  invoice: '发票',
  dispatch: '发货物流',
  exchange: '换货',
  refund: '退款退货',
  damaged: '破损处理',
  warranty: '保修',
  complaint: '投诉处理',
  'bad-review': '差评挽回',
  emotion: '情绪安抚',
};

export const STAGE_NAMES: Record<Stage, string> = {
  'pre-sale': '售前',
  'in-sale': '售中',
  'after-sale': '售后',
};

export const MOOD_NAMES: Record<Mood, string> = { calm: '平和', angry: '会发火' };
