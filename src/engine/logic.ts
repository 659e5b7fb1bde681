/**
 * A JsonLogic subset compiled to closures, with three-valued logic over missing answers.
 *
 * A missing answer evaluates to an `Unknown` that carries the answer keys it misses. Operators
 * propagate it, except where the known operands settle the outcome (`or` with a true branch,
 * `and` with a false one), so a right is settled as soon as the answers allow, and the keys left in
 * an `Unknown` are exactly the answers that could still change it. On known values every operator
 * means what it means in json-logic-js (operators.ts).
 */
import {
  ARITHMETIC,
  collect,
  comparison,
  contains,
  looseEquals,
  RELATIONS,
  strict,
  tracedFact,
} from './operators';
import { type Compiled, isUnknown, LogicError, mergeUnknown, type Node, roundHalfUp, truth, truthy, type Unknown } from './values';

export {
  type Compiled,
  type EvalContext,
  isMoneyUnit,
  isUnknown,
  LogicError,
  mergeUnknown,
  roundHalfUp,
  Unknown,
} from './values';

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

/**
 * How deep a condition may nest. The deepest rule today nests 8; a limit keeps a broken or hostile
 * file from exhausting the stack (a clear refusal instead of a RangeError).
 */
export const MAX_DEPTH = 64;

export const OPERATORS = new Set([
  'var', 'param', 'result', 'and', 'or', '!', '!!', 'if', '==', '!=', '===', '!==', '<', '<=', '>', '>=',
  '+', '-', '*', '/', 'min', 'max', 'round', 'in', 'some', 'all', 'none', 'filter', 'map', 'reduce',
]);

const describe = (v: unknown): string => {
  try {
    return JSON.stringify(v)?.slice(0, 80) ?? String(v);
  } catch {
    return '(a value too deeply nested to show)';
  }
};

export function compileLogic(logic: unknown, scope: CompileScope, field: string): Compiled {
  return compileNode(logic, scope, field, false, 0).fn;
}

/** A condition: like compileLogic, but a variable or result read directly as the condition is traced. */
export function compileCondition(logic: unknown, scope: CompileScope, field: string): Compiled {
  // A condition is an operation, true or false. A text in its place ("false") would be read with
  // JsonLogic truthiness, so "false" would hold: refused where the rules are loaded.
  if (logic === null || (typeof logic !== 'object' && typeof logic !== 'boolean')) {
    throw new LogicError(field, `a condition (an operation, true or false), found ${describe(logic)}`);
  }
  return tracedFact(compileNode(logic, scope, field, false, 0));
}

function compileNode(logic: unknown, scope: CompileScope, field: string, inItem: boolean, depth: number): Node {
  if (logic === null || typeof logic !== 'object') {
    return { fn: () => logic };
  }
  if (depth >= MAX_DEPTH) {
    throw new LogicError(field, `a condition nested at most ${MAX_DEPTH} levels deep (split it into variables)`);
  }
  if (Array.isArray(logic)) {
    const items = logic.map((l, i) => compileNode(l, scope, `${field}/${i}`, inItem, depth + 1).fn);
    return { fn: (ctx) => collect(items.map((f) => f(ctx))) };
  }
  const keys = Object.keys(logic);
  if (keys.length !== 1) {
    throw new LogicError(field, `an operation: an object with exactly one operator, found ${describe(logic)}`);
  }
  const op = keys[0] as string;
  if (!OPERATORS.has(op)) {
    throw new LogicError(field, `a known operator (${[...OPERATORS].join(', ')}), found "${op.slice(0, 40)}"`);
  }
  const raw = (logic as Record<string, unknown>)[op];
  const argsRaw = Array.isArray(raw) ? raw : [raw];
  const at = `${field}/${op}`;

  switch (op) {
    case 'var':
      return compileVar(argsRaw, scope, at, inItem);
    case 'param': {
      const id = argsRaw[0];
      if (argsRaw.length !== 1 || typeof id !== 'string' || !scope.hasParam(id)) {
        throw new LogicError(at, `the id of a parameter in rules/parameters, found ${describe(raw)}`);
      }
      scope.depends('param', id);
      const index = scope.index('param', id);
      return { fn: (ctx) => ctx.param(index), name: id, unit: scope.unitOf('param', id) };
    }
    case 'result': {
      const id = argsRaw[0];
      if (argsRaw.length !== 1 || typeof id !== 'string' || !scope.hasRight(id)) {
        throw new LogicError(at, `the id of a right in rules/rights, found ${describe(raw)}`);
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
      return compileIteration(op, argsRaw, scope, at, inItem, depth);
    case 'reduce':
      return compileReduce(argsRaw, scope, at, inItem, depth);
  }

  const args = argsRaw.map((a, i) => compileNode(a, scope, `${at}/${i}`, inItem, depth + 1));
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
      // no argument at all gives null, as in JsonLogic
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
    case '!=':
      arity(2, 2);
      return comparison(op, args, op === '==' ? looseEquals : (a, b) => !looseEquals(a, b));
    case '===':
    case '!==':
      arity(2, 2);
      return comparison(op, args, op === '===' ? (a, b) => a === b : (a, b) => a !== b);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      arity(2, op === '<' || op === '<=' ? 3 : 2);
      const rel = RELATIONS[op] as (a: unknown, b: unknown) => boolean;
      if (args.length === 2) return comparison(op, args, rel);
      return comparison(op, args, (a, b, c) => rel(a, b) && rel(b, c));
    }
    case 'in':
      arity(2, 2);
      return comparison(op, args, contains);
    case '+':
    case '*':
    case 'min':
    case 'max':
      arity(1);
      return strict(fns, ARITHMETIC[op] as (v: unknown[]) => unknown);
    case '-':
      arity(1, 2);
      return strict(fns, ARITHMETIC[op] as (v: unknown[]) => unknown);
    case '/':
      arity(2, 2);
      return strict(fns, ARITHMETIC[op] as (v: unknown[]) => unknown);
    case 'round': {
      // an extension: half up to a whole number; an absent value (null) stays absent
      arity(1, 1);
      return strict(fns, ([v]) => (v === null || v === undefined ? v : roundHalfUp(Number(v))));
    }
  }
  /* c8 ignore next */
  throw new LogicError(at, `a supported operator, found "${op}"`);
}

function compileVar(argsRaw: unknown[], scope: CompileScope, at: string, inItem: boolean): Node {
  const name = argsRaw[0] ?? '';
  if (typeof name !== 'string') throw new LogicError(at, `a variable name (a string), found ${describe(name)}`);
  if (name.includes('.')) {
    // every other JsonLogic reader takes a dot as a path into nested data: it would read another value
    throw new LogicError(at, `a name without a dot (other JsonLogic readers take "${name.slice(0, 60)}" as a path into nested data): write "${name.slice(0, 60).replaceAll('.', '_')}"`);
  }
  if (argsRaw.length > 1) {
    // JsonLogic's default value would hide a missing answer: a question's default belongs in questions.json
    throw new LogicError(at, `a variable name alone, without a default value (found ${describe(argsRaw)}); a question's default goes in questions.json`);
  }
  if (inItem) {
    return {
      fn: (ctx) => {
        if (name === '') return ctx.item;
        const v = (ctx.item as Record<string, unknown> | null | undefined)?.[name];
        return v === undefined ? null : v;
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
  throw new LogicError(at, `an answer key of questions.json or a variable of variables.json, found "${name.slice(0, 80)}"`);
}

function compileIteration(op: string, argsRaw: unknown[], scope: CompileScope, at: string, inItem: boolean, depth: number): Node {
  if (argsRaw.length !== 2) throw new LogicError(at, `2 arguments (a list and a condition), found ${argsRaw.length}`);
  const list = compileNode(argsRaw[0], scope, `${at}/0`, inItem, depth + 1).fn;
  const body = compileNode(argsRaw[1], scope, `${at}/1`, true, depth + 1).fn;
  const collects = op === 'map' || op === 'filter';
  return {
    fn: (ctx) => {
      const items = list(ctx);
      if (isUnknown(items)) return items;
      // as in JsonLogic: over something that is not a list, map and filter give [], none is true
      if (!Array.isArray(items)) return collects ? [] : op === 'none';
      const saved = ctx.item;
      const out: unknown[] | null = collects ? [] : null;
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
            else if (op === 'some' || op === 'none') break;
          } else {
            every = false;
            if (op === 'all') break;
          }
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

/**
 * `{"reduce": [list, body, start]}`: the body reads `{"var": "current"}` and `{"var": "accumulator"}`,
 * as in JsonLogic; e.g. the number of children: `{"reduce": [{"var": "children"}, {"+": [{"var": "accumulator"}, 1]}, 0]}`.
 */
function compileReduce(argsRaw: unknown[], scope: CompileScope, at: string, inItem: boolean, depth: number): Node {
  if (argsRaw.length !== 3) throw new LogicError(at, `3 arguments (a list, a body and a start value), found ${argsRaw.length}`);
  const list = compileNode(argsRaw[0], scope, `${at}/0`, inItem, depth + 1).fn;
  const body = compileNode(argsRaw[1], scope, `${at}/1`, true, depth + 1).fn;
  const initial = compileNode(argsRaw[2], scope, `${at}/2`, inItem, depth + 1).fn;
  return {
    fn: (ctx) => {
      const items = list(ctx);
      if (isUnknown(items)) return items;
      let accumulator = initial(ctx);
      // as in JsonLogic: over something that is not a list, the start value
      if (isUnknown(accumulator) || !Array.isArray(items)) return accumulator;
      const saved = ctx.item;
      try {
        for (const current of items) {
          ctx.item = { current, accumulator };
          accumulator = body(ctx);
          if (isUnknown(accumulator)) return accumulator;
        }
      } finally {
        ctx.item = saved;
      }
      return accumulator;
    },
  };
}
