/**
 * Which mode this tab runs in, read once at start-up:
 * - `resident`: a person on their own phone; answers are kept on the device (IndexedDB);
 * - `kiosk`: a shared screen (library, wijkcentra), started with `?mode=kiosk`; answers live in
 *   memory only and are wiped after some idle time. The tab remembers the mode in sessionStorage
 *   under one key holding only the word "kiosk", so a reload without the query stays a kiosk.
 * `?idle=<seconds>` sets the idle time (the kiosk's wipe, the caseload's lock); tests use a few seconds.
 */

export type ModeKind = 'resident' | 'kiosk';

export const MODE_STORAGE_KEY = 'rechtenverkenner.mode';
/** The class of the kiosk's idle warning: activity inside it does not count as "still here". */
export const KIOSK_DIALOG_CLASS = 'kiosk-dialog';
export const KIOSK = 'kiosk';

/** A kiosk wipes after 3 minutes without a touch (the warning counts down the last part). */
export const KIOSK_IDLE_MS = 3 * 60_000;
/** The longest warning before a wipe. */
export const KIOSK_WARNING_MS = 30_000;
/** The caseload locks after 5 minutes without activity. */
export const CASELOAD_IDLE_MS = 5 * 60_000;

export interface ModeSettings {
  kind: ModeKind;
  /** `?idle=` in ms, when given (1 s to 24 h); null otherwise */
  idleMs: number | null;
}

interface SessionStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Reads the mode from the address (`?mode=kiosk`, `?idle=`) and the tab's flag; sets the flag for a kiosk. */
export function detectMode(search: string, session: SessionStore | null): ModeSettings {
  const params = new URLSearchParams(search);
  const idle = Number(params.get('idle'));
  const idleMs = params.has('idle') && Number.isFinite(idle) && idle >= 1 && idle <= 86_400 ? Math.round(idle * 1000) : null;
  let flagged = false;
  try {
    flagged = session?.getItem(MODE_STORAGE_KEY) === KIOSK;
  } catch {
    // sessionStorage refused (some privacy settings): the query alone decides
  }
  const kiosk = params.get('mode') === KIOSK || flagged;
  if (kiosk && !flagged) {
    try {
      session?.setItem(MODE_STORAGE_KEY, KIOSK);
    } catch {
      // the query keeps the mode for this page
    }
  }
  return { kind: kiosk ? 'kiosk' : 'resident', idleMs };
}

/** How long a kiosk waits before the warning, and how long the warning counts down. */
export function kioskTimes(idleMs: number | null): { idleMs: number; warningMs: number } {
  const total = idleMs ?? KIOSK_IDLE_MS;
  // The warning takes the last part of the idle time, at most 30 s, at least 1 s.
  const warningMs = Math.max(1000, Math.min(KIOSK_WARNING_MS, Math.round(total / 2)));
  return { idleMs: Math.max(0, total - warningMs), warningMs };
}

/** Does this address carry a shared result (`#s=…` sealed, or an old `#r=…`)? Cheap: the decoder is loaded only then. */
export const hasShareHash = (hash: string): boolean => /^#(?:.*&)?[rs]=/.test(hash);
