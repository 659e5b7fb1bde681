/**
 * Random well-typed JsonLogic expressions over every operator of the documented subset, nested up to
 * a given depth, with data to evaluate them on. A small seeded generator (not fast-check): 100 000
 * expressions in seconds, and any failure is reproduced from its seed and index.
 */

/** mulberry32: a tiny seeded PRNG, good enough to spread the cases. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Type = 'num' | 'bool' | 'str' | 'numList' | 'itemList' | 'strList';
/** Where an expression runs: over the answers, or inside some/all/none/filter/map over numbers or items. */
type Scope = 'top' | 'numItem' | 'objItem';

/** The answers an expression may read, by type. Every one may be left out of the data (missing). */
export const ANSWERS: Record<string, Type> = {
  adults: 'num',
  income: 'num',
  rent: 'num',
  partner: 'bool',
  disability: 'bool',
  housing: 'str',
  ages: 'numList',
  children: 'itemList',
  statuses: 'strList',
};

const WORDS = ['owner', 'social-rent', 'leefloon', 'student', 'rent', 'own', ''];

export class Generator {
  readonly operators = new Map<string, number>();
  constructor(private readonly rnd: () => number) {}

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)] as T;
  }
  private count(op: string): void {
    this.operators.set(op, (this.operators.get(op) ?? 0) + 1);
  }
  private op(op: string, args: unknown): Record<string, unknown> {
    this.count(op);
    return { [op]: args };
  }

  number(): number {
    const r = this.rnd();
    if (r < 0.15) return 0;
    if (r < 0.5) return Math.floor(this.rnd() * 21) - 5;
    if (r < 0.8) return Math.round(this.rnd() * 300000) / 100;
    if (r < 0.9) return -Math.round(this.rnd() * 10000) / 100;
    return Math.floor(this.rnd() * 1e9);
  }

  private varOf(type: Type, scope: Scope): unknown | undefined {
    if (scope === 'numItem') return type === 'num' ? this.op('var', '') : undefined;
    if (scope === 'objItem') {
      if (type === 'num') return this.op('var', this.pick(['age', 'income']));
      if (type === 'bool') return this.op('var', 'inCare');
      return undefined;
    }
    const names = Object.keys(ANSWERS).filter((k) => ANSWERS[k] === type);
    return names.length ? this.op('var', this.pick(names)) : undefined;
  }

  private leaf(type: Type, scope: Scope): unknown {
    const v = this.rnd() < 0.5 ? this.varOf(type, scope) : undefined;
    if (v !== undefined) return v;
    switch (type) {
      case 'num':
        return this.number();
      case 'bool':
        return this.rnd() < 0.5;
      case 'str':
        return this.pick(WORDS);
      case 'numList':
        return Array.from({ length: Math.floor(this.rnd() * 4) }, () => this.number());
      case 'strList':
        return Array.from({ length: Math.floor(this.rnd() * 3) }, () => this.pick(WORDS));
      default:
        return this.varOf(type, 'top') ?? [];
    }
  }

  /** An expression of `type`, at most `depth` operators deep. */
  expr(type: Type, scope: Scope, depth: number): unknown {
    if (depth <= 0 || this.rnd() < 0.2) return this.leaf(type, scope);
    const d = depth - 1;
    const n = (k: number) => Array.from({ length: k }, () => this.expr('num', scope, d));
    const b = (k: number) => Array.from({ length: k }, () => this.expr('bool', scope, d));
    const arity = () => 1 + Math.floor(this.rnd() * 3);
    switch (type) {
      case 'num':
        switch (this.pick(['+', '-', '*', '/', 'min', 'max', 'if', 'if'])) {
          case '+':
            return this.op('+', n(arity()));
          case '-':
            return this.op('-', n(this.rnd() < 0.2 ? 1 : 2));
          case '*':
            return this.op('*', n(arity()));
          case '/':
            return this.op('/', n(2));
          case 'min':
            return this.op('min', n(arity()));
          case 'max':
            return this.op('max', n(arity()));
          default:
            return this.op('if', this.rnd() < 0.8 ? [this.expr('bool', scope, d), ...n(2)] : [this.expr('bool', scope, d), ...n(1), this.expr('bool', scope, d), ...n(2)]);
        }
      case 'bool': {
        const choice = this.pick(['and', 'or', '!', '!!', 'eq', 'cmp', 'cmp3', 'in', 'iter', 'iter', 'if']);
        switch (choice) {
          case 'and':
          case 'or':
            return this.op(choice, b(arity()));
          case '!':
          case '!!':
            return this.op(choice, this.rnd() < 0.5 ? b(1) : b(1)[0]);
          case 'eq': {
            const op = this.pick(['==', '!=', '===', '!==']);
            const t = this.pick<Type>(['num', 'num', 'str', 'bool']);
            return this.op(op, [this.expr(t, scope, d), this.expr(t, scope, d)]);
          }
          case 'cmp': {
            const t = this.rnd() < 0.85 ? 'num' : 'str';
            return this.op(this.pick(['<', '<=', '>', '>=']), [this.expr(t, scope, d), this.expr(t, scope, d)]);
          }
          case 'cmp3':
            return this.op(this.pick(['<', '<=']), n(3));
          case 'in': {
            const r = this.rnd();
            if (r < 0.4) return this.op('in', [this.expr('str', scope, d), this.listOf('strList', scope, d)]);
            if (r < 0.8) return this.op('in', [this.expr('num', scope, d), this.listOf('numList', scope, d)]);
            return this.op('in', [this.expr('str', scope, d), this.expr('str', scope, d)]);
          }
          case 'iter': {
            const op = this.pick(['some', 'all', 'none']);
            const overItems = this.rnd() < 0.5;
            return this.op(op, [
              this.listOf(overItems ? 'itemList' : 'numList', scope, d),
              this.expr('bool', overItems ? 'objItem' : 'numItem', d),
            ]);
          }
          default:
            return this.op('if', [...b(1), ...b(2)]);
        }
      }
      default:
        return this.listOf(type, scope, depth);
    }
  }

  /** A list: an answer, a literal, or filter/map over another list. */
  listOf(type: Type, scope: Scope, depth: number): unknown {
    if (depth <= 0 || scope !== 'top' || this.rnd() < 0.4) return scope === 'top' ? this.leaf(type, 'top') : this.leaf(type, scope);
    const d = depth - 1;
    if (type === 'numList') {
      const r = this.rnd();
      if (r < 0.3) return this.op('filter', [this.listOf('numList', scope, d), this.expr('bool', 'numItem', d)]);
      if (r < 0.55) return this.op('map', [this.listOf('numList', scope, d), this.expr('num', 'numItem', d)]);
      if (r < 0.8) return this.op('map', [this.listOf('itemList', scope, d), this.expr('num', 'objItem', d)]);
      return [this.expr('num', scope, d), this.expr('num', scope, d)];
    }
    if (type === 'itemList') return this.op('filter', [this.listOf('itemList', scope, d), this.expr('bool', 'objItem', d)]);
    return this.leaf(type, scope);
  }

  /** A value of the answer's type, for the data. */
  value(type: Type): unknown {
    switch (type) {
      case 'num':
        return this.number();
      case 'bool':
        return this.rnd() < 0.5;
      case 'str':
        return this.pick(WORDS);
      case 'numList':
        return Array.from({ length: Math.floor(this.rnd() * 4) }, () => this.number());
      case 'strList':
        return Array.from({ length: Math.floor(this.rnd() * 3) }, () => this.pick(WORDS));
      default:
        return Array.from({ length: Math.floor(this.rnd() * 4) }, () => ({
          age: Math.floor(this.rnd() * 18),
          income: this.number(),
          inCare: this.rnd() < 0.5,
        }));
    }
  }

  /** Data with every answer (complete), or with some left out (`missing` chance per answer). */
  data(missing: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(ANSWERS)) if (this.rnd() >= missing) out[k] = this.value(t);
    return out;
  }
}
