/**
 * The shared-link codes ever published, kept in rules/rules.lock: a link printed or saved must keep
 * decoding, so a question's `code` and an option's number (rules/questions.json) never change and are
 * never given to another question or option. A renamed question keeps its code (its old key goes in
 * `formerKeys`); a removed one leaves its code unused for good.
 */
import type { Question } from '../engine';

/** code → the question it stands for, and its options' numbers */
export type ShareCodeRecord = Record<string, { key: string; options?: Record<string, number> }>;

type CodedQuestion = Pick<Question, 'key' | 'code' | 'optionCodes' | 'formerKeys'>;

/** The codes of these questions. */
export function shareCodesOf(questions: readonly CodedQuestion[]): ShareCodeRecord {
  const out: ShareCodeRecord = {};
  for (const q of questions) {
    if (typeof q.code !== 'string') continue;
    out[q.code] = q.optionCodes ? { key: q.key, options: { ...q.optionCodes } } : { key: q.key };
  }
  return out;
}

/** Every code published before, and those of the questions now (a renamed question under its new key). */
export function mergeShareCodes(published: ShareCodeRecord, questions: readonly CodedQuestion[]): ShareCodeRecord {
  const out: ShareCodeRecord = structuredClone(published);
  for (const [code, now] of Object.entries(shareCodesOf(questions))) {
    const before = out[code];
    out[code] = { key: now.key };
    const options = { ...before?.options, ...now.options };
    if (Object.keys(options).length) out[code]!.options = options;
  }
  return out;
}

/** Each published code the questions now change or give to something else, as a sentence saying what to do. */
export function shareCodeProblems(published: ShareCodeRecord, questions: readonly CodedQuestion[]): string[] {
  const problems: string[] = [];
  const sameQuestion = (q: CodedQuestion, key: string) => q.key === key || (q.formerKeys ?? []).includes(key);
  for (const [code, was] of Object.entries(published)) {
    const holder = questions.find((q) => q.code === code);
    if (holder && !sameQuestion(holder, was.key)) {
      problems.push(`questions.json: the code "${code}" was published for the question "${was.key}"; "${holder.key}" needs another code (a code is never reused)`);
    }
    const question = questions.find((q) => sameQuestion(q, was.key));
    if (question && question.code !== code) {
      problems.push(`questions.json: the question "${question.key}" was published with the code "${code}"; put back "code": "${code}" (a published code never changes)`);
    }
    if (!question || question.code !== code) continue;
    const now = question.optionCodes ?? {};
    for (const [option, n] of Object.entries(was.options ?? {})) {
      if (option in now && now[option] !== n) {
        problems.push(`questions.json: the option "${option}" of "${question.key}" was published with the number ${n}; put back ${n} (a published number never changes)`);
      }
      const taker = Object.entries(now).find(([o, m]) => m === n && o !== option);
      if (taker) {
        problems.push(`questions.json: the number ${n} of "${question.key}" was published for "${option}"; "${taker[0]}" needs another number (a number is never reused)`);
      }
    }
  }
  return problems;
}
