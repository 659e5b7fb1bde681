/**
 * main.tsx's twin at build time: the start screen as HTML (vite.config.ts puts it in index.html), so
 * that it paints before the script has loaded. It is what a first visit shows: the resident's start
 * screen in Dutch (the source language and the city's), with nothing answered and the rules not yet
 * loaded (they arrive after the script). When the app starts it renders over this HTML in one step
 * (src/main.tsx): the same screen keeps its elements; another language, mode or screen replaces it.
 * Runs at build time only; nothing of it is in the app's JavaScript.
 */
import { renderToString } from 'preact-render-to-string';
import { createI18n, directionOf, languages } from './i18n';
import { createPwa } from './pwa';
import { createAppState } from './state/app-state';
import { localDate } from './state/date';
import type { Session } from './state/session';
import { createMemoryStorage } from './storage';
import { ModeRoot } from './ui/ModeRoot';
import { createRouter, paths } from './ui/router';

/** The few parts of a window the router reads: the start route, and no events at build time. */
const buildWindow = {
  location: { hash: paths.home },
  history: { replaceState: () => {} },
  addEventListener: () => {},
  removeEventListener: () => {},
} as unknown as Window;

/** The start screen (the inside of #app), and what a browser without JavaScript shows above it. */
export async function renderStartScreen(): Promise<{ app: string; noscript: string }> {
  const storage = createMemoryStorage();
  const session: Session = {
    mode: { kind: 'resident', idleMs: null },
    storage,
    settings: storage,
    shared: null,
    locked: null,
    shareError: null,
    restart: () => {},
  };
  const i18n = await createI18n('nl', { document: false });
  const state = createAppState({ storage, date: localDate() });
  await state.actions.restore();
  const router = createRouter(buildWindow);
  // Nothing works without the script: said in every language, as the person may not read Dutch.
  const noScript = await Promise.all(languages.map(async (lang) => ({ lang, text: (await createI18n(lang, { document: false })).t('app.noScript') })));
  try {
    const page = renderToString(<ModeRoot session={session} services={{ state, i18n, pwa: createPwa(), router, settings: storage }} />);
    // `data-screen` says that a screen is up and running (tests wait for it): the app sets it when it starts.
    const app = page.replace(/(<main [^>]*?) data-screen="home"/, '$1');
    if (app === page) throw new Error('the start screen has no <main data-screen="home">');
    const noscript = renderToString(
      <div class="notice notice-error no-script" role="alert">
        {noScript.map(({ lang, text }) => (
          <p key={lang} lang={lang} dir={directionOf(lang)}>
            {text}
          </p>
        ))}
      </div>,
    );
    return { app, noscript: `<noscript>${noscript}</noscript>` };
  } finally {
    router.dispose();
    state.dispose();
  }
}
