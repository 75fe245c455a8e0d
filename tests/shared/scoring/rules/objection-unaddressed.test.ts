import { describe, expect, it } from 'vitest';
import { objectionUnaddressed } from '../../../../shared/src/scoring/rules/objection-unaddressed.ts';
import { contextOf, firedAt, LogBuilder } from '../log-builder.ts';

describe('objection-unaddressed', () => {
  it('fires once per objection a substantive reply ignored', () => {
    const log = new LogBuilder().started();
    const objection = log.buyer(0, 'price');
    log.agent(2, { judged: { ignoredObjections: [objection] } });
    log.agent(4, { judged: { ignoredObjections: [objection] } });
    expect(firedAt(objectionUnaddressed, log)).toEqual([2]);
    expect(objectionUnaddressed(contextOf(log.events))[0]?.detail).toMatchObject({ objection: 'price' });
  });

  it('fires for an objection open at a reply and never addressed', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'details', 0);
    log.buyer(1, 'details', 1);
    log.agent(3, { judged: { courtesyOnly: true } });
    log.ended(60);
    expect(firedAt(objectionUnaddressed, log)).toEqual([3]);
  });

  it('does not fire when a later reply addressed it', () => {
    const log = new LogBuilder().started();
    const objection = log.buyer(0, 'price');
    log.agent(1, { judged: { courtesyOnly: true } });
    log.agent(5, { judged: { addressed: [objection] } });
    expect(firedAt(objectionUnaddressed, log)).toEqual([]);
  });

  it('does not treat an ordinary open line as an objection', () => {
    const log = new LogBuilder().started();
    log.buyer(0, 'hello');
    log.agent(1);
    expect(firedAt(objectionUnaddressed, log)).toEqual([]);
  });
});
