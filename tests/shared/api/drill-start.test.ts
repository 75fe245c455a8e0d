// "Start when N joined": the decision is a function of the joins and the time.
import { decideDrillStart, drillWaiting } from '@kefu/shared';
import { describe, expect, it } from 'vitest';

describe('decideDrillStart', () => {
  it('waits with fewer than N joins and starts at the join that makes N', () => {
    expect(decideDrillStart('draft', 3, [100, 200], 250)).toEqual({ kind: 'waiting', joined: 2, needed: 3 });
    expect(decideDrillStart('draft', 3, [100, 200, 250], 250)).toEqual({
      kind: 'start',
      at: 250,
      joined: 3,
      needed: 3,
    });
    expect(decideDrillStart('draft', 2, [100, 200, 250], 300)).toMatchObject({ kind: 'start', at: 300 });
  });

  it('counts no join stamped after now (another process’s clock)', () => {
    expect(decideDrillStart('draft', 2, [100, 400], 300)).toEqual({ kind: 'waiting', joined: 1, needed: 2 });
    expect(decideDrillStart('draft', 2, [100, 400], 400)).toMatchObject({ kind: 'start', at: 400 });
  });

  it('starts nothing without N, nor a drill already running or finished', () => {
    expect(decideDrillStart('draft', undefined, [1, 2, 3], 10)).toEqual({ kind: 'manual' });
    expect(decideDrillStart('running', 1, [1, 2], 10)).toEqual({ kind: 'manual' });
    expect(decideDrillStart('finished', 1, [1, 2], 10)).toEqual({ kind: 'manual' });
  });
});

describe('drillWaiting', () => {
  it('shows k of N for a waiting draft only', () => {
    const settings = { startWhenJoined: 4 };
    expect(drillWaiting({ status: 'draft', settings, joinedCount: 1 })).toEqual({ joined: 1, needed: 4 });
    expect(drillWaiting({ status: 'draft', settings })).toEqual({ joined: 0, needed: 4 });
    expect(drillWaiting({ status: 'running', settings, joinedCount: 4 })).toBeNull();
    expect(drillWaiting({ status: 'draft', settings: {}, joinedCount: 2 })).toBeNull();
  });
});
