// @vitest-environment node
/**
 * Fuzz with fast-check: damaged rule files, odd parameters, nonsense answers and batch lines. Each
 * must end in a clear error (RulesetError, EngineError, a validation message) or a valid result:
 * never another exception, never a hang. Counts go to the reliability report.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateLine } from '../../src/cli/batch';
import { readRuleFiles } from '../../src/cli/load-rules';
import {
  EngineError,
  evaluate,
  loadRuleset,
  missingAnswers,
  type RuleFile,
  type Ruleset,
  RulesetError,
  validateAnswers,
} from '../../src/engine';
import { fixtureFiles } from '../engine/fixture';
import { writeResult } from './result';

const real = readRuleFiles();
const rules = loadRuleset(structuredClone(real));
let cases = 0;
let crashes = 0;
const crashNotes: string[] = [];

const seen = new Set<string>();

function crash(what: string, input: unknown, e: unknown): false {
  crashes++;
  const stack = (e as Error)?.stack?.split('\n') ?? [];
  const key = `${what} ${stack[0]} ${stack[1]}`;
  if (!seen.has(key) && crashNotes.length < 10) {
    seen.add(key);
    let shown: string;
    try {
      shown = JSON.stringify(input).slice(0, 300);
    } catch {
      shown = '(too deep to show)';
    }
    crashNotes.push(`${what}: ${stack.slice(0, 4).join(' | ') || String(e)} on ${shown}`);
  }
  return false;
}

/** A plain message: names the field, says what was expected, no validator jargon. */
// plain: what was expected, or the unknown key named with the keys that exist (a typo is then easy to see)
const PLAIN_ANSWERS =
  /^(answers(\/.*?)?: (expected .+|unknown answer key ".*"; expected one of [a-zA-Z, ]+)|the answers must be an object of household facts)$/s;
const JARGON = /Instance|undefined|\[object|does not match (any|every|exactly)|subschema|False boolean/;

const date = fc.oneof(
  fc.date({ min: new Date('2015-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
);

function deep(depth: number, leaf: unknown, kind: 'array' | 'object'): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const answerKeys = rules.questions.map((q) => q.key);
const plausible = fc.dictionary(
  fc.constantFrom(...answerKeys, 'unknownKey', '__proto__', 'constructor'),
  fc.oneof(
    fc.integer({ min: -5, max: 40 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constantFrom('owner', 'leefloon', 'kortrijk', '', 'x'),
    fc.array(fc.record({ age: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.string({ maxLength: 3 })) }), { maxLength: 4 }),
    fc.array(fc.constantFrom('leefloon', 'student', 'igo', 'nope'), { maxLength: 4 }),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 3 }),
  ),
  { maxKeys: 8 },
);
const anyAnswers = fc.oneof(
  { weight: 6, arbitrary: plausible },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20000 }).map((d) => ({ children: deep(d, 1, 'array') })) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 20000 }).map((d) => deep(d, 1, 'object')) },
);

function checkHousehold(ruleset: Ruleset, answers: unknown, on: string): boolean {
  cases++;
  let problem: string | null;
  try {
    problem = validateAnswers(ruleset, answers);
  } catch (e) {
    return crash('validateAnswers', answers, e);
  }
  if (problem !== null) {
    if (!PLAIN_ANSWERS.test(problem) || JARGON.test(problem)) return crash('unclear message', { answers, problem }, new Error(problem));
    return true;
  }
  try {
    const results = evaluate(ruleset, answers as Record<string, unknown>, on, { trace: true });
    missingAnswers(ruleset, answers as Record<string, unknown>, on, results);
    return Array.isArray(results) && results.every((r) => typeof r.id === 'string' && typeof r.status === 'string');
  } catch (e) {
    if (e instanceof EngineError) return true;
    return crash('evaluate', { answers, on }, e);
  }
}

/** Every path into a JSON value (objects and arrays), to damage one place of a rule file. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) paths(x, [...at, i], out);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function damage(files: RuleFile[], fileIndex: number, pathIndex: number, replacement: unknown, remove: boolean): RuleFile[] {
  const copy = structuredClone(files);
  const targets = copy.filter((f) => !f.path.startsWith('schema/'));
  const file = targets[fileIndex % targets.length] as RuleFile;
  const all = paths(file.data);
  const path = all[pathIndex % all.length] as (string | number)[];
  if (path.length === 0) {
    file.data = replacement;
    return copy;
  }
  let parent = file.data as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove && !Array.isArray(parent)) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

function checkRules(files: RuleFile[], households: unknown[], on: string): boolean {
  cases++;
  let ruleset: Ruleset;
  try {
    ruleset = loadRuleset(files);
  } catch (e) {
    if (e instanceof RulesetError) {
      if (e.problems.some((p) => typeof p.expected !== 'string' || JARGON.test(p.expected))) return crash('unclear rules message', e.problems, e);
      return true;
    }
    return crash('loadRuleset', files.filter((f) => !f.path.startsWith('schema/')), e);
  }
  return households.every((h) => checkHousehold(ruleset, h, on));
}

const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, 0, -1, 1e308, '', '2099-13-45', [], {}, { var: 'nope' }, { '+': [] }, { if: [] }, { var: ['adults', 1] }),
  fc.integer({ min: 100, max: 8000 }).map((d) => deep(d, { var: 'adults' }, 'array')),
  fc.integer({ min: 100, max: 8000 }).map((d) => {
    let v: unknown = true;
    for (let i = 0; i < d; i++) v = { '!': v };
    return v;
  }),
);

describe('fuzz: nothing a file or a person types makes the engine crash or hang', () => {
  afterAll(() => {
    writeResult({
      suite: 'rules-fuzz',
      title: 'fast-check: damaged rule files and parameters, nonsense answers and batch lines',
      cases,
      crashes,
      notes: crashNotes.length ? crashNotes.map((n) => n.slice(0, 400)) : undefined,
    });
  });

  it('answers: a plain message or results', () => {
    const r = fc.check(fc.property(anyAnswers, date, (a, on) => checkHousehold(rules, a, on)), { numRuns: 6_000, seed: 1 });
    expect(r.failed ? `${r.counterexample?.map((c) => JSON.stringify(c)?.slice(0, 300))}` : null).toBe(null);
  }, 300_000);

  it('batch lines: always one JSON line back', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.record({ id: fc.jsonValue({ maxDepth: 2 }), date, answers: fc.oneof(plausible, fc.jsonValue({ maxDepth: 4 })) }).map((o) => JSON.stringify(o)),
      fc.integer({ min: 1000, max: 8000 }).map((d) => `{"answers":{"children":${'['.repeat(d)}1${']'.repeat(d)}}}`),
      fc.integer({ min: 1000, max: 8000 }).map((d) => `{"id":${'['.repeat(d)}${']'.repeat(d)},"answers":{}}`),
    );
    const r = fc.check(
      fc.property(line, (l) => {
        cases++;
        try {
          const out = evaluateLine(rules, l, 1, '2026-01-01');
          JSON.parse(out.text);
          return true;
        } catch (e) {
          return crash('evaluateLine', l.slice(0, 300), e);
        }
      }),
      { numRuns: 2_000, seed: 2 },
    );
    expect(r.failed ? `${r.counterexample?.map((c) => String(c).slice(0, 300))}` : null).toBe(null);
  }, 300_000);

  it('damaged rule files (a small ruleset): RulesetError or a ruleset that evaluates', () => {
    const files = fixtureFiles();
    const r = fc.check(
      fc.property(fc.nat(), fc.nat(), replacement, fc.boolean(), fc.array(anyAnswers, { maxLength: 3 }), date, (fi, pi, rep, remove, hs, on) =>
        checkRules(damage(files, fi, pi, rep, remove), [{ adults: 1, netMonthlyIncome: 1200, statuses: [] }, ...hs], on),
      ),
      { numRuns: 1_500, seed: 3 },
    );
    expect(r.failed ? `${JSON.stringify(r.counterexample?.slice(0, 4))?.slice(0, 500)}` : null).toBe(null);
  }, 300_000);

  it('damaged parameters: odd values and dates give results or a clear EngineError', () => {
    const files = fixtureFiles();
    const value = fc.record({
      from: fc.oneof(fc.constantFrom('2019-12-31', '2020-01-01', '2030-01-01'), fc.string({ maxLength: 10 })),
      value: fc.oneof(fc.double(), fc.integer(), fc.constant(1e308), fc.constant(-0)),
      source: fc.constant({ title: 'fuzz', read: '2026-11-29' }),
    });
    const r = fc.check(
      fc.property(fc.array(value, { minLength: 0, maxLength: 3 }), fc.constantFrom('base.amount', 'factor.limit', 'meal.price'), date, (values, id, on) => {
        const copy = structuredClone(files);
        const params = copy.find((f) => f.path === 'parameters/base.json')?.data as { parameters: Record<string, { values: unknown[] }> };
        (params.parameters[id] as { values: unknown[] }).values = values;
        return checkRules(copy, [{ adults: 2, netMonthlyIncome: 2000, statuses: [], children: [{ age: 1 }] }], on);
      }),
      { numRuns: 1_500, seed: 4 },
    );
    expect(r.failed ? `${JSON.stringify(r.counterexample)?.slice(0, 500)}` : null).toBe(null);
  }, 300_000);

  it('damaged real rule files: RulesetError or a ruleset that evaluates', () => {
    const r = fc.check(
      fc.property(fc.nat(), fc.nat(), replacement, fc.boolean(), anyAnswers, (fi, pi, rep, remove, h) =>
        checkRules(damage(real, fi, pi, rep, remove), [{ adults: 1, netMonthlyIncome: 1200, statuses: [] }, h], '2026-06-01'),
      ),
      { numRuns: 150, seed: 5 },
    );
    expect(r.failed ? `${JSON.stringify(r.counterexample?.slice(0, 4))?.slice(0, 500)}` : null).toBe(null);
  }, 300_000);

  it('counted no crash', () => {
    expect(crashNotes).toEqual([]);
    expect(crashes).toBe(0);
  });
});
