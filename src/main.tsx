/**
 * Start-up: the rules release starts loading at once (the device's copy, then the one beside the app;
 * the engine in its own chunk), the device store and the language are opened, the saved answers
 * restored, then the app is rendered and the service worker registered.
 *
 * The built page already shows the start screen (src/main.prerender.tsx): Dutch, a resident, nothing
 * answered. The app renders over it in one step, once it has what the first screen needs (the language,
 * the answers, the chunk of the screen it opens on, the kiosk's parts): the same screen keeps its
 * elements, any other (a chosen language, a kiosk, the caseload, a reload on the results) replaces it
 * without a "loading" step in between. Until then the page is the plain start screen; its links work.
 */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { applyLanguage, createI18n, pickLanguage, setRuleTexts } from './i18n';
import { createPwa } from './pwa';
import { createRulesUpdater } from './state/rules-update';
import { type AppState, createAppState } from './state/app-state';
import { localDate } from './state/date';
import type { LoadedRules } from './state/rules';
import { detectMode } from './state/mode';
import { openSession } from './state/session';
import { createCacheRulesStore, createRulesStore } from './storage/rules-store';
import { loadKiosk, ModeRoot } from './ui/ModeRoot';
import { createRouter, paths } from './ui/router';
import { loadResidentScreens, loadScreen, SharedBanner } from './ui/screens/lazy';
import './ui/styles.css';
import './ui/screens.css';
import './ui/languages.css';

/** sessionStorage, or null where the browser refuses it */
function tabStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

async function start() {
  // The rules release: the device's copy at once, then the one beside the app (src/state/rules-update.ts).
  // A kiosk keeps nothing personal on the device and no database: it keeps the rules (published, about
  // nobody) in the Cache API, so that a kiosk reloaded offline still has them.
  const kiosk = detectMode(window.location.search, tabStore()).kind === 'kiosk';
  const kioskParts = kiosk ? loadKiosk() : undefined;
  let state: AppState | undefined;
  let first: LoadedRules | undefined;
  let resolveFirst: (rules: LoadedRules) => void = () => undefined;
  let rejectFirst: (e: Error) => void = () => undefined;
  const firstRules = new Promise<LoadedRules>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  const rulesBase = new URL('rules/', document.baseURI).href;
  const rulesUpdate = createRulesUpdater({
    base: rulesBase,
    store: kiosk ? createCacheRulesStore(`${rulesBase}kept-release.json`) : createRulesStore(),
    target: window,
    known: () => (state ? (state.pendingRules.peek() ?? state.rules.peek()) : first)?.release.version ?? null,
    offer: (rules) => {
      first ??= rules;
      resolveFirst(rules);
      state?.actions.offerRules(rules);
    },
  });
  void rulesUpdate.start().then(() => {
    const problem = rulesUpdate.problem.peek();
    if (!first) rejectFirst(new Error(problem?.message ?? 'no rules release'));
  });

  // The mode (resident or kiosk) decides the store; a share link opens in memory (src/state/session.ts).
  const session = await openSession(window, firstRules, paths);
  const { storage } = session;
  const savedLanguage = await session.settings.getSetting<string>('language').catch(() => undefined);
  // <html lang dir> change when the page does (applyLanguage below), not under the Dutch start screen
  const i18n = createI18n(pickLanguage(savedLanguage, navigator.languages), { document: false });
  const appState = createAppState({ storage, date: localDate() });
  state = appState;
  effect(() => setRuleTexts(appState.rules.value?.release.locales ?? {}));
  effect(() => appState.actions.setRulesProblem(rulesUpdate.problem.value));
  // the release offered before the state existed (a newer one since then is already in it)
  firstRules.then(
    (rules) => {
      if (!appState.rules.peek()) appState.actions.offerRules(rules);
    },
    (e: Error) => appState.actions.setRulesError(e.message),
  );
  const router = createRouter();
  const sharing = session.shared !== null || session.locked !== null || session.shareError !== null;
  const [ready, , kioskLoaded] = await Promise.all([
    i18n,
    appState.actions.restore(),
    kioskParts,
    // a chunk that cannot load (offline before it was cached) says so on its screen
    loadScreen(router.route.peek().name).catch(() => null),
    sharing ? SharedBanner.load().catch(() => null) : null,
  ]);
  ready.setRuleParameters(appState.parameterValues);
  const pwa = createPwa({ beforeReload: () => appState.actions.flush() });
  const root = document.getElementById('app') as HTMLElement;
  // Over the start screen of the HTML: Preact reuses the elements it finds and changes what differs.
  applyLanguage(ready);
  render(
    <ModeRoot
      session={session}
      services={{ state: appState, i18n: ready, pwa, router, settings: session.settings }}
      kiosk={kioskLoaded}
    />,
    root,
  );

  // The date of evaluation is today's: a page left open overnight moves to the new day.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') appState.actions.setDate(localDate());
  });
  void pwa.register();
  // the next screens, so that moving on does not wait (the service worker precaches them too)
  void loadResidentScreens().catch(() => {});
}

void start();
