/**
 * The answers-and-drafts logic shared by the resident's questionnaire (./app-state.ts) and the
 * caseload's quick entry (./caseload/household.ts): how a household's facts change when a question
 * is answered, skipped, typed on or cleared. Pure: each returns new facts (the same object's parts
 * where nothing changed).
 */
import type { Question } from '../engine';
import type { HouseholdFacts } from '../storage';
import { omit, without, withAdded } from './lists';
import { type MultiDraft, normaliseDraft, validateDraft } from './validate';

/** A household's answers and where its questionnaire was left (HouseholdFacts), as the state holds them. */
export interface Facts {
  readonly answers: HouseholdFacts['answers'];
  readonly skipped: readonly string[];
  readonly history: readonly string[];
  readonly drafts: HouseholdFacts['drafts'];
}

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

/**
 * Typing in a form where every field counts at once (the quick entry): a valid draft becomes the
 * answer, an emptied field is no answer, an invalid draft is kept as typed instead of an answer.
 */
export function typed(q: Question, draft: unknown, f: Facts, lang: string): Facts {
  const key = q.key;
  if (q.type === 'multi') {
    const d = normaliseDraft(q, draft) as MultiDraft;
    // Nothing ticked is "not answered" here; "none of these" is an answer.
    if (!d.none && d.selected.length === 0) return cleared(f, key);
    return answered(f, key, d.none ? [] : d.selected);
  }
  if ((q.type === 'integer' || q.type === 'money') && typeof draft === 'string' && draft.trim() === '') return cleared(f, key);
  const v = validateDraft(q, draft, lang);
  if (v.ok) return answered(f, key, v.value);
  return drafted({ ...f, answers: omit(f.answers, key) }, key, draft);
}
