// @vitest-environment node
/**
 * The benchmark's households come from questions.json: every question answered, within its bounds and
 * options (what the app would accept from outside), and a question a release adds is answered too.
 */
import { describe, expect, it } from 'vitest';
import { households } from '../bench/households';
import { cityHousehold } from '../bench/city';
import type { Question } from '../../src/engine';
import { importedAnswersProblem } from '../../src/state/imported';
import { questions } from '../fixtures/questions';

describe('benchmark households from questions.json', () => {
  it('answer every question within its bounds and options, with a spread of values', () => {
    const all = [...households(500, 5)];
    for (const answers of all) {
      expect(Object.keys(answers).sort()).toEqual(questions.map((q) => q.key).sort());
      expect(importedAnswersProblem(questions, answers)).toBeNull();
    }
    for (const q of questions) {
      const values = new Set(all.map((a) => JSON.stringify(a[q.key])));
      expect(values.size, q.key).toBeGreaterThan(1);
    }
  });

  it('a question and an option a release adds are in the households with no change to the benchmark', () => {
    const added: Question[] = [
      ...questions.map((q) => (q.key === 'housing' ? { ...q, options: [...q.options!, 'caravan'] } : q)),
      { key: 'ownsBicycle', type: 'boolean', code: 'v', example: true },
      { key: 'rooms', type: 'integer', code: 'r', min: 1, max: 9, example: 3 },
    ];
    const all = [...households(300, 9, added)];
    expect(all.some((a) => a.housing === 'caravan')).toBe(true);
    expect(new Set(all.map((a) => a.ownsBicycle))).toEqual(new Set([true, false]));
    for (const a of all) expect(importedAnswersProblem(added, a)).toBeNull();
    const city = Array.from({ length: 200 }, (_, i) => cityHousehold(rng(i + 1), i, added).answers);
    expect(city.some((a) => typeof a.rooms === 'number')).toBe(true);
    for (const a of city) expect(importedAnswersProblem(added, a)).toBeNull();
  });
});

function rng(seed: number) {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, normal: () => next() * 2 - 1, chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}
