/**
 * The provider of the household's municipality on a right's page, in its steps, on the hand-over sheet
 * and in the caseload: Kortrijk's Sociaal Huis, Harelbeke's Huis van Welzijn, and where the rules have
 * no address of the municipality's own office, the plain "OCMW / Sociaal Huis van je gemeente" in
 * every language (never Kortrijk's address for a resident of Wevelgem).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createI18n, languages as LANGUAGES } from '../../src/i18n';
import { EXAMPLE_4_DATE, pensionerOnHeatingOil } from '../fixtures/households';
import { renderApp } from './helpers';
import { memoryVault, renderInMode } from './mode-helpers';

const RIGHT = 'federaal.verwarmingstoelage';
const where = (container: HTMLElement) => container.querySelector('.provider .provider-name')?.textContent;
const fallbackName = (lang: string) =>
  (JSON.parse(readFileSync(join(process.cwd(), 'locales', lang, 'rules.json'), 'utf8')) as { providers: { ocmw: { name: string } } })
    .providers.ocmw.name;

describe('the provider of the municipality', () => {
  it('on the right page: Sociaal Huis Kortrijk with its address, Huis van Welzijn Harelbeke, the plain words for Wevelgem', async () => {
    const app = await renderApp({ route: `#/recht/${RIGHT}`, answers: pensionerOnHeatingOil, date: EXAMPLE_4_DATE });
    await screen.findByRole('heading', { level: 1 });
    expect(where(app.container)).toBe('Sociaal Huis Kortrijk');
    expect(app.container.textContent).toContain('Budastraat 27, 8500 Kortrijk');
    app.state.actions.chooseMunicipality('harelbeke');
    await waitFor(() => expect(where(app.container)).toBe('Huis van Welzijn Harelbeke'));
    expect(app.container.textContent).not.toContain('Budastraat');
    app.state.actions.chooseMunicipality('wevelgem');
    await waitFor(() => expect(where(app.container)).toBe('Het OCMW / Sociaal Huis van je gemeente'));
    expect(app.container.textContent).not.toContain('Budastraat');
  });

  it('the plain words in all six languages', async () => {
    expect(LANGUAGES.length).toBe(6);
    for (const lang of LANGUAGES) {
      const app = await renderApp({
        route: `#/recht/${RIGHT}`,
        answers: { ...pensionerOnHeatingOil, municipality: 'wevelgem' },
        date: EXAMPLE_4_DATE,
        i18n: await createI18n(lang),
      });
      await screen.findByRole('heading', { level: 1 });
      const name = fallbackName(lang);
      expect(name, lang).toMatch(/OCMW/);
      expect(where(app.container), lang).toBe(name);
      app.container.remove();
    }
  });

  it('on the hand-over sheet: a place without address sends a Wevelgem resident to their own OCMW, a Kortrijk one to the Sociaal Huis', async () => {
    const app = await renderApp({ route: '#/blad', answers: { ...pensionerOnHeatingOil, municipality: 'wevelgem' }, date: EXAMPLE_4_DATE });
    const sheet = await screen.findByRole('article');
    const right = sheet.querySelector(`[data-right="${RIGHT}"] .handover-where`);
    expect(right?.textContent).toContain('Het OCMW / Sociaal Huis van je gemeente');
    const asks = [...sheet.querySelectorAll('.handover-where')].map((p) => p.textContent ?? '');
    expect(asks.some((t) => /Vraag waar je moet zijn bij Het OCMW \/ Sociaal Huis van je gemeente/.test(t))).toBe(true);
    expect(sheet.textContent).not.toContain('Budastraat');
    app.state.actions.chooseMunicipality('kortrijk');
    await waitFor(() => expect(sheet.querySelector(`[data-right="${RIGHT}"] .handover-where`)?.textContent).toContain('Sociaal Huis Kortrijk'));
    expect(sheet.textContent).toContain('Budastraat 27, 8500 Kortrijk');
  });
});

describe('the caseload household carries its municipality', () => {
  it('is chosen on the quick entry (Kortrijk until then); results, save and sheet follow it', async () => {
    const vault = await memoryVault();
    const { municipality: _, ...answers } = pensionerOnHeatingOil;
    const h = await vault.create('Dhr. Claeys', answers);
    const { container, router } = await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault }, date: EXAMPLE_4_DATE });
    await screen.findByRole('heading', { level: 2, name: 'Gegevens van het gezin' }, { timeout: 5000 });
    const select = screen.getByLabelText('Gemeente waar het gezin woont') as HTMLSelectElement;
    expect(select.value).toBe('kortrijk');
    expect(container.querySelector('.quick-field[data-key="municipality"]')?.getAttribute('data-state')).toBe('default');
    await waitFor(() => expect(container.querySelector('.live-result[data-right="kortrijk.taxibon"]')).not.toBeNull());
    fireEvent.change(select, { target: { value: 'harelbeke' } });
    await waitFor(() => expect(container.querySelector('.live-result[data-right="kortrijk.taxibon"]')).toBeNull());
    await waitFor(async () => expect((await vault.get(h.id)).answers.municipality).toBe('harelbeke'));
    router.navigate(`#/hulpverlener/gezin/${h.id}/blad`);
    const sheet = await screen.findByRole('article');
    await waitFor(() => expect(within(sheet).getAllByText(/Huis van Welzijn Harelbeke/).length).toBeGreaterThan(0));
    expect(sheet.textContent).not.toContain('Budastraat');
  });
});
