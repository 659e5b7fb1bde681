// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  amountsUpdated,
  amountsUpdatedOn,
  EngineError,
  evaluate,
  loadRuleset,
  missingAnswers,
  type Result,
  roundHalfUp,
  RulesetError,
} from '../../src/engine';
import { fixtureFiles, rule } from './fixture';

const rules = loadRuleset(fixtureFiles());
const byId = (results: Result[], id: string) => results.find((r) => r.id === id);
const tariff = (answers: Record<string, unknown>, date = '2025-03-01') =>
  byId(evaluate(rules, answers, date, { trace: true }), 'test.tariff') as Result;

describe('thresholds in cents', () => {
  it('an income exactly at the threshold qualifies', () => {
    const r = tariff({ adults: 1, netMonthlyIncome: 1400.07, statuses: [] });
    expect(r).toMatchObject({ status: 'eligible', threshold: 1400.07, reason: 'income' });
    expect(r.over).toBeUndefined();
  });

  it('one cent above the threshold is a near miss with the euros too much', () => {
    const r = tariff({ adults: 1, netMonthlyIncome: 1400.08, statuses: [] });
    expect(r).toMatchObject({ status: 'not-eligible', threshold: 1400.07, over: 0.01 });
  });

  it('far above the threshold (more than 10 %) is not a near miss', () => {
    const r = tariff({ adults: 1, netMonthlyIncome: 1600, statuses: [] });
    expect(r.status).toBe('not-eligible');
    expect(r.over).toBeUndefined();
  });

  it('uses the parameter value in force on the date: the day before and the day it changes', () => {
    expect(tariff({ adults: 1, netMonthlyIncome: 1400, statuses: [] }, '2024-05-31').threshold).toBe(1400);
    expect(tariff({ adults: 1, netMonthlyIncome: 1400, statuses: [] }, '2024-06-01').threshold).toBe(1400.07);
  });

  it('rounds half up, also when binary fractions fall just below the half', () => {
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(2.4999999999999996)).toBe(3);
    expect(roundHalfUp(1.4 * 177607)).toBe(248650); // 248649.79999999998 in binary
    expect(roundHalfUp(2.4)).toBe(2);
  });
});

describe('three-valued logic over missing answers', () => {
  it('a status settles the right whatever the income', () => {
    const r = tariff({ statuses: ['leefloon'] });
    expect(r.status).toBe('eligible');
    expect(r.missing).toBeUndefined();
  });

  it('a low income settles it even when the statuses are not answered', () => {
    expect(tariff({ adults: 1, netMonthlyIncome: 900 }).status).toBe('eligible');
  });

  it('without the household make-up the income test is unknown and says what is missing', () => {
    const r = tariff({ netMonthlyIncome: 900, statuses: [] });
    expect(r.status).toBe('unknown');
    expect(r.missing).toEqual(['adults']);
    expect(r.threshold).toBeUndefined();
  });

  it('an empty household lists every answer that could change it, in question order', () => {
    expect(tariff({}).missing).toEqual(['adults', 'netMonthlyIncome', 'statuses']);
  });

  it('a right that depends on another right follows its result', () => {
    const meal = (a: Record<string, unknown>) => byId(evaluate(rules, a, '2025-03-01'), 'test.meal') as Result;
    expect(meal({ statuses: ['leefloon'] })).toMatchObject({ status: 'eligible', amount: 2, unit: 'EUR/meal' });
    expect(meal({ adults: 1, netMonthlyIncome: 5000, statuses: [], children: [{ age: 1 }] }).status).toBe('ask');
    expect(meal({ adults: 1, netMonthlyIncome: 5000, statuses: [], children: [{ age: 5 }] }).status).toBe('not-eligible');
    expect(meal({ adults: 1, netMonthlyIncome: 5000, statuses: [] })).toMatchObject({ status: 'unknown', missing: ['children'] });
  });

  it('missingAnswers asks only what can still change a result, and nothing once all is settled', () => {
    expect(missingAnswers(rules, {}, '2025-03-01')).toEqual(['adults', 'children', 'netMonthlyIncome', 'statuses']);
    expect(missingAnswers(rules, { statuses: ['leefloon'] }, '2025-03-01')).toEqual([]);
  });
});

describe('dates and validity', () => {
  it('a right outside its validity dates is left out', () => {
    expect(byId(evaluate(rules, {}, '2025-12-31'), 'test.ended')?.status).toBe('eligible');
    expect(byId(evaluate(rules, {}, '2026-01-01'), 'test.ended')).toBeUndefined();
  });

  it('a date before the window the rules cover is refused as a whole, never a partial result', () => {
    expect(() => evaluate(rules, { adults: 1, netMonthlyIncome: 1, statuses: [] }, '2021-12-31')).toThrow(
      /cover evaluation dates from 2022-01-01: 2021-12-31 is before/,
    );
    expect(evaluate(rules, { adults: 1, netMonthlyIncome: 1, statuses: [] }, '2022-01-01').length).toBeGreaterThan(0);
  });

  it('a malformed date is refused', () => {
    expect(() => evaluate(rules, {}, '1/3/2025')).toThrow(EngineError);
  });

  it('reports the date of the latest amount in force', () => {
    expect(amountsUpdatedOn(rules, '2025-03-01')).toBe('2024-06-01');
    expect(amountsUpdatedOn(rules, '2023-03-01')).toBe('2022-01-01');
  });

  it('dates the amounts by money parameters only: a later factor or flag does not make them newer', () => {
    const source = { title: 'test fixture', read: '2026-11-23' };
    const withLaterFactor = loadRuleset(
      fixtureFiles([
        {
          path: 'parameters/later.json',
          data: {
            $schema: '../schema/parameter.schema.json',
            parameters: {
              'factor.later': { description: 'a factor', unit: 'percent', values: [{ from: '2025-01-01', value: 150, source }] },
              'flag.later': { description: 'a flag', unit: 'boolean', values: [{ from: '2025-02-01', value: 1, source }] },
            },
          },
        },
      ]),
    );
    expect(amountsUpdated(withLaterFactor, '2025-03-01')).toBe('2024-06-01');
    expect(amountsUpdated(withLaterFactor, '2021-03-01')).toBe('2020-01-01');
    expect(amountsUpdated(withLaterFactor, '2019-03-01')).toBeNull();
  });
});

describe('the trace', () => {
  it('names the values compared, in euros', () => {
    const r = tariff({ adults: 1, netMonthlyIncome: 1950, statuses: [] });
    const income = r.trace?.[1];
    expect(income).toMatchObject({ status: 'eligible', reason: 'income', result: false });
    expect(income?.checks[0]).toEqual({
      op: '<=',
      args: [
        { name: 'netMonthlyIncome', value: 1950, unit: 'EUR/month' },
        { name: 'limit', value: 1400.07, unit: 'EUR/month' },
      ],
      result: false,
    });
    expect(r.trace?.at(-1)).toMatchObject({ status: 'not-eligible', reason: 'income-above' });
  });

  it('is left out unless asked for', () => {
    expect(byId(evaluate(rules, { statuses: ['leefloon'] }, '2025-03-01'), 'test.tariff')?.trace).toBeUndefined();
  });
});

describe('a malformed ruleset is refused with file, field and what was expected', () => {
  const problems = (files = fixtureFiles()) => {
    try {
      loadRuleset(files);
    } catch (e) {
      if (e instanceof RulesetError) return e.problems;
      throw e;
    }
    return [];
  };

  it('a wrong status', () => {
    const p = problems(fixtureFiles([rule('test.bad', { outcomes: [{ status: 'maybe', reason: 'x', when: true }] })]));
    expect(p).toContainEqual(expect.objectContaining({ file: 'rights/test.bad/rule.json', field: '/outcomes/0/status' }));
  });

  it('an unknown operator', () => {
    const p = problems(fixtureFiles([rule('test.bad', { outcomes: [{ status: 'eligible', reason: 'x', when: { between: [1, 2] } }] })]));
    expect(p[0]).toMatchObject({ file: 'rights/test.bad/rule.json', field: '/outcomes/0/when' });
    expect(p[0]?.expected).toMatch(/known operator/);
  });

  it('an answer that no question asks', () => {
    const p = problems(fixtureFiles([rule('test.bad', { outcomes: [{ status: 'eligible', reason: 'x', when: { var: 'salary' } }] })]));
    expect(p[0]?.expected).toMatch(/found "salary"/);
  });

  it('a missing field', () => {
    const bad = rule('test.bad', { outcomes: [] });
    delete (bad.data as Record<string, unknown>).sources;
    const p = problems(fixtureFiles([bad]));
    expect(p.map((x) => x.expected).join(' ')).toMatch(/sources/);
  });

  it('a folder that does not match the id', () => {
    const bad = rule('test.bad', { outcomes: [{ status: 'eligible', reason: 'x', when: true }] });
    const p = problems(fixtureFiles([{ path: 'rights/test.other/rule.json', data: bad.data }]));
    expect(p).toContainEqual(expect.objectContaining({ field: '/id', expected: 'the folder name "test.other"' }));
  });

  it('a cycle between rights', () => {
    const a = rule('test.a', { outcomes: [{ status: 'eligible', reason: 'x', when: { '==': [{ result: 'test.b' }, 'eligible'] } }] });
    const b = rule('test.b', { outcomes: [{ status: 'eligible', reason: 'x', when: { '==': [{ result: 'test.a' }, 'eligible'] } }] });
    expect(problems(fixtureFiles([a, b])).map((x) => x.expected).join()).toMatch(/no cycle/);
  });

  it('a parameter value without a source', () => {
    const files = fixtureFiles();
    const params = files.find((f) => f.path === 'parameters/base.json')?.data as {
      parameters: Record<string, { values: Record<string, unknown>[] }>;
    };
    delete params.parameters['base.amount']?.values[0]?.source;
    expect(problems(files)).toContainEqual(
      expect.objectContaining({ file: 'parameters/base.json', field: '/parameters/base.amount/values/0/source', expected: expect.stringContaining('"source" is required') }),
    );
  });
});
