// @vitest-environment node
/**
 * Every text a rule names is there in every language on its own, not only as many keys as Dutch: a
 * right's title, summary, reasons, amount, steps and documents, its category and provider (and each
 * municipality's own), every question's label and options, every screen's title. A missing one, in
 * any language (Dutch too), is refused when a release is built, naming the language and the key; so
 * is a rule that names a category, provider or question the rules do not have.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRulesFromDisk, RULES_DIR } from '../../src/cli/load-rules';
import { buildRelease } from '../../src/cli/release';
import { missingTexts, RulesetError, textKeysOf } from '../../src/engine';

const LOCALES = join(RULES_DIR, '..', 'locales');
const languages = readdirSync(LOCALES).filter((l) => existsSync(join(LOCALES, l, 'rules.json')));
const readLocales = () => Object.fromEntries(languages.map((l) => [l, JSON.parse(readFileSync(join(LOCALES, l, 'rules.json'), 'utf8'))]));
const rules = loadRulesFromDisk();

const remove = (tree: Record<string, unknown>, key: string) => {
  const parts = key.split('.');
  let o = tree;
  for (const p of parts.slice(0, -1)) o = o[p] as Record<string, unknown>;
  delete o[parts.at(-1)!];
};

describe('the rule texts in every language', () => {
  it('has every text the rules name, in each of the six languages', () => {
    expect(languages.sort()).toEqual(['ar', 'en', 'fr', 'nl', 'tr', 'uk']);
    const keys = textKeysOf(rules);
    for (const c of new Set(rules.rules.map((r) => r.category))) expect(keys).toContain(`categories.${c}`);
    expect(keys).toContain('providers.huis-van-welzijn-harelbeke.name');
    expect(keys).toContain('questions.municipality.options.wevelgem');
    expect(keys).not.toContain('questions.municipality.label');
    expect(keys.length).toBeGreaterThan(200);
    expect(missingTexts(rules, readLocales())).toEqual([]);
  });

  it('names the language and the key of a text missing in one language, or in all of them, Dutch included', () => {
    const oneGone = readLocales();
    remove(oneGone.uk, 'categories.energie');
    remove(oneGone.tr, 'questions.heatingFuel.options.heating-oil');
    remove(oneGone.ar, 'providers.huis-van-welzijn-harelbeke.name');
    expect(missingTexts(rules, oneGone)).toEqual([
      'ar: providers.huis-van-welzijn-harelbeke.name',
      'tr: questions.heatingFuel.options.heating-oil',
      'uk: categories.energie',
    ]);
    // gone from every language alike: comparing with Dutch would not notice, this does
    const allGone = readLocales();
    for (const l of languages) remove(allGone[l], 'steps.ask-nmbs-kortingkaart');
    expect(missingTexts(rules, allGone)).toEqual(languages.sort().map((l) => `${l}: steps.ask-nmbs-kortingkaart`));
    // an empty text is missing too
    const empty = readLocales();
    empty.fr.rights.federaal['nmbs-kortingkaart'].title = ' ';
    expect(missingTexts(rules, empty)).toEqual(['fr: rights.federaal.nmbs-kortingkaart.title']);
  });
});

describe('a release is not built when', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'texts-'));
    made.push(dir);
    cpSync(RULES_DIR, join(dir, 'rules'), { recursive: true });
    cpSync(LOCALES, join(dir, 'locales'), { recursive: true });
    return dir;
  };
  const edit = (file: string, change: (data: Record<string, unknown>) => void) => {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    change(data);
    writeFileSync(file, JSON.stringify(data, null, 2));
  };
  const refusal = (dir: string) => {
    try {
      buildRelease(join(dir, 'rules'), join(dir, 'locales'));
      return 'built';
    } catch (e) {
      expect(e).toBeInstanceOf(RulesetError);
      return (e as Error).message;
    }
  };

  it('a text the rules name is missing in one language', () => {
    const dir = copy();
    edit(join(dir, 'locales/fr/rules.json'), (d) => remove(d, 'documents.heating-oil-invoice'));
    expect(refusal(dir)).toContain('locales/fr/rules.json /documents/heating-oil-invoice: expected a text: the rules name "documents.heating-oil-invoice"');
  });

  it('a rule names a category, a provider or a question the rules do not have', () => {
    const dir = copy();
    edit(join(dir, 'rules/rights/federaal.nmbs-kortingkaart/rule.json'), (r) => {
      Object.assign(r, { category: 'sport', provider: 'sportdienst' });
    });
    edit(join(dir, 'rules/rights/kortrijk.taxibon/rule.json'), (r) => {
      (r as unknown as { outcomes: { when: unknown }[] }).outcomes[0]!.when = { '==': [{ var: 'ownsBicycle' }, true] };
    });
    const message = refusal(dir);
    expect(message).toContain('rights/federaal.nmbs-kortingkaart/rule.json /category: expected a category of categories.json, found "sport"');
    expect(message).toContain('rights/federaal.nmbs-kortingkaart/rule.json /provider: expected a provider of providers.json, found "sportdienst"');
    expect(message).toMatch(/kortrijk\.taxibon[^\n]*ownsBicycle/);
  });
});
