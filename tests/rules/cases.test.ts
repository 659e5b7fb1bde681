// @vitest-environment node
/** Every right's cases.json, each case a test named by its sentence. */
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/cli/check';
import { loadRulesFromDisk } from '../../src/cli/load-rules';

const rules = loadRulesFromDisk();

describe('the rules', () => {
  it('cover every right of the catalogue with cases', () => {
    expect(rules.rules.filter((r) => !rules.cases.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

for (const [right, cases] of rules.cases) {
  describe(right, () => {
    for (const c of cases) {
      it(c.name, () => {
        expect(checkCase(rules, right, c)).toEqual([]);
      });
    }
  });
}
