/**
 * Explanations are generated from the engine's trace, in every language. These tests hold the kinds of
 * defect a reader met: a check read as a double negative ("Net te veel inkomen: nee"), another right's
 * limit on a right's page, a rule fact said twice, "75 or older, or a disability" without saying which,
 * steps for a right not in force, the status badge before the reason.
 */
import { screen, waitFor } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers, Result } from '../../src/engine';
import { createI18n, type I18n, languages, plain } from '../../src/i18n';
import type { LoadedRules } from '../../src/state/rules';
import { loadRules } from '../fixtures/release';
import { explainingChecks } from '../../src/state/explaining';
import { aboutHousehold, checkSentence, checkSentences, explainContext } from '../../src/i18n/explain';
import { answerText, capitalise } from '../../src/i18n/texts';
import { couple, pensioner, singleMother } from '../fixtures/households';
import { renderApp, sentence } from './helpers';

let rules: LoadedRules;
const i18ns: Record<string, I18n> = {};
beforeAll(async () => {
  rules = await loadRules();
  for (const lang of languages) i18ns[lang] = await createI18n(lang);
});

/** Households that walk every route of every rule: each status, housing, childcare, age and income band. */
function households(): Answers[] {
  const out: Answers[] = [singleMother, pensioner, couple];
  const statuses = [[], ['leefloon'], ['igo'], ['ivt'], ['verhoogde-tegemoetkoming'], ['debt-mediation'], ['foster-child'], ['jobseeker', 'student']];
  const housing = ['private-rent', 'social-rent', 'owner', 'homeless', 'other'];
  const childcare = ['none', 'income-related', 'free-price'];
  const incomes = [0, 1500, 2650, 9000];
  let i = 0;
  for (const s of statuses)
    for (const income of incomes) {
      i++;
      out.push({
        adults: 1 + (i % 2),
        partner: i % 2 === 1,
        children: i % 3 === 0 ? [] : [{ age: i % 4 }, { age: 9 }],
        age: [30, 76, 60][i % 3],
        netMonthlyIncome: income,
        statuses: s,
        disability: i % 5 === 0,
        housing: housing[i % housing.length],
        childcare: childcare[i % childcare.length],
        debts: i % 2 === 0,
      });
    }
  return out;
}

const DATES = ['2025-03-01', '2026-03-01'];
const evaluate = (answers: Answers, date = '2025-03-01') => rules.evaluate(rules.ruleset, answers, date, { trace: true });
const sentencesOf = (i18n: I18n, r: Result) => {
  const ctx = explainContext(rules.ruleset, r);
  return checkSentences(i18n, explainingChecks(r).filter((c) => aboutHousehold(c, ctx)), ctx).map(plain);
};

describe('explanations from the trace', () => {
  it('say every checked condition about the household as a sentence, in every language, never "…: no"', () => {
    const yesNo = /:\s*(ja|nee|oui|non|yes|no|evet|hayır|так|ні|نعم|لا)\.?$/iu;
    for (const lang of languages) {
      const i18n = i18ns[lang] as I18n;
      for (const date of DATES)
        for (const answers of households())
          for (const r of evaluate(answers, date)) {
            const ctx = explainContext(rules.ruleset, r);
            for (const c of explainingChecks(r).filter((x) => aboutHousehold(x, ctx))) {
              const said = checkSentence(i18n, c, ctx);
              expect(said.length, `${lang} ${r.id}: no words for ${JSON.stringify(c)}`).toBeGreaterThan(0);
              for (const s of said.map(plain)) {
                expect(s, `${lang} ${r.id}`).not.toMatch(yesNo);
                expect(s, `${lang} ${r.id}`).not.toMatch(/\{\{|undefined|NaN/);
              }
            }
          }
    }
  }, 60_000);

  it("name a right's limit as that right's limit, never by the other right whose variable it reuses", () => {
    for (const lang of languages) {
      const i18n = i18ns[lang] as I18n;
      for (const answers of households())
        for (const r of evaluate(answers)) {
          const t = (rules.ruleset.rulesById.get(r.id)?.threshold as { var?: string } | undefined)?.var;
          // a right whose limit is a variable named after another right ("threshold_sociaalTarief" on the KMI)
          const owner = t?.replace(/^threshold_/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
          if (!t || !owner || r.id.endsWith(`.${owner}`)) continue;
          const otherName = i18n.tr(`variables.${t}`);
          for (const s of sentencesOf(i18n, r)) expect(s, `${lang} ${r.id}`).not.toContain(otherName);
        }
    }
    const kmi = evaluate(pensioner).find((r) => r.id === 'kortrijk.kmi') as Result;
    expect(sentencesOf(i18ns.nl as I18n, kmi).map((s) => s.replace(/\u00a0/g, ' '))).toEqual([
      'Je gezin heeft € 1.450 inkomen per maand. Dat is niet meer dan de inkomensgrens voor dit recht: € 1.839,88.',
    ]);
  });

  it('leave out checks about the rules rather than the household, and rights the person never saw', () => {
    const energy = evaluate(pensioner).find((r) => r.id === 'federaal.sociaal-tarief-energie') as Result;
    const nl = i18ns.nl as I18n;
    // the reason says the July 2023 change once; the checks only say what this household has
    expect(sentencesOf(nl, energy)).toEqual([
      'Niemand in je gezin krijgt een leefloon, IGO of IVT.',
      'Iemand in je gezin heeft de verhoogde tegemoetkoming.',
    ]);
    const vork = evaluate(couple, '2026-03-01').find((r) => r.id === 'kortrijk.vork-maaltijd') as Result;
    for (const lang of languages) {
      const extra = (i18ns[lang] as I18n).tr('rights.kortrijk.extra-sociaal-tarief.title');
      for (const s of sentencesOf(i18ns[lang] as I18n, vork)) expect(s).not.toContain(extra);
    }
  });

  it('say which of "75 or older" and "a disability" holds for the taxibon', () => {
    const old = evaluate(pensioner).find((r) => r.id === 'kortrijk.taxibon') as Result;
    const disabled = evaluate({ ...pensioner, age: 60, disability: true }).find((r) => r.id === 'kortrijk.taxibon') as Result;
    for (const lang of languages) {
      const i18n = i18ns[lang] as I18n;
      expect(sentencesOf(i18n, old).some((s) => s.includes('78')), lang).toBe(true);
      expect(sentencesOf(i18n, disabled), lang).toContain(i18n.tr('facts.disability.true'));
      expect(sentencesOf(i18n, disabled).some((s) => s.includes('60')), lang).toBe(false);
    }
  });
});

describe('a right page', () => {
  it('gives the reason right after "Waarom?", before anything else', async () => {
    await renderApp({ route: `#/recht/${encodeURIComponent('kortrijk.sociaal-tarief')}`, answers: couple });
    const why = await screen.findByRole('heading', { name: 'Waarom?' });
    const next = why.nextElementSibling as HTMLElement;
    expect(next.classList.contains('status')).toBe(false);
    expect(next.textContent).toMatch(/^Het inkomen van je gezin is €\s163,50 per maand te hoog/);
  });

  it('shows no steps and nothing to bring for a right not in force at the date', async () => {
    await renderApp({ route: `#/recht/${encodeURIComponent('kortrijk.extra-sociaal-tarief')}`, answers: couple, date: '2026-03-01' });
    await screen.findByText(/Dit recht bestaat niet op/);
    expect(screen.queryByRole('heading', { name: 'Zo vraag je het aan' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Neem dit mee' })).toBeNull();
  });

  it('says "your household has … more income" for a near miss, never "you earn"', async () => {
    await renderApp({ route: '#/resultaten', answers: couple });
    expect(await screen.findByText(sentence('Je gezin heeft € 163,50 per maand meer inkomen dan de grens voor Sociaal tarief van de stad.'))).toBeTruthy();
  });
});

describe('words in the language', () => {
  it('capitalises the Turkish way and lists with the language\'s own marks', () => {
    expect(capitalise('istanbul', 'tr')).toBe('İstanbul');
    expect(capitalise('istanbul', 'nl')).toBe('Istanbul');
    const statuses = rules.ruleset.questions.find((q) => q.key === 'statuses');
    const ages = rules.ruleset.questions.find((q) => q.key === 'children');
    if (!statuses || !ages) throw new Error('questions missing');
    const ar = i18ns.ar as I18n;
    expect(answerText(ar, statuses, ['leefloon', 'igo'])).not.toMatch(/[;,] /);
    expect(answerText(ar, ages, [{ age: 1 }, { age: 4 }, { age: 7 }])).not.toMatch(/,/);
    expect(answerText(i18ns.nl as I18n, ages, [{ age: 1 }, { age: 4 }])).toBe('2 kinderen: 1 jaar en 4 jaar');
  });
});

describe('the way back from a right', () => {
  it('is within two Tab presses of the title, which takes the focus', async () => {
    const { router } = await renderApp({ route: '#/resultaten', answers: couple });
    router.navigate(`#/recht/${encodeURIComponent('kortrijk.sociaal-tarief')}`);
    const title = await screen.findByRole('heading', { level: 1, name: 'Sociaal tarief van de stad' });
    await waitFor(() => expect(document.activeElement).toBe(title));
    const focusable = [...document.querySelectorAll<HTMLElement>('a[href], button, select, input, summary')];
    const after = focusable.filter((el) => title.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    const back = screen.getByRole('link', { name: 'Terug naar je resultaten' });
    expect(after.indexOf(back)).toBeGreaterThanOrEqual(0);
    expect(after.indexOf(back)).toBeLessThan(2);
  });
});
