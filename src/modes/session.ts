/**
 * Start-up of a tab: its mode (resident or kiosk), the store the answers go to, and a shared result
 * when the address carries one (`#r=…`, see src/share/link.ts).
 *
 * - Kiosk: a memory store only. Nothing with answers reaches IndexedDB, localStorage or the caches.
 * - A shared result: shown from a memory store holding the shared answers, so the person's own
 *   answers on this device are untouched until they choose to keep it (`keep`).
 * - Otherwise: the device store (IndexedDB), as before.
 */
import type { Answers } from '../engine/types';
import type { ShareLinkProblem } from '../share/link';
import { DEFAULT_HOUSEHOLD } from '../state/app-state';
import { createMemoryStorage, emptyHousehold, openStorage, type Storage } from '../storage';
import { detectMode, hasShareHash, type ModeSettings } from './mode';

export interface SharedStart {
  answers: Answers;
  rulesVersion: string;
  /** the day the result was computed on the sharing device */
  date?: string;
  /** this device already holds answers of its own: keeping the shared ones replaces them */
  replacesOwn: boolean;
  /** writes these answers (the shared ones, as they are on screen now) to this device; null in a kiosk */
  keep: ((answers: Answers) => Promise<void>) | null;
}

export interface Session {
  mode: ModeSettings;
  /** where the app state reads and writes answers */
  storage: Storage;
  /** where settings such as the language are read at start */
  settings: Storage;
  shared: SharedStart | null;
  /** a share link that could not be read, with why */
  shareError: ShareLinkProblem | null;
  /** leaves this page for the app at `hash` (reloading: a shared view is dropped from memory) */
  restart(hash: string): void;
}

const RESULTS = '#/resultaten';

function record(id: string, answers: Answers) {
  return { ...emptyHousehold(id), answers, history: Object.keys(answers), updatedAt: new Date().toISOString() };
}

export async function openSession(win: Window): Promise<Session> {
  let tab: Window['sessionStorage'] | null = null;
  try {
    tab = win.sessionStorage;
  } catch {
    // refused by the browser's privacy settings
  }
  const mode = detectMode(win.location.search, tab);
  const kiosk = mode.kind === 'kiosk';
  const base = () => `${win.location.pathname}${win.location.search}`;
  const restart = (hash: string) => {
    win.history.replaceState(null, '', `${base()}${hash}`);
    win.location.reload();
  };

  // A share link opened while the app is already open in this tab: start again with it.
  win.addEventListener('hashchange', () => {
    if (hasShareHash(win.location.hash)) win.location.reload();
  });

  let shared: SharedStart | null = null;
  let shareError: ShareLinkProblem | null = null;
  if (hasShareHash(win.location.hash)) {
    const { decodeShareFragment, ShareLinkError } = await import('../share/link');
    try {
      const result = await decodeShareFragment(win.location.hash);
      shared = { answers: result.answers, rulesVersion: result.rulesVersion, replacesOwn: false, keep: null };
      if (result.date) shared.date = result.date;
    } catch (e) {
      shareError = e instanceof ShareLinkError ? e.problem : 'garbled';
    }
    // The answers leave the address bar (and the tab's history entry) at once.
    win.history.replaceState(null, '', `${base()}${shared ? RESULTS : '#/'}`);
  }

  if (kiosk) {
    const storage = createMemoryStorage();
    if (shared) await storage.putHousehold(record(DEFAULT_HOUSEHOLD, shared.answers));
    return { mode, storage, settings: storage, shared, shareError, restart };
  }
  const device = await openStorage();
  if (!shared) return { mode, storage: device, settings: device, shared, shareError, restart };

  const preview = createMemoryStorage();
  await preview.putHousehold(record(DEFAULT_HOUSEHOLD, shared.answers));
  const own = await device.getHousehold(DEFAULT_HOUSEHOLD).catch(() => undefined);
  shared.replacesOwn = !!own && Object.keys(own.answers).length > 0;
  shared.keep = async (answers) => {
    await device.putHousehold(record(DEFAULT_HOUSEHOLD, answers));
  };
  return { mode, storage: preview, settings: device, shared, shareError, restart };
}
