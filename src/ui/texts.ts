/**
 * Words for rule data: titles, options, answers and the engine's trace in plain sentences. Everything
 * comes from locale keys and the engine's figures; nothing here decides eligibility.
 */
import type { Provider, Question, Result, Rule, Ruleset, TraceEntry, TraceOperand } from '../engine';
import type { AppKey, I18n } from '../i18n';
import type { Section } from '../state/results';

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export const rightTitle = (i18n: I18n, id: string) => (i18n.has(`rights.${id}.title`) ? i18n.tr(`rights.${id}.title`) : id);

export const rightSummary = (i18n: I18n, id: string) => (i18n.has(`rights.${id}.summary`) ? i18n.tr(`rights.${id}.summary`) : '');

export const categoryName = (i18n: I18n, category: string) =>
  i18n.has(`categories.${category}`) ? i18n.tr(`categories.${category}`) : category;

export const questionLabel = (i18n: I18n, key: string) =>
  i18n.has(`questions.${key}.label`) ? i18n.tr(`questions.${key}.label`) : key;

export const optionLabel = (i18n: I18n, key: string, option: string) =>
  i18n.has(`questions.${key}.options.${option}`) ? i18n.tr(`questions.${key}.options.${option}`) : option;

export function providerName(i18n: I18n, id: string, provider: Provider | undefined): string {
  return i18n.has(`providers.${id}.name`) ? i18n.tr(`providers.${id}.name`) : (provider?.name ?? id);
}

/** The name of the place where one asks for a right. */
export const ruleProviderName = (i18n: I18n, ruleset: Ruleset, rule: Rule) => providerName(i18n, rule.provider, ruleset.providers[rule.provider]);

export const stepText = (i18n: I18n, step: string) => (i18n.has(`steps.${step}`) ? i18n.tr(`steps.${step}`) : step);

export const documentName = (i18n: I18n, document: string) =>
  i18n.has(`documents.${document}`) ? i18n.tr(`documents.${document}`) : document;

const SECTION_TITLES = {
  eligible: 'results.sections.eligible',
  ask: 'results.sections.ask',
  nearMiss: 'results.sections.nearMiss',
  unknown: 'results.sections.unknown',
  rest: 'results.sections.rest',
} as const satisfies Record<Section, AppKey>;

const SECTION_INTROS = {
  eligible: 'results.sectionIntro.eligible',
  ask: 'results.sectionIntro.ask',
  nearMiss: 'results.sectionIntro.nearMiss',
  unknown: 'results.sectionIntro.unknown',
  rest: 'results.sectionIntro.rest',
} as const satisfies Record<Section, AppKey>;

/** "Hier heb je recht op": the title of a section of the results. */
export const sectionTitle = (i18n: I18n, section: Section) => i18n.t(SECTION_TITLES[section]);

export const sectionIntro = (i18n: I18n, section: Section) => i18n.t(SECTION_INTROS[section]);

const STATUS_KEYS = {
  eligible: 'status.eligible',
  ask: 'status.ask',
  'not-eligible': 'status.not-eligible',
  unknown: 'status.unknown',
} as const satisfies Record<Result['status'], AppKey>;

/** A result's status in words: "Je hebt recht", "Geen recht". */
export const statusText = (i18n: I18n, status: Result['status']) => i18n.t(STATUS_KEYS[status]);

const DAY_KEYS: Record<string, AppKey> = {
  mo: 'days.mo',
  tu: 'days.tu',
  we: 'days.we',
  th: 'days.th',
  fr: 'days.fr',
  sa: 'days.sa',
  su: 'days.su',
};

/** The days of a line of opening hours ("mo", or as the rules write them when there is no word for it). */
export const dayName = (i18n: I18n, days: string) => (DAY_KEYS[days] ? i18n.t(DAY_KEYS[days] as AppKey) : days);

/** "80% korting", "€ 2 per maaltijd": the amount in its unit, in the right's own words. */
export function amountText(i18n: I18n, r: Result): string | null {
  if (r.amount === undefined) return null;
  const amount = i18n.amount(r.amount, r.unit);
  return i18n.has(`rights.${r.id}.amount`) ? i18n.tr(`rights.${r.id}.amount`, { amount }) : amount;
}

/** The reason of a result in the right's own words, with the household's figures filled in. */
export function reasonText(i18n: I18n, r: Result, answers: Record<string, unknown>): string | null {
  if (!r.reason || !i18n.has(`reasons.${r.id}.${r.reason}`)) return null;
  const income = answers.netMonthlyIncome;
  return i18n.tr(`reasons.${r.id}.${r.reason}`, {
    income: typeof income === 'number' ? i18n.money(income) : '',
    threshold: r.threshold !== undefined ? i18n.money(r.threshold) : '',
    over: r.over !== undefined ? i18n.money(r.over) : '',
    amount: r.amount !== undefined ? i18n.amount(r.amount, r.unit) : '',
  });
}

/** An answer as it reads in the summary: "€ 1.950", "Ja", "2 kinderen: 0 jaar, 4 jaar". */
export function answerText(i18n: I18n, q: Question, value: unknown): string {
  switch (q.type) {
    case 'money':
      return typeof value === 'number' ? i18n.money(value) : '';
    case 'integer':
      return typeof value === 'number' ? i18n.number(value) : '';
    case 'boolean':
      return value === true ? i18n.t('question.yes') : i18n.t('question.no');
    case 'choice':
      return typeof value === 'string' ? optionLabel(i18n, q.key, value) : '';
    case 'multi': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return list.length ? list.map((o) => optionLabel(i18n, q.key, o)).join('; ') : i18n.t('summary.none');
    }
    case 'children': {
      const list = Array.isArray(value) ? (value as { age: number }[]) : [];
      if (!list.length) return i18n.t('summary.noChildren');
      const ages = list.map((c) => i18n.t('summary.age', { count: c.age })).join(', ');
      return i18n.t('summary.children', { count: list.length, ages });
    }
  }
}

/** The words for a variable or answer in a sentence; null when there are none (never show a key). */
function operandLabel(i18n: I18n, name: string): string | null {
  if (name.startsWith('result:')) return i18n.has(`rights.${name.slice(7)}.title`) ? rightTitle(i18n, name.slice(7)) : null;
  return i18n.has(`variables.${name}`) ? i18n.tr(`variables.${name}`) : null;
}

function operandValue(i18n: I18n, o: TraceOperand, listOf?: string): string {
  const v = o.value;
  if (typeof v === 'number' && o.unit === 'boolean') return v ? i18n.t('explain.yes') : i18n.t('explain.no');
  if (typeof v === 'number') return o.unit?.startsWith('EUR') ? i18n.money(v) : i18n.amount(v, o.unit);
  if (typeof v === 'boolean') return v ? i18n.t('explain.yes') : i18n.t('explain.no');
  if (typeof v === 'string') {
    const key = o.name ?? listOf;
    return key ? optionLabel(i18n, key, v) : v;
  }
  if (Array.isArray(v)) {
    if (o.name === 'children') return v.length ? i18n.t('explain.children', { count: v.length }) : i18n.t('explain.noChildren');
    if (!v.length) return i18n.t('explain.nothing');
    return v.map((x) => (typeof x === 'string' && o.name ? optionLabel(i18n, o.name, x) : String(x))).join(', ');
  }
  return String(v);
}

function operandText(i18n: I18n, o: TraceOperand, listOf?: string): string | null {
  if (!o.name) return operandValue(i18n, o, listOf);
  const label = operandLabel(i18n, o.name);
  return label === null ? null : i18n.t('explain.operand', { label, value: operandValue(i18n, o) });
}

const RESULT_KEYS: Record<string, AppKey> = {
  eligible: 'explain.result.eligible',
  ask: 'explain.result.ask',
  'not-eligible': 'explain.result.not-eligible',
  'not-in-force': 'explain.result.not-in-force',
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

/** One check of the engine's trace as a sentence, or null when it cannot be said plainly. */
export function checkSentence(i18n: I18n, c: TraceEntry): string | null {
  if (c.result === 'unknown') return null;
  const holds = c.result ? 'true' : 'false';
  const resultArg = c.args.find((a) => a.name?.startsWith('result:'));
  if (resultArg) {
    const key = RESULT_KEYS[String(resultArg.value)];
    return key ? i18n.t(key, { right: rightTitle(i18n, (resultArg.name as string).slice(7)) }) : null;
  }
  if (c.op === 'fact') {
    const label = c.args[0]?.name ? operandLabel(i18n, c.args[0].name) : null;
    if (label === null) return null;
    return capitalise(i18n.t(holds === 'true' ? 'explain.fact_true' : 'explain.fact_false', { label }));
  }
  if (c.op === 'in') {
    const [item, list] = c.args;
    if (!item || !list?.name || typeof item.value !== 'string') return null;
    const label = optionLabel(i18n, list.name, item.value);
    return capitalise(i18n.t(holds === 'true' ? 'explain.in_true' : 'explain.in_false', { label }));
  }
  if (c.args.length !== 2) return null;
  const [a, b] = c.args as [TraceOperand, TraceOperand];
  // An answer compared with one of its options reads as the answer: "De kinderopvang: ja, met vrije prijs."
  const named = a.name ? a : b.name ? b : null;
  const literal = named === a ? b : a;
  if ((c.op === '==' || c.op === '!=') && named?.name && !literal.name && typeof named.value === 'string' && typeof literal.value === 'string') {
    const label = operandLabel(i18n, named.name);
    if (label === null) return null;
    const value = optionLabel(i18n, named.name, named.value);
    return capitalise(
      named.value === literal.value
        ? i18n.t('explain.option_true', { label, value })
        : i18n.t('explain.option_false', { label, value, expected: optionLabel(i18n, named.name, literal.value) }),
    );
  }
  // A yes/no parameter (unit "boolean", 0 or 1) compared with 0 or 1 reads as a fact.
  if ((c.op === '==' || c.op === '!=') && named?.name && named.unit === 'boolean' && typeof literal.value === 'number') {
    const label = operandLabel(i18n, named.name);
    if (label === null) return null;
    return capitalise(i18n.t(named.value ? 'explain.fact_true' : 'explain.fact_false', { label }));
  }
  const key = COMPARE_KEYS[`${c.op}_${holds}`];
  const aText = operandText(i18n, a, b.name);
  const bText = operandText(i18n, b, a.name);
  if (!key || aText === null || bText === null) return null;
  return capitalise(i18n.t(key, { a: aText, b: bText }));
}

/** The trace checks of a result as sentences, without repeats. */
export function checkSentences(i18n: I18n, checks: TraceEntry[]): string[] {
  const out: string[] = [];
  for (const c of checks) {
    const s = checkSentence(i18n, c);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A map link for an address (OpenStreetMap search). */
export const mapLink = (address: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;

/** A phone number as a tel: link (Belgian numbers: 056 24 42 22 → +3256244222). */
export function telLink(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') && !digits.startsWith('00') ? `+32${digits.slice(1)}` : digits}`;
}

export const ruleOf = (ruleset: Ruleset, id: string) => ruleset.rulesById.get(id);
