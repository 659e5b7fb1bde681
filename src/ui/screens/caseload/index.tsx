/**
 * The professionals' mode (#/hulpverlener): a caseload of households, encrypted on this device,
 * behind a passphrase. Loaded in its own chunk. Not offered on a kiosk (a shared screen). Its state
 * (src/state/caseload) is made once per app state, on first use.
 */
import { useEffect } from 'preact/hooks';
import type { AppState } from '../../../state/app-state';
import { type CaseloadState, createCaseloadState } from '../../../state/caseload';
import { Heading } from '../../components/Heading';
import { useServices } from '../../context';
import { useMode } from '../../modes/context';
import type { Route } from '../../router';
import { CaseloadHome } from './CaseloadHome';
import { CaseloadContext } from './context';
import { HouseholdScreen, HouseholdSheet } from './HouseholdScreen';
import { VaultGate } from './VaultGate';
import './caseload.css';

const ACTIVITY = ['pointerdown', 'keydown', 'input'] as const;

const caseloads = new WeakMap<AppState, CaseloadState>();

export type CaseloadRoute = Extract<Route, { name: 'caseload' | 'household' | 'household-sheet' }>;

export default function CaseloadScreens({ route }: { route: CaseloadRoute }) {
  const { i18n, state, settings } = useServices();
  const mode = useMode();
  let caseload: CaseloadState | null = null;
  if (mode.kind !== 'kiosk') {
    caseload = caseloads.get(state) ?? null;
    if (!caseload) {
      caseload = createCaseloadState({ date: state.date, rules: state.rules, vault: mode.vault, idleMs: mode.idleMs, settings });
      caseloads.set(state, caseload);
    }
  }

  // Activity keeps the vault open; after the idle time without any, it locks itself.
  useEffect(() => {
    if (!caseload) return;
    const touch = caseload.actions.touch;
    for (const type of ACTIVITY) document.addEventListener(type, touch, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, touch, { capture: true });
    };
  }, [caseload]);

  if (!caseload) {
    return (
      <>
        <Heading title={i18n.t('caseload.title')} />
        <p class="notice">{i18n.t('caseload.notOnKiosk')}</p>
      </>
    );
  }
  return (
    <CaseloadContext.Provider value={caseload}>
      <VaultGate atList={route.name === 'caseload'}>
        {route.name === 'caseload' ? (
          <CaseloadHome />
        ) : route.name === 'household' ? (
          <HouseholdScreen key={route.id} id={route.id} />
        ) : (
          <HouseholdSheet key={route.id} id={route.id} />
        )}
      </VaultGate>
    </CaseloadContext.Provider>
  );
}
