/**
 * The answers-and-drafts logic shared by the resident's questionnaire (./app-state.ts) and the
 * caseload's quick entry (./caseload/household.ts): how a household's facts change when a question
 * is answered, skipped, typed on or cleared. Pure: each returns new facts (the same object's parts
 * where nothing changed). The quick entry's typing, with its checks, is in ./typed-facts.ts.
 */
import type { HouseholdFacts } from '../storage';
import { omit, without, withAdded } from './lists';

/** A household's answers and where its questionnaire was left (HouseholdFacts), as the state holds them. */
export interface Facts {
  readonly answers: HouseholdFacts['answers'];
  readonly skipped: readonly string[];
  readonly history: readonly string[];
  readonly drafts: HouseholdFacts['drafts'];
}

/** Nothing answered, typed, skipped or asked yet. */
export const isEmpty = (f: Facts): boolean =>
  Object.keys(f.answers).length + Object.keys(f.drafts).length + f.skipped.length + f.history.length === 0;

/** `key` answered with `value`: no longer skipped, its draft gone, in the history. */
export const answered = (f: Facts, key: string, value: unknown): Facts => ({
  answers: { ...f.answers, [key]: value },
  skipped: without(f.skipped, key),
  history: withAdded(f.history, key),
  drafts: omit(f.drafts, key),
});

/** "I don't know": the key is not asked again and stays missing for the engine. */
export const skipped = (f: Facts, key: string): Facts => ({
  answers: omit(f.answers, key),
  skipped: withAdded(f.skipped, key),
  history: withAdded(f.history, key),
  drafts: omit(f.drafts, key),
});

/** Not answered (a field emptied): no answer and no draft. */
export const cleared = (f: Facts, key: string): Facts => ({ ...f, answers: omit(f.answers, key), drafts: omit(f.drafts, key) });

/** What was typed, kept as typed until it is accepted. */
export const drafted = (f: Facts, key: string, draft: unknown): Facts => ({ ...f, drafts: { ...f.drafts, [key]: draft } });
