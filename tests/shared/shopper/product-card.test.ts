// A product card carries 立即购买: the buyer reads it as an invitation to order, so a buyer who orders on
// their own after a card was not left without an invitation.
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { playScript } from '../../../shared/src/proof/play.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import type { AgentScript } from '../../../shared/src/scenario/schema.ts';

const { library } = loadLibrary(readLibrary('scenarios'));

// gift-urgent-shipping's model answer with the spoken invitation (喜欢可以直接拍下哦) taken out.
const answers = (first: AgentScript[number]): AgentScript => [
  first,
  { wait: 'reply', after: 4, say: '有的亲，每盒都配礼品袋，送人很体面~' },
  { wait: 'reply', after: 5, say: '理解您着急，下单后给您备注加急，今天就走顺丰冷链发出~' },
  { wait: 'reply', after: 3, say: '收到，已经给您备注加急了，发出后把单号发您~' },
];

describe('the product card', () => {
  it('is an invitation the buyer understands', () => {
    const withCard = playScript(
      library,
      'gift-urgent-shipping',
      answers({ wait: 'reply', after: 1.5, action: 'sendProductCard' }),
    );
    const judged = withCard.events.find((e) => e.type === 'reply-judged');
    expect(judged).toMatchObject({ invites: true });
    expect(withCard.report.violations.map((v) => v.rule)).not.toContain('no-order-prompt');
  });

  it('leaves no-order-prompt to a reception with neither card nor invitation, explained', () => {
    const without = playScript(
      library,
      'gift-urgent-shipping',
      answers({ wait: 'reply', after: 1.5, say: '您好，在的~' }),
    );
    const violation = without.report.violations.find((v) => v.rule === 'no-order-prompt');
    expect(violation?.message).toContain('下单邀请要放在回答里');
  });
});
