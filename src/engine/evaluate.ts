/**
 * evaluate(ruleset, answers, date): the status of every right in force at `date`, with its figures
 * and, on request, a trace of the conditions. Pure: the date is an argument, never the clock.
 */
import { type EvalContext, isMoneyUnit, isUnknown, mergeUnknown, Unknown } from './logic';
import type { CompiledRule, Ruleset } from './ruleset';
import type { Answers, IsoDate, OutcomeTrace, Result, Status } from './types';

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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function assertDate(date: string): void {
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new EngineError(`"${date}" is not a date of the form YYYY-MM-DD`);
  }
}

export const inForce = (rule: { validFrom: IsoDate; validUntil: IsoDate | null }, date: IsoDate): boolean =>
  rule.validFrom <= date && (rule.validUntil === null || date <= rule.validUntil);

/** The value of a parameter at a date, in cents for money. No value at that date is an error. */
export function paramAt(ruleset: Ruleset, id: string, date: IsoDate): number {
  let perDate = ruleset.paramCache.get(date);
  if (!perDate) {
    perDate = new Map();
    ruleset.paramCache.set(date, perDate);
  }
  const cached = perDate.get(id);
  if (cached !== undefined) return cached;
  const p = ruleset.parameters.get(id);
  if (!p) throw new EngineError(`Unknown parameter "${id}"`);
  let found: number | undefined;
  for (const v of p.values) if (v.from <= date) found = v.value;
  if (found === undefined) {
    throw new EngineError(
      `Parameter "${id}" has no value on ${date}: its first value holds from ${p.values[0]?.from ?? '(none)'}`,
    );
  }
  const value = isMoneyUnit(p.unit) ? Math.round(found * 100) : found;
  perDate.set(id, value);
  return value;
}

/** The latest date on which a parameter in force at `date` got its value ("amounts last updated on"). */
export function amountsUpdatedOn(ruleset: Ruleset, date: IsoDate): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const p of ruleset.parameters.values()) {
    for (const v of p.values) if (v.from <= date && (latest === null || v.from > latest)) latest = v.from;
  }
  return latest;
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

interface Evaluation {
  ctx: EvalContext;
  results: Map<string, Result | null>;
  questionIndex: Map<string, number>;
}

function createEvaluation(ruleset: Ruleset, answers: Answers, date: IsoDate, trace: boolean): Evaluation {
  const variableCache = new Map<string, unknown>();
  const results = new Map<string, Result | null>();
  const questions = ruleset.questions;
  const ctx: EvalContext = {
    answer(key) {
      const v = answers[key];
      if (v === undefined || v === null) {
        const q = questions[ruleset.questionIndex.get(key) ?? -1];
        return q?.default !== undefined ? q.default : missingAnswer(key);
      }
      if (typeof v === 'number') {
        const q = questions[ruleset.questionIndex.get(key) ?? -1];
        if (q?.type === 'money') return Math.round(v * 100);
      }
      return v;
    },
    variable(name) {
      if (variableCache.has(name)) return variableCache.get(name);
      const saved = ctx.trace;
      ctx.trace = null; // a variable's inner checks are not part of the right's own trace
      try {
        const v = (ruleset.variables.get(name) as { fn: (c: EvalContext) => unknown }).fn(ctx);
        variableCache.set(name, v);
        return v;
      } finally {
        ctx.trace = saved;
      }
    },
    param: (id) => paramAt(ruleset, id, date),
    result(id) {
      const r = evaluateRule(evaluation, ruleset.rulesById.get(id) as CompiledRule, date, trace);
      if (r === null) return 'not-in-force';
      if (r.status === 'unknown') return new Unknown(new Set(r.missing));
      return r.status;
    },
    item: undefined,
    trace: null,
  };
  const evaluation: Evaluation = { ctx, results, questionIndex: ruleset.questionIndex };
  return evaluation;
}

function money(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v / 100 : undefined;
}

function evaluateRule(ev: Evaluation, rule: CompiledRule, date: IsoDate, trace: boolean): Result | null {
  const memo = ev.results.get(rule.id);
  if (memo !== undefined) return memo;
  if (!inForce(rule, date)) {
    ev.results.set(rule.id, null);
    return null;
  }
  const { ctx } = ev;
  const savedTrace = ctx.trace;
  const outcomeTraces: OutcomeTrace[] | undefined = trace ? [] : undefined;
  let status: Status | undefined;
  let reason: string | undefined;
  // Outcomes whose condition is still unknown: the status they would give, and what they miss.
  let pending: { status: Status; unknown: Unknown }[] | null = null;
  let amountFn = rule.amountFn;
  let amountSpec = rule.amount;
  try {
    for (let i = 0; i < rule.when.length && status === undefined; i++) {
      const outcome = rule.outcomes[i] as CompiledRule['outcomes'][number];
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
        }
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
    if (unknown) result.missing = sortByQuestion(ev, unknown.missing);
    if (outcomeTraces) result.trace = outcomeTraces;
    ev.results.set(rule.id, result);
    return result;
  } finally {
    ctx.trace = savedTrace;
  }
}

function sortByQuestion(ev: Evaluation, keys: ReadonlySet<string>): string[] {
  const order = ev.questionIndex;
  return [...keys].sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
}

/** Every right in force at `date`, in catalogue order. */
export function evaluate(ruleset: Ruleset, answers: Answers, date: IsoDate, options: EvaluateOptions = {}): Result[] {
  assertDate(date);
  const ev = createEvaluation(ruleset, answers, date, options.trace ?? false);
  const out: Result[] = [];
  for (const rule of ruleset.rules) {
    const r = evaluateRule(ev, rule, date, options.trace ?? false);
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
  for (const r of rs) if (r.status === 'unknown') for (const k of r.missing ?? []) keys.add(k);
  if (keys.size === 0) return [];
  const { ctx } = createEvaluation(ruleset, answers, date, false);
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
  const v = q.askIfFn(createEvaluation(ruleset, answers, date, false).ctx);
  return isUnknown(v) || (Array.isArray(v) ? v.length > 0 : Boolean(v));
}
