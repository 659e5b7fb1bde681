/**
 * Typed keys: every interface key the code uses exists in the Dutch app.json (a missing key is a test
 * failure, never a blank or a key on screen); every key there is used; the rule texts the screens ask
 * for exist in rules.json; and every other language has every Dutch key (app.json and rules.json),
 * none empty, with the same placeholders and the plural forms the language needs.
 */
// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRulesFromDisk } from '../../src/cli/load-rules';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));

function leaves(o: unknown, prefix = ''): string[] {
  if (typeof o === 'string') return [prefix];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const appKeys = (lang: string) => leaves(read(`locales/${lang}/app.json`));
const baseKeys = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, '')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

/** The placeholders of a text: "{{count}} kinderen: {{ages}}" → count, ages. */
const placeholders = (text: string) => new Set([...text.matchAll(/{{\s*([^}\s,]+)[^}]*}}/g)].map((m) => m[1] as string));

/** The plural forms a language needs for the counts this app shows (whole numbers up to 1000). */
function pluralForms(lang: string): string[] {
  const rules = new Intl.PluralRules(lang);
  const forms = new Set<string>(['other']);
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  return [...forms];
}

/**
 * What is wrong with a translation of a Dutch file: keys missing or not in Dutch, empty texts,
 * placeholders lost or unknown, plural forms the language needs but lacks (Arabic has six, Ukrainian
 * four; a form may leave out {{count}}: "طفل واحد").
 */
function compareTexts(source: unknown, translation: unknown, lang: string): string[] {
  const flat = (o: unknown) => {
    const out = new Map<string, unknown>();
    const walk = (x: unknown, prefix: string) => {
      if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
        for (const [k, v] of Object.entries(x)) walk(v, prefix ? `${prefix}.${k}` : k);
      } else out.set(prefix, x);
    };
    walk(o, '');
    return out;
  };
  const nlTexts = flat(source);
  const texts = flat(translation);
  const problems: string[] = [];
  // Dutch keys by base: "a.c_one" and "a.c_other" are the plural key "a.c"
  const bases = new Map<string, { plural: boolean; names: Set<string> }>();
  for (const [key, text] of nlTexts) {
    const base = key.replace(PLURAL, '');
    const entry = bases.get(base) ?? { plural: base !== key, names: new Set<string>() };
    for (const p of placeholders(String(text))) entry.names.add(p);
    bases.set(base, entry);
  }
  for (const [base, { plural }] of bases) {
    for (const key of plural ? pluralForms(lang).map((f) => `${base}_${f}`) : [base]) {
      if (!texts.has(key)) problems.push(`${key}: missing`);
    }
  }
  for (const [key, text] of texts) {
    const base = key.replace(PLURAL, '');
    const source = bases.get(base);
    if (!source || (source.plural === false && base !== key)) {
      problems.push(`${key}: not in Dutch`);
      continue;
    }
    if (typeof text !== 'string') {
      problems.push(`${key}: not a text`);
      continue;
    }
    if (text.trim() === '') {
      problems.push(`${key}: empty`);
      continue;
    }
    const names = placeholders(text);
    for (const name of source.names) {
      // a plural form may say its number in words ("one child", "two children")
      if (!names.has(name) && !(source.plural && name === 'count')) problems.push(`${key}: placeholder {{${name}}} is missing`);
    }
    for (const name of names) if (!source.names.has(name)) problems.push(`${key}: placeholder {{${name}}} is not in Dutch`);
  }
  return problems;
}

const translationProblems = (file: 'app' | 'rules', lang: string) =>
  compareTexts(read(`locales/nl/${file}.json`), read(`locales/${lang}/${file}.json`), lang);

const nl = baseKeys(appKeys('nl'));
const namespaces = new Set([...nl].map((k) => k.split('.')[0] as string));
const sources = sourceFiles(join(ROOT, 'src')).map((f) => ({ file: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

/** Every interface key in the code: t('a.b') anywhere in src, and the typed key maps ({ x: 'a.b' }) of the shell. */
function usedKeys(): { key: string; file: string }[] {
  const out: { key: string; file: string }[] = [];
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/\bt\(\s*'([^']+)'/g)) out.push({ key: m[1] as string, file });
    if (!/^src\/(ui|state|i18n|pwa)\/|^src\/main\.tsx$/.test(file)) continue;
    for (const m of text.matchAll(/'([a-zA-Z]+\.[^'\s]+)'/g)) {
      const key = m[1] as string;
      if (namespaces.has(key.split('.')[0] as string) && !key.includes('${')) out.push({ key, file });
    }
  }
  return out;
}

describe('interface texts (locales/<lang>/app.json)', () => {
  it('has every key the code uses', () => {
    const missing = usedKeys().filter(({ key }) => !nl.has(key));
    expect(missing).toEqual([]);
  });

  it('uses every key it has', () => {
    const used = new Set(usedKeys().map((u) => u.key));
    expect([...nl].filter((k) => !used.has(k))).toEqual([]);
  });

  it('has the same keys in every language as in Dutch', () => {
    // a language is offered once its interface is translated (a folder with app.json)
    const languages = readdirSync(join(ROOT, 'locales')).filter((l) => l !== 'nl' && existsSync(join(ROOT, 'locales', l, 'app.json')));
    for (const lang of languages) expect(translationProblems('app', lang), lang).toEqual([]);
  });

  it('has no English word in the Dutch interface', () => {
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    const text = ` ${values(read('locales/nl/app.json')).join(' ').toLowerCase()} `;
    for (const word of [' the ', ' your ', ' you ', ' and ', ' please ', 'click', 'loading', 'error']) {
      expect(text, word).not.toContain(word);
    }
  });
});

describe('rule texts in every language (locales/<lang>/rules.json)', () => {
  const languages = readdirSync(join(ROOT, 'locales')).filter((l) => l !== 'nl' && existsSync(join(ROOT, 'locales', l, 'rules.json')));
  it.each(languages)('%s has every Dutch rule text, none empty, with the same placeholders', (lang) => {
    expect(translationProblems('rules', lang)).toEqual([]);
  });
});

describe('the check of a translation', () => {
  const nlFile = { a: { b: 'Je kan {{count}} vragen', c_one: '{{count}} kind', c_other: '{{count}} kinderen: {{ages}}' } };
  it('finds a missing key, an empty text, a lost or unknown placeholder and a missing plural form', () => {
    const ar = { a: { c_one: 'طفل واحد', c_other: '{{count}} أطفال: {{ages}}', c_two: '', d: 'x', b: 'يمكنك {{cont}}' } };
    expect(compareTexts(nlFile, ar, 'ar').sort()).toEqual(
      [
        'a.b: placeholder {{cont}} is not in Dutch',
        'a.b: placeholder {{count}} is missing',
        'a.c_few: missing',
        'a.c_many: missing',
        'a.c_one: placeholder {{ages}} is missing',
        'a.c_two: empty',
        'a.c_zero: missing',
        'a.d: not in Dutch',
      ].sort(),
    );
  });
  it('accepts a complete translation', () => {
    const tr = { a: { b: '{{count}} soru', c_one: '{{count}} çocuk: {{ages}}', c_other: '{{count}} çocuk: {{ages}}' } };
    expect(compareTexts(nlFile, tr, 'tr')).toEqual([]);
  });
});

describe('rule texts the screens show (locales/nl/rules.json)', () => {
  const rules = loadRulesFromDisk();
  const texts = read('locales/nl/rules.json');
  const has = (key: string) => {
    let o: unknown = texts;
    // ids contain dots too: the file nests on every dot, so walk it the same way
    for (const part of key.split('.')) o = (o as Record<string, unknown> | undefined)?.[part];
    return typeof o === 'string' && o.length > 0;
  };

  it('names, sums up and explains every right', () => {
    const missing: string[] = [];
    for (const r of rules.rules) {
      for (const k of [`rights.${r.id}.title`, `rights.${r.id}.summary`, `categories.${r.category}`, `providers.${r.provider}.name`]) {
        if (!has(k)) missing.push(k);
      }
      for (const o of r.outcomes) if (!has(`reasons.${r.id}.${o.reason}`)) missing.push(`reasons.${r.id}.${o.reason}`);
      if (r.otherwise && !has(`reasons.${r.id}.${r.otherwise.reason}`)) missing.push(`reasons.${r.id}.${r.otherwise.reason}`);
      if ((r.amount || r.outcomes.some((o) => o.amount)) && !has(`rights.${r.id}.amount`)) missing.push(`rights.${r.id}.amount`);
      for (const s of r.steps) if (!has(`steps.${s}`)) missing.push(`steps.${s}`);
      for (const d of r.documents) if (!has(`documents.${d}`)) missing.push(`documents.${d}`);
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('words every question that can be asked, with its options', () => {
    const missing: string[] = [];
    for (const q of rules.questions) {
      if (q.askIf === false) continue;
      if (!has(`questions.${q.key}.label`)) missing.push(`questions.${q.key}.label`);
      for (const o of q.options ?? []) if (!has(`questions.${q.key}.options.${o}`)) missing.push(`questions.${q.key}.options.${o}`);
    }
    expect(missing).toEqual([]);
  });

  it('titles every screen that asks several questions together', () => {
    const screens = new Set(rules.questions.flatMap((q) => (q.screen ? [q.screen] : [])));
    expect(screens.size).toBeGreaterThan(0);
    const missing = [...screens].map((s) => `screens.${s}.title`).filter((k) => !has(k));
    expect(missing).toEqual([]);
  });
});
