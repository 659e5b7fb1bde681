/** A small synthetic ruleset, with the project's real schemas, to test the engine apart from the real rules. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleFile } from '../../src/engine';
import { RULES_DIR } from '../../src/cli/load-rules';

const source = { title: 'test fixture', read: '2026-11-23' };

export function schemaFiles(): RuleFile[] {
  const dir = join(RULES_DIR, 'schema');
  return readdirSync(dir).map((name) => ({
    path: `schema/${name}`,
    data: JSON.parse(readFileSync(join(dir, name), 'utf8')),
  }));
}

export function rule(id: string, extra: Record<string, unknown>): RuleFile {
  return {
    path: `rights/${id}/rule.json`,
    data: {
      $schema: '../../schema/rule.schema.json',
      id,
      category: 'inkomen',
      provider: 'office',
      territory: 'everywhere',
      validFrom: '2020-01-01',
      validUntil: null,
      steps: [],
      documents: [],
      sources: [source],
      ...extra,
    },
  };
}

export function fixtureFiles(overrides: RuleFile[] = []): RuleFile[] {
  const base: RuleFile[] = [
    ...schemaFiles(),
    { path: 'manifest.json', data: { $schema: './schema/manifest.schema.json', version: '2026.01.1', published: '2026-01-01', evaluationFrom: '2022-01-01' } },
    {
      path: 'municipalities.json',
      data: { $schema: './schema/municipalities.schema.json', municipalities: { kortrijk: {} } },
    },
    {
      path: 'categories.json',
      data: { $schema: './schema/categories.schema.json', categories: [{ id: 'inkomen', icon: 'M3 3h18' }] },
    },
    {
      path: 'providers.json',
      data: {
        $schema: './schema/providers.schema.json',
        providers: { office: { name: 'Office', address: null, phone: null, hours: null } },
      },
    },
    {
      path: 'questions.json',
      data: {
        $schema: './schema/questions.schema.json',
        questions: [
          { key: 'adults', type: 'integer', code: 'a', min: 1 },
          { key: 'partner', type: 'boolean', code: 'p', askIf: { '>=': [{ var: 'adults' }, 2] } },
          { key: 'children', type: 'children', code: 'c', min: 0, max: 17, maxItems: 20 },
          { key: 'netMonthlyIncome', type: 'money', code: 'i', unit: 'EUR/month', min: 0 },
          { key: 'statuses', type: 'multi', code: 's', options: ['leefloon', 'student'], optionCodes: { leefloon: 0, student: 1 } },
          { key: 'municipality', type: 'choice', code: 'm', options: ['kortrijk'], optionCodes: { kortrijk: 0 }, default: 'kortrijk', askIf: false },
        ],
      },
    },
    {
      path: 'parameters/base.json',
      data: {
        $schema: '../schema/parameter.schema.json',
        parameters: {
          'base.amount': {
            description: 'a base amount',
            unit: 'EUR/month',
            values: [
              { from: '2022-01-01', value: 1000, source },
              { from: '2024-06-01', value: 1000.05, source },
            ],
          },
          'factor.limit': { description: 'a factor', unit: 'percent', values: [{ from: '2020-01-01', value: 140, source }] },
          'discount': { description: 'a discount', unit: 'percent-off', values: [{ from: '2020-01-01', value: 80, source }] },
          'meal.price': { description: 'a price', unit: 'EUR/meal', values: [{ from: '2020-01-01', value: 2, source }] },
        },
      },
    },
    {
      path: 'variables.json',
      data: {
        $schema: './schema/variables.schema.json',
        variables: {
          reference: {
            description: 'base × adults',
            unit: 'EUR/month',
            logic: { '*': [{ param: 'base.amount' }, { var: 'adults' }] },
          },
          limit: {
            description: '1.40 × reference, rounded half up to the cent',
            unit: 'EUR/month',
            logic: { round: [{ '/': [{ '*': [{ var: 'reference' }, { param: 'factor.limit' }] }, 100] }] },
          },
          overLimit: {
            description: 'income above the limit, within 10 %',
            unit: 'EUR/month',
            logic: {
              if: [
                {
                  and: [
                    { '>': [{ var: 'netMonthlyIncome' }, { var: 'limit' }] },
                    { '<=': [{ var: 'netMonthlyIncome' }, { round: [{ '/': [{ '*': [{ var: 'limit' }, 110] }, 100] }] }] },
                  ],
                },
                { '-': [{ var: 'netMonthlyIncome' }, { var: 'limit' }] },
                null,
              ],
            },
          },
        },
      },
    },
    rule('test.tariff', {
      outcomes: [
        { status: 'eligible', reason: 'leefloon', when: { in: ['leefloon', { var: 'statuses' }] } },
        { status: 'eligible', reason: 'income', when: { '<=': [{ var: 'netMonthlyIncome' }, { var: 'limit' }] } },
      ],
      otherwise: { status: 'not-eligible', reason: 'income-above' },
      threshold: { var: 'limit' },
      over: { var: 'overLimit' },
      amount: { value: { param: 'discount' }, unit: 'percent-off' },
    }),
    rule('test.meal', {
      outcomes: [
        {
          status: 'eligible',
          reason: 'tariff',
          when: { '==': [{ result: 'test.tariff' }, 'eligible'] },
          amount: { value: { param: 'meal.price' }, unit: 'EUR/meal' },
        },
        { status: 'ask', reason: 'children', when: { some: [{ var: 'children' }, { '<=': [{ var: 'age' }, 2] }] } },
      ],
    }),
    rule('test.ended', {
      validUntil: '2025-12-31',
      outcomes: [{ status: 'eligible', reason: 'always', when: true }],
    }),
  ];
  const byPath = new Map(base.map((f) => [f.path, f]));
  for (const o of overrides) byPath.set(o.path, o);
  return [...byPath.values()];
}
