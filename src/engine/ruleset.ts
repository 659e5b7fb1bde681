/**
 * Loading a ruleset: every file is validated against the JSON Schema it names, then every condition
 * is compiled. Works the same in the browser (files bundled by Vite) and in Node (files read from
 * disk): the caller hands over `{ path, data }` pairs with paths relative to `rules/`.
 */
import { Validator } from '@cfworker/json-schema';
import { compileQuickCheck } from './quick-check';
import { validateWith } from './schema-messages';
import { type Compiled, type CompileScope, compileCondition, compileLogic, LogicError } from './logic';
import type {
  Manifest,
  Parameter,
  Provider,
  Question,
  Rule,
  RuleCase,
  Variable,
} from './types';

export interface RuleFile {
  /** path relative to the rules folder, e.g. `rights/kortrijk.pamperbank/rule.json` */
  path: string;
  data: unknown;
}

export interface Problem {
  file: string;
  field: string;
  expected: string;
}

/** A malformed ruleset: every problem names the file, the field (a JSON pointer) and what was expected. */
export class RulesetError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The rules are not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `- ${p.file} ${p.field || '/'}: expected ${p.expected}`).join('\n'),
    );
    this.name = 'RulesetError';
  }
}

export interface CompiledRule extends Rule {
  when: Compiled[];
  thresholdFn?: Compiled;
  overFn?: Compiled;
  amountFn?: Compiled;
  outcomeAmountFns: (Compiled | undefined)[];
}

export interface Ruleset {
  manifest: Manifest;
  parameters: Map<string, Parameter>;
  variables: Map<string, Variable & { fn: Compiled }>;
  rules: CompiledRule[];
  rulesById: Map<string, CompiledRule>;
  questions: (Question & { askIfFn?: Compiled })[];
  questionIndex: Map<string, number>;
  providers: Record<string, Provider>;
  cases: Map<string, RuleCase[]>;
  /** compiled variables and parameter ids by the index conditions refer to them with */
  variableFns: Compiled[];
  paramIds: string[];
  paramIndex: Map<string, number>;
  /** per question key: money (euros in, cents inside) and the default when not answered */
  answerInfo: Map<string, { money: boolean; fallback: unknown }>;
  /** values of parameters per date, by index, in cents for money: filled lazily, shared by evaluations */
  paramCache: Map<string, (number | undefined)[]>;
  /** the schema of a household's answers (schema/answers.schema.json) */
  answersValidator: Validator | null;
  answersSchema: unknown;
  /** a quick pre-check for the common valid case (see quick-check.ts); null when it cannot be built */
  answersQuickCheck: ((answers: unknown) => boolean) | null;
}

/**
 * Checks one household's answers against schema/answers.schema.json. Returns null when they are
 * valid, else a sentence naming the first wrong field and what was expected.
 */
export function validateAnswers(ruleset: Ruleset, answers: unknown): string | null {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    return 'the answers must be an object of household facts';
  }
  if (!ruleset.answersValidator || ruleset.answersQuickCheck?.(answers)) return null;
  const first = validateWith(ruleset.answersValidator, ruleset.answersSchema, answers)[0];
  return first ? `answers${first.field}: expected ${first.expected}` : null;
}

/** Which schema a file must name, by where it sits. */
function expectedSchema(path: string): string | null {
  if (path === 'manifest.json') return 'manifest';
  if (path === 'variables.json') return 'variables';
  if (path === 'questions.json') return 'questions';
  if (path === 'providers.json') return 'providers';
  if (/^parameters\/[^/]+\.json$/.test(path)) return 'parameter';
  if (/^rights\/[^/]+\/rule\.json$/.test(path)) return 'rule';
  if (/^rights\/[^/]+\/cases\.json$/.test(path)) return 'cases';
  return null;
}

export function loadRuleset(files: RuleFile[]): Ruleset {
  const problems: Problem[] = [];
  const byPath = new Map(files.map((f) => [f.path, f.data]));
  const schemas = new Map<string, Validator>();
  const schemaData = new Map<string, unknown>();
  for (const f of files) {
    const m = /^schema\/([^/]+)\.schema\.json$/.exec(f.path);
    if (m) {
      schemas.set(m[1] as string, new Validator(f.data as object, '2020-12', false));
      schemaData.set(m[1] as string, f.data);
    }
  }

  const valid = new Map<string, unknown>();
  for (const f of files) {
    if (f.path.startsWith('schema/') || !f.path.endsWith('.json')) continue;
    const kind = expectedSchema(f.path);
    if (!kind) {
      problems.push({ file: f.path, field: '', expected: 'a known place for a rule file (see rules/README.md)' });
      continue;
    }
    const named = (f.data as { $schema?: unknown } | null)?.$schema;
    if (typeof named !== 'string' || !named.endsWith(`${kind}.schema.json`)) {
      problems.push({ file: f.path, field: '/$schema', expected: `"$schema" naming ${kind}.schema.json` });
      continue;
    }
    const validator = schemas.get(kind);
    if (!validator) {
      problems.push({ file: `schema/${kind}.schema.json`, field: '', expected: 'the schema file to exist' });
      continue;
    }
    const fileProblems = validateWith(validator, schemaData.get(kind), f.data);
    if (fileProblems.length) {
      for (const e of fileProblems) problems.push({ file: f.path, ...e });
      continue;
    }
    valid.set(f.path, f.data);
  }
  for (const required of ['manifest.json', 'variables.json', 'questions.json', 'providers.json']) {
    if (!byPath.has(required)) problems.push({ file: required, field: '', expected: 'this file to exist' });
  }
  if (problems.length) throw new RulesetError(problems);

  const manifest = valid.get('manifest.json') as Manifest;
  const questions = (valid.get('questions.json') as { questions: Question[] }).questions;
  const providers = (valid.get('providers.json') as { providers: Record<string, Provider> }).providers;
  const variableDefs = (valid.get('variables.json') as { variables: Record<string, Variable> }).variables;

  const parameters = new Map<string, Parameter>();
  const rules: Rule[] = [];
  const cases = new Map<string, RuleCase[]>();
  for (const [path, data] of valid) {
    if (path.startsWith('parameters/')) {
      for (const [id, p] of Object.entries((data as { parameters: Record<string, Parameter> }).parameters)) {
        if (parameters.has(id)) problems.push({ file: path, field: `/parameters/${id}`, expected: 'a parameter id used only once' });
        const sorted = [...p.values].sort((a, b) => a.from.localeCompare(b.from));
        sorted.forEach((v, i) => {
          if (i > 0 && v.from === sorted[i - 1]?.from) {
            problems.push({ file: path, field: `/parameters/${id}/values`, expected: `one value per date, found two from ${v.from}` });
          }
        });
        parameters.set(id, { ...p, values: sorted });
      }
    } else if (path.endsWith('/rule.json')) {
      const rule = data as Rule;
      const folder = path.split('/')[1];
      if (rule.id !== folder) problems.push({ file: path, field: '/id', expected: `the folder name "${folder}"` });
      if (rule.validUntil && rule.validUntil < rule.validFrom) {
        problems.push({ file: path, field: '/validUntil', expected: `a date on or after validFrom ${rule.validFrom}` });
      }
      rules.push(rule);
    } else if (path.endsWith('/cases.json')) {
      cases.set(path.split('/')[1] as string, (data as { cases: RuleCase[] }).cases);
    }
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  const ruleIds = new Set(rules.map((r) => r.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const variableNames = Object.keys(variableDefs);
  const variableIndex = new Map(variableNames.map((n, i) => [n, i]));
  const paramIds = [...parameters.keys()];
  const paramIndex = new Map(paramIds.map((id, i) => [id, i]));
  const answerInfo = new Map(
    questions.map((q) => [q.key, { money: q.type === 'money', fallback: q.default === undefined ? undefined : q.default }]),
  );
  const questionKeys = new Map(questions.map((q) => [q.key, q]));
  for (const r of rules) {
    if (!providers[r.provider]) {
      problems.push({ file: `rights/${r.id}/rule.json`, field: '/provider', expected: `a provider of providers.json, found "${r.provider}"` });
    }
  }

  // Compile, recording the dependencies of each variable and right to refuse cycles.
  const deps = new Map<string, Set<string>>();
  const scopeFor = (node: string): CompileScope => {
    const set = new Set<string>();
    deps.set(node, set);
    return {
      isAnswer: (k) => questionKeys.has(k),
      isVariable: (n) => Object.hasOwn(variableDefs, n),
      hasParam: (id) => parameters.has(id),
      hasRight: (id) => ruleIds.has(id),
      unitOf: (kind, name) =>
        kind === 'param' ? parameters.get(name)?.unit : (variableDefs[name]?.unit ?? questionKeys.get(name)?.unit),
      depends: (kind, name) => {
        if (kind === 'var') set.add(`var:${name}`);
        if (kind === 'result') set.add(`right:${name}`);
      },
      index: (kind, name) =>
        (kind === 'var' ? variableIndex : kind === 'param' ? paramIndex : ruleIndex).get(name) as number,
      answerInfo: (key) => answerInfo.get(key) as { money: boolean; fallback: unknown },
    };
  };
  const compile = (file: string, node: string, logic: unknown, field: string, condition = false): Compiled | undefined => {
    try {
      return (condition ? compileCondition : compileLogic)(logic, scopeFor(node), field);
    } catch (e) {
      if (e instanceof LogicError) {
        problems.push({ file, field: e.field, expected: e.expected });
        return undefined;
      }
      throw e;
    }
  };

  const variables = new Map<string, Variable & { fn: Compiled }>();
  const variableFns: Compiled[] = [];
  for (const [name, v] of Object.entries(variableDefs)) {
    const fn = compile('variables.json', `var:${name}`, v.logic, `/variables/${name}/logic`);
    if (fn) {
      variables.set(name, { ...v, fn });
      variableFns.push(fn);
    }
  }
  const compiledRules: CompiledRule[] = [];
  for (const r of rules) {
    const file = `rights/${r.id}/rule.json`;
    const node = `right:${r.id}`;
    const collected = new Set<string>();
    const c = (logic: unknown, field: string, condition = false) => {
      const fn = compile(file, node, logic, field, condition);
      for (const d of deps.get(node) ?? []) collected.add(d);
      return fn;
    };
    const when = r.outcomes.map((o, i) => c(o.when, `/outcomes/${i}/when`, true));
    // Every compiled rule and outcome has the same fields in the same order, whatever its JSON
    // held: the evaluation reads them for every household, and one shape keeps those reads fast.
    const compiled: CompiledRule = {
      id: r.id,
      category: r.category,
      provider: r.provider,
      validFrom: r.validFrom,
      validUntil: r.validUntil ?? null,
      outcomes: r.outcomes.map((o) => ({ status: o.status, reason: o.reason, when: o.when, amount: o.amount })),
      otherwise: r.otherwise,
      threshold: r.threshold,
      over: r.over,
      amount: r.amount,
      steps: r.steps,
      documents: r.documents,
      sources: r.sources,
      assumptions: r.assumptions,
      when: when.filter((f): f is Compiled => f !== undefined),
      outcomeAmountFns: r.outcomes.map((o, i) => (o.amount ? c(o.amount.value, `/outcomes/${i}/amount/value`) : undefined)),
      thresholdFn: r.threshold !== undefined ? c(r.threshold, '/threshold') : undefined,
      overFn: r.over !== undefined ? c(r.over, '/over') : undefined,
      amountFn: r.amount ? c(r.amount.value, '/amount/value') : undefined,
    };
    deps.set(node, collected);
    compiledRules.push(compiled);
  }
  const compiledQuestions = questions.map((q, i) => {
    if (q.askIf === undefined || q.askIf === true) return { ...q };
    const askIfFn = compile('questions.json', `question:${q.key}`, q.askIf, `/questions/${i}/askIf`);
    return askIfFn ? { ...q, askIfFn } : { ...q };
  });
  for (const cycle of findCycles(deps)) {
    problems.push({ file: cycle[0]?.startsWith('var:') ? 'variables.json' : `rights/${cycle[0]?.slice(6)}/rule.json`, field: '', expected: `no cycle, found ${cycle.join(' → ')}` });
  }
  if (problems.length) throw new RulesetError(problems);

  return {
    manifest,
    parameters,
    variables,
    rules: compiledRules,
    rulesById: new Map(compiledRules.map((r) => [r.id, r])),
    questions: compiledQuestions,
    questionIndex: new Map(questions.map((q, i) => [q.key, i])),
    providers,
    cases,
    variableFns,
    paramIds,
    paramIndex,
    answerInfo,
    paramCache: new Map(),
    answersValidator: schemas.get('answers') ?? null,
    answersSchema: schemaData.get('answers'),
    answersQuickCheck: compileQuickCheck(schemaData.get('answers')),
  };
}

function findCycles(deps: Map<string, Set<string>>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, 'open');
    for (const d of deps.get(node) ?? []) visit(d, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of deps.keys()) visit(node, []);
  return cycles;
}
