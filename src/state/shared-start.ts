/**
 * A tab opened with a share link (src/state/session.ts): the link read and checked, then the shared
 * result put in the tab's memory store, or a sealed link waiting for its code. In a chunk of its own:
 * a tab without a share link never loads it.
 */
import type { Answers } from '../engine/types';
import { decodeShareFragment, type ShareLinkProblem, ShareLinkError } from '../share/link';
import { hasSealedFragment, type LockedShare, openSealedLink, readSealedLink } from '../share/sealed-link';
import { emptyHousehold, type Storage } from '../storage';
import { DEFAULT_HOUSEHOLD } from './app-state';
import { resultCheck } from './imported';
import type { LoadedRules } from './rules';

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

function record(id: string, answers: Answers) {
  return { ...emptyHousehold(id), answers, history: Object.keys(answers), updatedAt: new Date().toISOString() };
}

const problemOf = (e: unknown): ShareLinkProblem => (e instanceof ShareLinkError ? e.problem : 'garbled');

/** How a shared link is read with these rules: their questions' codes, then the check of the answers. */
const linkOptions = (rules: LoadedRules) => ({ questions: rules.ruleset.questions, validate: resultCheck(rules) });

export interface ReadShare {
  shared: SharedStart | null;
  /** a sealed link: its code is asked first */
  sealed: LockedShare | null;
  shareError: ShareLinkProblem | null;
}

/** Reads the share link in the address; every shared result passes the questionnaire's checks. */
export async function readShare(hash: string, rules: Promise<LoadedRules>): Promise<ReadShare> {
  try {
    if (hasSealedFragment(hash)) return { shared: null, sealed: readSealedLink(hash), shareError: null };
    const result = await decodeShareFragment(hash, linkOptions(await rules));
    const shared: SharedStart = { answers: result.answers, rulesVersion: result.rulesVersion, replacesOwn: false, keep: null };
    if (result.date) shared.date = result.date;
    return { shared, sealed: null, shareError: null };
  } catch (e) {
    return { shared: null, sealed: null, shareError: problemOf(e) };
  }
}

/**
 * Shows the shared result from the tab's memory store (`storage`); `device` (none in a kiosk) is where
 * "keep" writes it, and tells whether it replaces answers of the person's own.
 */
export function sharedStarts(storage: Storage, device: Storage | null, rules: Promise<LoadedRules>) {
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
  const locked = (share: LockedShare): LockedStart => ({
    async unlock(code) {
      try {
        const result = await openSealedLink(share, code, linkOptions(await rules));
        const start: SharedStart = { answers: result.answers, rulesVersion: result.rulesVersion, replacesOwn: false, keep: null };
        if (result.date) start.date = result.date;
        return { shared: await show(start) };
      } catch (e) {
        return { problem: problemOf(e) };
      }
    },
  });
  return { show, locked };
}
