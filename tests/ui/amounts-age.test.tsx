/** Honest about age: old amounts are said plainly, before the figures, in every language. */
import { cleanup, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
import { amountsAreOld } from '../../src/ui/components/AmountsAge';
import { singleMother } from '../fixtures/households';
import { renderApp, sharedRules } from './helpers';

const notice = () => document.querySelector('.amounts-age') as HTMLElement | null;

describe('amounts older than six months', () => {
  it('counts six calendar months back from the evaluation date', () => {
    expect(amountsAreOld('2025-02-01', '2025-08-01')).toBe(false);
    expect(amountsAreOld('2025-02-01', '2025-08-02')).toBe(true);
    expect(amountsAreOld('2025-06-30', '2025-12-30')).toBe(false);
    expect(amountsAreOld('2024-12-31', '2025-07-01')).toBe(true);
    expect(amountsAreOld(null, '2025-07-01')).toBe(false);
  });

  it('opens the results with a plain notice: the date of the amounts, that they rise, where to ask', async () => {
    const rules = await sharedRules();
    const updated = rules.amountsUpdatedOn(rules.ruleset, '2026-11-29') as string;
    await renderApp({ route: '#/resultaten', answers: singleMother, date: '2026-11-29' });
    const n = notice();
    expect(n).not.toBeNull();
    expect(n?.dataset.amountsUpdated).toBe(updated);
    const text = n?.textContent ?? '';
    // the date of the newest money figure in force, whatever release is current
    expect(text).toContain(new Intl.DateTimeFormat('nl-BE', { dateStyle: 'long' }).format(new Date(`${updated}T12:00:00`)));
    expect(text).toMatch(/stijgen meestal elk jaar/);
    expect(text).toContain(rules.ruleset.providers['sociaal-huis']?.address as string);
    expect(text).toContain(rules.ruleset.providers['sociaal-huis']?.phone as string);
    // before the figures: right under the page title
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.closest('main')?.querySelector('.amounts-age')).toBe(n);
    expect(h1.compareDocumentPosition(n as Node) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(n?.compareDocumentPosition(document.querySelector('.results-section') as Node)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('says nothing when the amounts are recent for the date', async () => {
    await renderApp({ route: '#/resultaten', answers: singleMother, date: '2025-03-01' });
    expect(notice()).toBeNull();
  });

  it("is on a right's page that shows a limit, not on one without a limit", async () => {
    await renderApp({ route: `#/recht/${encodeURIComponent('kortrijk.sociaal-tarief')}`, answers: singleMother, date: '2026-11-29' });
    expect(notice()).not.toBeNull();
    cleanup();
    await renderApp({ route: `#/recht/${encodeURIComponent('kortrijk.deelfabriek')}`, answers: singleMother, date: '2026-11-29' });
    expect(document.querySelector('.right-page')).not.toBeNull();
    expect(notice()).toBeNull();
  });

  it('is in every language, with no key or placeholder left', async () => {
    const rules = await sharedRules();
    const year = (rules.amountsUpdatedOn(rules.ruleset, '2026-11-29') as string).slice(0, 4);
    for (const lang of ['fr', 'en', 'ar', 'tr', 'uk']) {
      const i18n = await createI18n(lang);
      await renderApp({ route: '#/resultaten', answers: singleMother, date: '2026-11-29', i18n });
      const text = notice()?.textContent ?? '';
      expect(text.length).toBeGreaterThan(80);
      expect(text).not.toMatch(/amountsAge|\{\{/);
      expect(text).toContain(year);
      cleanup();
    }
  });
});
