/**
 * What only a kiosk runs: its idle timer, its bar and the warning before a wipe. In a chunk of its own
 * (`loadKiosk` in ModeRoot.tsx), loaded before the first render of a kiosk; a phone never loads it.
 */
export { createKioskTimer } from '../state/kiosk';
export { KioskBar, KioskIdleDialog } from './screens/KioskBar';
