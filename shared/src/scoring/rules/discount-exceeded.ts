// More concession than allowed: the 改价 and coupons of one conversation add up beyond the scenario's
// `concession` (yuan), else the rubric's share of the product's price. Each discount that goes over is one.
import type { Finding, RuleContext } from '../rule.ts';

/** Below a fen is rounding, not a concession. */
const FEN = 0.005;

/** The most the agent may give away in this conversation (yuan). */
export function allowedConcession({
  scenario,
  thresholds,
  products,
}: Pick<RuleContext, 'scenario' | 'thresholds' | 'products'>): number {
  if (scenario.concession !== undefined) return scenario.concession;
  const price = products.get(scenario.products[0] ?? '')?.price ?? 0;
  return Math.round(price * thresholds.maxDiscountPercent) / 100;
}

export function discountExceeded(context: RuleContext): Finding[] {
  const allowed = allowedConcession(context);
  const findings: Finding[] = [];
  let total = 0;
  for (const discount of context.facts.discounts) {
    total = Math.round((total + discount.amount) * 100) / 100;
    if (total <= allowed + FEN) continue;
    findings.push({
      rule: 'discount-exceeded',
      at: discount.at,
      detail: { messageId: discount.messageId, amount: discount.amount, total, allowed },
    });
  }
  return findings;
}
