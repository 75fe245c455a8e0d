// A proof that fails says, for each violation the script has too many of, at which second it fired and the
// report's explanation of what to do instead — not only the rule's name — so the author knows which reply to
// change. Real runs of a shipped scenario (a returning customer) whose model answer never welcomes her back.
import { proveTask } from '@kefu/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ProofRuns } from '../../../client/src/staff/studio/ProofPanel.tsx';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import '../../../client/src/staff/i18n/index.ts';
import { fileKindOf } from '../../../shared/src/scenario/file-kind.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { setup } from '../harness.tsx';

const ID = 'mid-returning-remind-diapers';
const { library } = loadLibrary(
  readLibrary('scenarios').filter((f) => fileKindOf(f) !== 'buyer' || f.path.endsWith(`/${ID}.yaml`)),
);
const scenario = library.buyers.get(ID)!;
const asNew = scenario.counterExamples.find((c) => c.name === '当成新顾客接待')!;
/** The author's model answer: the counter-example's replies, which never say 欢迎回来. */
const authored = { ...library, buyers: new Map([[ID, { ...scenario, modelAnswer: asNew.script }]]) };

describe('ProofRuns', () => {
  it('explains each surplus violation of a failing run with its second and what to do', async () => {
    const failing = proveTask(authored, { scenarioId: ID, kind: 'model', script: 'modelAnswer', seed: 1 });
    const passing = proveTask(library, { scenarioId: ID, kind: 'counter', script: asNew.name, seed: 1 });
    expect([failing.ok, passing.ok]).toEqual([false, true]);
    const { render } = await setup();
    const { container } = render(<ProofRuns runs={[failing, passing]} />);
    const [bad, good] = container.querySelectorAll('.proof-runs > li');
    expect(bad!.textContent).toContain('多了 未识别老顾客 ×1');
    const why = [...bad!.querySelectorAll('.proof-surplus li')].map((li) => li.textContent);
    const violation = failing.report.violations[0]!;
    expect(why).toEqual([`第 ${Math.round(violation.atSeconds)} 秒 · 未识别老顾客：${violation.message}`]);
    expect(why[0]).toContain('欢迎回来');
    // A run that proves what it claims lists no explanation: its violations are the expected ones.
    expect(good!.querySelector('.proof-surplus')).toBeNull();
    expect(screen.getAllByText(/未识别老顾客/).length).toBeGreaterThan(0);
  });
});
