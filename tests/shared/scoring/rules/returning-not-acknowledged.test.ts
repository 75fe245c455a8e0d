import { describe, expect, it } from 'vitest';
import { returningNotAcknowledged } from '../../../../shared/src/scoring/rules/returning-not-acknowledged.ts';
import { firedAt, LogBuilder, makeScenario } from '../log-builder.ts';

const returning = makeScenario({ persona: { name: '老李', returning: true } });

function replies(acknowledgedAt: number | null, count = 3): LogBuilder {
  const log = new LogBuilder().started();
  for (let i = 0; i < count; i++) {
    log.buyer(i * 10);
    log.agent(i * 10 + 2, { judged: { acknowledges: i === acknowledgedAt } });
  }
  log.ended(100);
  return log;
}

describe('returning-not-acknowledged', () => {
  it('does not fire when the first or the second reply acknowledges the returning customer', () => {
    expect(firedAt(returningNotAcknowledged, replies(0), { scenario: returning })).toEqual([]);
    expect(firedAt(returningNotAcknowledged, replies(1), { scenario: returning })).toEqual([]);
  });

  it('fires at the second reply when only the third acknowledges', () => {
    expect(firedAt(returningNotAcknowledged, replies(2), { scenario: returning })).toEqual([12]);
  });

  it('fires at the end when there were fewer than two replies', () => {
    expect(firedAt(returningNotAcknowledged, replies(null, 1), { scenario: returning })).toEqual([100]);
  });

  it('never fires for a new customer', () => {
    expect(firedAt(returningNotAcknowledged, replies(null))).toEqual([]);
  });
});
