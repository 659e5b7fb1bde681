/**
 * The app's texts in Node: the same locale files and the same sentence builders (src/i18n/texts.ts) as the
 * resident's screens, so a reason in contact.csv reads as it does in the app.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { signal } from '@preact/signals';
import i18next, { type Resource } from 'i18next';
import { paramAt, type Result, type Ruleset } from '../../engine';
import { createFormatters } from '../../i18n/format';
import type { I18n } from '../../i18n';
import { checkSentences, explainContext } from '../../i18n/explain';
import { plain } from '../../i18n/parts';
import { RULES_DIR } from '../load-rules';

export const SOURCE_LANGUAGE = 'nl';

function localesDir(): string {
  const beside = join(dirname(RULES_DIR), 'locales');
  return existsSync(beside) ? beside : join(process.cwd(), 'locales');
}

/** The languages with both interface and rule texts. */
export function screenLanguages(): string[] {
  const dir = localesDir();
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'app.json')) && existsSync(join(dir, e.name, 'rules.json')))
    .map((e) => e.name);
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Resource[string][string];

/** Nests dotted parameter ids ("vork.mealNormal") the way i18next reads "{{param.vork.mealNormal}}". */
function nest(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, text] of Object.entries(values)) {
    const parts = id.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1) as string] = text;
  }
  return out;
}

/**
 * An I18n for one language at one date, synchronous, for the command line and its workers. The rule
 * texts come from the rules release when it has them (`ruleTexts`, by language), else from locales/.
 */
export function nodeI18n(lang: string, ruleset: Ruleset, date: string, ruleTexts: Record<string, Record<string, unknown>> = {}): I18n {
  const dir = localesDir();
  const instance = i18next.createInstance();
  const resources: Resource = {};
  for (const l of new Set([lang, SOURCE_LANGUAGE])) {
    const rules = (ruleTexts[l] as Resource[string][string] | undefined) ?? readJson(join(dir, l, 'rules.json'));
    resources[l] = { app: readJson(join(dir, l, 'app.json')), rules };
  }
  instance.init({
    lng: lang,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['app', 'rules'],
    defaultNS: 'app',
    resources,
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
  });
  const f = createFormatters(lang);
  const values: Record<string, string> = {};
  for (const [id, p] of ruleset.parameters) {
    try {
      const v = paramAt(ruleset, id, date);
      values[id] = f.amount(p.unit.startsWith('EUR') ? v / 100 : v, p.unit);
    } catch {
      // no value at this date: a text naming it keeps its placeholder out
    }
  }
  const param = nest(values);
  return {
    language: signal(lang),
    languages: [lang],
    t: (key, options) => instance.t(key, { ...options, ns: 'app' }) as string,
    tr: (key, options) => instance.t(key, { param, ...options, ns: 'rules' }) as string,
    // files get plain sentences: the values stay in the text, with nothing to isolate them
    tParts: (key, options) => [instance.t(key, { ...options, ns: 'app' }) as string],
    trParts: (key, options) => [instance.t(key, { param, ...options, ns: 'rules' }) as string],
    has: (key) => instance.exists(key, { ns: 'rules' }),
    ...f,
    setRuleParameters() {},
    async changeLanguage() {},
  };
}

// Stand-ins for the household's figures: a template is rendered once per right and reason with these,
// then each row only fills in its figures (i18next per row costs more than the evaluation itself).
const SLOT_NAMES = ['income', 'threshold', 'over', 'amount'] as const;
type Slot = (typeof SLOT_NAMES)[number];
// private-use characters: no translation holds them
const SLOTS = Object.fromEntries(SLOT_NAMES.map((n) => [n, `\uE00A${n}\uE00B`])) as Record<Slot, string>;
const SLOT_PATTERN = /\uE00A(income|threshold|over|amount)\uE00B/;

/** A sentence cut at its figures: literal text at even places, the name of a figure at odd places. */
type Template = string[];

/**
 * Why a household is on the contact list for a right: the right's own reason sentence for the outcome
 * that decided it, with the household's figures (the same text as `reasonText` of the app); else the
 * deciding checks of the engine's trace as the app says them. `traced` evaluates the same household
 * again with traces, only for that fallback.
 */
export function createContactReasons(i18n: I18n, ruleset: Ruleset) {
  const templates = new Map<string, Template | null>();
  const template = (r: Result): Template | null => {
    const key = `reasons.${r.id}.${r.reason}`;
    let t = templates.get(key);
    if (t === undefined) {
      t = r.reason && i18n.has(key) ? i18n.tr(key, SLOTS).split(SLOT_PATTERN) : null;
      templates.set(key, t);
    }
    return t;
  };
  // the same limits and incomes come back on many rows: each is formatted once
  const money = new Map<number, string>();
  const formatMoney = (euros: number) => {
    let text = money.get(euros);
    if (text === undefined) {
      if (money.size > 100_000) money.clear();
      text = i18n.money(euros);
      money.set(euros, text);
    }
    return text;
  };
  const figure = (slot: Slot, r: Result, answers: Record<string, unknown>): string => {
    if (slot === 'income') return typeof answers.netMonthlyIncome === 'number' ? formatMoney(answers.netMonthlyIncome) : '';
    if (slot === 'threshold') return r.threshold !== undefined ? formatMoney(r.threshold) : '';
    if (slot === 'over') return r.over !== undefined ? formatMoney(r.over) : '';
    return r.amount !== undefined ? i18n.amount(r.amount, r.unit) : '';
  };
  return (r: Result, answers: Record<string, unknown>, traced: () => Result[]): string => {
    const t = template(r);
    if (t !== null) {
      let text = t[0] as string;
      for (let i = 1; i < t.length; i += 2) text += figure(t[i] as Slot, r, answers) + (t[i + 1] as string);
      return text;
    }
    const withTrace = traced().find((x) => x.id === r.id);
    return checkSentences(i18n, withTrace?.trace?.at(-1)?.checks ?? [], explainContext(ruleset, r)).map(plain).join(' ');
  };
}
