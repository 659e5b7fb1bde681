/**
 * Every value placed in a translated sentence is isolated where it is rendered: a phone number keeps
 * its digit groups in order inside an Arabic sentence. Every string that holds a placeholder, in every
 * language, goes through the one renderer with a phone number in each placeholder.
 */
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import arApp from '../../locales/ar/app.json';
import arRules from '../../locales/ar/rules.json';
import { createI18n, type I18n, languages, type Part, plain } from '../../src/i18n';
import { loadRules } from '../fixtures/release';
import { Rich } from '../../src/ui/components/Rich';
import { type Services, ServicesContext } from '../../src/ui/context';
import { singleMother } from '../fixtures/households';
import { renderApp } from './helpers';

const PHONE = '056 24 42 22';

/** Every key of a locale file whose text fills something in, with the names it fills in. */
function placeholders(tree: unknown, prefix = ''): [string, string[]][] {
  if (typeof tree === 'string') {
    const names = [...tree.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] as string);
    return names.length ? [[prefix.replace(/_(zero|one|two|few|many|other)$/, ''), names]] : [];
  }
  if (tree && typeof tree === 'object') return Object.entries(tree).flatMap(([k, v]) => placeholders(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** Options that put the phone number in every placeholder ("provider.phone" nests). */
function phoneEverywhere(names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { count: 2 };
  for (const name of names) {
    if (name === 'count') continue;
    const path = name.split('.');
    let node = out;
    for (const p of path.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[path.at(-1) as string] = PHONE;
  }
  return out;
}

function renderParts(i18n: I18n, parts: Part[]): Element {
  const { container } = render(
    <ServicesContext.Provider value={{ i18n } as unknown as Services}>
      <p dir={i18n.language.value === 'ar' ? 'rtl' : 'ltr'}>
        <Rich parts={parts} />
      </p>
    </ServicesContext.Provider>,
  );
  return container;
}

afterEach(cleanup);

describe('values inside translated sentences', () => {
  let ar: I18n;
  beforeAll(async () => {
    ar = await createI18n('ar');
    const rules = await loadRules();
    // rule texts name parameters ({{param.…}}): give every parameter the phone number
    const { signal } = await import('@preact/signals');
    ar.setRuleParameters(signal(Object.fromEntries([...rules.ruleset.parameters.keys()].map((id) => [id, { value: 0, unit: 'phone' }]))));
  });

  it('keeps a phone number left to right in every Arabic string that fills something in', () => {
    const keys = [
      ...placeholders(arApp).map(([k, n]) => ({ k, n, parts: (o: Record<string, unknown>) => ar.tParts(k as never, o) })),
      ...placeholders(arRules).map(([k, n]) => ({ k, n, parts: (o: Record<string, unknown>) => ar.trParts(k, o) })),
    ];
    expect(keys.length).toBeGreaterThan(50);
    for (const { k, n, parts } of keys) {
      const named = n.filter((x) => x !== 'count' && !x.startsWith('param.'));
      if (!named.length) continue;
      const container = renderParts(ar, parts(phoneEverywhere(named)));
      const isolated = [...container.querySelectorAll('bdi[dir="ltr"]')].map((b) => b.textContent);
      expect(isolated.filter((t) => t === PHONE).length, k).toBe(named.length);
      // nothing of the number is left outside an isolate
      const loose = [...container.querySelectorAll('p')].map((p) => [...p.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join(''));
      expect(loose.join(''), k).not.toContain('056');
      cleanup();
    }
  });

  it('gives plain strings with no invisible characters to everything that is not the page', async () => {
    for (const lang of languages) {
      const i18n = await createI18n(lang);
      const text = i18n.t('share.sheet.phone', { phone: PHONE });
      expect(text).toContain(PHONE);
      expect(text).not.toMatch(/[\u200e\u200f\u2066-\u2069\ue000\ue001]/);
      expect(plain(i18n.tParts('share.sheet.phone', { phone: PHONE }))).toBe(text);
    }
  });

  it('keeps a bracketed Dutch term of an Arabic sentence together, brackets paired', () => {
    const container = renderParts(ar, ['يحسب (Kortrijks Menswaardig Inkomen, KMI) كم']);
    const term = container.querySelector('bdi.term') as HTMLElement;
    expect(term.getAttribute('dir')).toBe('ltr');
    expect(term.textContent).toBe('(Kortrijks Menswaardig Inkomen, KMI)');
  });
});

describe('bracketed Latin terms on Arabic screens', () => {
  /**
   * A "(" that opens a Latin term, in a text laid out right to left: it must sit in a left-to-right
   * isolate, or its brackets take the Arabic direction ("verhoogde (التعويض" / "(tegemoetkoming").
   */
  const loose = (root: Element) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      // (an <option> holds text only: the browser lays out a list of choices by itself)
      // brackets holding Arabic too take the Arabic direction by themselves: only all-Latin ones
      if (/\([A-Za-zÀ-ÿ][^()\u0600-\u06ff]*\)/.test(text) && !n.parentElement?.closest('bdi[dir="ltr"], option')) out.push(text);
    }
    return out;
  };

  it.each([
    ['#/catalogus', 'catalogue'],
    ['#/resultaten', 'results'],
    ['#/recht/kortrijk.sociaal-tarief', 'right'],
    ['#/recht/federaal.verhoogde-tegemoetkoming', 'right'],
    ['#/overzicht', 'summary'],
    ['#/blad', 'sheet'],
  ])('isolates them on %s: titles, links and sentences alike', async (route, name) => {
    const { container } = await renderApp({ route, answers: { ...singleMother, statuses: ['leefloon', 'verhoogde-tegemoetkoming'] }, i18n: await createI18n('ar') });
    await waitFor(() => expect(container.querySelector(`main[data-screen="${name}"] h1`)).toBeTruthy());
    await waitFor(() => expect(container.querySelector('main .loading')).toBeNull());
    if (name !== 'summary') expect(container.querySelectorAll('bdi.term').length, 'some Latin terms are on the screen').toBeGreaterThan(0);
    // a glossary term's explanation is there too, only hidden until pressed
    expect(loose(container)).toEqual([]);
    // and no Latin comma or semicolon joins Arabic parts (a list, a name and an address): only inside a
    // value of its own (a Dutch address keeps its comma), or a figure's group mark (1,950 €)
    const latin: string[] = [];
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (/(?<!\d)[,;]|[,;](?!\d)/.test(n.textContent ?? '') && !n.parentElement?.closest('bdi, option, [lang="nl"]')) latin.push(n.textContent ?? '');
    }
    expect(latin).toEqual([]);
  });
});

describe('joining words', () => {
  it('are written as each language writes them: the Arabic "and" is joined to the next word', async () => {
    const { container } = await renderApp({ route: '#/recht/kortrijk.sociaal-tarief', i18n: await createI18n('ar') });
    await waitFor(() => expect(container.querySelector('main[data-screen="right"] .provider')).toBeTruthy());
    const hours = (container.querySelector('.provider') as HTMLElement).textContent ?? '';
    expect(hours).toMatch(/ومن/);
    expect(hours).not.toMatch(/و\s+من/);
    cleanup();
    const nl = await renderApp({ route: '#/recht/kortrijk.sociaal-tarief', i18n: await createI18n('nl') });
    await waitFor(() => expect(nl.container.querySelector('main[data-screen="right"] .provider')).toBeTruthy());
    expect(nl.container.querySelector('.provider')?.textContent).toMatch(/12:00 en 13:00/);
  });
});
