/** Renders the whole app with a fresh state, storage, router and i18n: one per test. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { Answers } from '../../src/engine';
import { createI18n, type I18n } from '../../src/i18n';
import { createPwa } from '../../src/pwa';
import { type AppState, createAppState } from '../../src/state/app-state';
import type { LoadedRules } from '../../src/state/rules';
import { loadRules } from '../fixtures/release';
import { createMemoryStorage, type Storage } from '../../src/storage';
import { App } from '../../src/ui/App';
import { createRouter, type Router } from '../../src/ui/router';
import { loadResidentScreens } from '../../src/ui/screens/lazy';
import type { Speech } from '../../src/ui/speech';
import { EXAMPLE_DATE } from '../fixtures/households';

let rules: Promise<LoadedRules> | undefined;
export const sharedRules = () => (rules ??= loadRules());

let i18nPromise: Promise<I18n> | undefined;
export const dutch = () => (i18nPromise ??= createI18n('nl'));

/** The app's date in these tests: the date of the worked examples. */
export const DATE = EXAMPLE_DATE;

export interface Rendered {
  state: AppState;
  router: Router;
  storage: Storage;
  i18n: I18n;
  container: HTMLElement;
}

export async function renderApp(
  options: {
    route?: string;
    answers?: Answers;
    skipped?: string[];
    storage?: Storage;
    date?: string;
    /** a test that changes the language brings its own i18n (the Dutch one is shared) */
    i18n?: I18n;
    speech?: Speech;
  } = {},
): Promise<Rendered> {
  const storage = options.storage ?? createMemoryStorage();
  if (options.answers || options.skipped) {
    await storage.putHousehold({
      v: 1,
      id: 'default',
      answers: options.answers ?? {},
      skipped: options.skipped ?? [],
      history: Object.keys(options.answers ?? {}),
      drafts: {},
      updatedAt: new Date().toISOString(),
    });
  }
  const [loaded, i18n] = await Promise.all([sharedRules(), options.i18n ?? dutch(), loadResidentScreens()]);
  const state = createAppState({ storage, date: options.date ?? DATE, rules: loaded });
  await state.actions.restore();
  i18n.setRuleParameters(state.parameterValues);
  window.location.hash = options.route ?? '#/';
  const router = createRouter(window);
  const pwa = createPwa();
  const { container } = render(<App services={{ state, i18n, pwa, router, speech: options.speech }} />);
  disposers.push(() => {
    router.dispose();
    state.dispose();
  });
  return { state, router, storage, i18n, container: container as HTMLElement };
}

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.splice(0)) d();
  window.location.hash = '';
});

const normal = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * A text matcher for a whole sentence whose figures are isolated in <bdi> elements: it matches the
 * innermost element (not a <bdi>) whose text is the sentence.
 */
export const sentence =
  (text: string | RegExp) =>
  (_: string, el: Element | null): boolean => {
    const is = (e: Element) => (typeof text === 'string' ? normal(e.textContent) === text : text.test(normal(e.textContent)));
    if (!el || el.tagName === 'BDI' || !is(el)) return false;
    return ![...el.children].some((c) => c.tagName !== 'BDI' && is(c));
  };
