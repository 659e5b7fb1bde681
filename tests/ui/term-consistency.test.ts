/**
 * Words whose translation changes who counts. "Partner" in the Dutch texts means married or not (the
 * rules count a cohabiting partner); Turkish "eşiniz" means a spouse, so unmarried couples read it as not
 * for them. Every text whose Dutch source says "partner" must use the word locales/GLOSSARY.md chose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const PARTNER: Record<string, RegExp> = { fr: /partenaire/i, en: /partner/i, ar: /شريك/, tr: /partner/i, uk: /партнер/i };
/** words for a spouse only, which leave unmarried partners out */
const SPOUSE_ONLY: Record<string, RegExp> = { tr: /(^|\s)eş(iniz|inizle|iniz[a-z]*)?(\s|$|[.,])/i, en: /\bspouse\b/i, fr: /\b(époux|conjoint)\b/i };

type Tree = { [key: string]: string | Tree };
const flat = (tree: Tree, prefix = '', out: Record<string, string> = {}) => {
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else flat(v, key, out);
  }
  return out;
};
const read = (lang: string, file: string) => flat(JSON.parse(readFileSync(join(ROOT, 'locales', lang, file), 'utf8')));

describe('the word "partner" in every language', () => {
  it('is the glossary\'s word, never a word for a spouse only, wherever the Dutch text says partner', () => {
    let checked = 0;
    for (const file of ['app.json', 'rules.json']) {
      const nl = read('nl', file);
      for (const lang of Object.keys(PARTNER)) {
        const texts = read(lang, file);
        for (const [key, source] of Object.entries(nl)) {
          if (!/partner/i.test(source) || texts[key] === undefined) continue;
          expect(texts[key], `${lang} ${file} ${key}`).toMatch(PARTNER[lang] as RegExp);
          if (SPOUSE_ONLY[lang]) expect(texts[key], `${lang} ${file} ${key}`).not.toMatch(SPOUSE_ONLY[lang] as RegExp);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
