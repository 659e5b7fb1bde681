/**
 * The words around the app come from the locale files, in all six languages: the page's title,
 * description and loading text, the installed app's name and description (a manifest per language),
 * and the name of a caseload export file. A language that lacks one, or keeps the Dutch one, fails.
 */
import { signal } from '@preact/signals';
import { cleanup, render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { appTexts, LANGUAGES, localisedIndexHtml, manifestOf } from '../../vite.config';
import { createI18n, languages } from '../../src/i18n';
import { Loading } from '../../src/ui/components/Loading';
import { type Services, ServicesContext } from '../../src/ui/context';
import { exportFileName } from '../../src/ui/screens/caseload/Transfer';

const nl = appTexts('nl');
const others = languages.filter((l) => l !== 'nl');
const SOURCE_HTML = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../index.html'), 'utf8');

afterEach(() => {
  cleanup();
  document.documentElement.lang = 'nl';
  document.documentElement.dir = 'ltr';
});

describe('the words around the app', () => {
  it('exist for the six languages', () => {
    expect([...LANGUAGES].sort()).toEqual([...languages].sort());
    expect(languages).toHaveLength(6);
  });

  it.each(languages)('give the installed app (%s) its name and description in that language', (lang) => {
    const own = appTexts(lang);
    const manifest = manifestOf(lang);
    expect(manifest).toEqual({ name: own.name, short_name: own.shortName, description: own.description, lang });
    for (const value of [manifest.name, manifest.short_name, manifest.description]) expect(value?.trim()).toBeTruthy();
    if (lang !== 'nl') {
      expect(manifest.name).not.toBe(nl.name);
      expect(manifest.short_name).not.toBe(nl.shortName);
      expect(manifest.description).not.toBe(nl.description);
    }
  });

  it("put the Dutch source's title, description and loading text into index.html: none is typed there", () => {
    const page = new DOMParser().parseFromString(localisedIndexHtml(SOURCE_HTML), 'text/html');
    expect(page.title).toBe(nl.name);
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(nl.description);
    expect(page.querySelector('meta[name="apple-mobile-web-app-title"]')?.getAttribute('content')).toBe(nl.shortName);
    expect(page.querySelector('.loading')?.textContent).toBe(nl.loading);
    // every text typed in index.html is replaced: a text left behind would stay Dutch-only
    const blanked = SOURCE_HTML.replace(/<title>[^<]*/, '<title>TYPED')
      .replace(/(name="description" content=")[^"]*/, '$1TYPED')
      .replace(/(name="apple-mobile-web-app-title" content=")[^"]*/, '$1TYPED')
      .replace(/(<p class="loading">)[^<]*/, '$1TYPED')
      .replace(/(<span class="site-name">)[^<]*/, '$1TYPED');
    expect(blanked.match(/TYPED/g)?.length).toBe(5);
    expect(localisedIndexHtml(blanked)).not.toContain('TYPED');
  });

  it.each(others)('follow the language chosen on the page (%s): description, title of the icon, loading text', async (lang) => {
    document.head.innerHTML = '<meta name="description" content=""><meta name="apple-mobile-web-app-title" content="">';
    const i18n = await createI18n(lang);
    const own = appTexts(lang);
    expect(document.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(own.description);
    expect(document.querySelector('meta[name="apple-mobile-web-app-title"]')?.getAttribute('content')).toBe(own.shortName);
    const services = { i18n, state: { rulesError: signal(null) } } as unknown as Services;
    const { container } = render(
      <ServicesContext.Provider value={services}>
        <Loading />
      </ServicesContext.Provider>,
    );
    expect(container.textContent).toBe(own.loading);
    expect(own.loading).not.toBe(nl.loading);
  });

  it.each(languages)('name an export file in %s, in letters every file system keeps', async (lang) => {
    const i18n = await createI18n(lang);
    const one = exportFileName(i18n, true, '2025-03-01');
    const all = exportFileName(i18n, false, '2025-03-01');
    for (const name of [one, all]) expect(name).toMatch(/^[a-z][a-z0-9-]*-2025-03-01\.json$/);
    expect(one).not.toBe(all);
    if (lang !== 'nl') {
      const dutch = await createI18n('nl');
      // not a word of the Dutch name: neither the app's nor what the file holds
      for (const word of exportFileName(dutch, true, 'x').split(/[-.]/).slice(0, -2)) expect(one).not.toContain(word);
      for (const word of exportFileName(dutch, false, 'x').split(/[-.]/).slice(0, -2)) expect(all).not.toContain(word);
    }
  });
});
