/** The texts of one language read from a locales folder, for the command line (the report, the diff). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { isMoneyUnit, paramAt, type Ruleset } from '../engine';
import { createFormatters } from '../i18n/format';
import type { Words } from '../i18n/describe';

const read = (file: string) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});

/**
 * Words in `lang`: the interface texts of `<root>/locales/<lang>/app.json`, and the rule texts given
 * (a release carries its own `locales/<lang>/rules.json`), else those of the checkout.
 */
export function wordsFor(
  lang: string,
  root: string,
  ruleTexts: unknown = read(join(root, 'locales', lang, 'rules.json')),
  figures?: { ruleset: Ruleset; date: string },
): Words {
  const instance = i18next.createInstance();
  instance.init({
    lng: lang,
    fallbackLng: 'nl',
    ns: ['app', 'rules'],
    defaultNS: 'app',
    resources: {
      [lang]: { app: read(join(root, 'locales', lang, 'app.json')), rules: ruleTexts as Record<string, unknown> },
    },
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
  });
  const formatters = createFormatters(lang);
  // Rule texts name amounts as {{param.<id>}}: filled in with the value at the date, as the app does.
  const param: Record<string, unknown> = {};
  if (figures) {
    for (const [id, p] of figures.ruleset.parameters) {
      let cents: number;
      try {
        cents = paramAt(figures.ruleset, id, figures.date);
      } catch {
        continue;
      }
      const parts = id.split('.');
      let node = param;
      for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
      node[parts.at(-1) as string] = formatters.amount(isMoneyUnit(p.unit) ? cents / 100 : cents, p.unit);
    }
  }
  return {
    ...formatters,
    t: (key, options) => instance.t(key, { ...options, ns: 'app' }) as string,
    tr: (key, options) => instance.t(key, { param, ...options, ns: 'rules' }) as string,
    has: (key) => instance.exists(key, { ns: 'rules' }),
  };
}
