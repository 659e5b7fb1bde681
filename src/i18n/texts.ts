/**
 * Words for rule data: titles, options, answers and the engine's trace in plain sentences. Everything
 * comes from locale keys and the engine's figures; nothing here decides eligibility.
 */
import type { Provider, Question, Result, Rule, Ruleset } from '../engine';
import type { AppKey, I18n } from './index';
import { optionLabel } from './labels';
import { type Part, plain } from './parts';

/** The first letter as a capital in the language's own way (Turkish "i" becomes "İ"). */
export const capitalise = (s: string, lang: string) => {
  const first = s.codePointAt(0);
  if (first === undefined) return s;
  const char = String.fromCodePoint(first);
  return char.toLocaleUpperCase(lang) + s.slice(char.length);
};

export const rightTitle = (i18n: I18n, id: string) => (i18n.has(`rights.${id}.title`) ? i18n.tr(`rights.${id}.title`) : id);

export const rightSummary = (i18n: I18n, id: string) => (i18n.has(`rights.${id}.summary`) ? i18n.tr(`rights.${id}.summary`) : '');

/** The summary with its figures ("De pas kost € 1,50") as parts of their own. */
export const rightSummaryParts = (i18n: I18n, id: string): Part[] => (i18n.has(`rights.${id}.summary`) ? i18n.trParts(`rights.${id}.summary`) : []);

export const categoryName = (i18n: I18n, category: string) =>
  i18n.has(`categories.${category}`) ? i18n.tr(`categories.${category}`) : category;

export { optionLabel, questionLabel } from './labels';

export function providerName(i18n: I18n, id: string, provider: Provider | undefined): string {
  return i18n.has(`providers.${id}.name`) ? i18n.tr(`providers.${id}.name`) : (provider?.name ?? id);
}

/** The name of the place where one asks for a right (`provider`: the household's, see src/state/providers.ts). */
export const ruleProviderName = (i18n: I18n, ruleset: Ruleset, rule: Rule, provider = rule.provider) =>
  providerName(i18n, provider, ruleset.providers[provider]);

/**
 * What a step text may fill in about the place it sends people to: `{{provider.name}}`,
 * `{{provider.address}}`, `{{provider.phone}}`, from the provider data, never typed into a translation.
 */
export function providerValues(i18n: I18n, id: string, provider: Provider | undefined) {
  return { name: providerName(i18n, id, provider), address: provider?.address ?? '', phone: provider?.phone ?? '' };
}

/** A step of a right, with its provider's data filled in (the household's provider), each value a part of its own. */
export function stepParts(i18n: I18n, step: string, ruleset: Ruleset, rule: Rule, provider = rule.provider): Part[] {
  if (!i18n.has(`steps.${step}`)) return [step];
  return i18n.trParts(`steps.${step}`, { provider: providerValues(i18n, provider, ruleset.providers[provider]) });
}

export const stepText = (i18n: I18n, step: string, ruleset: Ruleset, rule: Rule, provider = rule.provider) =>
  plain(stepParts(i18n, step, ruleset, rule, provider));

export const documentName = (i18n: I18n, document: string) =>
  i18n.has(`documents.${document}`) ? i18n.tr(`documents.${document}`) : document;

/** The parts of a results page, in order (src/state/results.ts sorts results into them). */
export type Section = 'eligible' | 'ask' | 'nearMiss' | 'unknown' | 'rest';

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
export function amountParts(i18n: I18n, r: Result): Part[] | null {
  if (r.amount === undefined) return null;
  const amount = i18n.amount(r.amount, r.unit);
  // a right whose amount changes unit over time (free bags, then euros) words each unit apart
  const byUnit = `rights.${r.id}.amounts.${(r.unit ?? '').replace(/\//g, '-')}`;
  if (r.unit && i18n.has(byUnit)) return i18n.trParts(byUnit, { amount });
  return i18n.has(`rights.${r.id}.amount`) ? i18n.trParts(`rights.${r.id}.amount`, { amount }) : [{ value: amount }];
}

export function amountText(i18n: I18n, r: Result): string | null {
  const parts = amountParts(i18n, r);
  return parts && plain(parts);
}

/** The reason of a result in the right's own words, with the household's figures filled in. */
export function reasonParts(i18n: I18n, r: Result, answers: Record<string, unknown>): Part[] | null {
  if (!r.reason || !i18n.has(`reasons.${r.id}.${r.reason}`)) return null;
  const income = answers.netMonthlyIncome;
  return i18n.trParts(`reasons.${r.id}.${r.reason}`, {
    income: typeof income === 'number' ? i18n.money(income) : '',
    threshold: r.threshold !== undefined ? i18n.money(r.threshold) : '',
    over: r.over !== undefined ? i18n.money(r.over) : '',
    amount: r.amount !== undefined ? i18n.amount(r.amount, r.unit) : '',
  });
}

export function reasonText(i18n: I18n, r: Result, answers: Record<string, unknown>): string | null {
  const parts = reasonParts(i18n, r, answers);
  return parts && plain(parts);
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
      return list.length ? i18n.list(list.map((o) => optionLabel(i18n, q.key, o)), 'unit') : i18n.t('summary.none');
    }
    case 'children': {
      const list = Array.isArray(value) ? (value as { age: number }[]) : [];
      if (!list.length) return i18n.t('summary.noChildren');
      const ages = i18n.list(list.map((c) => i18n.t('summary.age', { count: c.age })));
      return i18n.t('summary.children', { count: list.length, ages });
    }
  }
}

/** A map link for an address (OpenStreetMap search). */
export const mapLink = (address: string) => `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;

/** A phone number as a tel: link (Belgian numbers: 056 24 42 22 → +3256244222). */
export function telLink(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('0') && !digits.startsWith('00') ? `+32${digits.slice(1)}` : digits}`;
}

