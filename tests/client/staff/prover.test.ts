// The studio's prover where there are no workers (the page's own thread): progress after every run, the
// runs of the scenarios asked and no others, and a newer proof stops the one before it.
import { describe, expect, it } from 'vitest';
import type { ProofProgress } from '../../../client/src/staff/studio/proof-runner.ts';
import { createProver, ProofCancelled } from '../../../client/src/staff/studio/prover.ts';
import { STUDIO_FILES } from './studio-fixture.ts';

const FILES = STUDIO_FILES.files.map(({ path, text }) => ({ path, text }));

describe('prover', () => {
  it('proves only the scenarios asked, reporting progress after each run', async () => {
    const prover = createProver();
    const progress: ProofProgress[] = [];
    const runs = await prover.prove({ files: FILES, scenarioIds: ['unpaid-reminder'] }, (p) =>
      progress.push(p),
    );
    expect(runs.length).toBeGreaterThan(3);
    expect(new Set(runs.map((r) => r.scenarioId))).toEqual(new Set(['unpaid-reminder']));
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(runs.map((_, i) => i + 1));
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([runs.length]));
    expect(progress.map((p) => p.run)).toEqual(runs);
  }, 60_000);

  it('stops a proof when a newer one starts', async () => {
    const prover = createProver();
    const first = prover.prove({ files: FILES, scenarioIds: ['unpaid-reminder'] }, () => undefined);
    const second = prover.prove({ files: FILES, scenarioIds: ['price-objection'] }, () => undefined);
    await expect(first).rejects.toBeInstanceOf(ProofCancelled);
    expect((await second).every((r) => r.scenarioId === 'price-objection')).toBe(true);
    prover.dispose();
  }, 60_000);
});
