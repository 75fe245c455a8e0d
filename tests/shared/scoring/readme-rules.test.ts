// The README's rule table is the rule list readers have (the product contract's table lives outside the
// repository): every rule, with the dimension it is charged to and the default rubric's penalty, as the code
// and scenarios/rubrics/default.yaml have them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLibrary } from '../../../server/src/cli/read-library.ts';
import { loadLibrary } from '../../../shared/src/scenario/load.ts';
import { RULE_IDS } from '../../../shared/src/scenario/schema.ts';
import { RULE_DIMENSION } from '../../../shared/src/scoring/dimensions.ts';

describe('README rule table', () => {
  it('lists every rule with its dimension and default penalty', () => {
    const rubric = loadLibrary(readLibrary('scenarios')).library.rubrics.get('default')!;
    const rows = new Map(
      [
        ...readFileSync('README.md', 'utf8').matchAll(/^\| `([a-z-]+)` \| .+ \| ([a-z ]+) \| ([\d.]+) \|$/gm),
      ].map((m) => [
        m[1]!,
        { dimension: m[2]!.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()), penalty: Number(m[3]) },
      ]),
    );
    expect([...rows.keys()]).toEqual([...RULE_IDS]);
    for (const rule of RULE_IDS)
      expect(rows.get(rule), rule).toEqual({
        dimension: RULE_DIMENSION[rule],
        penalty: rubric.penalties[rule],
      });
  });
});
