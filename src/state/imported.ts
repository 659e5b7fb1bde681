/**
 * Every answer that comes from outside the questionnaire (a share link, a QR code, a caseload file)
 * passes here, against the same questions as what is typed: type, bounds, options, the number of
 * children and their ages. One function, so the whole app switches to another validator in one line.
 *
 * A rules version or date is checked too: a result "from a newer version" is said only when that
 * version is newer than ours but possible (not later than the year it is now).
 */
import { isObject } from '../engine/values';
import type { Question } from '../engine/types';
import { childrenBounds } from '../engine/answers';
import type { SharedResult } from '../share/link';
import { localDate } from './date';
import type { LoadedRules } from './rules';


function valueProblem(q: Question, value: unknown): string | null {
  const inBounds = (n: number) => (q.min === undefined || n >= q.min) && (q.max === undefined || n <= q.max);
  switch (q.type) {
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) && inBounds(value) ? null : 'out of bounds';
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) && inBounds(value) && Math.abs(Math.round(value * 100) - value * 100) < 1e-6
        ? null
        : 'out of bounds';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'not yes or no';
    case 'choice':
      return typeof value === 'string' && (q.options ?? []).includes(value) ? null : 'unknown option';
    case 'multi':
      return Array.isArray(value) &&
        value.every((v) => typeof v === 'string' && (q.options ?? []).includes(v)) &&
        new Set(value).size === value.length
        ? null
        : 'unknown option';
    case 'children': {
      const { minAge, maxAge, maxItems } = childrenBounds(q);
      if (!Array.isArray(value) || value.length > maxItems) return 'too many children';
      const ok = value.every(
        (c) =>
          isObject(c) &&
          Object.keys(c).length === 1 &&
          typeof c.age === 'number' &&
          Number.isSafeInteger(c.age) &&
          c.age >= minAge &&
          c.age <= maxAge,
      );
      return ok ? null : 'child age';
    }
  }
}

/**
 * Null when `answers` could have been typed in this questionnaire; else `<key>: <why>`. A key the
 * questionnaire does not know is refused: nothing is kept that a person could not have answered.
 */
export function importedAnswersProblem(questions: readonly Question[], answers: unknown): string | null {
  if (!isObject(answers)) return 'answers: not an object';
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const [key, value] of Object.entries(answers)) {
    const q = byKey.get(key);
    if (!q) return `${key}: unknown question`;
    const problem = valueProblem(q, value);
    if (problem) return `${key}: ${problem}`;
  }
  return null;
}

/** `2026.11.1` → [2026, 11, 1]; null when it is not dotted numbers. */
function versionParts(version: string): number[] | null {
  if (!/^\d{1,6}(\.\d{1,6}){0,3}$/.test(version)) return null;
  return version.split('.').map(Number);
}

export type VersionRelation = 'same' | 'older' | 'newer' | 'impossible';

/**
 * How a rules version from outside relates to ours. Versions start with the year of release: one
 * after the year of `today` cannot exist yet (`impossible`), and is refused like a bad answer.
 */
export function compareRulesVersion(theirs: string, ours: string, today: string): VersionRelation {
  const a = versionParts(theirs);
  const b = versionParts(ours);
  if (!a) return 'impossible';
  const year = Number(today.slice(0, 4));
  if (a[0]! > year) return 'impossible';
  if (!b) return theirs === ours ? 'same' : 'older';
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0 ? 'newer' : 'older';
  }
  return 'same';
}

/** The whole of an imported result: answers, rules version and date. Null when it may be shown. */
export function importedResultProblem(
  questions: readonly Question[],
  result: { answers: unknown; rulesVersion?: string; date?: string },
  context: { rulesVersion: string; today: string },
): string | null {
  if (result.rulesVersion !== undefined && compareRulesVersion(result.rulesVersion, context.rulesVersion, context.today) === 'impossible') {
    return 'rulesVersion: not possible yet';
  }
  // A result computed for a day after tomorrow was not made on a device whose clock is right.
  if (result.date !== undefined && result.date > nextDay(context.today)) return 'date: in the future';
  return importedAnswersProblem(questions, result.answers);
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Saved answers the questionnaire does not accept (a damaged record): each goes back to its question
 * as a draft, as it was, so it is asked again and shown; nothing is dropped. A key the questionnaire
 * does not know is left alone (a newer rules version may ask it). Null when all is well.
 */
export function repairAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, unknown>>,
  drafts: Readonly<Record<string, unknown>>,
): { answers: Record<string, unknown>; drafts: Record<string, unknown>; keys: string[] } | null {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const keys = Object.keys(answers).filter((k) => {
    const q = byKey.get(k);
    return q !== undefined && valueProblem(q, answers[k]) !== null;
  });
  if (keys.length === 0) return null;
  const fixedAnswers = { ...answers };
  const fixedDrafts = { ...drafts };
  for (const k of keys) {
    const value = fixedAnswers[k];
    delete fixedAnswers[k];
    if (k in fixedDrafts) continue;
    if (typeof value === 'string' || typeof value === 'number') fixedDrafts[k] = String(value);
    else if (Array.isArray(value) && byKey.get(k)?.type === 'children') {
      fixedDrafts[k] = { ages: value.map((c) => String((c as { age?: unknown } | null)?.age ?? '')) };
    }
  }
  return { answers: fixedAnswers, drafts: fixedDrafts, keys };
}

/** The one check of an imported result: the questionnaire's questions, our rules version, today. */
export function resultCheck(rules: LoadedRules): (result: SharedResult) => string | null {
  const { questions, manifest } = rules.ruleset;
  return (result) => importedResultProblem(questions, result, { rulesVersion: manifest.version, today: localDate() });
}
