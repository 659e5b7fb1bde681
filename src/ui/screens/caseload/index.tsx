/**
 * The professionals' mode (#/hulpverlener): a caseload of households, encrypted on this device,
 * behind a passphrase. Loaded in its own chunk. Not offered on a kiosk (a shared screen).
 */
import { useEffect } from 'preact/hooks';
import { useMode } from '../../modes/context';
import type { ModeServices } from '../../modes/context';
import type { AppState } from '../../../state/app-state';
import { importedAnswersProblem } from '../../../state/imported';
import { CASELOAD_IDLE_MS } from '../../../state/mode';
import { createVault, type Vault } from '../../../storage/vault';
import { Heading } from '../../components/Heading';
import { Loading } from '../../components/Loading';
import { useServices } from '../../context';
import type { Route } from '../../router';
import { CaseloadHome } from './CaseloadHome';
import { HouseholdScreen, HouseholdSheet } from './HouseholdScreen';
import { VaultGate } from './VaultGate';
import './caseload.css';

let appVault: Vault | undefined;

/** The vault of this app (one per page), or the one a test gives. */
export function vaultOf(mode: ModeServices, state: AppState): Vault {
  if (mode.vault) return mode.vault;
  appVault ??= createVault({
    idleMs: mode.idleMs ?? CASELOAD_IDLE_MS,
    // An imported file's answers pass the questionnaire's own checks, like a share link's.
    checkAnswers: (answers) => {
      const rules = state.rules.peek();
      return rules ? importedAnswersProblem(rules.ruleset.questions, answers) : 'the rules are not loaded';
    },
  });
  return appVault;
}

const ACTIVITY = ['pointerdown', 'keydown', 'input'] as const;

export type CaseloadRoute = Extract<Route, { name: 'caseload' | 'household' | 'household-sheet' }>;

export default function CaseloadScreens({ route }: { route: CaseloadRoute }) {
  const { i18n, state } = useServices();
  const mode = useMode();
  const kiosk = mode.kind === 'kiosk';
  const vault = kiosk ? null : vaultOf(mode, state);

  // Activity keeps the vault open; after `idleMs` without any, it locks itself.
  useEffect(() => {
    if (!vault) return;
    const touch = () => vault.touch();
    for (const type of ACTIVITY) document.addEventListener(type, touch, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, touch, { capture: true });
    };
  }, [vault]);

  if (!vault) {
    return (
      <>
        <Heading title={i18n.t('caseload.title')} />
        <p class="notice">{i18n.t('caseload.notOnKiosk')}</p>
      </>
    );
  }
  const rules = state.rules.value;
  return (
    <VaultGate vault={vault} atList={route.name === 'caseload'}>
      {(gate) => {
        if (route.name === 'caseload') return <CaseloadHome vault={vault} eraseAll={gate.eraseAll} />;
        if (route.name === 'household') return <HouseholdScreen key={route.id} vault={vault} id={route.id} />;
        return rules ? <HouseholdSheet key={route.id} vault={vault} id={route.id} rules={rules} /> : <Loading />;
      }}
    </VaultGate>
  );
}
