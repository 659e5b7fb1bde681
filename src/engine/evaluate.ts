/**
 * evaluate(ruleset, answers, date): the status of every right in force at `date`, with its figures
 * and, on request, a trace of the conditions. Pure: the date is an argument, never the clock.
 */
import { type EvalContext, isUnknown, mergeUnknown, Unknown } from './logic';
import { isMoneyUnit } from './values';
import type { CompiledRule, Ruleset } from './ruleset';
import { isRealDate } from './dates';
import type { Answers, IsoDate, OutcomeTrace, Result, Status, TraceEntry } from './types';

export class EngineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

export interface EvaluateOptions {
  /** include the trace of every outcome tried (for explanations); off in batch for speed */
  trace?: boolean;
}

/** A date the rules cannot be evaluated at: not a real date, or before the window the rules cover. */
export class DateError extends EngineError {
  constructor(message: string) {
    super(message);
    this.name = 'DateError';
  }
}

export function assertDate(date: string): void {
  if (!isRealDate(date)) throw new DateError(`"${date}" is not a real date of the form YYYY-MM-DD`);
}

/** The rules cover evaluation dates from the manifest's `evaluationFrom`: an earlier date is refused. */
export function assertInWindow(ruleset: Ruleset, date: string): void {
  assertDate(date);
  const from = ruleset.manifest.evaluationFrom;
  if (date < from) {
    throw new DateError(`the rules cover evaluation dates from ${from}: ${date} is before that, so nothing can be evaluated`);
  }
}

export const inForce = (
  rule: { validFrom?: IsoDate; validUntil?: IsoDate | null },
  date: IsoDate,
): boolean =>
  (rule.validFrom === undefined || rule.validFrom <= date) &&
  (rule.validUntil === undefined || rule.validUntil === null || date <= rule.validUntil);

/** A right holds everywhere, or in its own municipality only. */
export const inTerritory = (rule: { territory: string }, municipality: string): boolean =>
  rule.territory === 'everywhere' || rule.territory === municipality;

/** The household's municipality: its answer, or the question's default (Kortrijk) when not given. */
export function municipalityOf(ruleset: Ruleset, answers: Answers): string {
  const m = answers.municipality;
  if (typeof m === 'string') return m;
  const fallback = ruleset.answerInfo.get('municipality')?.fallback;
  return typeof fallback === 'string' ? fallback : 'kortrijk';
}

function paramsOn(ruleset: Ruleset, date: IsoDate): (number | undefined)[] {
  let values = ruleset.paramCache.get(date);
  if (!values) {
    assertInWindow(ruleset, date);
    values = new Array(ruleset.paramIds.length);
    ruleset.paramCache.set(date, values);
  }
  return values;
}

function paramValue(ruleset: Ruleset, index: number, date: IsoDate, values: (number | undefined)[]): number {
  const cached = values[index];
  if (cached !== undefined) return cached;
  const id = ruleset.paramIds[index] as string;
  const p = ruleset.parameters.get(id) as Ruleset['parameters'] extends Map<string, infer P> ? P : never;
  let found: number | undefined;
  for (const v of p.values) if (v.from <= date) found = v.value;
  if (found === undefined) {
    throw new EngineError(
      `Parameter "${id}" has no value on ${date}: its first value holds from ${p.values[0]?.from ?? '(none)'}`,
    );
  }
  const value = isMoneyUnit(p.unit) ? Math.round(found * 100) : found;
  values[index] = value;
  return value;
}

/** The value of a parameter at a date, in cents for money. No value at that date is an error. */
export function paramAt(ruleset: Ruleset, id: string, date: IsoDate): number {
  const index = ruleset.paramIndex.get(id);
  if (index === undefined) throw new EngineError(`Unknown parameter "${id}"`);
  return paramValue(ruleset, index, date, paramsOn(ruleset, date));
}

/**
 * When the amounts were last updated, as seen at `date`: the newest `from` on or before `date` among
 * the money parameters (unit starting with "EUR": amounts, prices, income limits), not flags,
 * percentages or factors. Null when no money parameter has a value by then.
 */
export function amountsUpdated(ruleset: Ruleset, date: IsoDate): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const p of ruleset.parameters.values()) {
    if (!isMoneyUnit(p.unit)) continue;
    for (const v of p.values) if (v.from <= date && (latest === null || v.from > latest)) latest = v.from;
  }
  return latest;
}

/** The former name of `amountsUpdated`. */
export const amountsUpdatedOn = amountsUpdated;

/**
 * Who grants a right for this household: a generic provider (the OCMW) becomes the municipality's own
 * where the rules name one; otherwise the generic one, whose words say "of your municipality".
 */
export function providerFor(ruleset: Ruleset, rule: { provider: string }, municipality: string): string {
  return ruleset.municipalities[municipality]?.providers?.[rule.provider] ?? rule.provider;
}

/** Are the local rights of this municipality in the rules (does any right hold there only)? */
export function localRightsKnown(ruleset: Ruleset, municipality: string): boolean {
  return ruleset.rules.some((r) => r.territory === municipality);
}

const unknownByKey = new Map<string, Unknown>();
const missingAnswer = (key: string): Unknown => {
  let u = unknownByKey.get(key);
  if (!u) {
    u = new Unknown(new Set([key]));
    unknownByKey.set(key, u);
  }
  return u;
};

const NOT_COMPUTED = Symbol('not computed');

/** One evaluation of one household at one date: caches of variables and results, the trace sink. */
class Evaluation implements EvalContext {
  // Plain assignments in the constructor, not class fields or parameter properties: transpilers
  // turn those into defineProperty calls, which made every evaluation markedly slower.
  item: unknown;
  trace: TraceEntry[] | null;
  readonly ruleset: Ruleset;
  readonly answers: Answers;
  readonly date: IsoDate;
  readonly withTrace: boolean;
  readonly variables: unknown[];
  readonly variableTraces: (TraceEntry[] | undefined)[];
  readonly results: (Result | null | undefined)[];
  readonly params: (number | undefined)[];
  readonly municipality: string;

  constructor(ruleset: Ruleset, answers: Answers, date: IsoDate, withTrace: boolean) {
    this.item = undefined;
    this.trace = null;
    this.ruleset = ruleset;
    this.answers = answers;
    this.date = date;
    this.withTrace = withTrace;
    this.params = paramsOn(ruleset, date);
    this.municipality = municipalityOf(ruleset, answers);
    this.variables = new Array(ruleset.variableFns.length).fill(NOT_COMPUTED);
    this.variableTraces = withTrace ? new Array(ruleset.variableFns.length) : [];
    this.results = new Array(ruleset.rules.length);
  }

  answer(key: string, money: boolean, fallback: unknown): unknown {
    const v = this.answers[key];
    if (v === undefined || v === null) return fallback !== undefined ? fallback : missingAnswer(key);
    return money && typeof v === 'number' ? Math.round(v * 100) : v;
  }

  variable(index: number): unknown {
    const cached = this.variables[index];
    if (cached !== NOT_COMPUTED) return cached;
    if (!this.withTrace) {
      const v = (this.ruleset.variableFns[index] as (c: EvalContext) => unknown)(this);
      this.variables[index] = v;
      return v;
    }
    // A variable's inner checks are not part of the right's own trace: they are kept apart, once,
    // and attached to the fact that reads the variable.
    const saved = this.trace;
    const inner: TraceEntry[] = [];
    this.trace = inner;
    try {
      const v = (this.ruleset.variableFns[index] as (c: EvalContext) => unknown)(this);
      this.variables[index] = v;
      this.variableTraces[index] = inner;
      return v;
    } finally {
      this.trace = saved;
    }
  }

  variableTrace(index: number): TraceEntry[] | undefined {
    return this.variableTraces[index];
  }

  param(index: number): number {
    return paramValue(this.ruleset, index, this.date, this.params);
  }

  result(index: number): unknown {
    const r = this.rule(index);
    if (r === null) return 'not-in-force';
    if (r.status === 'unknown') return new Unknown(new Set(r.missing));
    return r.status;
  }

  rule(index: number): Result | null {
    const memo = this.results[index];
    if (memo !== undefined) return memo;
    const r = evaluateRule(this, this.ruleset.rules[index] as CompiledRule);
    this.results[index] = r;
    return r;
  }
}

function money(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v / 100 : undefined;
}

function evaluateRule(ctx: Evaluation, rule: CompiledRule): Result | null {
  if (!inForce(rule, ctx.date) || !inTerritory(rule, ctx.municipality)) return null;
  const savedTrace = ctx.trace;
  const outcomeTraces: OutcomeTrace[] | undefined = ctx.withTrace ? [] : undefined;
  let status: Status | undefined;
  let reason: string | undefined;
  // Outcomes whose condition is still unknown: the status they would give, and what they miss.
  let pending: { status: Status; unknown: Unknown }[] | null = null;
  let amountFn = rule.amountFn;
  let amountSpec = rule.amount;
  try {
    for (let i = 0; i < rule.when.length && status === undefined; i++) {
      const outcome = rule.outcomes[i] as CompiledRule['outcomes'][number];
      if (!inForce(outcome, ctx.date)) continue;
      ctx.trace = outcomeTraces ? [] : null;
      const v = (rule.when[i] as (c: EvalContext) => unknown)(ctx);
      const holds = isUnknown(v) ? 'unknown' : Array.isArray(v) ? v.length > 0 : Boolean(v);
      outcomeTraces?.push({ status: outcome.status, reason: outcome.reason, checks: ctx.trace ?? [], result: holds });
      if (holds === 'unknown') {
        (pending ??= []).push({ status: outcome.status, unknown: v as Unknown });
      } else if (holds) {
        status = outcome.status;
        reason = outcome.reason;
        if (outcome.amount) {
          amountFn = rule.outcomeAmountFns[i];
          amountSpec = outcome.amount;
        }
      }
    }
    ctx.trace = null;
    if (status === undefined) {
      status = rule.otherwise?.status ?? 'not-eligible';
      reason = rule.otherwise?.reason ?? 'otherwise';
      outcomeTraces?.push({ status, reason, checks: [], result: true });
    }
    // An earlier outcome that is still unknown could take precedence: the right is settled only
    // when every such outcome would give the same status.
    let unknown: Unknown | undefined;
    if (pending?.some((p) => p.status !== status)) {
      status = 'unknown';
      reason = undefined;
      unknown = mergeUnknown(pending.map((p) => p.unknown));
    }
    const result: Result = { id: rule.id, status };
    if (reason !== undefined) result.reason = reason;
    if (status === 'eligible' || status === 'ask') {
      if (amountFn && amountSpec) {
        const a = amountFn(ctx);
        if (typeof a === 'number') {
          result.amount = isMoneyUnit(amountSpec.unit) ? a / 100 : a;
          result.unit = amountSpec.unit;
        } else if (isUnknown(a)) unknown = a; // status settled, amount not: say what would settle it
      }
    }
    if (rule.thresholdFn) {
      const t = money(rule.thresholdFn(ctx));
      if (t !== undefined) result.threshold = t;
    }
    if (rule.overFn && status !== 'eligible') {
      const o = money(rule.overFn(ctx));
      if (o !== undefined) result.over = o;
    }
    if (unknown) result.missing = sortByQuestion(ctx.ruleset, unknown.missing);
    if (outcomeTraces) result.trace = outcomeTraces;
    return result;
  } finally {
    ctx.trace = savedTrace;
  }
}

function sortByQuestion(ruleset: Ruleset, keys: ReadonlySet<string>): string[] {
  const order = ruleset.questionIndex;
  return [...keys].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
}

/** Every right in force at `date`, in catalogue order. */
export function evaluate(ruleset: Ruleset, answers: Answers, date: IsoDate, options: EvaluateOptions = {}): Result[] {
  const ev = new Evaluation(ruleset, answers, date, options.trace ?? false);
  const out: Result[] = [];
  for (let i = 0; i < ruleset.rules.length; i++) {
    const r = ev.rule(i);
    if (r) out.push(r);
  }
  return out;
}

/**
 * The questions whose answer could still change an unsettled result, in the order of questions.json,
 * leaving out those whose `askIf` is false for the answers given.
 */
export function missingAnswers(ruleset: Ruleset, answers: Answers, date: IsoDate, results?: Result[]): string[] {
  const rs = results ?? evaluate(ruleset, answers, date);
  const keys = new Set<string>();
  for (const r of rs) for (const k of r.missing ?? []) keys.add(k);
  if (keys.size === 0) return [];
  const ctx = new Evaluation(ruleset, answers, date, false);
  return ruleset.questions
    .filter((q) => keys.has(q.key))
    .filter((q) => {
      if (!q.askIfFn) return q.askIf !== false;
      const v = q.askIfFn(ctx);
      return isUnknown(v) || (Array.isArray(v) ? v.length > 0 : Boolean(v));
    })
    .map((q) => q.key);
}

/** Is a question to be asked for these answers (its askIf true or still unknown)? */
export function isAsked(ruleset: Ruleset, key: string, answers: Answers, date: IsoDate): boolean {
  const q = ruleset.questions[ruleset.questionIndex.get(key) ?? -1];
  if (!q) return false;
  if (!q.askIfFn) return q.askIf !== false;
  const v = q.askIfFn(new Evaluation(ruleset, answers, date, false));
  return isUnknown(v) || (Array.isArray(v) ? v.length > 0 : Boolean(v));
}

/** A figure as the engine reports it: euros for money (cents inside), the value itself otherwise. */
function reported(v: unknown, unit: string | undefined): unknown {
  if (isUnknown(v)) return null;
  return typeof v === 'number' && isMoneyUnit(unit) ? v / 100 : v;
}

/**
 * The value of a derived variable of variables.json for these answers at a date: euros for money,
 * null when an answer it needs is missing. Lets a description show a limit for an example household.
 */
export function variableAt(ruleset: Ruleset, name: string, answers: Answers, date: IsoDate): unknown {
  const index = [...ruleset.variables.keys()].indexOf(name);
  if (index < 0) throw new EngineError(`Unknown variable "${name}"`);
  return reported(new Evaluation(ruleset, answers, date, false).variable(index), ruleset.variables.get(name)?.unit);
}

/**
 * The amount of a right (of one outcome when `outcome` is given, else the rule's own) for these
 * answers at a date, whatever the status: euros for money, null when it cannot be computed.
 */
export function amountAt(ruleset: Ruleset, id: string, outcome: number | null, answers: Answers, date: IsoDate): number | null {
  const rule = ruleset.rulesById.get(id);
  if (!rule) throw new EngineError(`Unknown right "${id}"`);
  const fn = outcome === null ? rule.amountFn : rule.outcomeAmountFns[outcome];
  const spec = outcome === null ? rule.amount : rule.outcomes[outcome]?.amount;
  if (!fn || !spec) return null;
  const v = reported(fn(new Evaluation(ruleset, answers, date, false)), spec.unit);
  return typeof v === 'number' ? v : null;
}
