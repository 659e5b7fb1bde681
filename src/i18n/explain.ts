/**
 * "Dit hebben we nagekeken": the checks of the engine's trace as plain sentences about this household.
 *
 * - A yes/no fact reads as a sentence of its own (`facts.<name>.true|false` in rules.json): "Niemand in
 *   je gezin krijgt een leefloon.", never "Een leefloon: nee." A derived fact without such a sentence is
 *   told by the checks inside it (`because` in the trace): "Je bent 78 jaar." says which part held.
 * - An answer compared with one of its options reads as the answer: `facts.<key>.<option>`.
 * - A comparison may have its own words (`compare.<name>.<op>_<true|false>`), else the generic ones.
 * - The limit a right declares as its `threshold` is named as the limit of that right, never by the
 *   variable it happens to reuse ("de grens voor het sociaal tarief" on the KMI's page).
 * - Checks about the rules rather than the household (parameters only) and rights that are not in
 *   force (the person never saw them) are not said: the reason already says what they mean.
 */
import type { Result, Ruleset, TraceEntry, TraceOperand } from '../engine';
import type { AppKey, I18n } from './index';
import { type Part, plain } from './parts';
import { capitalise, optionLabel, rightTitle } from './texts';

/** A sentence of an explanation: its words, with the household's figures as parts of their own. */
export type Sentence = Part[];

export interface ExplainContext {
  ruleset: Ruleset;
  /** the right on screen */
  right: string;
}

const RESULT_KEYS: Record<string, AppKey> = {
  eligible: 'explain.result.eligible',
  ask: 'explain.result.ask',
  'not-eligible': 'explain.result.not-eligible',
  unknown: 'explain.result.unknown',
};

const COMPARE_KEYS: Record<string, AppKey> = {
  '<=_true': 'explain.compare.<=_true',
  '<=_false': 'explain.compare.<=_false',
  '<_true': 'explain.compare.<_true',
  '<_false': 'explain.compare.<_false',
  '>=_true': 'explain.compare.>=_true',
  '>=_false': 'explain.compare.>=_false',
  '>_true': 'explain.compare.>_true',
  '>_false': 'explain.compare.>_false',
  '==_true': 'explain.compare.==_true',
  '==_false': 'explain.compare.==_false',
  '!=_true': 'explain.compare.!=_true',
  '!=_false': 'explain.compare.!=_false',
};

/** The variable a right reports as its limit (`"threshold": {"var": …}`), if any. */
function thresholdOf(ctx: ExplainContext): string | undefined {
  const t = ctx.ruleset.rulesById.get(ctx.right)?.threshold as { var?: unknown } | undefined;
  return typeof t?.var === 'string' ? t.var : undefined;
}

const isParameter = (ctx: ExplainContext, o: TraceOperand) => o.name !== undefined && ctx.ruleset.parameters.has(o.name);

function label(i18n: I18n, ctx: ExplainContext, name: string): string | null {
  if (name === thresholdOf(ctx)) return i18n.t('explain.limitOf');
  return i18n.has(`variables.${name}`) ? i18n.tr(`variables.${name}`) : null;
}

function value(i18n: I18n, o: TraceOperand, listOf?: string): string {
  const v = o.value;
  if (typeof v === 'number') return i18n.amount(v, o.unit);
  if (typeof v === 'string') return optionLabel(i18n, o.name ?? listOf ?? '', v);
  if (Array.isArray(v)) {
    if (o.name === 'children') return v.length ? i18n.t('explain.children', { count: v.length }) : i18n.t('explain.noChildren');
    if (!v.length) return i18n.t('explain.nothing');
    return i18n.list(v.map((x) => (typeof x === 'string' && o.name ? optionLabel(i18n, o.name, x) : String(x))));
  }
  return String(v);
}

function operand(i18n: I18n, ctx: ExplainContext, o: TraceOperand, listOf?: string): string | null {
  if (!o.name) return value(i18n, o, listOf);
  const l = label(i18n, ctx, o.name);
  return l === null ? null : i18n.t('explain.operand', { label: l, value: value(i18n, o) });
}

/** The sentence with a capital, in the language's own way (a sentence may start with a label). */
function sentence(i18n: I18n, parts: Part[]): Sentence {
  const [first, ...rest] = parts;
  return typeof first === 'string' ? [capitalise(first, i18n.language.value), ...rest] : parts;
}

function fact(i18n: I18n, ctx: ExplainContext, c: TraceEntry): Sentence[] {
  const name = c.args[0]?.name;
  if (!name || isParameter(ctx, c.args[0] as TraceOperand)) return [];
  const key = `facts.${name}.${c.result}`;
  if (i18n.has(key)) return [i18n.trParts(key)];
  // A derived fact without words of its own: say the checks inside it that decided it. Of an "or"
  // that held, the parts that held; of one that failed, every part.
  const inner = (c.because ?? []).filter((x) => x.result === c.result);
  return inner.flatMap((x) => checkSentences(i18n, [x], ctx));
}

function comparison(i18n: I18n, ctx: ExplainContext, c: TraceEntry): Sentence[] {
  if (c.args.length !== 2) return [];
  const [a, b] = c.args as [TraceOperand, TraceOperand];
  if (!a.name && !b.name) return [];
  if ((!a.name || isParameter(ctx, a)) && (!b.name || isParameter(ctx, b))) return [];
  const named = a.name && !isParameter(ctx, a) ? a : b;
  const literal = named === a ? b : a;
  // An answer compared with one of its options reads as the answer: "Je bent eigenaar van je woning."
  if ((c.op === '==' || c.op === '!=') && named.name && !literal.name && typeof named.value === 'string') {
    const key = `facts.${named.name}.${named.value}`;
    return i18n.has(key) ? [i18n.trParts(key)] : [];
  }
  const holds = c.result ? 'true' : 'false';
  const own = a.name ? `compare.${a.name}.${c.op}_${holds}` : null;
  if (own && i18n.has(own)) {
    const bLabel = b.name ? label(i18n, ctx, b.name) : null;
    return [i18n.trParts(own, { a: value(i18n, a), b: value(i18n, b, a.name), limit: bLabel ?? value(i18n, b, a.name) })];
  }
  const key = COMPARE_KEYS[`${c.op}_${holds}`];
  const aText = operand(i18n, ctx, a, b.name);
  const bText = operand(i18n, ctx, b, a.name);
  if (!key || aText === null || bText === null) return [];
  return [sentence(i18n, i18n.tParts(key, { a: aText, b: bText }))];
}

/** One check of the engine's trace as sentences (none when it is not about this household). */
export function checkSentence(i18n: I18n, c: TraceEntry, ctx: ExplainContext): Sentence[] {
  if (c.result === 'unknown') return [];
  const resultArg = c.args.find((a) => a.name?.startsWith('result:'));
  if (resultArg) {
    const key = RESULT_KEYS[String(resultArg.value)];
    return key ? [i18n.tParts(key, { right: rightTitle(i18n, (resultArg.name as string).slice(7)) })] : [];
  }
  if (c.op === 'fact') return fact(i18n, ctx, c);
  if (c.op === 'in') {
    const [item, list] = c.args;
    if (!item || !list?.name || typeof item.value !== 'string') return [];
    const key = `facts.${list.name}.${item.value}.${c.result}`;
    return i18n.has(key) ? [i18n.trParts(key)] : [];
  }
  return comparison(i18n, ctx, c);
}

/** The trace checks of a result as sentences, without repeats. */
export function checkSentences(i18n: I18n, checks: TraceEntry[], ctx: ExplainContext): Sentence[] {
  const out: Sentence[] = [];
  const said = new Set<string>();
  for (const c of checks)
    for (const s of checkSentence(i18n, c, ctx)) {
      const text = plain(s);
      if (!said.has(text)) out.push(s);
      said.add(text);
    }
  return out;
}

/** A check is about the household when it reads at least one answer, variable or right in force. */
export function aboutHousehold(c: TraceEntry, ctx: ExplainContext): boolean {
  if (c.result === 'unknown') return false;
  return c.args.some((a) => a.name !== undefined && !isParameter(ctx, a) && a.value !== 'not-in-force');
}

export const explainContext = (ruleset: Ruleset, r: Pick<Result, 'id'>): ExplainContext => ({ ruleset, right: r.id });
