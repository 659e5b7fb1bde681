/**
 * The household's answers, as questions.json defines them: questions.json is the one dictionary of
 * household facts. The answers schema (for the command line, shared links and caseload files) is
 * derived from it here, so bounds and options are written once.
 */
import type { Answers, Question } from './types';

type Schema = Record<string, unknown>;

/**
 * The bounds of the children question: each child's age (its `min` and `max`) and how many children
 * (`maxItems`). questions.json must give all three (its schema says so); the numbers here only keep
 * the types whole.
 */
export function childrenBounds(q: Pick<Question, 'min' | 'max' | 'maxItems'>): { minAge: number; maxAge: number; maxItems: number } {
  return { minAge: q.min ?? 0, maxAge: q.max ?? 17, maxItems: q.maxItems ?? 20 };
}

/** The JSON Schema of one answer, from its question. */
export function answerSchema(q: Question): Schema {
  const bounds = (s: Schema) => {
    if (q.min !== undefined) s.minimum = q.min;
    if (q.max !== undefined) s.maximum = q.max;
    return s;
  };
  switch (q.type) {
    case 'integer':
      return bounds({ type: 'integer' });
    case 'money':
      return bounds({ type: 'number' });
    case 'boolean':
      return { type: 'boolean' };
    case 'choice':
      return { enum: [...(q.options ?? [])] };
    case 'multi':
      return { type: 'array', uniqueItems: true, items: { enum: [...(q.options ?? [])] } };
    case 'children': {
      // min and max of a list of children are the bounds of each child's age
      const { minAge, maxAge, maxItems } = childrenBounds(q);
      const age: Schema = { type: 'integer', minimum: minAge, maximum: maxAge };
      return {
        type: 'array',
        maxItems,
        items: { type: 'object', required: ['age'], additionalProperties: false, properties: { age } },
      };
    }
  }
}

/** The schema of a whole household: every question's answer, and no other key. */
export function answersSchemaFrom(questions: Question[]): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'The household facts of questions.json: a missing key means not answered yet',
    type: 'object',
    properties: Object.fromEntries(questions.map((q) => [q.key, answerSchema(q)])),
    additionalProperties: false,
  };
}

/** Keys that are no question (a typo like `netMonthlyIncom`): named, so nothing goes missing silently. */
export function unknownAnswerKeys(questions: Question[], answers: Record<string, unknown>): string[] {
  const known = new Set(questions.map((q) => q.key));
  return Object.keys(answers).filter((k) => !known.has(k));
}

/** Each former key of a renamed question (`formerKeys`) and the question's key now. */
export function renamedKeys(questions: readonly Pick<Question, 'key' | 'formerKeys'>[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of questions) for (const former of q.formerKeys ?? []) if (former !== q.key) out.set(former, q.key);
  return out;
}

/**
 * The same record under the questions' keys now: what was saved under a renamed question's former key
 * moves to its key (an answer already under the new key wins). Nothing is dropped or checked here.
 */
export function renameAnswers<T>(questions: readonly Pick<Question, 'key' | 'formerKeys'>[], record: Readonly<Record<string, T>>): Record<string, T> {
  const renamed = renamedKeys(questions);
  if (renamed.size === 0 || !Object.keys(record).some((k) => renamed.has(k))) return record as Record<string, T>;
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) if (!renamed.has(key)) out[key] = value;
  for (const [key, value] of Object.entries(record)) {
    const now = renamed.get(key);
    if (now !== undefined && !(now in out)) out[now] = value;
  }
  return out;
}

/**
 * Answers saved on a device by an older release: a question's former key becomes its key, keys no
 * question knows any more are dropped, and values outside the question's options are dropped (asked
 * again). Never refused: what a person typed is kept wherever it still means something.
 */
export function migrateAnswers(questions: Question[], answers: Answers): Answers {
  const out: Answers = {};
  const renamed = renameAnswers(questions, answers);
  for (const q of questions) {
    let value = renamed[q.key];
    if (value === undefined || value === null) continue;
    if (q.type === 'choice' && !(q.options ?? []).includes(value as string)) continue;
    if (q.type === 'multi') {
      if (!Array.isArray(value)) continue;
      value = value.filter((v) => (q.options ?? []).includes(v as string));
    }
    out[q.key] = value;
  }
  return out;
}

export interface QuestionProblem {
  field: string;
  expected: string;
}

/**
 * The shared-link codes of questions.json hold together: one code per question, one number per option,
 * none given twice. An option no longer asked keeps its number (reserved). That a published code never
 * changes is checked against rules.lock.
 */
export function shareCodeProblems(questions: readonly Question[]): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const byCode = new Map<string, string>();
  questions.forEach((q, i) => {
    const other = byCode.get(q.code);
    if (other !== undefined) problems.push({ field: `/questions/${i}/code`, expected: `a code no other question has; "${q.code}" is the code of "${other}"` });
    else byCode.set(q.code, q.key);
    if (q.type !== 'choice' && q.type !== 'multi') {
      if (q.optionCodes) problems.push({ field: `/questions/${i}/optionCodes`, expected: 'no optionCodes on a question without options' });
      return;
    }
    const codes = q.optionCodes ?? {};
    const numbers = new Map<number, string>();
    for (const option of q.options ?? []) {
      const n = codes[option];
      if (n === undefined) {
        const next = Math.max(-1, ...Object.values(codes)) + 1;
        problems.push({ field: `/questions/${i}/optionCodes`, expected: `a number for the option "${option}" (the next free one is ${next})` });
      } else if (numbers.has(n)) {
        problems.push({ field: `/questions/${i}/optionCodes/${option}`, expected: `a number no other option has; ${n} is the number of "${numbers.get(n)}"` });
      } else numbers.set(n, option);
    }
  });
  return problems;
}
