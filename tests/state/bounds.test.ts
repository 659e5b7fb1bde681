// @vitest-environment node
/**
 * The bounds the app checks come from questions.json alone: a release that changes a child's maximum
 * age, the number of children, the adults' maximum, the person's minimum age or the income maximum
 * changes what is typed, imported and shown, with no change in the code.
 */
import { describe, expect, it } from 'vitest';
import { answersSchemaFrom, type Question } from '../../src/engine';
import { importedAnswersProblem } from '../../src/state/imported';
import { childrenBounds, validateDraft } from '../../src/state/validate';
import { questions } from '../fixtures/questions';

const changed = (key: string, bounds: Partial<Question>) => {
  const qs = questions.map((q) => (q.key === key ? { ...q, ...bounds } : q));
  return { qs, q: qs.find((q) => q.key === key)! };
};

describe('bounds from questions.json', () => {
  it('a child\'s age and the number of children: typed, imported and in the answers schema', () => {
    const { qs, q } = changed('children', { min: 1, max: 15, maxItems: 2 });
    expect(childrenBounds(q)).toEqual({ minAge: 1, maxAge: 15, maxItems: 2 });
    const typed = validateDraft(q, { ages: ['15', '16'] }, 'nl');
    expect(typed).toMatchObject({ ok: false, items: [null, { key: 'childAge', params: { number: 2, min: 1, max: 15 } }] });
    expect(validateDraft(q, { ages: ['0'] }, 'nl')).toMatchObject({ ok: false, items: [{ params: { min: 1 } }] });
    expect(validateDraft(q, { ages: ['1', '2', '3'] }, 'nl')).toMatchObject({ ok: false, error: { key: 'tooManyChildren', params: { max: 2 } } });
    expect(validateDraft(q, { ages: ['1', '15'] }, 'nl')).toEqual({ ok: true, value: [{ age: 1 }, { age: 15 }] });
    expect(importedAnswersProblem(qs, { children: [{ age: 16 }] })).toBe('children: child age');
    expect(importedAnswersProblem(qs, { children: [{ age: 1 }, { age: 2 }, { age: 3 }] })).toBe('children: too many children');
    expect(importedAnswersProblem(qs, { children: [{ age: 15 }] })).toBeNull();
    const schema = answersSchemaFrom(qs) as { properties: Record<string, { maxItems: number; items: { properties: { age: unknown } } }> };
    expect(schema.properties.children!.maxItems).toBe(2);
    expect(schema.properties.children!.items.properties.age).toEqual({ type: 'integer', minimum: 1, maximum: 15 });
  });

  it('adults, the person\'s age and the income: the same bounds typed, imported and in the schema', () => {
    for (const [key, min, max, tooHigh, tooLow] of [
      ['adults', 1, 4, '5', '0'],
      ['age', 16, 99, '100', '15'],
      ['netMonthlyIncome', 0, 5000, '5000,01', '-1'],
    ] as const) {
      const { qs, q } = changed(key, { min, max });
      expect(validateDraft(q, tooHigh, 'nl'), key).toMatchObject({ ok: false, error: { key: 'max' } });
      expect(validateDraft(q, tooLow, 'nl'), key).toMatchObject({ ok: false, error: { key: 'min' } });
      expect(validateDraft(q, String(max), 'nl'), key).toEqual({ ok: true, value: max });
      expect(importedAnswersProblem(qs, { [key]: max + 1 }), key).toBe(`${key}: out of bounds`);
      const schema = answersSchemaFrom(qs) as { properties: Record<string, { minimum: number; maximum: number }> };
      expect(schema.properties[key], key).toMatchObject({ minimum: min, maximum: max });
    }
  });

  it('questions.json gives the bounds each number and the children need, and their examples lie within them', () => {
    for (const q of questions) {
      if (q.type === 'children') expect([q.min, q.max, q.maxItems], q.key).not.toContain(undefined);
      if (q.type === 'integer' || q.type === 'money') {
        expect(q.min, q.key).toBeTypeOf('number');
        expect(q.max, q.key).toBeTypeOf('number');
        expect(q.example as number, q.key).toBeGreaterThanOrEqual(q.min!);
        expect(q.example as number, q.key).toBeLessThanOrEqual(q.max!);
      }
    }
  });
});
