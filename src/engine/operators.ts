/**
 * The operators' meaning on known values, written to agree with json-logic-js (the reference
 * implementation) so that another JsonLogic reader gets the same values from our files. The one
 * deliberate difference is `Unknown` (a missing answer): it propagates unless the known operands
 * settle the result. See rules/README.md, "Conditions: a JsonLogic subset".
 */
import type { TraceOperand } from './types';
import { type Compiled, isMoneyUnit, isUnknown, mergeUnknown, type Node, truth, Unknown } from './values';

// JsonLogic compares, adds and multiplies with JavaScript's own coercions: `==` is loose, `<` compares
// two strings as text, `+` and `*` read each operand with parseFloat. These helpers say so once.
type Loose = number | string | boolean | null;
const num = (v: unknown): number => Number.parseFloat(String(v));

/** `==` as in JsonLogic: JavaScript's loose equality. */
// biome-ignore lint/suspicious/noDoubleEquals: JsonLogic's `==` is JavaScript's loose equality, on purpose
export const looseEquals = (a: unknown, b: unknown): boolean => (a as Loose) == (b as Loose);

export const RELATIONS: Record<string, (a: unknown, b: unknown) => boolean> = {
  '<': (a, b) => (a as number) < (b as number),
  '<=': (a, b) => (a as number) <= (b as number),
  '>': (a, b) => (a as number) > (b as number),
  '>=': (a, b) => (a as number) >= (b as number),
};

/**
 * `in`: a value in a list (strict equality) or a piece of text in a text, as json-logic-js: a haystack
 * that is empty text, null, a number or any other non-list is false (so "" is in no text, not even "").
 */
export const contains = (needle: unknown, hay: unknown): boolean =>
  Array.isArray(hay) ? hay.indexOf(needle) !== -1 : typeof hay === 'string' && hay !== '' ? hay.indexOf(String(needle)) !== -1 : false;

/** The arithmetic operators on known operands, as json-logic-js computes them. */
export const ARITHMETIC: Record<string, (v: unknown[]) => unknown> = {
  '+': (v) => v.reduce((s: number, x) => num(s) + num(x), 0),
  // json-logic-js reduces without a start value: a single operand is returned as it is
  '*': (v) => v.reduce((p, x) => num(p) * num(x)),
  '-': (v) => (v.length === 1 ? -(v[0] as number) : (v[0] as number) - (v[1] as number)),
  '/': (v) => (v[0] as number) / (v[1] as number),
  // a loop, not Math.min(...v): a spread of a very long list overflows the stack
  min: (v) => {
    let m = Number.POSITIVE_INFINITY;
    for (const x of v) m = Math.min(m, x as number);
    return m;
  },
  max: (v) => {
    let m = Number.NEGATIVE_INFINITY;
    for (const x of v) m = Math.max(m, x as number);
    return m;
  },
};

export function collect(values: unknown[]): unknown {
  let unknowns: Unknown[] | null = null;
  for (const v of values) if (isUnknown(v)) (unknowns ??= []).push(v);
  return unknowns ? mergeUnknown(unknowns) : values;
}

/** An operator over all its operands: unknown when any is unknown, else `f` of the known values. */
export function strict(fns: Compiled[], f: (v: unknown[]) => unknown): Node {
  if (fns.length === 2) {
    const [fa, fb] = fns as [Compiled, Compiled];
    return {
      fn: (ctx) => {
        const a = fa(ctx);
        const b = fb(ctx);
        if (a instanceof Unknown) return b instanceof Unknown ? mergeUnknown([a, b]) : a;
        if (b instanceof Unknown) return b;
        return f([a, b]);
      },
    };
  }
  return {
    fn: (ctx) => {
      const values: unknown[] = [];
      let unknowns: Unknown[] | null = null;
      for (const g of fns) {
        const v = g(ctx);
        if (isUnknown(v)) (unknowns ??= []).push(v);
        else values.push(v);
      }
      return unknowns ? mergeUnknown(unknowns) : f(values);
    },
  };
}

const operand = (node: Node, value: unknown): TraceOperand => {
  const o: TraceOperand = { value: isUnknown(value) ? 'unknown' : value };
  if (node.name !== undefined) o.name = node.name;
  if (isMoneyUnit(node.unit)) {
    o.unit = node.unit;
    if (typeof value === 'number') o.value = value / 100;
  } else if (node.unit !== undefined) o.unit = node.unit;
  return o;
};

/** A comparison: like `strict`, and recorded in the trace with the values compared. */
export function comparison(op: string, args: Node[], test: (...v: unknown[]) => boolean): Node {
  const fns = args.map((a) => a.fn);
  if (fns.length === 2) {
    const [fa, fb] = fns as [Compiled, Compiled];
    return {
      fn: (ctx) => {
        const a = fa(ctx);
        const b = fb(ctx);
        const result =
          a instanceof Unknown
            ? b instanceof Unknown
              ? mergeUnknown([a, b])
              : a
            : b instanceof Unknown
              ? b
              : test(a, b);
        if (ctx.trace) {
          ctx.trace.push({
            op,
            args: [operand(args[0] as Node, a), operand(args[1] as Node, b)],
            result: isUnknown(result) ? 'unknown' : result,
          });
        }
        return result;
      },
    };
  }
  return {
    fn: (ctx) => {
      const values = fns.map((f) => f(ctx));
      const unknowns = values.filter(isUnknown);
      const result = unknowns.length ? mergeUnknown(unknowns) : test(...values);
      if (ctx.trace) {
        ctx.trace.push({
          op,
          args: args.map((a, i) => operand(a, values[i])),
          result: isUnknown(result) ? 'unknown' : result,
        });
      }
      return result;
    },
  };
}

/** A var or result read directly as a condition is recorded in the trace as a fact. */
export function tracedFact(node: Node): Compiled {
  if (!node.fact) return node.fn;
  const f = node.fn;
  return (ctx) => {
    const v = f(ctx);
    if (ctx.trace) {
      const t = truth(v);
      const because = node.variable === undefined ? undefined : ctx.variableTrace?.(node.variable);
      ctx.trace.push({ op: 'fact', args: [operand(node, v)], result: isUnknown(t) ? 'unknown' : t, ...(because?.length && { because }) });
    }
    return v;
  };
}
