/**
 * Loading a ruleset: every file is validated against the JSON Schema it names, then every condition
 * is compiled. Works the same in the browser (files bundled by Vite) and in Node (files read from
 * disk): the caller hands over `{ path, data }` pairs with paths relative to `rules/`.
 */
import { Validator } from '@cfworker/json-schema';
import { answersSchemaFrom, shareCodeProblems, unknownAnswerKeys } from './answers';
import { checkAmountUnit, checkDates, checkParameterStarts, type RuleUse } from './checks';
import { compileQuickCheck } from './quick-check';
import { validateWith } from './schema-messages';
import { type Compiled, type CompileScope, compileCondition, compileLogic, LogicError } from './logic';
import type {
  Category,
  Manifest,
  Municipality,
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
  /** the municipalities the rules know (the options of the `municipality` question), with their providers */
  municipalities: Record<string, Municipality>;
  /** life domains in the order the results show them, each with its pictogram */
  categories: Category[];
  cases: Map<string, RuleCase[]>;
  /** compiled variables and parameter ids by the index conditions refer to them with */
  variableFns: Compiled[];
  paramIds: string[];
  paramIndex: Map<string, number>;
  /** per question key: money (euros in, cents inside) and the default when not answered */
  answerInfo: Map<string, { money: boolean; fallback: unknown }>;
  /** values of parameters per date, by index, in cents for money: filled lazily, shared by evaluations */
  paramCache: Map<string, (number | undefined)[]>;
  /** the schema of a household's answers, derived from questions.json */
  answersValidator: Validator | null;
  answersSchema: unknown;
  /** a quick pre-check for the common valid case (see quick-check.ts); null when it cannot be built */
  answersQuickCheck: ((answers: unknown) => boolean) | null;
}

/**
 * Checks one household's answers against the questions of questions.json (the one validator for the
 * command line, shared links and caseload files). Returns null when they are valid, else a sentence
 * naming the first wrong field (or the unknown key) and what was expected.
 */
export function validateAnswers(ruleset: Ruleset, answers: unknown): string | null {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    return 'the answers must be an object of household facts';
  }
  if (!ruleset.answersValidator || ruleset.answersQuickCheck?.(answers)) return null;
  const unknownKeys = unknownAnswerKeys(ruleset.questions, answers as Record<string, unknown>);
  if (unknownKeys.length) {
    return `answers/${unknownKeys[0]}: unknown answer key "${unknownKeys[0]}"; expected one of ${ruleset.questions.map((q) => q.key).join(', ')}`;
  }
  const first = validateWith(ruleset.answersValidator, ruleset.answersSchema, answers)[0];
  return first ? `answers${first.field}: expected ${first.expected}` : null;
}

/** Which schema a file must name, by where it sits. */
function expectedSchema(path: string): string | null {
  if (path === 'manifest.json') return 'manifest';
  if (path === 'variables.json') return 'variables';
  if (path === 'questions.json') return 'questions';
  if (path === 'providers.json') return 'providers';
  if (path === 'municipalities.json') return 'municipalities';
  if (path === 'categories.json') return 'categories';
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
    checkDates(f.path, f.data, problems);
    valid.set(f.path, f.data);
  }
  for (const required of ['manifest.json', 'variables.json', 'questions.json', 'providers.json', 'municipalities.json', 'categories.json']) {
    if (!byPath.has(required)) problems.push({ file: required, field: '', expected: 'this file to exist' });
  }
  if (problems.length) throw new RulesetError(problems);

  const manifest = valid.get('manifest.json') as Manifest;
  const questions = (valid.get('questions.json') as { questions: Question[] }).questions;
  const providers = (valid.get('providers.json') as { providers: Record<string, Provider> }).providers;
  const variableDefs = (valid.get('variables.json') as { variables: Record<string, Variable> }).variables;
  const categories = (valid.get('categories.json') as { categories: Category[] }).categories;
  const municipalities = (valid.get('municipalities.json') as { municipalities: Record<string, Municipality> }).municipalities;

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
      rule.outcomes.forEach((o, i) => {
        if (o.validUntil && o.validFrom && o.validUntil < o.validFrom) {
          problems.push({ file: path, field: `/outcomes/${i}/validUntil`, expected: `a date on or after its validFrom ${o.validFrom}` });
        }
      });
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
  for (const p of shareCodeProblems(questions)) problems.push({ file: 'questions.json', ...p });
  const municipalityQuestion = questionKeys.get('municipality');
  const municipalityIds = municipalityQuestion?.options ?? [];
  if (municipalityQuestion?.type !== 'choice') {
    problems.push({ file: 'questions.json', field: '/questions', expected: 'a "municipality" question of type choice, listing the municipalities' });
  }
  for (const id of municipalityIds) {
    if (!municipalities[id]) problems.push({ file: 'municipalities.json', field: `/municipalities/${id}`, expected: `an entry for "${id}", an option of the municipality question` });
  }
  for (const [id, m] of Object.entries(municipalities)) {
    if (!municipalityIds.includes(id)) {
      problems.push({ file: 'municipalities.json', field: `/municipalities/${id}`, expected: `an option of the municipality question in questions.json, found "${id}"` });
    }
    for (const [generic, local] of Object.entries(m.providers ?? {})) {
      if (!providers[generic] || !providers[local]) {
        problems.push({ file: 'municipalities.json', field: `/municipalities/${id}/providers/${generic}`, expected: `providers of providers.json, found "${generic}" → "${local}"` });
      }
    }
  }
  const categoryIds = new Set(categories.map((c) => c.id));
  for (const r of rules) {
    if (!categoryIds.has(r.category)) {
      problems.push({ file: `rights/${r.id}/rule.json`, field: '/category', expected: `a category of categories.json, found "${r.category}"` });
    }
    if (!providers[r.provider]) {
      problems.push({ file: `rights/${r.id}/rule.json`, field: '/provider', expected: `a provider of providers.json, found "${r.provider}"` });
    }
    if (r.territory !== 'everywhere' && !municipalityIds.includes(r.territory)) {
      problems.push({ file: `rights/${r.id}/rule.json`, field: '/territory', expected: `"everywhere" or a municipality of the municipality question, found "${r.territory}"` });
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
        if (kind === 'param') set.add(`param:${name}`);
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
  const varRefs = new Map([...deps].filter(([k]) => k.startsWith('var:')).map(([k, v]) => [k, v as ReadonlySet<string>]));
  const compiledRules: CompiledRule[] = [];
  for (const r of rules) {
    const file = `rights/${r.id}/rule.json`;
    const node = `right:${r.id}`;
    const collected = new Set<string>();
    const uses: RuleUse[] = [];
    const c = (logic: unknown, field: string, condition = false, from?: string) => {
      const fn = compile(file, node, logic, field, condition);
      const refs = new Set(deps.get(node) ?? []);
      for (const d of refs) collected.add(d);
      uses.push({ field, from, refs });
      return fn;
    };
    const when = r.outcomes.map((o, i) => c(o.when, `/outcomes/${i}/when`, true, o.validFrom));
    if (r.amount) checkAmountUnit(file, '/amount', r.amount, parameters, variableDefs, problems);
    r.outcomes.forEach((o, i) => {
      if (o.amount) checkAmountUnit(file, `/outcomes/${i}/amount`, o.amount, parameters, variableDefs, problems);
    });
    // Every compiled rule and outcome has the same fields in the same order, whatever its JSON
    // held: the evaluation reads them for every household, and one shape keeps those reads fast.
    const compiled: CompiledRule = {
      id: r.id,
      category: r.category,
      provider: r.provider,
      territory: r.territory,
      validFrom: r.validFrom,
      validUntil: r.validUntil ?? null,
      outcomes: r.outcomes.map((o) => ({
        status: o.status,
        reason: o.reason,
        when: o.when,
        amount: o.amount,
        validFrom: o.validFrom,
        validUntil: o.validUntil ?? null,
      })),
      otherwise: r.otherwise,
      threshold: r.threshold,
      over: r.over,
      amount: r.amount,
      steps: r.steps,
      documents: r.documents,
      sources: r.sources,
      assumptions: r.assumptions,
      when: when.filter((f): f is Compiled => f !== undefined),
      outcomeAmountFns: r.outcomes.map((o, i) =>
        o.amount ? c(o.amount.value, `/outcomes/${i}/amount/value`, false, o.validFrom) : undefined,
      ),
      thresholdFn: r.threshold !== undefined ? c(r.threshold, '/threshold') : undefined,
      overFn: r.over !== undefined ? c(r.over, '/over') : undefined,
      amountFn: r.amount ? c(r.amount.value, '/amount/value') : undefined,
    };
    deps.set(node, new Set([...collected].filter((d) => !d.startsWith('param:'))));
    checkParameterStarts(r, uses, varRefs, parameters, manifest.evaluationFrom, problems);
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

  const answersSchema = answersSchemaFrom(questions);
  return {
    manifest,
    parameters,
    variables,
    rules: compiledRules,
    rulesById: new Map(compiledRules.map((r) => [r.id, r])),
    questions: compiledQuestions,
    questionIndex: new Map(questions.map((q, i) => [q.key, i])),
    providers,
    municipalities,
    categories,
    cases,
    variableFns,
    paramIds,
    paramIndex,
    answerInfo,
    paramCache: new Map(),
    answersValidator: new Validator(answersSchema as object, '2020-12', false),
    answersSchema,
    answersQuickCheck: compileQuickCheck(answersSchema),
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
