/**
 * The words of "who gets this right" (src/engine/describe.ts) in a language: the same structure is
 * rendered in the app (the person's language) and in the review report (Dutch), from the keys
 * `describe.*` of app.json and the rule texts of rules.json. No Vite, no DOM: Node renders it too.
 */
import type { Clause, CompareOp, Figure, Limit, RightDescription, Route, Term } from '../engine';
import type { AppKey } from './index';
import type { Formatters } from './format';

/** What rendering needs of an i18n: interface texts, rule texts and number formats (I18n has them all). */
export interface Words extends Formatters {
  t(key: AppKey, options?: Record<string, unknown>): string;
  tr(key: string, options?: Record<string, unknown>): string;
  has(key: string): boolean;
}

/** A sentence, with the sentences that belong under it (the items of "one of these", the limits). */
export interface Line {
  text: string;
  lines?: Line[];
}

export interface RenderedDescription {
  /** "Je hebt recht als …" and "Vraag het aan als …", each with its routes */
  groups: { status: Route['status']; title: string; items: Line[] }[];
  /** "Voor wie in Kortrijk woont.": only for a right of one municipality */
  territory?: string;
  /** what the right is worth, when it is the same on every route */
  amount?: string;
  /** said instead of the groups when the right is not in force at the date */
  notInForce?: string;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

// The comparisons and another right's status are said as the results page's explanations say them.
const COMPARE: Record<CompareOp, AppKey> = {
  '<': 'explain.compare.<_true',
  '<=': 'explain.compare.<=_true',
  '>': 'explain.compare.>_true',
  '>=': 'explain.compare.>=_true',
  '==': 'explain.compare.==_true',
  '!=': 'explain.compare.!=_true',
};

const HOUSEHOLDS: Record<string, AppKey> = {
  single: 'describe.households.single',
  singleParent: 'describe.households.singleParent',
  couple: 'describe.households.couple',
  coupleWithChildren: 'describe.households.coupleWithChildren',
};

const PER: Record<string, AppKey> = { 'EUR/month': 'describe.per.month', 'EUR/year': 'describe.per.year' };

const STATUS: Record<string, AppKey> = {
  eligible: 'status.eligible',
  ask: 'status.ask',
  'not-eligible': 'status.not-eligible',
  unknown: 'status.unknown',
};

/** € 1.839,88 per maand; 80%; 6. */
export function figureText(w: Words, value: number, unit: string | undefined): string {
  const text = w.amount(value, unit);
  const per = unit ? PER[unit] : undefined;
  return per ? w.t(per, { amount: text }) : text;
}

/** The words for an answer or variable ("het inkomen van je gezin per maand"); its key when there are none. */
function label(w: Words, name: string): string {
  return w.has(`variables.${name}`) ? w.tr(`variables.${name}`) : name;
}

function termText(w: Words, term: Term): string {
  switch (term.kind) {
    case 'name':
      return label(w, term.name);
    case 'figure':
      return figureText(w, term.value, term.unit);
    default:
      return typeof term.value === 'boolean' ? w.t(term.value ? 'question.yes' : 'question.no') : String(term.value);
  }
}

const optionText = (w: Words, question: string, option: string) =>
  w.has(`questions.${question}.options.${option}`) ? w.tr(`questions.${question}.options.${option}`) : option;

export const rightName = (w: Words, id: string) => (w.has(`rights.${id}.title`) ? w.tr(`rights.${id}.title`) : id);

function limitLines(w: Words, limits: Limit[]): Line[] {
  return limits.map((l) => ({
    text: w.t('describe.limitFor', { household: w.t(HOUSEHOLDS[l.household] ?? 'describe.households.single'), amount: figureText(w, l.value, l.unit) }),
  }));
}

/** One clause as a sentence (with its sub-sentences). */
export function clauseLine(w: Words, c: Clause, date: string): Line {
  switch (c.kind) {
    case 'always':
      return { text: w.t('describe.always') };
    case 'never':
      return { text: w.t('describe.never') };
    case 'compare': {
      const text = capitalise(w.t(COMPARE[c.op], { a: termText(w, c.left), b: termText(w, c.right) }));
      if (!c.limits) return { text };
      // one figure for every household: say it in the sentence itself
      const values = new Set(c.limits.map((l) => l.value));
      if (values.size === 1) {
        const l = c.limits[0] as Limit;
        return { text: capitalise(w.t(COMPARE[c.op], { a: termText(w, c.left), b: figureText(w, l.value, l.unit) })) };
      }
      return { text: `${text} ${w.t('describe.limits', { date: w.date(date) })}`, lines: limitLines(w, c.limits) };
    }
    case 'fact':
      return { text: w.t(c.holds ? 'describe.fact_true' : 'describe.fact_false', { label: label(w, c.name) }) };
    case 'option': {
      const option = optionText(w, c.question, c.option);
      if (c.multi) return { text: w.t(c.holds ? 'describe.chosen_true' : 'describe.chosen_false', { option }) };
      return { text: capitalise(w.t(c.holds ? 'describe.option_true' : 'describe.option_false', { label: label(w, c.question), option })) };
    }
    case 'right': {
      const right = rightName(w, c.id);
      if (c.status === 'eligible') return { text: w.t(c.holds ? 'explain.result.eligible' : 'explain.result.not-eligible', { right }) };
      const status = STATUS[c.status] ? w.t(STATUS[c.status] as AppKey) : c.status;
      return { text: w.t(c.holds ? 'describe.rightStatus_true' : 'describe.rightStatus_false', { right, status }) };
    }
    case 'all':
      return { text: w.t('describe.all'), lines: c.clauses.map((x) => clauseLine(w, x, date)) };
    case 'any':
      return { text: w.t('describe.any'), lines: c.clauses.map((x) => clauseLine(w, x, date)) };
    case 'some':
    case 'all-items':
    case 'no-item': {
      const key = c.kind === 'some' ? 'describe.items.some' : c.kind === 'all-items' ? 'describe.items.all' : 'describe.items.none';
      return { text: w.t(key, { list: label(w, c.list) }), lines: [clauseLine(w, c.clause, date)] };
    }
    case 'not':
      return { text: w.t('describe.not'), lines: [clauseLine(w, c.clause, date)] };
    default:
      return { text: w.t('describe.unreadable', { logic: JSON.stringify(c.logic) }) };
  }
}

/** A figure of a right in the right's own words: "80% korting", "€ 2 per maaltijd". */
export function worthText(w: Words, id: string, figure: Figure): string {
  const amount = w.amount(figure.value, figure.unit);
  return w.has(`rights.${id}.amount`) ? w.tr(`rights.${id}.amount`, { amount }) : figureText(w, figure.value, figure.unit);
}

function routeLine(w: Words, d: RightDescription, route: Route): Line {
  const main = clauseLine(w, route.when, d.date);
  const lines = [...(main.lines ?? [])];
  if (route.unless.length) lines.push({ text: w.t('describe.unless'), lines: route.unless.map((c) => clauseLine(w, c, d.date)) });
  if (route.amount && !d.amount) lines.push({ text: w.t('describe.worth', { amount: worthText(w, d.id, route.amount) }) });
  return lines.length ? { text: main.text, lines } : { text: main.text };
}

/** Who gets a right, in the words of `w`: the groups of routes and what it is worth. */
export function renderRight(w: Words, d: RightDescription): RenderedDescription {
  if (!d.inForce) return { groups: [], notInForce: w.t('describe.notInForce', { date: w.date(d.date) }) };
  const groups: RenderedDescription['groups'] = [];
  for (const status of ['eligible', 'ask'] as const) {
    const routes = d.routes.filter((r) => r.status === status);
    if (!routes.length) continue;
    const one = routes.length === 1;
    const title =
      status === 'eligible' ? w.t(one ? 'describe.eligibleIf' : 'describe.eligibleIfAny') : w.t(one ? 'describe.askIf' : 'describe.askIfAny');
    groups.push({ status, title, items: routes.map((r) => routeLine(w, d, r)) });
  }
  const out: RenderedDescription = { groups };
  if (d.territory !== 'everywhere') out.territory = w.t('describe.territory', { place: optionText(w, 'municipality', d.territory) });
  if (d.amount) out.amount = w.t('describe.worth', { amount: worthText(w, d.id, d.amount) });
  if (!groups.length) out.notInForce = w.t('describe.nobody');
  return out;
}

/** The rendered description as plain text lines (for a test, a read-aloud, a terminal). */
export function renderedText(r: RenderedDescription): string {
  const walk = (l: Line, depth: number): string[] => [`${'  '.repeat(depth)}${l.text}`, ...(l.lines ?? []).flatMap((x) => walk(x, depth + 1))];
  const out: string[] = [];
  if (r.notInForce) out.push(r.notInForce);
  if (r.territory) out.push(r.territory);
  for (const g of r.groups) out.push(g.title, ...g.items.flatMap((i) => walk(i, 1)));
  if (r.amount) out.push(r.amount);
  return out.join('\n');
}
