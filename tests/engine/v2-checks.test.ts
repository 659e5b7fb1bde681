// @vitest-environment node
/** Rules spec v2: what the rule files must refuse, territory, outcome periods, and the answers of questions.json. */
import { describe, expect, it } from 'vitest';
import {
  DateError,
  evaluate,
  loadRuleset,
  migrateAnswers,
  type Problem,
  providerFor,
  type RuleFile,
  RulesetError,
  validateAnswers,
} from '../../src/engine';
import { fixtureFiles, rule } from './fixture';

const source = { title: 'test fixture', read: '2026-11-23' };

const problems = (files: RuleFile[]): Problem[] => {
  try {
    loadRuleset(files);
    return [];
  } catch (e) {
    if (e instanceof RulesetError) return e.problems;
    throw e;
  }
};

const base = fixtureFiles();
const file = (path: string) => base.find((f) => f.path === path)?.data as Record<string, unknown>;

/** The fixture with two municipalities, a local right in each and a generic provider stood in for. */
function regionFiles(extra: RuleFile[] = []): RuleFile[] {
  const questions = file('questions.json').questions as { key: string }[];
  return fixtureFiles([
    {
      path: 'questions.json',
      data: {
        $schema: './schema/questions.schema.json',
        questions: questions.map((q) =>
          q.key === 'municipality'
            ? { ...q, options: ['kortrijk', 'harelbeke', 'other-flemish'], optionCodes: { kortrijk: 0, harelbeke: 1, 'other-flemish': 2 } }
            : q,
        ),
      },
    },
    {
      path: 'municipalities.json',
      data: {
        $schema: './schema/municipalities.schema.json',
        municipalities: { kortrijk: { providers: { generic: 'office' } }, harelbeke: {}, 'other-flemish': {} },
      },
    },
    {
      path: 'providers.json',
      data: {
        $schema: './schema/providers.schema.json',
        providers: {
          office: { name: 'Office', address: null, phone: null, hours: null },
          generic: { name: 'The office of your municipality', address: null, phone: null, hours: null },
        },
      },
    },
    rule('kortrijk.local', { territory: 'kortrijk', outcomes: [{ status: 'eligible', reason: 'always', when: true }] }),
    rule('harelbeke.local', { territory: 'harelbeke', outcomes: [{ status: 'eligible', reason: 'always', when: true }] }),
    rule('federaal.everywhere', {
      provider: 'generic',
      outcomes: [{ status: 'eligible', reason: 'always', when: true }],
    }),
    ...extra,
  ]);
}

describe('the rule files refuse what they should, naming file, field and what was expected', () => {
  it('an impossible validFrom (2020-13-45) and an impossible parameter date (2025-02-30)', () => {
    const params = file('parameters/base.json');
    const p = problems(
      fixtureFiles([
        rule('test.bad-date', { validFrom: '2020-13-45', outcomes: [{ status: 'eligible', reason: 'x', when: true }] }),
        {
          path: 'parameters/extra.json',
          data: {
            $schema: '../schema/parameter.schema.json',
            parameters: { 'extra.x': { description: 'x', unit: 'percent', values: [{ from: '2025-02-30', value: 1, source }] } },
          },
        },
      ]),
    );
    expect(params).toBeDefined();
    expect(p).toContainEqual({ file: 'rights/test.bad-date/rule.json', field: '/validFrom', expected: 'a real date YYYY-MM-DD, found "2020-13-45"' });
    expect(p).toContainEqual({
      file: 'parameters/extra.json',
      field: '/parameters/extra.x/values/0/from',
      expected: 'a real date YYYY-MM-DD, found "2025-02-30"',
    });
  });

  it('"when": "false" as a string', () => {
    const top = problems(fixtureFiles([rule('test.s', { outcomes: [{ status: 'eligible', reason: 'x', when: 'false' }] })]));
    expect(top[0]).toMatchObject({ file: 'rights/test.s/rule.json', field: '/outcomes/0/when' });
    expect(top[0]?.expected).toMatch(/object|condition/);
  });

  it('an amount unit the engine does not convert back from cents ("euro/meal")', () => {
    const amount = { value: { param: 'meal.price' }, unit: 'euro/meal' };
    const p = problems(fixtureFiles([rule('test.u', { outcomes: [{ status: 'eligible', reason: 'x', when: true }], amount })]));
    expect(p[0]).toMatchObject({ file: 'rights/test.u/rule.json', field: '/amount/unit' });
    // a known unit that is not money, for an amount of money, is refused too
    const q = problems(
      fixtureFiles([rule('test.u', { outcomes: [{ status: 'eligible', reason: 'x', when: true }], amount: { ...amount, unit: 'percent-off' } })]),
    );
    expect(q[0]).toMatchObject({ file: 'rights/test.u/rule.json', field: '/amount/unit' });
    expect(q[0]?.expected).toMatch(/a unit starting with "EUR" for an amount of money/);
  });

  it('a var with a default value', () => {
    const p = problems(
      fixtureFiles([rule('test.v', { outcomes: [{ status: 'eligible', reason: 'x', when: { '<=': [{ var: ['netMonthlyIncome', 0] }, 5] } }] })]),
    );
    expect(p[0]).toMatchObject({ file: 'rights/test.v/rule.json', field: '/outcomes/0/when/<=/0/var' });
    expect(p[0]?.expected).toMatch(/without a default value/);
  });

  it('a parameter that starts after the later of the rule\'s validFrom and the window\'s start', () => {
    const p = problems(
      fixtureFiles([
        rule('test.late', {
          outcomes: [{ status: 'eligible', reason: 'x', when: { '<=': [{ var: 'netMonthlyIncome' }, { param: 'late.limit' }] } }],
        }),
        {
          path: 'parameters/late.json',
          data: {
            $schema: '../schema/parameter.schema.json',
            parameters: { 'late.limit': { description: 'x', unit: 'EUR/month', values: [{ from: '2023-07-01', value: 1, source }] } },
          },
        },
      ]),
    );
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ file: 'rights/test.late/rule.json', field: '/outcomes/0/when' });
    expect(p[0]?.expected).toMatch(/parameter "late.limit" to have a value from 2022-01-01 .* first value is from 2023-07-01/);
  });

  it('accepts that parameter in an outcome that starts when the parameter does', () => {
    const p = problems(
      fixtureFiles([
        rule('test.late', {
          outcomes: [
            { status: 'eligible', reason: 'x', validFrom: '2023-07-01', when: { '<=': [{ var: 'netMonthlyIncome' }, { param: 'late.limit' }] } },
          ],
        }),
        {
          path: 'parameters/late.json',
          data: {
            $schema: '../schema/parameter.schema.json',
            parameters: { 'late.limit': { description: 'x', unit: 'EUR/month', values: [{ from: '2023-07-01', value: 1, source }] } },
          },
        },
      ]),
    );
    expect(p).toEqual([]);
  });

  it('a territory that is no municipality, and a category that categories.json does not list', () => {
    const p = problems(fixtureFiles([rule('test.t', { territory: 'gent', category: 'sport', outcomes: [{ status: 'eligible', reason: 'x', when: true }] })]));
    expect(p).toContainEqual(expect.objectContaining({ file: 'rights/test.t/rule.json', field: '/territory' }));
    expect(p).toContainEqual(expect.objectContaining({ file: 'rights/test.t/rule.json', field: '/category' }));
  });
});

describe('territory, filtered like validFrom', () => {
  const rules = loadRuleset(regionFiles());
  const ids = (answers: Record<string, unknown>) => evaluate(rules, answers, '2025-03-01').map((r) => r.id);

  it('a local right holds in its own municipality only; Kortrijk when not answered', () => {
    expect(ids({ municipality: 'harelbeke' })).toContain('harelbeke.local');
    expect(ids({ municipality: 'harelbeke' })).not.toContain('kortrijk.local');
    expect(ids({})).toContain('kortrijk.local');
    expect(ids({})).not.toContain('harelbeke.local');
    expect(ids({ municipality: 'other-flemish' }).filter((id) => id.endsWith('.local'))).toEqual([]);
    expect(ids({ municipality: 'other-flemish' })).toContain('federaal.everywhere');
  });

  it('a generic provider becomes the municipality\'s own where the rules name one', () => {
    const r = rules.rulesById.get('federaal.everywhere') as { provider: string };
    expect(providerFor(rules, r, 'kortrijk')).toBe('office');
    expect(providerFor(rules, r, 'harelbeke')).toBe('generic');
  });

  it('an unknown municipality is refused like any invalid answer', () => {
    expect(validateAnswers(rules, { municipality: 'gent' })).toMatch(/answers\/municipality: expected one of/);
  });
});

describe('an outcome that holds for part of a right\'s period', () => {
  const rules = loadRuleset(
    fixtureFiles([
      rule('test.scheme', {
        outcomes: [
          { status: 'eligible', reason: 'old', validUntil: '2025-12-31', when: true, amount: { value: { param: 'discount' }, unit: 'percent-off' } },
          { status: 'ask', reason: 'new', validFrom: '2026-01-01', when: true },
        ],
      }),
    ]),
  );
  const r = (date: string) => evaluate(rules, {}, date).find((x) => x.id === 'test.scheme');
  it('is tried only on its dates', () => {
    expect(r('2025-12-31')).toMatchObject({ status: 'eligible', reason: 'old', amount: 80 });
    expect(r('2026-01-01')).toMatchObject({ status: 'ask', reason: 'new' });
  });
});

describe('the answers of a household, checked against questions.json', () => {
  const rules = loadRuleset(fixtureFiles());

  it('refuses an unknown key, naming it', () => {
    expect(validateAnswers(rules, { adults: 1, netMonthlyIncom: 1950 })).toMatch(/unknown answer key "netMonthlyIncom"/);
  });

  it('takes its bounds from the questions', () => {
    expect(validateAnswers(rules, { adults: 0 })).toMatch(/answers\/adults: expected a number of at least 1/);
    expect(validateAnswers(rules, { children: [{ age: 18 }] })).toMatch(/answers\/children\/0\/age/);
    expect(validateAnswers(rules, { adults: 2, netMonthlyIncome: 1950.5, children: [{ age: 0 }] })).toBeNull();
  });

  it('migrates answers saved on a device: a former key is renamed, unknown keys are dropped, never refused', () => {
    const questions = rules.questions.map((q) => (q.key === 'netMonthlyIncome' ? { ...q, formerKeys: ['income'] } : q));
    expect(migrateAnswers(questions, { income: 1950, adults: 1, shoeSize: 42, statuses: ['leefloon', 'gone'] })).toEqual({
      netMonthlyIncome: 1950,
      adults: 1,
      statuses: ['leefloon'],
    });
  });
});

describe('evaluation dates', () => {
  const rules = loadRuleset(fixtureFiles());
  it('an impossible date is a DateError', () => {
    expect(() => evaluate(rules, {}, '2025-02-30')).toThrow(DateError);
  });
});
