/**
 * Start-up: the engine and rules start loading at once (their own chunk), the device store and the
 * language are opened, the saved answers restored, then the app is rendered and the service worker
 * registered.
 */
import { render } from 'preact';
import { createI18n, pickLanguage } from './i18n';
import { createPwa } from './pwa';
import { createAppState } from './state/app-state';
import { localDate } from './state/date';
import { loadRules } from './state/rules';
import { ModeRoot } from './ui/modes/ModeRoot';
import { openSession } from './state/session';
import { createRouter, paths } from './ui/router';
import './ui/styles.css';
import './ui/screens.css';
import './ui/languages.css';

async function start() {
  const rules = loadRules();
  // The mode (resident or kiosk) decides the store; a share link opens in memory (src/state/session.ts).
  const session = await openSession(window, rules, paths);
  const { storage } = session;
  const savedLanguage = await session.settings.getSetting<string>('language').catch(() => undefined);
  const i18n = createI18n(pickLanguage(savedLanguage, navigator.languages));
  const state = createAppState({ storage, date: localDate() });
  rules.then(state.actions.setRules, (e: unknown) => state.actions.setRulesError(e instanceof Error ? e.message : String(e)));
  const [ready] = await Promise.all([i18n, state.actions.restore()]);
  ready.setRuleParameters(state.parameterValues);
  const router = createRouter();
  const pwa = createPwa({ beforeReload: () => state.actions.flush() });
  const root = document.getElementById('app') as HTMLElement;
  root.textContent = '';
  render(<ModeRoot session={session} services={{ state, i18n: ready, pwa, router, settings: session.settings }} />, root);

  // The date of evaluation is today's: a page left open overnight moves to the new day.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') state.actions.setDate(localDate());
  });
  void pwa.register();
}

void start();
