/** The privacy page: plain words in every language, reachable from every screen. */
import { cleanup, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
import { singleMother } from '../fixtures/households';
import { renderApp } from './helpers';
import { renderInMode } from './mode-helpers';

const LINK: Record<string, string> = { nl: 'Privacy', fr: 'Vie privée', en: 'Privacy', ar: 'الخصوصية', tr: 'Gizlilik', uk: 'Приватність' };

describe('the privacy page', () => {
  it('is linked from the footer of every screen, the kiosk and the caseload too', async () => {
    for (const route of ['#/', '#/vragen', '#/overzicht', '#/resultaten', '#/catalogus', '#/delen', '#/blad', '#/hulpverlener', '#/recht/kortrijk.sociaal-tarief', '#/nergens']) {
      await renderApp({ route, answers: singleMother });
      const links = await screen.findAllByRole('link', { name: 'Privacy' });
      expect(links.map((a) => a.getAttribute('href')), route).toContain('#/privacy');
      cleanup();
    }
    await renderInMode({ route: '#/resultaten', answers: singleMother, mode: { kind: 'kiosk' } });
    expect(screen.getByRole('link', { name: 'Privacy' }).getAttribute('href')).toBe('#/privacy');
  });

  it('says in Dutch what is kept, where, how long, how to erase it, and that nothing is sent', async () => {
    await renderApp({ route: '#/privacy' });
    screen.getByRole('heading', { level: 1, name: 'Je privacy' });
    for (const h of ['Wat sturen we door?', 'Wat bewaren we, en waar?', 'Hoe lang?', 'Alles wissen', 'Op een openbaar toestel']) {
      screen.getByRole('heading', { level: 2, name: h });
    }
    const text = document.querySelector('main')?.textContent ?? '';
    expect(text).toMatch(/Niets\./);
    expect(text).toMatch(/in de browser op dit toestel/);
    expect(text).toMatch(/Wis mijn antwoorden/);
    expect(text).toMatch(/code van 15 cijfers/);
  });

  it('exists in all six languages, each section filled and different from Dutch', async () => {
    const dutch: string[] = [];
    for (const lang of ['nl', 'fr', 'en', 'ar', 'tr', 'uk']) {
      await renderApp({ route: '#/privacy', i18n: await createI18n(lang) });
      const sections = [...document.querySelectorAll('article.privacy section')].map((s) => s.textContent ?? '');
      expect(sections.length, lang).toBe(7);
      for (const s of sections) expect(s.length, lang).toBeGreaterThan(20);
      if (lang === 'nl') dutch.push(...sections);
      else for (const [i, s] of sections.entries()) expect(s, `${lang} section ${i}`).not.toBe(dutch[i]);
      expect(screen.getByRole('link', { name: LINK[lang]! }).getAttribute('href')).toBe('#/privacy');
      cleanup();
    }
  });
});
