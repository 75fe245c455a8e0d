// Students see of the log only what the protocol lists: no judgements, no silence marker, no beat names,
// no seed — and nothing a new field adds until it is listed.
import { type ConversationEvent, toPublicEvent } from '@kefu/shared';
import { describe, expect, it } from 'vitest';

describe('toPublicEvent', () => {
  it('strips internal fields and hides internal events', () => {
    const started: ConversationEvent = {
      type: 'started',
      at: 1,
      scenarioId: 's',
      scenarioVersion: 'v',
      seed: 7,
    };
    expect(toPublicEvent(started)).toEqual({ type: 'started', at: 1 });
    const buyer: ConversationEvent = {
      type: 'buyer-message',
      at: 2,
      id: 'b1',
      text: '在吗',
      beat: 'ask',
      line: 0,
    };
    expect(toPublicEvent(buyer)).toEqual({ type: 'buyer-message', at: 2, id: 'b1', text: '在吗' });
    expect(toPublicEvent({ type: 'buyer-quiet', at: 3, until: 9 })).toBeNull();
    const agent: ConversationEvent = {
      type: 'agent-message',
      at: 4,
      id: 'm1',
      text: '您好',
      source: 'typed',
    };
    expect(toPublicEvent(agent)).toEqual({
      type: 'agent-message',
      at: 4,
      id: 'm1',
      text: '您好',
      source: 'typed',
    });
    const sneaky = { ...buyer, secret: 'x' } as ConversationEvent;
    expect(toPublicEvent(sneaky)).not.toHaveProperty('secret');
  });
});
