/**
 * Languages: i18next with two namespaces, "app" (the interface, locales/<lang>/app.json) and "rules"
 * (rule texts, locales/<lang>/rules.json). Languages are the folders of locales/: adding a language is
 * adding a folder. Only the chosen language's interface is loaded (plus Dutch, the source, as a
 * fallback). The rule texts are not built into the app: they travel with the rules release they
 * explain, and `setRuleTexts` hands them over when a release is put in use.
 */
import { computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import i18next, { type i18n as I18next, type TOptions } from 'i18next';
import type appNl from '../../locales/nl/app.json';
import { createFormatters, type Formatters } from './format';
import { Marker, type Part } from './parts';

export { createFormatters, type Formatters, intlLocale } from './format';
export { type Part, plain } from './parts';

type Json = Record<string, unknown>;

const appFiles = import.meta.glob<Json>('../../locales/*/app.json', { import: 'default' });

/** The rule texts of the release in use, per language (`locales/<lang>/rules.json` of the release). */
const ruleTexts = signal<Readonly<Record<string, Json>>>({});

/** Puts the rule texts of a release in use, in every i18n of the page. */
export function setRuleTexts(locales: Readonly<Record<string, Json>>): void {
  ruleTexts.value = locales;
}

const langOf = (path: string) => path.split('/').at(-2) as string;

export const SOURCE_LANGUAGE = 'nl';

// The order a person sees them in: Dutch (the source) first, then the city's other languages.
const LANGUAGE_ORDER = ['nl', 'fr', 'en', 'ar', 'tr', 'uk'];
const rank = (lang: string) => (LANGUAGE_ORDER.includes(lang) ? LANGUAGE_ORDER.indexOf(lang) : LANGUAGE_ORDER.length);

/** Languages with an interface translation, discovered from the locales folders, Dutch first. */
export const languages: string[] = Object.keys(appFiles)
  .map(langOf)
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

// Each language named in itself, so a person finds their own without reading Dutch. Fixed here
// rather than taken from Intl.DisplayNames, whose case and coverage differ between browsers.
const ENDONYMS: Record<string, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
  uk: 'Українська',
};

/** The name of a language in that language: "Français", "العربية". */
export function languageName(lang: string): string {
  const known = ENDONYMS[lang];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);
export const directionOf = (lang: string): 'rtl' | 'ltr' => (RTL.has(lang.split('-')[0] as string) ? 'rtl' : 'ltr');

// Typed keys: every key of the Dutch app.json (plural forms `_one`/`_other` are one key).
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type StripPlural<K> = K extends `${infer B}_${PluralSuffix}` ? B : K;
export type AppKey = StripPlural<Leaves<typeof appNl>>;

export interface GlossaryTerm {
  id: string;
  /** the forms of the word as they appear in this language's texts */
  words: string[];
  text: string;
}

/** Picks the language to start in: a saved choice, else the device's, else Dutch. */
export function pickLanguage(saved: string | null | undefined, preferred: readonly string[] = []): string {
  if (saved && languages.includes(saved)) return saved;
  for (const p of preferred) {
    const base = p.toLowerCase().split('-')[0] as string;
    if (languages.includes(base)) return base;
  }
  return SOURCE_LANGUAGE;
}

export interface I18n extends Formatters {
  /** the current language; reading it in a component re-renders it on a change */
  readonly language: ReadonlySignal<string>;
  readonly languages: readonly string[];
  /** an interface text (namespace "app"); the key is checked against locales/nl/app.json */
  t(key: AppKey, options?: TOptions): string;
  /** a rule text (namespace "rules"), keyed by rule data: rights.<id>.title, questions.<key>.label… */
  tr(key: string, options?: TOptions): string;
  /** t, with each filled-in value a part of its own, for the page to isolate (<bdi>) */
  tParts(key: AppKey, options?: TOptions): Part[];
  /** tr, with each filled-in value (and rule parameter) a part of its own */
  trParts(key: string, options?: TOptions): Part[];
  /** the glossary of the language (rules.json "glossary"): hard words, the forms to find, two plain sentences */
  glossary?(): GlossaryTerm[];
  /** does this rule text exist (in the language or the fallback)? */
  has(key: string): boolean;
  changeLanguage(lang: string): Promise<void>;
  /**
   * The rule parameters at the evaluation date, for rule texts that name an amount:
   * "{{param.vork.mealNormal}}" in rules.json is filled in from here, formatted in the language.
   */
  setRuleParameters(source: ReadonlySignal<Record<string, { value: number; unit: string }>>): void;
}

/** Nests dotted parameter ids ("vork.mealNormal") the way i18next reads "{{param.vork.mealNormal}}". */
function nest(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, text] of Object.entries(values)) {
    const parts = id.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (typeof next === 'object' && next !== null ? next : (node[part] = {})) as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = text;
  }
  return out;
}

async function loadLanguage(instance: I18next, lang: string): Promise<void> {
  const appData = await appFiles[`../../locales/${lang}/app.json`]?.();
  if (appData) instance.addResourceBundle(lang, 'app', appData, true, true);
}

function applyToDocument(lang: string, instance?: I18next): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  // the page's description and the installed app's name follow the language (a built manifest per language)
  const description = instance?.t('app.description', { ns: 'app' });
  if (description) document.querySelector('meta[name="description"]')?.setAttribute('content', description);
  const shortName = instance?.t('app.shortName', { ns: 'app' });
  if (shortName) document.querySelector('meta[name="apple-mobile-web-app-title"]')?.setAttribute('content', shortName);
  const manifest = document.querySelector('link[rel="manifest"]');
  if (manifest && import.meta.env?.PROD) manifest.setAttribute('href', `manifest-${lang}.webmanifest`);
}

const documentOf = new WeakMap<ReadonlySignal<string>, () => void>();

/** Sets <html lang dir>, the description and the manifest to the language of this i18n. */
export function applyLanguage(i18n: I18n): void {
  documentOf.get(i18n.language)?.();
}

/**
 * Creates a ready i18n for a language (loading its files), and sets <html lang dir> (unless `document`
 * is false: then `applyLanguage` does it, at the moment the page shows that language).
 */
export async function createI18n(lang: string = SOURCE_LANGUAGE, options: { document?: boolean } = {}): Promise<I18n> {
  const chosen = languages.includes(lang) ? lang : SOURCE_LANGUAGE;
  const instance = i18next.createInstance();
  await instance.init({
    lng: chosen,
    fallbackLng: SOURCE_LANGUAGE,
    ns: ['app', 'rules'],
    defaultNS: 'app',
    resources: {},
    interpolation: { escapeValue: false }, // Preact escapes text
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
  });
  await Promise.all([loadLanguage(instance, chosen), chosen === SOURCE_LANGUAGE ? null : loadLanguage(instance, SOURCE_LANGUAGE)]);
  const language = signal(chosen);
  let formatters = createFormatters(chosen);
  const parameterSource = signal<ReadonlySignal<Record<string, { value: number; unit: string }>> | null>(null);
  const param = computed(() => {
    language.value;
    const values = parameterSource.value?.value ?? {};
    return nest(Object.fromEntries(Object.entries(values).map(([id, p]) => [id, formatters.amount(p.value, p.unit)])));
  });
  if (options.document !== false) applyToDocument(chosen, instance);
  documentOf.set(language, () => applyToDocument(language.peek(), instance));
  let wanted = chosen;
  // A new release replaces the rule texts whole: a key it dropped must not linger from the old one.
  effect(() => {
    for (const [lang, data] of Object.entries(ruleTexts.value)) {
      instance.removeResourceBundle(lang, 'rules');
      instance.addResourceBundle(lang, 'rules', data, true, true);
    }
  });

  const i18n: I18n = {
    language,
    languages,
    t: (key, options) => {
      language.value; // subscribe the reading component to language changes
      return instance.t(key, { ...options, ns: 'app' }) as string;
    },
    tr: (key, options) => {
      language.value;
      ruleTexts.value; // and to a new release's texts
      return instance.t(key, { param: param.value, ...options, ns: 'rules' }) as string;
    },
    tParts: (key, options) => {
      language.value;
      const m = new Marker();
      return m.split(instance.t(key, { ...m.options(options), ns: 'app' }) as string);
    },
    trParts: (key, options) => {
      language.value;
      const m = new Marker();
      ruleTexts.value;
      return m.split(instance.t(key, { ...m.options({ param: param.value, ...options }), ns: 'rules' }) as string);
    },
    glossary: () => {
      const lang = language.value;
      ruleTexts.value; // the glossary is a rule text: it comes with the release
      const own = instance.getResourceBundle(lang, 'rules')?.glossary as Record<string, { words: string; text: string }> | undefined;
      return Object.entries(own ?? {}).map(([id, g]) => ({
        id,
        words: g.words.split(',').map((w) => w.trim()).filter(Boolean),
        text: g.text,
      }));
    },
    has: (key) => {
      ruleTexts.value;
      return instance.exists(key, { ns: 'rules' });
    },
    money: (euros) => formatters.money(euros),
    number: (n, opts) => formatters.number(n, opts),
    date: (iso) => formatters.date(iso),
    amount: (value, unit) => formatters.amount(value, unit),
    list: (items, type) => formatters.list(items, type),
    separate: (items) => formatters.separate(items),
    comma: () => formatters.comma(),
    and: () => formatters.and(),
    setRuleParameters(source) {
      parameterSource.value = source;
    },
    async changeLanguage(lang) {
      if (!languages.includes(lang)) return;
      wanted = lang;
      await loadLanguage(instance, lang);
      // a later choice made while this one was loading wins
      if (wanted !== lang) return;
      await instance.changeLanguage(lang);
      formatters = createFormatters(lang);
      applyToDocument(lang, instance);
      language.value = lang;
    },
  };
  return i18n;
}
