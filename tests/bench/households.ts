/**
 * Deterministic, varied households for benchmarks (no randomness between runs), derived from
 * rules/questions.json: every question gets an answer of its type, within its bounds, spread around
 * its example. A question a release adds is in the benchmark's households with no change here.
 */
import { readFileSync } from 'node:fs';
import type { Question } from '../../src/engine';

export const QUESTIONS = (JSON.parse(readFileSync(new URL('../../rules/questions.json', import.meta.url), 'utf8')) as { questions: Question[] })
  .questions;

type Random = () => number;

const num = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);

/** One answer to one question: its type, its bounds, around its example. */
export function answerFor(q: Question, next: Random): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const min = num(q.min, 0);
  const max = num(q.max, Number.MAX_SAFE_INTEGER);
  const example = num(q.example, min + 1);
  switch (q.type) {
    case 'integer': {
      // between the minimum and twice the example (adults 1 to 4, an age from 18 to 90)
      const top = Math.min(max, Math.max(min, 2 * example));
      return min + Math.floor(next() * (top - min + 1));
    }
    case 'money': {
      const top = Math.min(max, Math.max(min, 2.3 * example));
      return Math.round((min + next() * (top - min)) * 100) / 100;
    }
    case 'boolean':
      return next() < (q.example === true ? 0.6 : 0.15);
    case 'choice': {
      const options = q.options ?? [];
      // the example half of the time (Kortrijk, most people renting privately), else any option
      return typeof q.example === 'string' && next() < 0.5 ? q.example : pick(options);
    }
    case 'multi':
      return (q.options ?? []).filter(() => next() < 0.08);
    case 'children': {
      const count = Math.min(num(q.maxItems, 3), Math.floor(next() * 4));
      return Array.from({ length: count }, () => ({ age: min + Math.floor(next() * (max - min + 1)) }));
    }
  }
}

export function* households(n: number, seed = 42, questions: readonly Question[] = QUESTIONS): Generator<Record<string, unknown>> {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  for (let i = 0; i < n; i++) {
    const answers: Record<string, unknown> = {};
    for (const q of questions) answers[q.key] = answerFor(q, next);
    yield answers;
  }
}
