/**
 * What a screen needs to know about the mode of this tab: kiosk or not, a shared result being
 * viewed, the kiosk's idle timer, the caseload vault. One Preact context; without a provider (the
 * resident app in component tests) it is the plain resident mode.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type ReadonlySignal, signal } from '@preact/signals';
import type { ShareLinkProblem } from '../../share/link';
import type { Vault } from '../../storage/vault';
import type { KioskTimer } from '../../state/kiosk';
import type { ModeKind } from '../../state/mode';
import type { SharedStart } from '../../state/session';

export interface ModeServices {
  kind: ModeKind;
  /** `?idle=` in ms, or null for the defaults */
  idleMs: number | null;
  /** the shared result on screen (not kept on this device yet), or null */
  shared: ReadonlySignal<SharedStart | null>;
  /** a sealed share link is waiting for its code */
  locked: ReadonlySignal<boolean>;
  /** opens the sealed link with the typed code; null when it opened, else why not */
  unlockShared(code: string): Promise<ShareLinkProblem | null>;
  /** a share link that could not be opened */
  shareError: ReadonlySignal<ShareLinkProblem | null>;
  /** the kiosk's idle timer (kiosk mode only) */
  kiosk: KioskTimer | null;
  /** the caseload vault, when a test gives one; the app creates its own on first use */
  vault?: Vault;
  /** kiosk: wipe everything and return to the start */
  wipe(): void;
  /** keep the shared result on this device, or close it; then the app starts again */
  keepShared(): Promise<void>;
  closeShared(): void;
}

export function residentMode(overrides: Partial<ModeServices> = {}): ModeServices {
  return {
    kind: 'resident',
    idleMs: null,
    shared: signal(null),
    locked: signal(false),
    unlockShared: async () => 'missing',
    shareError: signal(null),
    kiosk: null,
    wipe: () => {},
    keepShared: async () => {},
    closeShared: () => {},
    ...overrides,
  };
}

export const ModeContext = createContext<ModeServices>(residentMode());

export const useMode = (): ModeServices => useContext(ModeContext);
