/**
 * Runs a bare JsonLogic expression through our engine's compiler, with every key of `data` read as an
 * answer (a key absent from `data` is a missing answer: Unknown). Shared by the official suite and the
 * differential fuzz. `inSubset` says whether an expression stays within the subset rules/README.md
 * documents (JsonLogic operators only: param, result and round are our extensions).
 */
import { type CompileScope, compileLogic, type EvalContext, isUnknown, LogicError, Unknown } from '../../src/engine/logic';

export const SUBSET_OPERATORS = new Set([
  'var', 'and', 'or', '!', '!!', 'if', '==', '!=', '===', '!==', '<', '<=', '>', '>=',
  '+', '-', '*', '/', 'min', 'max', 'in', 'some', 'all', 'none', 'filter', 'map',
]);

/** Within the documented subset: known operators; `var` with one plain name (no dot, no default). */
export function inSubset(logic: unknown, inItem = false): boolean {
  if (logic === null || typeof logic !== 'object') return true;
  if (Array.isArray(logic)) return logic.every((l) => inSubset(l, inItem));
  const keys = Object.keys(logic);
  if (keys.length !== 1) return false;
  const op = keys[0] as string;
  if (!SUBSET_OPERATORS.has(op)) return false;
  const raw = (logic as Record<string, unknown>)[op];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    const name = args[0];
    return args.length === 1 && typeof name === 'string' && !name.includes('.') && (inItem || name !== '');
  }
  if (['some', 'all', 'none', 'filter', 'map'].includes(op)) {
    return args.length === 2 && inSubset(args[0], inItem) && inSubset(args[1], true);
  }
  return args.every((a) => inSubset(a, inItem));
}

const scope: CompileScope = {
  isAnswer: () => true,
  isVariable: () => false,
  hasParam: () => false,
  hasRight: () => false,
  unitOf: () => undefined,
  depends: () => {},
  index: () => 0,
  answerInfo: () => ({ money: false, fallback: undefined }),
};

export type Outcome = { kind: 'value'; value: unknown } | { kind: 'unknown'; missing: string[] } | { kind: 'refused'; message: string };

/** Compile and evaluate; a LogicError is a refusal (a clear message), anything else is thrown on. */
export function applyOurs(logic: unknown, data: Record<string, unknown> | null): Outcome {
  let fn: (ctx: EvalContext) => unknown;
  try {
    fn = compileLogic(logic, scope, '');
  } catch (e) {
    if (e instanceof LogicError) return { kind: 'refused', message: e.message };
    throw e;
  }
  const ctx: EvalContext = {
    answer: (key) => {
      const v = data?.[key];
      return v === undefined || v === null ? new Unknown(new Set([key])) : v;
    },
    variable: () => null,
    param: () => 0,
    result: () => null,
    item: undefined,
    trace: null,
  };
  const v = fn(ctx);
  return isUnknown(v) ? { kind: 'unknown', missing: [...v.missing].sort() } : { kind: 'value', value: v };
}

/** Equal as JsonLogic results: deep equality where NaN equals NaN and 0 equals -0 only if both are. */
export function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
