// The prover threads give the verdicts the pure core gives on this thread — passes, and the first failing
// run of a scenario a change breaks — for the library they are sent, parsing again only what changed.
import { loadLibrary } from '@kefu/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { readAssets, readLibrary } from '../../server/src/cli/read-library.ts';
import { createProverPool } from '../../server/src/studio/prover-pool.ts';
import { verdictOf } from '../../server/src/studio/verdict.ts';

const JACKET = 'scenarios/products/down-jacket.yaml';
const files = readLibrary();
const assets = readAssets();
/** 黑色 out of stock: 羽绒服选颜色和尺码's model answer says it is in stock. */
const noBlack = files.map((f) =>
  f.path === JACKET
    ? {
        path: f.path,
        text: f.text.replace(
          '      - value: 黑色\n        aliases: [黑的, 经典黑]\n',
          '      - value: 黑色\n        aliases: [黑的, 经典黑]\n        inStock: false\n',
        ),
      }
    : f,
);
const shipped = loadLibrary(files, { assets }).library;
const changed = loadLibrary(noBlack, { assets }).library;
/** The scenario the change breaks, and another naming the jacket that it does not. */
const colourAndSize = [...changed.buyers.values()].find((s) => s.title === '羽绒服选颜色和尺码')!.id;
const other = [...changed.buyers.values()]
  .filter((s) => s.id !== colourAndSize && JSON.stringify(s).includes('down-jacket'))
  .map((s) => s.id)
  .sort()[0]!;
const jacketScenarios = [colourAndSize, other].sort();
const pool = createProverPool(1);
afterAll(() => pool.close());

describe('prover pool', () => {
  it('proves as the core does in place: passes, and the first failing run of a broken scenario', async () => {
    expect(noBlack.find((f) => f.path === JACKET)?.text).toContain('inStock: false');
    const before = await pool.prove(files, assets, [colourAndSize]);
    expect(before).toEqual(new Map([[colourAndSize, { ok: true }]]));
    // The thread parsed the shipped library: sent the changed one, it proves against the change.
    const after = await pool.prove(noBlack, assets, jacketScenarios);
    expect([...after.keys()].sort()).toEqual(jacketScenarios);
    expect(after.get(colourAndSize)).toEqual(verdictOf(changed, colourAndSize));
    expect(after.get(colourAndSize)?.ok).toBe(false);
    expect(after.get(other)).toEqual({ ok: true });
    expect(shipped.buyers.size).toBe(changed.buyers.size);
  });

  it('answers nothing for no scenario, and refuses a scenario the library does not have', async () => {
    expect((await pool.prove(files, assets, [])).size).toBe(0);
    await expect(pool.prove(files, assets, ['no-such-scenario'])).rejects.toThrow(/no-such-scenario/);
  });
});
