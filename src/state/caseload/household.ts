/**
 * The household the worker has open: loaded from the vault, changed only by these actions, written
 * back at once through the app's write queue (../write-queue.ts), and evaluated with the rules in use
 * (the engine is reached only here and in the app state, never from a screen).
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Question, Result } from '../../engine';
import {
  type CaseHousehold,
  type ChangesSinceLastVisit,
  changesSinceLastVisit,
  type FollowUpItem,
  recordVisit,
  removeFollowUp,
  setFollowUp,
  snapshotResults,
} from '../../storage/caseload';
import type { Vault } from '../../storage/vault';
import { cleared, type Facts } from '../facts';
import { typed } from '../typed-facts';
import { omit } from '../lists';
import { groupResults, type ResultSections } from '../results';
import type { LoadedRules } from '../rules';
import { type SheetItem, sheetItems } from '../sheet';
import { createWriteQueue } from '../write-queue';

export type SaveStatus = 'saved' | 'saving' | { error: unknown };

export interface OpenHousehold {
  /** the household on screen, or null while it loads (or after a lock: nothing decrypted is kept) */
  readonly household: ReadonlySignal<CaseHousehold | null>;
  /** why it could not be opened (a VaultError: not found, damaged with the field named, locked) */
  readonly householdError: ReadonlySignal<unknown>;
  readonly saveStatus: ReadonlySignal<SaveStatus>;
  /** the visit was recorded on this screen */
  readonly visitRecorded: ReadonlySignal<boolean>;
  /** the questions of the quick entry that apply to these answers (a partner only for two adults) */
  readonly questions: ReadonlySignal<Question[]>;
  /** every right in force at the date, for the household's answers */
  readonly results: ReadonlySignal<Result[]>;
  readonly sections: ReadonlySignal<ResultSections | null>;
  /** what changed since the last visit's results, and whether the rules did */
  readonly changes: ReadonlySignal<ChangesSinceLastVisit | null>;
  /** what the hand-over sheet prints */
  readonly sheet: ReadonlySignal<SheetItem[]>;
}

export interface HouseholdActions {
  /** opens household `id` (after what is being written); a household already open stays as it is */
  open(id: string): Promise<void>;
  /** the worker typed on a fact: a valid value is the answer at once, an invalid one a draft */
  type(q: Question, draft: unknown, lang: string): void;
  /** "no children" ticked or not (an empty list is an answer) */
  setNone(key: string, none: boolean): void;
  /** follows a right up (to do), or changes its item */
  follow(item: FollowUpItem): void;
  unfollow(rightId: string): void;
  /** records today's visit with the results now */
  recordVisit(): void;
  /** takes the results under the current rules as the last ones ("recompute") */
  recompute(): void;
  /** renames the open household; throws a VaultError ('invalid-name' says why) */
  rename(name: string): Promise<void>;
  /** deletes the open household; throws a VaultError */
  remove(): Promise<void>;
  /** resolves when every change so far is written */
  flush(): Promise<void>;
}

export function createOpenHousehold(options: {
  vault: Vault;
  date: ReadonlySignal<string>;
  rules: ReadonlySignal<LoadedRules | null>;
}): { open: OpenHousehold; actions: HouseholdActions; forget(): void } {
  const { vault, date, rules } = options;
  const household = signal<CaseHousehold | null>(null);
  const householdError = signal<unknown>(null);
  const saveStatus = signal<SaveStatus>('saved');
  const visitRecorded = signal(false);
  let opening: string | null = null;

  const queue = createWriteQueue<CaseHousehold>(async (h) => {
    try {
      await vault.put(h);
      if (!queue.waiting()) saveStatus.value = 'saved';
    } catch (error) {
      saveStatus.value = { error };
    }
  });

  const update = (change: (h: CaseHousehold) => CaseHousehold) => {
    const current = household.peek();
    if (!current) return;
    const next = change(current);
    batch(() => {
      household.value = next;
      saveStatus.value = 'saving';
    });
    queue.push(next);
  };

  // A caseload household holds its facts as the resident's record does (HouseholdFacts).
  const factsOf = (h: CaseHousehold): Facts => h;
  const withFacts = (h: CaseHousehold, f: Facts): CaseHousehold => ({
    ...h,
    answers: f.answers,
    skipped: [...f.skipped],
    history: [...f.history],
    drafts: f.drafts,
  });

  const results = computed(() => {
    const r = rules.value;
    const h = household.value;
    if (!r || !h) return [];
    try {
      return r.evaluate(r.ruleset, h.answers, date.value);
    } catch {
      return []; // a date outside the rules' window: nothing to show rather than a crash
    }
  });
  const questions = computed(() => {
    const r = rules.value;
    const h = household.value;
    if (!r || !h) return [];
    // a fact chosen outside the questionnaire (`askIf: false`: the municipality) is on the form too
    return r.ruleset.questions.filter((q) => (q.askIf === false ? q.type === 'choice' : r.isAsked(r.ruleset, q.key, h.answers, date.value)));
  });
  const sections = computed(() => {
    const r = rules.value;
    return r && household.value ? groupResults(results.value, r.ruleset) : null;
  });
  const changes = computed(() => {
    const r = rules.value;
    const h = household.value;
    return r && h ? changesSinceLastVisit(h, r.ruleset.manifest.version, results.value) : null;
  });
  const sheet = computed(() => {
    const r = rules.value;
    const h = household.value;
    return r && h ? sheetItems(results.value, r.ruleset, h.answers, h.followUp) : [];
  });
  const version = () => rules.peek()?.ruleset.manifest.version ?? '';

  const actions: HouseholdActions = {
    async open(id) {
      if (household.peek()?.id === id || opening === id) return;
      opening = id;
      batch(() => {
        household.value = null;
        householdError.value = null;
        visitRecorded.value = false;
        saveStatus.value = 'saved';
      });
      await queue.flush();
      try {
        const h = await vault.get(id);
        if (opening === id) household.value = h;
      } catch (e) {
        if (opening === id) householdError.value = e;
      } finally {
        if (opening === id) opening = null;
      }
    },
    type(q, draft, lang) {
      update((h) => withFacts(h, typed(q, draft, factsOf(h), lang)));
    },
    setNone(key, none) {
      update((h) => {
        const f = factsOf(h);
        return withFacts(h, none ? { ...f, answers: { ...f.answers, [key]: [] }, drafts: omit(f.drafts, key) } : cleared(f, key));
      });
    },
    follow: (item) => update((h) => setFollowUp(h, item)),
    unfollow: (rightId) => update((h) => removeFollowUp(h, rightId)),
    recordVisit() {
      update((h) => recordVisit(h, { date: date.peek(), rulesVersion: version(), results: results.peek() }));
      visitRecorded.value = true;
    },
    recompute() {
      update((h) => ({ ...h, lastResults: snapshotResults(version(), date.peek(), results.peek()) }));
    },
    async rename(name) {
      const h = household.peek();
      if (!h) return;
      await queue.flush();
      const saved = await vault.rename(h.id, name);
      const now = household.peek();
      if (now?.id === saved.id) household.value = { ...now, name: saved.name, updatedAt: saved.updatedAt };
    },
    async remove() {
      const h = household.peek();
      if (!h) return;
      await queue.flush();
      await vault.remove(h.id);
      household.value = null;
    },
    flush: () => queue.flush(),
  };

  return {
    open: { household, householdError, saveStatus, visitRecorded, questions, results, sections, changes, sheet },
    actions,
    forget() {
      opening = null;
      batch(() => {
        household.value = null;
        visitRecorded.value = false;
      });
    },
  };
}
