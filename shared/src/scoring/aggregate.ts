// A student's results over many conversations (or a class's, over all its students' conversations): the
// benchmarks a trainer compares against (response times, 3-minute rate, conversion 询单转化率, order value
// 客单价, returning buyers kept 回头客留存, reminder success) and mistakes by type.
import { RULE_IDS, type RuleId } from '../scenario/schema.ts';
import { toFen } from '../shopper/orders.ts';
import { roundTo1 } from './format.ts';
import type { Outcome } from './metrics.ts';
import type { Report } from './report.ts';

export interface StudentMetrics {
  conversations: number;
  /** Means over the conversations that had the value. */
  firstResponseSeconds: number | null;
  averageResponseSeconds: number | null;
  maxResponseSeconds: number | null;
  turns: number;
  /** Over all turns of all conversations. */
  within3MinRate: number | null;
  outcomes: Record<Outcome, number>;
  /** Of the `paid` conversations, those whose buyer came with the order already paid (not the reception's sale). */
  paidOnArrival: number;
  /** Buyers who asked before ordering (询单人数). */
  inquiries: number;
  /** Inquiring buyers who paid / inquiring buyers (询单转化率). */
  conversionRate: number | null;
  orderAmount: number;
  /** Paid orders' amount (成交金额), recommended products included. */
  paidAmount: number;
  /**
   * Paid amount per buyer the reception sold to (客单价), recommended products included. A buyer who came with
   * the order already paid is not the reception's sale (see `paidOnArrival`), so their order is left out here.
   */
  averageOrderAmount: number | null;
  /** What recommended products (关联推荐) added to the orders. */
  crossSellAmount: number;
  discountAmount: number;
  returningBuyers: number;
  /** Returning customers who did not leave / returning customers (回头客留存). */
  returningKeptRate: number | null;
  remindersSent: number;
  reminderSuccess: number | null;
  phraseUses: number;
}

export interface StudentSummary {
  metrics: StudentMetrics;
  /** Mean of the conversation scores, one decimal. */
  score: number;
  violationsByRule: Record<RuleId, number>;
}

export function aggregateStudent(reports: readonly Report[]): StudentSummary {
  const metrics = reports.map((report) => report.metrics);
  const outcomes: Record<Outcome, number> = { paid: 0, 'ordered-unpaid': 0, left: 0, stopped: 0, open: 0 };
  for (const m of metrics) outcomes[m.outcome]++;
  const turns = sum(metrics.map((m) => m.turns));
  const within3Min = sum(metrics.map((m) => (m.within3MinRate ?? 0) * m.turns));
  const inquiries = metrics.filter((m) => m.inquired).length;
  const paidAmount = sum(metrics.map((m) => m.paidAmount));
  const returning = metrics.filter((m) => m.returningKept !== null);
  const sales = reports.filter((r) => r.metrics.outcome === 'paid' && r.outcomeReason?.brought !== 'paid');

  const violationsByRule = Object.fromEntries(RULE_IDS.map((rule) => [rule, 0])) as Record<RuleId, number>;
  for (const report of reports) for (const violation of report.violations) violationsByRule[violation.rule]++;

  return {
    metrics: {
      conversations: reports.length,
      firstResponseSeconds: mean(metrics.map((m) => m.firstResponseSeconds)),
      averageResponseSeconds: mean(metrics.map((m) => m.averageResponseSeconds)),
      maxResponseSeconds: max(metrics.map((m) => m.maxResponseSeconds)),
      turns,
      within3MinRate: turns === 0 ? null : within3Min / turns,
      outcomes,
      paidOnArrival: outcomes.paid - sales.length,
      inquiries,
      conversionRate: inquiries === 0 ? null : metrics.filter((m) => m.converted).length / inquiries,
      orderAmount: toFen(sum(metrics.map((m) => m.orderAmount))),
      paidAmount: toFen(paidAmount),
      averageOrderAmount:
        sales.length === 0 ? null : toFen(sum(sales.map((r) => r.metrics.paidAmount)) / sales.length),
      crossSellAmount: toFen(sum(metrics.map((m) => m.crossSellAmount))),
      discountAmount: toFen(sum(metrics.map((m) => m.discountAmount))),
      returningBuyers: returning.length,
      returningKeptRate:
        returning.length === 0 ? null : returning.filter((m) => m.returningKept).length / returning.length,
      remindersSent: sum(metrics.map((m) => m.remindersSent)),
      reminderSuccess: mean(metrics.map((m) => m.reminderSuccess)),
      phraseUses: sum(metrics.map((m) => m.phraseUses)),
    },
    score: reports.length === 0 ? 0 : roundTo1(sum(reports.map((r) => r.score)) / reports.length),
    violationsByRule,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

function mean(values: readonly (number | null)[]): number | null {
  const known = present(values);
  return known.length === 0 ? null : sum(known) / known.length;
}

function max(values: readonly (number | null)[]): number | null {
  const known = present(values);
  return known.length === 0 ? null : Math.max(...known);
}
