/**
 * The app's state: signals for one household's answers, and what follows from them through the
 * engine (results, the questions still worth asking). Actions are the only writers; one `effect`
 * saves every change to the storage. Create one per app (and one per test) with `createAppState`.
 */
import { isMoneyUnit } from '../engine/values';
import { batch, computed, effect, type ReadonlySignal, signal, untracked } from '@preact/signals';
import type { Answers, Question, Result, Rule } from '../engine';
import { emptyHousehold, type HouseholdRecord, type Storage, StorageError, type StorageProblem } from '../storage';
import { answered, drafted, type Facts, isEmpty, skipped as skippedKey } from './facts';
import { groupResults, type ResultSections } from './results';
import { createSaver } from './saving';
import { nextReviewed, sameScreen, screenQuestions } from './screens';
import type { LoadedRules, RulesProblem } from './rules';

export const DEFAULT_HOUSEHOLD = 'default';

export type StateNotice = 'other-tab' | 'repaired';

export interface ParameterValueAt {
  value: number;
  unit: string;
}

export interface AppStateOptions {
  storage: Storage;
  /** the evaluation date, YYYY-MM-DD: today's local date, computed by the shell */
  date: string;
  /** the engine and rules, when already loaded (tests); the shell sets them later with `setRules` */
  rules?: LoadedRules | null;
}

export interface AppActions {
  setRules(rules: LoadedRules): void;
  /** a newer checked release: in use at once, unless the person is mid-questionnaire (then it waits for the results) */
  offerRules(rules: LoadedRules): void;
  /** puts the waiting release in use now (the person chose to update) */
  applyPendingRules(): void;
  setRulesProblem(problem: RulesProblem | null): void;
  setRulesError(message: string): void;
  setDate(date: string): void;
  /** reads the household from the storage; what was typed before it finished is kept on top */
  restore(): Promise<void>;
  /** accepts an answer; returns the route to go back to after an edit, else null */
  answer(key: string, value: unknown): string | null;
  /** the household's municipality, chosen on the start screen or the summary: no questionnaire step */
  chooseMunicipality(value: string): void;
  /** "I don't know": the key is not asked again and stays missing for the engine */
  skip(key: string): string | null;
  /** shows the previous question again; false when there is none */
  back(): boolean;
  /** opens an earlier (or skipped) question to change it; after it, the app returns to `returnTo` */
  edit(key: string, returnTo?: string): void;
  /** stops editing without changing anything */
  cancelEdit(): string | null;
  /** keeps what is typed on a question (also invalid input) until it is accepted */
  setDraft(key: string, draft: unknown): void;
  /** wipes the household's answers, here and in the storage */
  erase(): Promise<void>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /** resolves when every change so far is written (before a reload for an update) */
  flush(): Promise<void>;
}

export interface AppState {
  readonly storageKind: Storage['kind'];
  readonly date: ReadonlySignal<string>;
  readonly rules: ReadonlySignal<LoadedRules | null>;
  readonly rulesError: ReadonlySignal<string | null>;
  /** a newer release waiting until the questionnaire ends */
  readonly pendingRules: ReadonlySignal<LoadedRules | null>;
  /** why the last rules check brought nothing new in (kept for "about these rules"), or null */
  readonly rulesProblem: ReadonlySignal<RulesProblem | null>;
  readonly answers: ReadonlySignal<Answers>;
  readonly skipped: ReadonlySignal<readonly string[]>;
  readonly history: ReadonlySignal<readonly string[]>;
  readonly drafts: ReadonlySignal<Readonly<Record<string, unknown>>>;
  /** the earlier question being shown again (back or edit), or null to follow the questionnaire */
  readonly reviewing: ReadonlySignal<string | null>;
  /** where to return after an edit, or null */
  readonly returnTo: ReadonlySignal<string | null>;
  readonly restored: ReadonlySignal<boolean>;
  /** why answers are not being kept on the device right now, or null */
  readonly storageProblem: ReadonlySignal<StorageProblem | null>;
  /** said once: another tab changed these answers, or damaged saved answers are asked again */
  readonly notice: ReadonlySignal<StateNotice | null>;
  /** the rules version the saved results were computed with, as read at start (null: none saved) */
  readonly savedRulesVersion: ReadonlySignal<string | null>;

  /** every right in force at the date, with its trace */
  readonly results: ReadonlySignal<Result[]>;
  /** questions that could still change a result (missingAnswers), in questions.json order */
  readonly missing: ReadonlySignal<string[]>;
  /** the missing questions not answered "I don't know": the ones still to ask */
  readonly pending: ReadonlySignal<string[]>;
  readonly currentKey: ReadonlySignal<string | null>;
  readonly currentQuestion: ReadonlySignal<Question | null>;
  /** the questions on screen now: the current one and the open ones of its `screen` (questions.json) */
  readonly currentScreen: ReadonlySignal<Question[]>;
  /** the rules are loaded and nothing is left to ask */
  readonly done: ReadonlySignal<boolean>;
  readonly hasAnswers: ReadonlySignal<boolean>;
  /** the questions answered or skipped that still apply, in questionnaire order (the summary) */
  readonly answeredQuestions: ReadonlySignal<Question[]>;
  readonly sections: ReadonlySignal<ResultSections | null>;
  /** the rights in force at the date (the catalogue) */
  readonly catalogue: ReadonlySignal<Rule[]>;
  readonly amountsUpdatedOn: ReadonlySignal<string | null>;
  /** every parameter's value at the date (euros for money), for rule texts that name an amount */
  readonly parameterValues: ReadonlySignal<Record<string, ParameterValueAt>>;
  readonly actions: AppActions;
  /** stops saving (tests, switching the storage) */
  dispose(): void;
}

export function createAppState(options: AppStateOptions): AppState {
  const { storage } = options;
  const date = signal(options.date);
  const rules = signal<LoadedRules | null>(options.rules ?? null);
  const rulesError = signal<string | null>(null);
  const pendingRules = signal<LoadedRules | null>(null);
  const rulesProblem = signal<RulesProblem | null>(null);
  const answers = signal<Answers>({});
  const skipped = signal<readonly string[]>([]);
  const history = signal<readonly string[]>([]);
  const drafts = signal<Readonly<Record<string, unknown>>>({});
  const reviewing = signal<string | null>(null);
  const returnTo = signal<string | null>(null);
  const restored = signal(false);
  const storageProblem = signal<StorageProblem | null>(storage.problem);
  const notice = signal<StateNotice | null>(null);
  const savedRulesVersion = signal<string | null>(null);

  const evaluation = computed(() => {
    const r = rules.value;
    if (!r) return { results: [] as Result[], missing: [] as string[], error: null as string | null };
    try {
      const results = r.evaluate(r.ruleset, answers.value, date.value, { trace: true });
      const missing = r.missingAnswers(r.ruleset, answers.value, date.value, results);
      return { results, missing, error: null };
    } catch (e) {
      return { results: [], missing: [], error: (e as Error).message };
    }
  });
  const results = computed(() => evaluation.value.results);
  const missing = computed(() => evaluation.value.missing);
  const pending = computed(() => missing.value.filter((k) => !skipped.value.includes(k)));
  const isAsked = (key: string) => {
    const r = rules.peek();
    return r ? r.isAsked(r.ruleset, key, answers.peek(), date.peek()) : false;
  };
  const questionOf = (key: string | null) =>
    key === null ? null : (rules.value?.ruleset.questions.find((q) => q.key === key) ?? null);
  const currentKey = computed(() => reviewing.value ?? pending.value[0] ?? null);
  const currentQuestion = computed(() => questionOf(currentKey.value));
  /** answered or "I don't know", and still asked with these answers */
  const given = (k: string) => {
    const r = rules.value;
    return !!r && (k in answers.value || skipped.value.includes(k)) && r.isAsked(r.ruleset, k, answers.value, date.value);
  };
  const currentScreen = computed(() => {
    const key = currentKey.value;
    if (!rules.value || key === null || !questionOf(key)) return [];
    return screenQuestions(rules.value.ruleset.questions, key, (k) => pending.value.includes(k) || (reviewing.value !== null && given(k)));
  });
  const done = computed(() => rules.value !== null && evaluation.value.error === null && pending.value.length === 0);
  const hasAnswers = computed(
    () => Object.keys(answers.value).length > 0 || skipped.value.length > 0 || Object.keys(drafts.value).length > 0,
  );
  const answeredQuestions = computed(() => rules.value?.ruleset.questions.filter((q) => given(q.key)) ?? []);
  const sections = computed(() => {
    const r = rules.value;
    return r ? groupResults(results.value, r.ruleset) : null;
  });
  const catalogue = computed(() => {
    const r = rules.value;
    if (!r) return [];
    const municipality = r.municipalityOf(r.ruleset, answers.value);
    return r.ruleset.rules.filter((rule) => r.inForce(rule, date.value) && r.inTerritory(rule, municipality));
  });
  const amountsUpdatedOn = computed(() => {
    const r = rules.value;
    return r ? r.amountsUpdatedOn(r.ruleset, date.value) : null;
  });
  const parameterValues = computed(() => {
    const r = rules.value;
    const out: Record<string, ParameterValueAt> = {};
    if (!r) return out;
    for (const [id, p] of r.ruleset.parameters) {
      try {
        const v = r.paramAt(r.ruleset, id, date.value);
        out[id] = { value: isMoneyUnit(p.unit) ? v / 100 : v, unit: p.unit };
      } catch {
        // no value at this date: a text naming it keeps its placeholder out (see i18n)
      }
    }
    return out;
  });
  const combinedError = computed(() => rulesError.value ?? evaluation.value.error);

  const snapshot = (): HouseholdRecord => {
    const record: HouseholdRecord = {
      ...emptyHousehold(DEFAULT_HOUSEHOLD),
      answers: answers.value,
      skipped: [...skipped.value],
      history: [...history.value],
      drafts: drafts.value,
      updatedAt: new Date().toISOString(),
    };
    const version = rules.value?.ruleset.manifest.version ?? savedRulesVersion.value;
    if (version) record.rulesVersion = version;
    return record;
  };
  // Saving (src/state/saving.ts): only a change is written, never silently over another tab's.
  const saver = createSaver({
    storage,
    id: DEFAULT_HOUSEHOLD,
    snapshot: () => untracked(snapshot),
    adopt(content) {
      batch(() => {
        answers.value = content.answers;
        skipped.value = content.skipped;
        history.value = content.history;
        drafts.value = content.drafts;
      });
    },
    problem(p) {
      if (storageProblem.peek() !== p) storageProblem.value = p;
    },
    otherTab() {
      notice.value = 'other-tab';
    },
  });
  const disposeSave = effect(() => {
    const record = snapshot();
    if (!restored.value) return;
    saver.changed(record);
  });
  // Saved answers under the questions of the rules in use (src/state/carry-over.ts): a renamed
  // question's answer under its new key; one no longer accepted (a damaged record) back to its question,
  // kept as typed. Never dropped. When the answers are in, and again with each release taken into use.
  // Its code loads once there is something to carry (restore waits for it), never on a first visit's start.
  const carry = signal<typeof import('./carry-over') | null>(null);
  const loadCarry = () => import('./carry-over').then((m) => void (carry.value = m), () => {});
  let carriedFor: LoadedRules | null = null;
  const disposeRepair = effect(() => {
    const [r, c] = [rules.value, carry.value];
    if (!r || !restored.value || carriedFor === r) return;
    const held = untracked(() => ({ answers: answers.value, drafts: drafts.value, skipped: skipped.value, history: history.value }));
    if (!c) return void (isEmpty(held) ? (carriedFor = r) : loadCarry());
    carriedFor = r;
    const fixed = c.carryOver(r.ruleset.questions, held);
    if (!fixed) return;
    batch(() => {
      answers.value = fixed.answers;
      drafts.value = fixed.drafts;
      skipped.value = [...fixed.skipped];
      history.value = [...fixed.history];
      if (fixed.repaired) notice.value = 'repaired';
    });
  });

  // The questionnaire ended (or was erased): a waiting release goes in use.
  const disposeRulesWait = effect(() => {
    if (pendingRules.value && (done.value || !hasAnswers.value)) actions.applyPendingRules();
  });

  // The household's facts as one value, changed by the shared answers-and-drafts logic (./facts.ts).
  const facts = (): Facts => ({ answers: answers.value, skipped: skipped.value, history: history.value, drafts: drafts.value });
  const setFacts = (f: Facts) => {
    answers.value = f.answers;
    skipped.value = f.skipped;
    history.value = f.history;
    drafts.value = f.drafts;
  };

  const clearHousehold = () => {
    answers.value = {};
    skipped.value = [];
    history.value = [];
    drafts.value = {};
    reviewing.value = null;
    returnTo.value = null;
  };

  const advanceAfter = (key: string): string | null => {
    if (returnTo.value !== null) {
      const to = returnTo.value;
      returnTo.value = null;
      reviewing.value = null;
      return to;
    }
    const questions = rules.peek()?.ruleset.questions ?? [];
    if (reviewing.value !== null && sameScreen(questions, reviewing.value, key)) reviewing.value = nextReviewed(questions, history.value, key, given);
    return null;
  };

  const actions: AppActions = {
    setRules(loaded) {
      batch(() => {
        rules.value = loaded;
        rulesError.value = null;
        pendingRules.value = null;
      });
    },
    offerRules(loaded) {
      if (rules.peek() === null || !hasAnswers.peek() || done.peek()) actions.setRules(loaded);
      else pendingRules.value = loaded;
    },
    applyPendingRules() {
      const next = pendingRules.peek();
      if (next) actions.setRules(next);
    },
    setRulesProblem(problem) {
      rulesProblem.value = problem;
    },
    setRulesError(message) {
      rulesError.value = message;
    },
    setDate(d) {
      date.value = d;
    },
    async restore() {
      let saved: HouseholdRecord | undefined;
      try {
        saved = await storage.getHousehold(DEFAULT_HOUSEHOLD);
      } catch {
        storageProblem.value = 'failed';
      }
      if (saved && !isEmpty(saved)) await loadCarry();
      batch(() => {
        if (saved) {
          answers.value = { ...saved.answers, ...answers.peek() };
          skipped.value = [...new Set([...saved.skipped, ...skipped.peek()])].filter((k) => !(k in answers.value));
          history.value = [...new Set([...saved.history, ...history.peek()])];
          drafts.value = { ...saved.drafts, ...drafts.peek() };
          savedRulesVersion.value = saved.rulesVersion ?? null;
        }
        saver.restored(saved);
        restored.value = true;
      });
    },
    answer(key, value) {
      let to: string | null = null;
      batch(() => {
        setFacts(answered(facts(), key, value));
        to = advanceAfter(key);
      });
      return to;
    },
    chooseMunicipality(value) {
      answers.value = { ...answers.value, municipality: value };
    },
    skip(key) {
      let to: string | null = null;
      batch(() => {
        setFacts(skippedKey(facts(), key));
        to = advanceAfter(key);
      });
      return to;
    },
    back() {
      const current = currentKey.value;
      const h = history.value;
      const at = current === null ? -1 : h.indexOf(current);
      const questions = rules.peek()?.ruleset.questions ?? [];
      for (let i = (at === -1 ? h.length : at) - 1; i >= 0; i--) {
        const k = h[i] as string;
        if (isAsked(k) && (current === null || !sameScreen(questions, k, current))) {
          reviewing.value = k;
          return true;
        }
      }
      return false;
    },
    edit(key, to) {
      batch(() => {
        reviewing.value = key;
        returnTo.value = to ?? null;
      });
    },
    cancelEdit() {
      const to = returnTo.value;
      batch(() => {
        reviewing.value = null;
        returnTo.value = null;
      });
      return to;
    },
    setDraft(key, draft) {
      drafts.value = drafted(facts(), key, draft).drafts;
    },
    async erase() {
      clearHousehold();
      await actions.flush();
      try {
        await storage.deleteHousehold(DEFAULT_HOUSEHOLD);
      } catch (e) {
        storageProblem.value = e instanceof StorageError ? e.problem : 'failed';
      }
    },
    async saveSetting(key, value) {
      try {
        await storage.putSetting(key, value);
      } catch (e) {
        storageProblem.value = e instanceof StorageError ? e.problem : 'failed';
      }
    },
    flush: () => saver.flush(),
  };

  return {
    storageKind: storage.kind,
    date,
    rules,
    rulesError: combinedError,
    pendingRules,
    rulesProblem,
    answers,
    skipped,
    history,
    drafts,
    reviewing,
    returnTo,
    restored,
    storageProblem,
    notice,
    savedRulesVersion,
    results,
    missing,
    pending,
    currentKey,
    currentQuestion,
    currentScreen,
    done,
    hasAnswers,
    answeredQuestions,
    sections,
    catalogue,
    amountsUpdatedOn,
    parameterValues,
    actions,
    dispose() {
      disposeSave();
      disposeRepair();
      saver.dispose();
      disposeRulesWait();
    },
  };
}
