/**
 * A JsonLogic subset compiled to closures, with three-valued logic over missing answers.
 *
 * A missing answer evaluates to an `Unknown` that carries the answer keys it misses. Operators
 * propagate it, except where the known operands settle the outcome (`or` with a true branch,
 * `and` with a false one), so a right is settled as soon as the answers allow, and the keys left in
 * an `Unknown` are exactly the answers that could still change it.
 */
import type { TraceEntry, TraceOperand } from './types';

export class Unknown {
  constructor(readonly missing: ReadonlySet<string>) {}
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

export function mergeUnknown(parts: Unknown[]): Unknown {
  if (parts.length === 1) return parts[0] as Unknown;
  const all = new Set<string>();
  for (const p of parts) for (const k of p.missing) all.add(k);
  return new Unknown(all);
}

/** What the compiled closures read while they run. One per evaluation. */
export interface EvalContext {
  /** an answer (money converted to cents); a missing answer is its question's default or Unknown */
  answer(key: string, money: boolean, fallback: unknown): unknown;
  /** references are resolved to indexes when the rules are compiled, so evaluation does no lookups */
  variable(index: number): unknown;
  param(index: number): number;
  result(index: number): unknown;
  variableTrace?(index: number): TraceEntry[] | undefined; // the checks inside a variable (traces on)
  item: unknown;
  trace: TraceEntry[] | null;
}

export type Compiled = (ctx: EvalContext) => unknown;

/** What the compiler may reference, and where it reports what it found. */
export interface CompileScope {
  isAnswer(key: string): boolean;
  isVariable(name: string): boolean;
  hasParam(id: string): boolean;
  hasRight(id: string): boolean;
  /** the unit of an answer, variable or parameter, so traces can show money in euros */
  unitOf(kind: 'var' | 'param', name: string): string | undefined;
  /** called for every reference, to build the dependency graph (cycles are refused at load) */
  depends(kind: 'var' | 'param' | 'result' | 'answer', name: string): void;
  /** the index of a variable, parameter or right in the compiled ruleset */
  index(kind: 'var' | 'param' | 'result', name: string): number;
  /** whether an answer is money (euros in, cents inside) and its default when not answered */
  answerInfo(key: string): { money: boolean; fallback: unknown };
}

export class LogicError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(`${field}: ${expected}`);
  }
}

const truthy = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : Boolean(v) && !(typeof v === 'number' && Number.isNaN(v));

/** JsonLogic truthiness, keeping unknown unknown. */
function truth(v: unknown): boolean | Unknown {
  return isUnknown(v) ? v : truthy(v);
}

export const isMoneyUnit = (unit: string | undefined): boolean => unit?.startsWith('EUR') ?? false;

/** Round half up to a whole number, robust to binary fractions like 2.4999999999999996 for 2.5. */
export function roundHalfUp(x: number): number {
  const cleaned = Math.round(x * 1e6) / 1e6;
  return Math.floor(cleaned + 0.5);
}

const OPERATORS = new Set([
  'var', 'param', 'result', 'and', 'or', '!', '!!', 'if', '==', '!=', '===', '!==', '<', '<=', '>', '>=',
  '+', '-', '*', '/', 'min', 'max', 'round', 'in', 'some', 'all', 'none', 'filter', 'map',
]);

interface Node {
  fn: Compiled;
  /** for trace operands: the name and unit of a var/param/result node */
  name?: string;
  unit?: string;
  /** var or result: a boolean fact worth tracing when used as a condition; a variable's index */
  fact?: boolean;
  variable?: number;
}

const describe = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);

export function compileLogic(logic: unknown, scope: CompileScope, field: string): Compiled {
  return compileNode(logic, scope, field, false).fn;
}

/** A condition: like compileLogic, but a variable or result read directly as the condition is traced. */
export function compileCondition(logic: unknown, scope: CompileScope, field: string): Compiled {
  return tracedFact(compileNode(logic, scope, field, false));
}

function compileNode(logic: unknown, scope: CompileScope, field: string, inItem: boolean): Node {
  if (logic === null || typeof logic !== 'object') {
    return { fn: () => logic };
  }
  if (Array.isArray(logic)) {
    const items = logic.map((l, i) => compileNode(l, scope, `${field}/${i}`, inItem).fn);
    return { fn: (ctx) => collect(items.map((f) => f(ctx))) };
  }
  const keys = Object.keys(logic);
  if (keys.length !== 1) {
    throw new LogicError(field, `an operation: an object with exactly one operator, found ${describe(logic)}`);
  }
  const op = keys[0] as string;
  if (!OPERATORS.has(op)) {
    throw new LogicError(field, `a known operator (${[...OPERATORS].join(', ')}), found "${op}"`);
  }
  const raw = (logic as Record<string, unknown>)[op];
  const argsRaw = Array.isArray(raw) ? raw : [raw];
  const at = `${field}/${op}`;

  switch (op) {
    case 'var':
      return compileVar(argsRaw, scope, at, inItem);
    case 'param': {
      const id = argsRaw[0];
      if (typeof id !== 'string' || !scope.hasParam(id)) {
        throw new LogicError(at, `the id of a parameter in rules/parameters, found ${describe(id)}`);
      }
      scope.depends('param', id);
      const index = scope.index('param', id);
      return { fn: (ctx) => ctx.param(index), name: id, unit: scope.unitOf('param', id) };
    }
    case 'result': {
      const id = argsRaw[0];
      if (typeof id !== 'string' || !scope.hasRight(id)) {
        throw new LogicError(at, `the id of a right in rules/rights, found ${describe(id)}`);
      }
      scope.depends('result', id);
      const index = scope.index('result', id);
      return { fn: (ctx) => ctx.result(index), name: `result:${id}`, fact: true };
    }
    case 'some':
    case 'all':
    case 'none':
    case 'filter':
    case 'map':
      return compileIteration(op, argsRaw, scope, at, inItem);
  }

  const args = argsRaw.map((a, i) => compileNode(a, scope, `${at}/${i}`, inItem));
  const fns = args.map((a) => a.fn);
  const arity = (min: number, max = Number.POSITIVE_INFINITY) => {
    if (args.length < min || args.length > max) {
      throw new LogicError(at, `${min === max ? min : `${min} to ${max}`} arguments, found ${args.length}`);
    }
  };

  switch (op) {
    case 'and':
    case 'or': {
      arity(1);
      const conds = args.map(tracedFact);
      const isOr = op === 'or';
      return {
        fn: (ctx) => {
          let unknowns: Unknown[] | null = null;
          let last: unknown;
          for (const c of conds) {
            const v = c(ctx);
            if (isUnknown(v)) {
              if (unknowns === null) unknowns = [];
              unknowns.push(v);
              continue;
            }
            if (truthy(v) === isOr) return v;
            last = v;
          }
          return unknowns ? mergeUnknown(unknowns) : last;
        },
      };
    }
    case '!':
    case '!!': {
      arity(1, 1);
      const c = tracedFact(args[0] as Node);
      const negate = op === '!';
      return {
        fn: (ctx) => {
          const t = truth(c(ctx));
          return isUnknown(t) ? t : negate ? !t : t;
        },
      };
    }
    case 'if': {
      arity(1);
      const conds = fns.map((f, i) => (i % 2 === 0 && i < fns.length - 1 ? tracedFact(args[i] as Node) : f));
      return {
        fn: (ctx) => {
          let i = 0;
          for (; i + 1 < conds.length; i += 2) {
            const t = truth((conds[i] as Compiled)(ctx));
            if (isUnknown(t)) return t;
            if (t) return (conds[i + 1] as Compiled)(ctx);
          }
          return i < conds.length ? (conds[i] as Compiled)(ctx) : null;
        },
      };
    }
    case '==':
    case '===':
    case '!=':
    case '!==': {
      arity(2, 2);
      const eq = op === '==' || op === '===';
      return comparison(op, args, (a, b) => (a === b) === eq);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      arity(2, op === '<' || op === '<=' ? 3 : 2);
      const cmp = {
        '<': (a: number, b: number) => a < b,
        '<=': (a: number, b: number) => a <= b,
        '>': (a: number, b: number) => a > b,
        '>=': (a: number, b: number) => a >= b,
      }[op];
      if (args.length === 2) return comparison(op, args, (a, b) => cmp(Number(a), Number(b)));
      return comparison(op, args, (...v) => {
        for (let i = 0; i + 1 < v.length; i++) if (!cmp(Number(v[i]), Number(v[i + 1]))) return false;
        return true;
      });
    }
    case 'in': {
      arity(2, 2);
      return comparison(op, args, (needle, hay) =>
        Array.isArray(hay) ? hay.includes(needle) : typeof hay === 'string' ? hay.includes(String(needle)) : false,
      );
    }
    case '+':
      return arithmetic(fns, (v) => v.reduce((s, x) => s + x, 0), (a, b) => a + b);
    case '*':
      arity(1);
      return arithmetic(fns, (v) => v.reduce((s, x) => s * x, 1), (a, b) => a * b);
    case '-':
      arity(1, 2);
      return arithmetic(fns, (v) => (v.length === 1 ? -(v[0] as number) : (v[0] as number) - (v[1] as number)), (a, b) => a - b);
    case '/':
      arity(2, 2);
      return arithmetic(fns, (v) => (v[0] as number) / (v[1] as number), (a, b) => a / b);
    case 'min':
      arity(1);
      return arithmetic(fns, (v) => Math.min(...v));
    case 'max':
      arity(1);
      return arithmetic(fns, (v) => Math.max(...v));
    case 'round': {
      arity(1, 1);
      const f = fns[0] as Compiled;
      return {
        fn: (ctx) => {
          const v = f(ctx);
          return v instanceof Unknown || v === null || v === undefined ? v : roundHalfUp(Number(v));
        },
      };
    }
  }
  /* c8 ignore next */
  throw new LogicError(at, `a supported operator, found "${op}"`);
}

function collect(values: unknown[]): unknown {
  const unknowns = values.filter(isUnknown);
  return unknowns.length ? mergeUnknown(unknowns) : values;
}

function compileVar(argsRaw: unknown[], scope: CompileScope, at: string, inItem: boolean): Node {
  const name = argsRaw[0] ?? '';
  const fallback = argsRaw[1];
  if (typeof name !== 'string') throw new LogicError(at, `a variable name (a string), found ${describe(name)}`);
  if (inItem) {
    return {
      fn: (ctx) => {
        if (name === '') return ctx.item;
        const v = (ctx.item as Record<string, unknown> | null)?.[name];
        return v === undefined || v === null ? (fallback ?? null) : v;
      },
      name,
    };
  }
  if (scope.isVariable(name)) {
    scope.depends('var', name);
    const index = scope.index('var', name);
    return { fn: (ctx) => ctx.variable(index), name, unit: scope.unitOf('var', name), fact: true, variable: index };
  }
  if (scope.isAnswer(name)) {
    scope.depends('answer', name);
    const { money, fallback: answerDefault } = scope.answerInfo(name);
    return { fn: (ctx) => ctx.answer(name, money, answerDefault), name, unit: scope.unitOf('var', name), fact: true };
  }
  throw new LogicError(at, `an answer key of questions.json or a variable of variables.json, found "${name}"`);
}

function compileIteration(op: string, argsRaw: unknown[], scope: CompileScope, at: string, inItem: boolean): Node {
  if (argsRaw.length !== 2) throw new LogicError(at, `2 arguments (a list and a condition), found ${argsRaw.length}`);
  const list = compileNode(argsRaw[0], scope, `${at}/0`, inItem).fn;
  const body = compileNode(argsRaw[1], scope, `${at}/1`, true).fn;
  return {
    fn: (ctx) => {
      const items = list(ctx);
      if (isUnknown(items)) return items;
      if (!Array.isArray(items)) return op === 'map' || op === 'filter' ? [] : false;
      const saved = ctx.item;
      const out: unknown[] | null = op === 'map' || op === 'filter' ? [] : null;
      let unknowns: Unknown[] | null = null;
      let any = false;
      let every = items.length > 0;
      try {
        for (const item of items) {
          ctx.item = item;
          const v = body(ctx);
          if (op === 'map') {
            out?.push(v);
            continue;
          }
          if (isUnknown(v)) {
            if (unknowns === null) unknowns = [];
            unknowns.push(v);
            continue;
          }
          if (truthy(v)) {
            any = true;
            if (op === 'filter') out?.push(item);
            else if (op === 'some') break;
          } else every = false;
        }
      } finally {
        ctx.item = saved;
      }
      switch (op) {
        case 'map':
          return collect(out ?? []);
        case 'filter':
          return unknowns ? mergeUnknown(unknowns) : out;
        case 'some':
          return any ? true : unknowns ? mergeUnknown(unknowns) : false;
        case 'none':
          return any ? false : unknowns ? mergeUnknown(unknowns) : true;
        default: // all
          return !every ? false : unknowns ? mergeUnknown(unknowns) : true;
      }
    },
  };
}

function arithmetic(fns: Compiled[], f: (v: number[]) => number, f2?: (a: number, b: number) => number): Node {
  if (f2 && fns.length === 2) {
    const [fa, fb] = fns as [Compiled, Compiled];
    return {
      fn: (ctx) => {
        const a = fa(ctx);
        const b = fb(ctx);
        if (a instanceof Unknown) return b instanceof Unknown ? mergeUnknown([a, b]) : a;
        if (b instanceof Unknown) return b;
        if (a === null || a === undefined || b === null || b === undefined) return null;
        return f2(Number(a), Number(b));
      },
    };
  }
  return {
    fn: (ctx) => {
      const values: number[] = [];
      let unknowns: Unknown[] | null = null;
      for (const g of fns) {
        const v = g(ctx);
        if (isUnknown(v)) (unknowns ??= []).push(v);
        else if (v === null || v === undefined) return null;
        else values.push(Number(v));
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

function comparison(op: string, args: Node[], test: (...v: unknown[]) => boolean): Node {
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
function tracedFact(node: Node): Compiled {
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
