/**
 * "Who gets this right" is generated from the rule: its conditions, variables and parameters at a
 * date. These tests change the rules, never the generator, and see the words follow.
 */
// @vitest-environment node
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRuleFiles } from '../../src/cli/load-rules';
import { wordsFor } from '../../src/cli/words';
import { describeRight, loadRuleset, type RuleFile } from '../../src/engine';
import { renderedText, renderRight } from '../../src/i18n/describe';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const files = readRuleFiles();
const rules = loadRuleset(files);
const text = (ruleset = rules, id = 'kortrijk.sociaal-tarief', date = '2025-06-01', lang = 'nl') =>
  renderedText(renderRight(wordsFor(lang, ROOT, undefined, { ruleset, date }), describeRight(ruleset, id, date))).replace(/[\u00a0\u202f]/g, " ");

/** The rule files with some changed: `edit` gets a deep copy of each file's data and returns it changed. */
function edited(edit: (path: string, data: Json) => Json): RuleFile[] {
  return files.map((f) => ({ path: f.path, data: edit(f.path, structuredClone(f.data) as Json) }));
}
// biome-ignore lint/suspicious/noExplicitAny: rule files are edited freely in these tests
type Json = any;

describe('who gets a right, from the rule', () => {
  it('gives the sociaal tarief limit of one adult living alone, 140% of the leefloon at the date', () => {
    const d = describeRight(rules, 'kortrijk.sociaal-tarief', '2025-06-01');
    const income = d.routes.find((r) => r.reason === 'income-below-threshold');
    expect(income?.when).toMatchObject({ kind: 'compare', op: '<=', left: { name: 'netMonthlyIncome' } });
    const limits = income?.when.kind === 'compare' ? income.when.limits : [];
    expect(limits?.find((l) => l.household === 'single')).toEqual({ household: 'single', value: 1839.88, unit: 'EUR/month' });
    expect(text()).toContain('Een volwassene die alleen woont: tot € 1.839,88 per maand');
    expect(text()).toContain('Je duidt aan: Een leefloon');
  });

  it('follows a new leefloon value from its date, with no change to the generator', () => {
    const withNewValue = loadRuleset(
      edited((path, data) => {
        if (path === 'parameters/leefloon.json') {
          data.parameters['leefloon.alleenstaand'].values.push({ from: '2030-01-01', value: 1400, source: { title: 'test', read: '2026-11-29' } });
        }
        return data;
      }),
    );
    expect(text(withNewValue, 'kortrijk.sociaal-tarief', '2029-12-31')).toBe(text(rules, 'kortrijk.sociaal-tarief', '2029-12-31'));
    expect(text(withNewValue, 'kortrijk.sociaal-tarief', '2030-01-01')).toContain('Een volwassene die alleen woont: tot € 1.960 per maand');
  });

  it('describes a new right written only as data', () => {
    const rule = {
      $schema: '../../schema/rule.schema.json',
      id: 'kortrijk.test-senior',
      category: 'inkomen',
      provider: 'sociaal-huis',
      territory: 'kortrijk',
      validFrom: '2025-01-01',
      validUntil: null,
      outcomes: [
        {
          status: 'eligible',
          reason: 'senior',
          when: { and: [{ '>=': [{ var: 'age' }, 65] }, { '!': [{ var: 'debts' }] }, { '==': [{ var: 'housing' }, 'social-rent'] }] },
        },
      ],
      amount: { value: { param: 'vork.mealNormal' }, unit: 'EUR/meal' },
      steps: [],
      documents: [],
      sources: [{ title: 'test', read: '2026-11-29' }],
    };
    const ruleset = loadRuleset([...files, { path: 'rights/kortrijk.test-senior/rule.json', data: rule }]);
    const words = text(ruleset, 'kortrijk.test-senior');
    expect(words).toContain('Je leeftijd is 65 of meer.');
    expect(words).toContain('Niet van toepassing: schulden.');
    expect(words).toContain('Hoe je woont: Ik huur een sociale woning.');
    expect(words).toContain('Wat je krijgt: € 14.');
    expect(text(ruleset, 'kortrijk.test-senior', '2024-12-31')).toBe('Dit recht bestaat niet op 31 december 2024.');
  });

  it('settles a dated yes/no parameter at the date: the verhoogde tegemoetkoming gave the energy tariff in 2022 only', () => {
    const routes = (date: string) => describeRight(rules, 'federaal.sociaal-tarief-energie', date).routes.map((r) => r.reason);
    expect(routes('2022-06-01')).toEqual(['automatic-status', 'verhoogde-tegemoetkoming']);
    expect(routes('2025-06-01')).toEqual(['automatic-status']);
  });

  it('names earlier refusals: no verhoogde tegemoetkoming advice for who has it already', () => {
    const d = describeRight(rules, 'federaal.verhoogde-tegemoetkoming', '2025-06-01');
    expect(d.routes.map((r) => r.unless)).toEqual([
      [{ kind: 'option', question: 'statuses', option: 'verhoogde-tegemoetkoming', multi: true, holds: true }],
      [{ kind: 'option', question: 'statuses', option: 'verhoogde-tegemoetkoming', multi: true, holds: true }],
    ]);
  });

  it('says a right of one municipality is for its residents', () => {
    const d = describeRight(rules, 'kortrijk.pamperbank', '2025-06-01');
    const words = wordsFor('nl', ROOT, undefined, { ruleset: rules, date: '2025-06-01' });
    expect(renderRight(words, { ...d, territory: 'kortrijk' }).territory).toBe('Voor wie in Kortrijk woont.');
    expect(renderRight(words, { ...d, territory: 'everywhere' }).territory).toBeUndefined();
  });

  it('lists every parameter a right uses, through its variables', () => {
    expect(describeRight(rules, 'kortrijk.sociaal-tarief', '2025-06-01').parameters.sort()).toEqual(
      ['factor.nearMiss', 'factor.sociaalTarief', 'leefloon.alleenstaand', 'leefloon.gezinslast', 'leefloon.samenwonend'].sort(),
    );
  });

  const languages = readdirSync(`${ROOT}/locales`).filter((l) => !l.includes('.'));
  it.each(languages)('says every right of the catalogue in words in %s: no raw key, no placeholder, no JsonLogic', (lang) => {
    for (const date of ['2022-06-01', '2025-06-01']) {
      for (const r of rules.rules) {
        const words = text(rules, r.id, date, lang);
        expect(words, `${r.id} ${date}`).not.toMatch(/describe\.|\{\{|\{"|variables\./);
        expect(words.length).toBeGreaterThan(10);
      }
    }
  });
});
