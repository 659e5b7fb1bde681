/**
 * Start-up of a tab: its mode (resident or kiosk), the store the answers go to, and a shared result
 * when the address carries one (`#r=…`, see src/share/link.ts).
 *
 * - Kiosk: a memory store only. Nothing with answers reaches IndexedDB, localStorage or the caches.
 * - A shared result: shown from a memory store holding the shared answers, so the person's own
 *   answers on this device are untouched until they choose to keep it (`keep`). A sealed link
 *   (`#s=…`, src/share/sealed-link.ts) waits in `locked` for the code typed beside it.
 * - Every shared result passes the questionnaire's own checks (src/state/imported.ts) first.
 * - Otherwise: the device store (IndexedDB), as before.
 */
import type { ShareLinkProblem } from '../share/link';
import type { LoadedRules } from './rules';
import type { LockedStart, SharedStart } from './shared-start';
import { createMemoryStorage, openStorage, type Storage } from '../storage';
import { detectMode, hasShareHash, type ModeSettings } from './mode';

export type { LockedStart, SharedStart } from './shared-start';

export interface Session {
  mode: ModeSettings;
  /** where the app state reads and writes answers */
  storage: Storage;
  /** where settings such as the language are read at start */
  settings: Storage;
  shared: SharedStart | null;
  /** a sealed share link waiting for its code, or null */
  locked: LockedStart | null;
  /** a share link that could not be read, with why */
  shareError: ShareLinkProblem | null;
  /** leaves this page for the app at `hash` (reloading: a shared view is dropped from memory) */
  restart(hash: string): void;
}

/** Where the app lands after reading a share link: its results, or its start when the link was broken. */
export interface Landing {
  results: string;
  home: string;
}

/**
 * `rules`: the rules being loaded, to check a shared result against the questionnaire; `landing`: the
 * routes to open after a share link (the UI's).
 */
export async function openSession(win: Window, rules: Promise<LoadedRules>, landing: Landing): Promise<Session> {
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

  // A share link (its own chunk): read and checked first, shown from memory, or waiting for its code.
  const hash = win.location.hash;
  const link = hasShareHash(hash) ? await import('./shared-start') : null;
  const read = link ? await link.readShare(hash, rules) : null;
  const shareError = read?.shareError ?? null;
  // The link leaves the address bar (and the tab's history entry) at once.
  if (read) win.history.replaceState(null, '', `${base()}${read.shared ? landing.results : landing.home}`);

  const device = kiosk ? null : await openStorage();
  // A shared result is shown from memory: the device's own answers stay as they are until "keep".
  const storage = device && !read?.shared && !read?.sealed ? device : createMemoryStorage();
  const settings = device ?? storage;
  const starts = link?.sharedStarts(storage, device, rules);
  const shared = read?.shared && starts ? await starts.show(read.shared) : null;
  const locked = read?.sealed && starts ? starts.locked(read.sealed) : null;
  return { mode, storage, settings, shared, locked, shareError, restart };
}
