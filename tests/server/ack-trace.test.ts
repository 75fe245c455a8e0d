// The acknowledgement trace of the load benchmark: off unless KEFU_ACK_TRACE=1; on, it reports each phase's
// count and percentiles, and forgets them when the measured window starts.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const load = async () => (await import('../../server/src/realtime/ack-trace.ts')).ackTrace;

describe('ack trace', () => {
  it('is off by default', async () => {
    vi.stubEnv('KEFU_ACK_TRACE', '');
    expect(await load()).toBeNull();
  });

  it('reports each phase in ms and starts again on reset', async () => {
    vi.stubEnv('KEFU_ACK_TRACE', '1');
    const trace = await load();
    if (trace === null) throw new Error('KEFU_ACK_TRACE=1 must turn the trace on');
    trace.record('commit at once', 0.25);
    trace.record('commit at once', 0.25);
    trace.record('publish agent-message', 3);
    const lines = trace.report().split('\n');
    expect(lines.find((l) => l.startsWith('commit at once'))).toMatch(/n +2 +p50 0\.25\d* +p99 0\.25\d*/);
    expect(lines.find((l) => l.startsWith('publish agent-message'))).toMatch(/n +1 +p50 3\.\d+/);
    trace.reset();
    trace.record('publish agent-message', 1);
    expect(trace.report()).not.toContain('commit at once');
    expect(trace.report()).toMatch(/publish agent-message +n +1 +p50 1\.\d+/);
  });
});
