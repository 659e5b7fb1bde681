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
import type { Answers } from '../engine/types';
import type { SharedResult, ShareLinkProblem } from '../share/link';
import { DEFAULT_HOUSEHOLD } from './app-state';
import { localDate } from './date';
import { importedResultProblem } from './imported';
import type { LoadedRules } from './rules';
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

export interface LockedStart {
  /** opens the sealed link with the typed code; the shared result is then in this tab's store */
  unlock(code: string): Promise<{ shared: SharedStart } | { problem: ShareLinkProblem }>;
}

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

function record(id: string, answers: Answers) {
  return { ...emptyHousehold(id), answers, history: Object.keys(answers), updatedAt: new Date().toISOString() };
}

/** The one check of an imported result: the questionnaire's questions, our rules version, today. */
export function resultCheck(rules: LoadedRules): (result: SharedResult) => string | null {
  const { questions, manifest } = rules.ruleset;
  return (result) => importedResultProblem(questions, result, { rulesVersion: manifest.version, today: localDate() });
}

/** How a shared link is read with these rules: their questions' codes, then the check of the answers. */
const linkOptions = (rules: LoadedRules) => ({ questions: rules.ruleset.questions, validate: resultCheck(rules) });

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

  let shared: SharedStart | null = null;
  let shareError: ShareLinkProblem | null = null;
  let sealed: import('../share/sealed-link').LockedShare | null = null;
  const hash = win.location.hash;
  if (hasShareHash(hash)) {
    const [{ decodeShareFragment, ShareLinkError }, sealedLink] = await Promise.all([
      import('../share/link'),
      import('../share/sealed-link'),
    ]);
    const problemOf = (e: unknown): ShareLinkProblem => (e instanceof ShareLinkError ? e.problem : 'garbled');
    try {
      if (sealedLink.hasSealedFragment(hash)) sealed = sealedLink.readSealedLink(hash);
      else {
        const result = await decodeShareFragment(hash, linkOptions(await rules));
        shared = { answers: result.answers, rulesVersion: result.rulesVersion, replacesOwn: false, keep: null };
        if (result.date) shared.date = result.date;
      }
    } catch (e) {
      shareError = problemOf(e);
    }
    // The link leaves the address bar (and the tab's history entry) at once.
    win.history.replaceState(null, '', `${base()}${shared ? landing.results : landing.home}`);
  }

  const device = kiosk ? null : await openStorage();
  // A shared result is shown from memory: the device's own answers stay as they are until "keep".
  const storage = device && !shared && !sealed ? device : createMemoryStorage();
  const settings = device ?? storage;
  const show = async (start: SharedStart) => {
    await storage.putHousehold(record(DEFAULT_HOUSEHOLD, start.answers));
    if (!device) return start;
    const own = await device.getHousehold(DEFAULT_HOUSEHOLD).catch(() => undefined);
    start.replacesOwn = !!own && Object.keys(own.answers).length > 0;
    start.keep = async (answers) => {
      await device.putHousehold(record(DEFAULT_HOUSEHOLD, answers));
    };
    return start;
  };
  if (shared) await show(shared);

  let locked: LockedStart | null = null;
  if (sealed) {
    const lockedShare = sealed;
    locked = {
      async unlock(code) {
        const [{ ShareLinkError }, { openSealedLink }] = await Promise.all([import('../share/link'), import('../share/sealed-link')]);
        try {
          const result = await openSealedLink(lockedShare, code, linkOptions(await rules));
          const start: SharedStart = { answers: result.answers, rulesVersion: result.rulesVersion, replacesOwn: false, keep: null };
          if (result.date) start.date = result.date;
          return { shared: await show(start) };
        } catch (e) {
          return { problem: e instanceof ShareLinkError ? e.problem : 'garbled' };
        }
      },
    };
  }
  return { mode, storage, settings, shared, locked, shareError, restart };
}
