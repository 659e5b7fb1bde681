/**
 * Writing the household to the storage, safely against what the device and other tabs do:
 * - every change is written, in order, the latest snapshot after the one in flight (./write-queue.ts);
 * - a failed write (disk full, database gone) raises a problem and is tried again a little later,
 *   so nothing typed is lost when space comes back, without another change;
 * - two tabs never overwrite each other silently: a write goes through only if the stored record is
 *   still the revision this tab last saw (`saveHousehold`); otherwise this tab takes the stored one
 *   and puts its own changes on top (`mergeHousehold`), and says so. Tabs also tell each other of
 *   every write (BroadcastChannel), so the other tab shows the change at once;
 * - when the browser takes the whole store away mid-session, everything held is written again.
 */
import { createWriteQueue } from './write-queue';
import { emptyHousehold, type HouseholdRecord, type Storage, StorageError, type StorageProblem } from '../storage';

export type HouseholdContent = Pick<HouseholdRecord, 'answers' | 'skipped' | 'history' | 'drafts'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The keys whose answer, "don't know" or draft differs between `base` and `ours`. */
export function changedKeys(base: HouseholdContent, ours: HouseholdContent): Set<string> {
  const keys = new Set([
    ...Object.keys(base.answers),
    ...Object.keys(ours.answers),
    ...base.skipped,
    ...ours.skipped,
    ...Object.keys(base.drafts),
    ...Object.keys(ours.drafts),
  ]);
  const changed = new Set<string>();
  for (const k of keys) {
    if (
      !same(base.answers[k], ours.answers[k]) ||
      base.skipped.includes(k) !== ours.skipped.includes(k) ||
      !same(base.drafts[k], ours.drafts[k])
    ) {
      changed.add(k);
    }
  }
  return changed;
}

/** `theirs` (what another tab stored) with what this tab changed since `base` on top. */
export function mergeHousehold(base: HouseholdContent, ours: HouseholdContent, theirs: HouseholdContent): HouseholdContent {
  const mine = changedKeys(base, ours);
  const answers = { ...theirs.answers };
  const drafts = { ...theirs.drafts };
  let skipped = theirs.skipped.filter((k) => !mine.has(k));
  for (const k of mine) {
    if (k in ours.answers) answers[k] = ours.answers[k];
    else delete answers[k];
    if (k in ours.drafts) drafts[k] = ours.drafts[k];
    else delete drafts[k];
    if (ours.skipped.includes(k)) skipped = [...skipped, k];
  }
  const history = [...new Set([...theirs.history, ...ours.history.filter((k) => mine.has(k))])];
  return { answers, skipped, history, drafts };
}

// The rules version is content too: results recomputed with a new release are written with it.
const contentOf = (r: HouseholdRecord) => JSON.stringify([r.id, r.answers, r.skipped, r.history, r.drafts, r.rulesVersion]);
const isEmpty = (r: HouseholdContent) =>
  Object.keys(r.answers).length === 0 && r.skipped.length === 0 && Object.keys(r.drafts).length === 0;

/** After a failed write, the next try (ms). */
export const RETRY_MS = 3000;

export interface SaverHooks {
  storage: Storage;
  /** the household written (the resident's one) */
  id: string;
  /** the household as it is on screen now */
  snapshot(): HouseholdRecord;
  /** puts a merged household on screen (another tab changed it) */
  adopt(content: HouseholdContent): void;
  problem(problem: StorageProblem | null): void;
  /** another tab changed this household: said once */
  otherTab(): void;
}

export interface Saver {
  /** what was read at start (or after switching household): the base of later writes */
  restored(saved: HouseholdRecord | undefined): void;
  /** the household changed on screen: write it (only when its content changed) */
  changed(record: HouseholdRecord): void;
  flush(): Promise<void>;
  dispose(): void;
}

export function createSaver(hooks: SaverHooks): Saver {
  const { storage } = hooks;
  let base: HouseholdRecord = emptyHousehold(hooks.id);
  let baseRev = 0;
  let lastSaved = contentOf(base);
  let retry: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;


  /** Takes what is stored as the new base, with this tab's own changes on top. */
  const takeStored = (stored: HouseholdRecord | undefined, ours: HouseholdRecord) => {
    const theirs = stored ?? emptyHousehold(ours.id);
    const merged = mergeHousehold(base, ours, theirs);
    base = theirs;
    baseRev = stored?.rev ?? 0;
    // What is stored needs no write; only this tab's changes on top of it do.
    lastSaved = contentOf(theirs);
    hooks.adopt(merged);
    hooks.otherTab();
  };

  async function writeLatest(record: HouseholdRecord) {
    if (disposed) return;
    try {
      const outcome = await storage.saveHousehold(record, baseRev, isEmpty(record));
      if (outcome.saved) {
        base = record;
        baseRev = outcome.rev;
        hooks.problem(storage.problem);
      } else takeStored(outcome.stored, record);
    } catch (e) {
      hooks.problem(e instanceof StorageError ? e.problem : 'failed');
      // Tried again later with whatever is on screen then: nothing typed waits for another change.
      if (retry === null && !disposed) {
        retry = setTimeout(() => {
          retry = null;
          if (!queue.waiting() && !disposed) queue.push(hooks.snapshot());
        }, RETRY_MS);
      }
    }
  }

  const queue = createWriteQueue(writeLatest);

  const stopListening = storage.onExternalChange((id) => {
    if (id === null) {
      // The browser took the store away: everything on screen is "ours" again, and written.
      base = emptyHousehold(hooks.id);
      baseRev = 0;
      queue.push(hooks.snapshot());
      return;
    }
    if (id !== hooks.id) return;
    queue.run(async () => {
      const stored = await storage.getHousehold(id).catch(() => undefined);
      if ((stored?.rev ?? 0) !== baseRev) takeStored(stored, hooks.snapshot());
    });
  });

  return {
    restored(saved) {
      base = saved ?? emptyHousehold(hooks.id);
      baseRev = saved?.rev ?? 0;
      lastSaved = contentOf(base);
    },
    changed(record) {
      const content = contentOf(record);
      if (content === lastSaved) return;
      lastSaved = content;
      queue.push(record);
    },
    flush: () => queue.flush(),
    dispose() {
      disposed = true;
      if (retry !== null) clearTimeout(retry);
      stopListening();
    },
  };
}
