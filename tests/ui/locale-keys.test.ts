/**
 * Typed keys: every interface key the code uses exists in the Dutch app.json (a missing key is a test
 * failure, never a blank or a key on screen); every key there is used; every other language has the
 * same keys; and the rule texts the screens ask for exist in rules.json.
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
    for (const lang of languages) expect(appKeys(lang).sort(), lang).toEqual(appKeys('nl').sort());
  });

  it('has no English word in the Dutch interface', () => {
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    const text = ` ${values(read('locales/nl/app.json')).join(' ').toLowerCase()} `;
    for (const word of [' the ', ' your ', ' you ', ' and ', ' please ', 'click', 'loading', 'error']) {
      expect(text, word).not.toContain(word);
    }
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
});
