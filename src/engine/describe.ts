/**
 * "Who gets this right", generated from the rule itself: its outcomes, the variables and parameters
 * they use, at a date. No household is needed: a limit that depends on the household is worked out
 * for a few example households. The result is a structure (clauses with figures), not text: the app
 * renders it in the person's language and the review report in Dutch, from the same locale keys.
 * Pure, like the rest of the engine: the date is an argument.
 */
import { amountAt, EngineError, inForce, paramAt, variableAt } from './evaluate';
import { isMoneyUnit } from './values';
import type { Ruleset } from './ruleset';
import type { Answers, IsoDate, Status } from './types';

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** One side of a comparison: a named answer or variable, or a figure known at the date. */
export type Term =
  | { kind: 'name'; name: string; unit?: string }
  | { kind: 'figure'; value: number; unit?: string; param?: string }
  | { kind: 'literal'; value: unknown };

/** A limit worked out for one example household (see EXAMPLE_HOUSEHOLDS). */
export interface Limit {
  household: string;
  value: number;
  unit: string;
}

export type Clause =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'compare'; op: CompareOp; left: Term; right: Term; limits?: Limit[] }
  /** a yes/no answer or derived variable (`variables.<name>` names it) */
  | { kind: 'fact'; name: string; holds: boolean }
  /** an option of a question: chosen among several (multi) or the one chosen (choice) */
  | { kind: 'option'; question: string; option: string; multi: boolean; holds: boolean }
  | { kind: 'right'; id: string; status: string; holds: boolean }
  | { kind: 'all' | 'any'; clauses: Clause[] }
  | { kind: 'some' | 'all-items' | 'no-item'; list: string; clause: Clause }
  | { kind: 'not'; clause: Clause }
  /** an item's field inside some/all/none: `{"var": "age"}` of a child */
  | { kind: 'unreadable'; logic: unknown };

export interface Figure {
  value: number;
  unit: string;
}

export interface Route {
  status: Exclude<Status, 'unknown' | 'not-eligible'>;
  reason: string;
  when: Clause;
  /** earlier outcomes that refuse the right: this route holds only when none of them does */
  unless: Clause[];
  amount?: Figure;
}

export interface RightDescription {
  id: string;
  date: IsoDate;
  inForce: boolean;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  /** "everywhere", or the municipality whose residents it is for */
  territory: string;
  /** the ways to get the right (eligible) or to have it looked at (ask), in the rule's order */
  routes: Route[];
  /** the amount of the rule when every route has the same one */
  amount?: Figure;
  /** every parameter the rule uses, directly or through variables, in the order met */
  parameters: string[];
}

/**
 * Households for which a limit that depends on the household is shown. Answers as in questions.json;
 * a household whose answers do not settle the limit is left out. Named by `describe.households.<id>`.
 */
export const EXAMPLE_HOUSEHOLDS: { id: string; answers: Answers }[] = [
  { id: 'single', answers: { adults: 1, partner: false, children: [] } },
  { id: 'singleParent', answers: { adults: 1, partner: false, children: [{ age: 6 }] } },
  { id: 'couple', answers: { adults: 2, partner: true, children: [] } },
  { id: 'coupleWithChildren', answers: { adults: 2, partner: true, children: [{ age: 6 }, { age: 9 }] } },
];

type Logic = unknown;
const opOf = (logic: Logic): [string, unknown[]] | null => {
  if (logic === null || typeof logic !== 'object' || Array.isArray(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1) return null;
  const raw = (logic as Record<string, unknown>)[keys[0] as string];
  return [keys[0] as string, Array.isArray(raw) ? raw : [raw]];
};

const INVERSE: Record<CompareOp, CompareOp> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };

class Describer {
  readonly params: string[] = [];
  private readonly answersOf = new Map<string, boolean>();
  private readonly questionTypes: Map<string, string>;

  constructor(
    readonly ruleset: Ruleset,
    readonly date: IsoDate,
  ) {
    this.questionTypes = new Map(ruleset.questions.map((q) => [q.key, q.type]));
  }

  /** Does this logic read any answer (directly, through variables or through another right)? */
  readsAnswers(logic: Logic, item = false): boolean {
    const o = opOf(logic);
    if (!o) return Array.isArray(logic) ? logic.some((l) => this.readsAnswers(l, item)) : false;
    const [op, args] = o;
    if (op === 'result') return true;
    if (op === 'param') return false;
    if (op === 'var') {
      const name = args[0];
      if (typeof name !== 'string') return false;
      if (item || this.questionTypes.has(name)) return true;
      const known = this.answersOf.get(name);
      if (known !== undefined) return known;
      this.answersOf.set(name, true); // a cycle is refused at load; this only guards the walk
      const reads = this.readsAnswers(this.ruleset.variables.get(name)?.logic);
      this.answersOf.set(name, reads);
      return reads;
    }
    if (['some', 'all', 'none', 'filter', 'map'].includes(op)) {
      return this.readsAnswers(args[0], item) || this.readsAnswers(args[1], true);
    }
    return args.some((a) => this.readsAnswers(a, item));
  }

  /** Records every parameter the logic uses, through variables too. */
  collectParams(logic: Logic, seen = new Set<string>()): void {
    const o = opOf(logic);
    if (!o) {
      if (Array.isArray(logic)) for (const l of logic) this.collectParams(l, seen);
      return;
    }
    const [op, args] = o;
    if (op === 'param' && typeof args[0] === 'string') {
      if (!this.params.includes(args[0])) this.params.push(args[0]);
      return;
    }
    if (op === 'var' && typeof args[0] === 'string' && this.ruleset.variables.has(args[0]) && !seen.has(args[0])) {
      seen.add(args[0]);
      this.collectParams(this.ruleset.variables.get(args[0])?.logic, seen);
      return;
    }
    for (const a of args) this.collectParams(a, seen);
  }

  term(logic: Logic): Term | null {
    const o = opOf(logic);
    if (!o) return logic === null || typeof logic !== 'object' ? { kind: 'literal', value: logic } : null;
    const [op, args] = o;
    const name = args[0];
    if (op === 'param' && typeof name === 'string') {
      const unit = this.ruleset.parameters.get(name)?.unit;
      const cents = paramAt(this.ruleset, name, this.date);
      return { kind: 'figure', value: isMoneyUnit(unit) ? cents / 100 : cents, unit, param: name };
    }
    if (op === 'var' && typeof name === 'string') {
      const variable = this.ruleset.variables.get(name);
      if (variable && !this.readsAnswers(logic)) {
        const v = variableAt(this.ruleset, name, {}, this.date);
        if (typeof v === 'number') return { kind: 'figure', value: v, unit: variable.unit };
      }
      const q = this.ruleset.questions.find((x) => x.key === name);
      return { kind: 'name', name, unit: variable?.unit ?? q?.unit };
    }
    return null;
  }

  limits(term: Term): Limit[] | undefined {
    if (term.kind !== 'name' || !isMoneyUnit(term.unit) || !this.ruleset.variables.has(term.name)) return undefined;
    const out: Limit[] = [];
    for (const h of EXAMPLE_HOUSEHOLDS) {
      const v = variableAt(this.ruleset, term.name, h.answers, this.date);
      if (typeof v === 'number') out.push({ household: h.id, value: v, unit: term.unit as string });
    }
    return out.length ? out : undefined;
  }

  clause(logic: Logic, negate = false): Clause {
    const c = this.positive(logic);
    return negate ? this.negate(c) : c;
  }

  negate(c: Clause): Clause {
    switch (c.kind) {
      case 'always':
        return { kind: 'never' };
      case 'never':
        return { kind: 'always' };
      case 'compare':
        return { ...c, op: INVERSE[c.op] };
      case 'fact':
      case 'option':
      case 'right':
        return { ...c, holds: !c.holds };
      case 'all':
      case 'any':
        return this.join(c.kind === 'all' ? 'any' : 'all', c.clauses.map((x) => this.negate(x)));
      case 'not':
        return c.clause;
      default:
        return { kind: 'not', clause: c };
    }
  }

  /** and/or with constants folded: a branch that always holds or never holds at this date drops out. */
  join(kind: 'all' | 'any', clauses: Clause[]): Clause {
    const settles = kind === 'all' ? 'never' : 'always';
    const neutral = kind === 'all' ? 'always' : 'never';
    if (clauses.some((c) => c.kind === settles)) return { kind: settles };
    const kept = clauses.flatMap((c) => (c.kind === neutral ? [] : c.kind === kind ? c.clauses : [c]));
    if (kept.length === 0) return { kind: neutral };
    return kept.length === 1 ? (kept[0] as Clause) : { kind, clauses: kept };
  }

  positive(logic: Logic): Clause {
    if (logic === true) return { kind: 'always' };
    if (logic === false || logic === null) return { kind: 'never' };
    const o = opOf(logic);
    if (!o) return { kind: 'unreadable', logic };
    const [op, args] = o;
    // A condition that reads no answer is settled at the date: a dated yes/no parameter, for one.
    if (!this.readsAnswers(logic) && op !== 'var') {
      const settled = this.constant(logic);
      if (settled !== undefined) return { kind: settled ? 'always' : 'never' };
    }
    switch (op) {
      case 'and':
      case 'or':
        return this.join(op === 'and' ? 'all' : 'any', args.map((a) => this.positive(a)));
      case '!':
        return this.negate(this.positive(args[0]));
      case '!!':
        return this.positive(args[0]);
      case 'var': {
        const name = args[0];
        if (typeof name !== 'string') break;
        if (this.questionTypes.get(name) === 'boolean' || this.ruleset.variables.has(name)) {
          return { kind: 'fact', name, holds: true };
        }
        break;
      }
      case 'result':
        if (typeof args[0] === 'string') return { kind: 'right', id: args[0], status: 'eligible', holds: true };
        break;
      case 'in': {
        const [item, list] = args;
        const listOp = opOf(list);
        if (typeof item === 'string' && listOp?.[0] === 'var' && typeof listOp[1][0] === 'string') {
          return { kind: 'option', question: listOp[1][0], option: item, multi: true, holds: true };
        }
        break;
      }
      case '==':
      case '===':
      case '!=':
      case '!==':
      case '<':
      case '<=':
      case '>':
      case '>=': {
        if (args.length !== 2) break;
        const cmp = (op.length === 3 ? op.slice(0, 2) : op) as CompareOp;
        const equality = cmp === '==' || cmp === '!=';
        const [a, b] = args;
        const resultOf = (x: unknown) => {
          const r = opOf(x);
          return r?.[0] === 'result' && typeof r[1][0] === 'string' ? r[1][0] : null;
        };
        const right = resultOf(a) ?? resultOf(b);
        const status = resultOf(a) ? b : a;
        if (equality && right && typeof status === 'string') {
          return { kind: 'right', id: right, status, holds: cmp === '==' };
        }
        const varOf = (x: unknown) => {
          const r = opOf(x);
          return r?.[0] === 'var' && typeof r[1][0] === 'string' ? r[1][0] : null;
        };
        const question = varOf(a) ?? varOf(b);
        const option = varOf(a) ? b : a;
        if (equality && question && this.questionTypes.get(question) === 'choice' && typeof option === 'string') {
          return { kind: 'option', question, option, multi: false, holds: cmp === '==' };
        }
        const left = this.term(a);
        const rightTerm = this.term(b);
        if (!left || !rightTerm) break;
        const limits = this.limits(rightTerm);
        return limits ? { kind: 'compare', op: cmp, left, right: rightTerm, limits } : { kind: 'compare', op: cmp, left, right: rightTerm };
      }
      case 'some':
      case 'all':
      case 'none': {
        const list = opOf(args[0]);
        if (list?.[0] !== 'var' || typeof list[1][0] !== 'string') break;
        const kind = op === 'some' ? 'some' : op === 'all' ? 'all-items' : 'no-item';
        return { kind, list: list[1][0], clause: this.itemClause(args[1]) };
      }
    }
    return { kind: 'unreadable', logic };
  }

  /** A condition on one item of a list: its fields are named `<list>.<field>` by the caller's words. */
  itemClause(logic: Logic): Clause {
    const o = opOf(logic);
    if (o && ['<', '<=', '>', '>=', '==', '!='].includes(o[0]) && o[1].length === 2) {
      const side = (x: unknown): Term => {
        const r = opOf(x);
        if (r?.[0] === 'var' && typeof r[1][0] === 'string') return { kind: 'name', name: `item.${r[1][0]}` };
        return this.term(x) ?? { kind: 'literal', value: x };
      };
      return { kind: 'compare', op: o[0] as CompareOp, left: side(o[1][0]), right: side(o[1][1]) };
    }
    return { kind: 'unreadable', logic };
  }

  /** The truth of a condition that reads no answer, at the date; undefined when it cannot be settled. */
  constant(logic: Logic): boolean | undefined {
    const o = opOf(logic);
    if (!o) return undefined;
    const [op, args] = o;
    const value = (x: unknown): unknown => {
      const t = this.term(x);
      if (t?.kind === 'figure') return t.value;
      if (t?.kind === 'literal') return t.value;
      return undefined;
    };
    if (['==', '===', '!=', '!==', '<', '<=', '>', '>='].includes(op) && args.length === 2) {
      const a = value(args[0]);
      const b = value(args[1]);
      if (a === undefined || b === undefined) return undefined;
      switch (op) {
        case '==':
        case '===':
          return a === b;
        case '!=':
        case '!==':
          return a !== b;
        case '<':
          return (a as number) < (b as number);
        case '<=':
          return (a as number) <= (b as number);
        case '>':
          return (a as number) > (b as number);
        default:
          return (a as number) >= (b as number);
      }
    }
    return undefined;
  }
}

const sameFigure = (a?: Figure, b?: Figure) => a?.value === b?.value && a?.unit === b?.unit;

/**
 * Who gets a right at a date, from its rule: every eligible or ask outcome as a route with its
 * conditions and figures, and the parameters it uses. Throws for an unknown right.
 */
export function describeRight(ruleset: Ruleset, id: string, date: IsoDate): RightDescription {
  const rule = ruleset.rulesById.get(id);
  if (!rule) throw new EngineError(`Unknown right "${id}"`);
  const d = new Describer(ruleset, date);
  const parts: Logic[] = [...rule.outcomes.flatMap((o) => [o.when, o.amount?.value]), rule.threshold, rule.over, rule.amount?.value];
  for (const p of parts) d.collectParams(p);
  const description: RightDescription = {
    id,
    date,
    inForce: inForce(rule, date),
    validFrom: rule.validFrom,
    validUntil: rule.validUntil,
    territory: (rule as { territory?: string }).territory ?? 'everywhere',
    routes: [],
    parameters: d.params,
  };
  if (!description.inForce) return description;
  const refusals: Clause[] = [];
  rule.outcomes.forEach((o, i) => {
    // an outcome with dates of its own is a route only on those dates
    if (!inForce(o, date)) return;
    const when = d.clause(o.when);
    if (o.status === 'not-eligible') {
      if (when.kind !== 'never') refusals.push(when);
      return;
    }
    if (when.kind === 'never') return;
    const route: Route = { status: o.status, reason: o.reason, when, unless: [...refusals] };
    const unit = o.amount?.unit ?? rule.amount?.unit;
    const value = amountAt(ruleset, id, o.amount ? i : null, {}, date);
    if (unit && value !== null) route.amount = { value, unit };
    description.routes.push(route);
  });
  const first = description.routes[0]?.amount;
  if (first && description.routes.every((r) => sameFigure(r.amount, first))) description.amount = first;
  return description;
}
