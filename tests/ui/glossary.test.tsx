/** Hard words: a glossary as data in every language, and the first use on a screen explained on a press. */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createI18n, languages } from '../../src/i18n';
import { singleMother } from '../fixtures/households';
import { renderApp, sharedRules } from './helpers';

/** The words residents did not know (issue "Words people do not know"), and the others found since. */
const TERMS = [
  'leefloon', 'ocmw', 'verhoogde-tegemoetkoming', 'igo', 'ivt', 'kansentarief', 'schuldbemiddeling', 'budgetbeheer',
  'collectieve-schuldenregeling', 'pleeggast', 'inkomenstarief', 'vrije-prijs', 'belastbaar-inkomen', 'ziekenfonds',
  'groeipakket', 'uitpas',
];

const texts = (tree: unknown): string[] =>
  typeof tree === 'string' ? [tree] : tree && typeof tree === 'object' ? Object.values(tree).flatMap(texts) : [];

describe('the glossary', () => {
  it('explains every term in every language, with words that the language really uses', async () => {
    await sharedRules(); // the glossary is a rule text: it comes with the rules release
    for (const lang of languages) {
      const i18n = await createI18n(lang);
      const glossary = i18n.glossary?.() ?? [];
      const { glossary: _, ...rules } = (await import(`../../locales/${lang}/rules.json`)).default;
      const app = (await import(`../../locales/${lang}/app.json`)).default;
      const all = [...texts(rules), ...texts(app)].join('\n').toLocaleLowerCase(lang);
      for (const id of TERMS) {
        const term = glossary.find((t) => t.id === id);
        expect(term, `${lang}: no glossary entry for ${id}`).toBeDefined();
        expect(term?.text.length, `${lang} ${id}`).toBeGreaterThan(20);
        expect(term?.text.split(/[.!?]\s/).length, `${lang} ${id}: one or two sentences`).toBeLessThanOrEqual(2);
        const used = term?.words.filter((w) => all.includes(w.toLocaleLowerCase(lang))) ?? [];
        expect(used.length, `${lang} ${id}: none of "${term?.words.join(', ')}" is in the texts`).toBeGreaterThan(0);
      }
    }
  });

  it("makes a term's first use on a screen a button that shows its explanation, and only the first", async () => {
    await renderApp({ route: '#/recht/kortrijk.sociaal-tarief', answers: { ...singleMother, statuses: ['leefloon'] } });
    const buttons = document.querySelectorAll('button[data-term="leefloon"]');
    expect(buttons.length).toBe(1);
    const button = buttons[0] as HTMLButtonElement;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(button.getAttribute('aria-controls') as string) as HTMLElement;
    expect(panel.hidden).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    expect(panel.textContent).toContain('Het leefloon is geld van het OCMW');
    // later uses on the same screen stay plain words
    expect(document.body.textContent?.match(/leefloon/gi)?.length).toBeGreaterThan(1);
    expect(screen.getAllByRole('button', { name: 'leefloon' }).length).toBe(1);
  });

  it('keeps the brackets, punctuation and suffix that touch a term on its line, in every language', async () => {
    // A button breaks from the text around it: Turkish showed "OCMW" / "'den" and "(" / "ziekenfonds)" on two lines.
    const screens = [
      { route: '#/vragen', answers: { adults: 1, children: [], netMonthlyIncome: 1234.56 } },
      { route: '#/recht/kortrijk.sociaal-tarief', answers: { ...singleMother, statuses: ['leefloon'] } },
    ];
    let seen = 0;
    for (const lang of languages) {
      for (const { route, answers } of screens) {
        await renderApp({ route, answers, i18n: await createI18n(lang) });
        await screen.findByRole('heading', { level: 1 });
        for (const button of document.querySelectorAll<HTMLElement>('.term-button')) {
          const glue = button.parentElement as HTMLElement;
          expect(glue.classList.contains('term-glue'), `${lang} ${route}: ${button.textContent}`).toBe(true);
          const before = glue.previousSibling?.textContent ?? '';
          const after = glue.nextElementSibling?.classList.contains('term-text')
            ? (glue.nextElementSibling.nextSibling?.textContent ?? '')
            : (glue.nextSibling?.textContent ?? '');
          expect(before, `${lang} ${route}: text right before "${glue.textContent}"`).toMatch(/(^|\s)$/);
          expect(after, `${lang} ${route}: text right after "${glue.textContent}"`).toMatch(/^(\s|$)/);
          seen++;
        }
        cleanup();
      }
    }
    expect(seen).toBeGreaterThan(12);
  });

  it('lists the hard words of a question whose answers cannot hold a button', async () => {
    await renderApp({ route: '#/vragen', answers: { adults: 1, children: [], netMonthlyIncome: 1000 } });
    await screen.findByRole('heading', { level: 1 });
    const form = document.querySelector('form[data-question]');
    expect(form?.getAttribute('data-question')).toBe('statuses');
    const listed = [...document.querySelectorAll('.hard-words button[data-term]')].map((b) => b.getAttribute('data-term'));
    expect(listed).toEqual(expect.arrayContaining(['leefloon', 'igo', 'ivt', 'schuldbemiddeling', 'pleeggast']));
  });
});
