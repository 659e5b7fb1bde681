/** Renders the whole app inside a mode (kiosk, a shared result, a caseload vault): one per test. */
import { cleanup, render } from '@testing-library/preact';
import { afterEach } from 'vitest';
import type { Answers } from '../../src/engine';
import { type ModeServices, ModeContext, residentMode } from '../../src/ui/modes/context';
import { createPwa } from '../../src/pwa';
import { type AppState, createAppState } from '../../src/state/app-state';
import { createMemoryStorage, emptyHousehold } from '../../src/storage';
import { createMemoryVaultAdapter, createVault, type Vault, type VaultOptions } from '../../src/storage/vault';
import { App } from '../../src/ui/App';
import { createRouter, type Router } from '../../src/ui/router';
import { loadResidentScreens, SharedBanner } from '../../src/ui/screens/lazy';
import { DATE, dutch, sharedRules } from './helpers';

export const PASS = 'koffie met taart 42';

/** A vault in memory with few PBKDF2 iterations (fast), already set up and open unless told otherwise. */
export async function memoryVault(options: Partial<VaultOptions> & { open?: boolean } = {}): Promise<Vault> {
  const vault = createVault({ adapter: createMemoryVaultAdapter(), iterations: 1000, ...options });
  if (options.open !== false) await vault.setUp(PASS);
  return vault;
}

export interface ModeRendered {
  state: AppState;
  router: Router;
  mode: ModeServices;
  container: HTMLElement;
}

export async function renderInMode(
  options: { route?: string; answers?: Answers; mode?: Partial<ModeServices>; date?: string } = {},
): Promise<ModeRendered> {
  const storage = createMemoryStorage();
  if (options.answers) {
    await storage.putHousehold({ ...emptyHousehold('default'), answers: options.answers, history: Object.keys(options.answers) });
  }
  const [loaded, i18n] = await Promise.all([sharedRules(), dutch(), loadResidentScreens(), SharedBanner.load()]);
  const state = createAppState({ storage, date: options.date ?? DATE, rules: loaded });
  await state.actions.restore();
  i18n.setRuleParameters(state.parameterValues);
  window.location.hash = options.route ?? '#/';
  const router = createRouter(window);
  const mode = residentMode(options.mode);
  const { container } = render(
    <ModeContext.Provider value={mode}>
      <App services={{ state, i18n, pwa: createPwa(), router }} />
    </ModeContext.Provider>,
  );
  disposers.push(() => {
    router.dispose();
    state.dispose();
    mode.vault?.close();
  });
  return { state, router, mode, container: container as HTMLElement };
}

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.splice(0)) d();
  window.location.hash = '';
});
