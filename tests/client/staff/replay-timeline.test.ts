// The replay timeline: each violation sits under the message it points at, or at its moment.
import { loadLibrary, playScript } from '@kefu/shared';
import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../client/src/staff/reports/ConversationReplay.tsx';
import { readLibrary } from '../../../server/src/cli/read-library.ts';

const { library } = loadLibrary(readLibrary('scenarios'));

describe('buildTimeline', () => {
  it('annotates each violation where it happened, seconds from the first buyer message', () => {
    const scenario = library.buyers.get('price-objection')!;
    const counter = scenario.counterExamples.find((c) => c.violations.includes('objection-unaddressed'))!;
    const played = playScript(library, 'price-objection', counter.script, { seed: 1 });
    const items = buildTimeline(played.events as never, played.report.violations, (e) => e.type);
    expect(items[0]?.seconds).toBeLessThanOrEqual(0);
    const annotated = items.filter((i) => i.violations.length > 0);
    expect(annotated.flatMap((i) => i.violations.map((v) => v.rule))).toEqual(counter.violations);
    const where = annotated[0]!;
    // the dodging reply is the agent message the violation names
    expect(where.who).toBe('agent');
    expect(where.text).toBe('亲，我们家东西质量很好的，一分钱一分货哦');
    expect(where.seconds).toBeCloseTo(where.violations[0]!.atSeconds, 0);
    // hidden internal events never show
    expect(items.some((i) => i.type === 'reply-judged' || i.type === 'buyer-typing')).toBe(false);
  });
});
