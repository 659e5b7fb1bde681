/**
 * What a device kept (the resident's answers, a caseload household) carried over to the questions of
 * the rules in use: an answer saved under a renamed question's former key (`formerKeys` in
 * questions.json) comes back under its new key, with its draft, its "I don't know" and its place in
 * the questions; a value the questionnaire no longer accepts goes back to its question as typed.
 * Never refused, never dropped.
 */
import type { Question } from '../engine';
import { renameAnswers, renamedKeys } from '../engine/answers';
import type { CaseHousehold } from '../storage/caseload';
import { repairAnswers } from './imported';

export interface Held {
  answers: Record<string, unknown>;
  drafts: Record<string, unknown>;
  skipped: readonly string[];
  history: readonly string[];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `held` under these questions; null when nothing changes. `repaired`: a value went back to its question. */
export function carryOver(questions: readonly Question[], held: Held): (Held & { repaired: boolean }) | null {
  const renamed = renamedKeys(questions);
  const rename = (k: string) => renamed.get(k) ?? k;
  const answers = renameAnswers(questions, held.answers);
  const drafts = renameAnswers(questions, held.drafts);
  const skipped = [...new Set(held.skipped.map(rename))].filter((k) => !(k in answers));
  const history = [...new Set(held.history.map(rename))];
  const moved = answers !== held.answers || drafts !== held.drafts || !sameList(skipped, held.skipped) || !sameList(history, held.history);
  const fixed = repairAnswers(questions, answers, drafts);
  if (!moved && !fixed) return null;
  return { answers: fixed?.answers ?? answers, drafts: fixed?.drafts ?? drafts, skipped, history, repaired: fixed !== null };
}

/** A caseload household under these questions (its facts: answers, drafts, skips, history). */
export function carryOverHousehold(questions: readonly Question[], h: CaseHousehold): CaseHousehold {
  const next = carryOver(questions, h);
  if (!next) return h;
  return { ...h, answers: next.answers, drafts: next.drafts, skipped: [...next.skipped], history: [...next.history] };
}
