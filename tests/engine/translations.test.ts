/** The translators' round trip: XLIFF out with the Dutch source, corrections back in, placeholders checked. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportXliff, FILES, folderLocales, ImportError, importXliff, type Locales } from '../../src/cli/translations';

type Tree = { [key: string]: string | Tree };
const disk = folderLocales(join(process.cwd(), 'locales'));

/** The real locale files, read once; writes go to memory. */
function inMemory(): Locales & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return {
    written,
    read: (lang, file) => JSON.parse(written.get(`${lang}/${file}`) ?? JSON.stringify(disk.read(lang, file))),
    write: (lang, file, tree: Tree) => {
      written.set(`${lang}/${file}`, `${JSON.stringify(tree, null, 2)}\n`);
    },
  };
}

describe('the translators’ round trip', () => {
  it('exports every string with its Dutch source and where it appears, and an unedited import changes nothing', () => {
    for (const lang of ['ar', 'fr', 'en', 'tr', 'uk']) {
      const locales = inMemory();
      const xliff = exportXliff(locales, lang);
      expect(xliff).toContain('source-language="nl"');
      expect(xliff).toContain(`target-language="${lang}"`);
      expect(xliff).toMatch(/<source>Ga naar \{\{provider\.name\}\}: \{\{provider\.address\}\}/);
      expect(xliff).toContain('<note>steps.go-to-sociaal-huis — a right’s page');
      expect(importXliff(locales, lang, xliff)).toEqual([]);
      expect(locales.written.size).toBe(0);
      // and the files as they are on disk are what JSON.stringify writes: a real import keeps the rest byte for byte
      for (const file of FILES) {
        const tree = disk.read(lang, file);
        locales.write(lang, file, tree);
        expect(locales.written.get(`${lang}/${file}`)).toBe(
          readFileSync(join(process.cwd(), 'locales', lang, `${file}.json`), 'utf8'),
        );
      }
    }
  });

  it('takes an edited translation back', () => {
    const locales = inMemory();
    const xliff = exportXliff(locales, 'en').replace(
      /(<trans-unit id="rules:steps\.pay-uitpas-pass"[\s\S]*?<target>)[\s\S]*?(<\/target>)/,
      '$1The card costs {{param.uitpas.passPrice}}. Show it at an activity.$2',
    );
    expect(importXliff(locales, 'en', xliff)).toEqual(['rules:steps.pay-uitpas-pass']);
    expect(JSON.parse(locales.written.get('en/rules') as string).steps['pay-uitpas-pass']).toBe(
      'The card costs {{param.uitpas.passPrice}}. Show it at an activity.',
    );
  });

  it('refuses a lost placeholder with the key named, and writes nothing', () => {
    const locales = inMemory();
    const xliff = exportXliff(locales, 'ar').replace(
      /(<trans-unit id="app:results\.over"[\s\S]*?<target>)[\s\S]*?(<\/target>)/,
      '$1دخل أسرتك أعلى من الحد.$2',
    );
    expect(() => importXliff(locales, 'ar', xliff)).toThrow(ImportError);
    expect(() => importXliff(locales, 'ar', xliff)).toThrow(/app:results\.over: the placeholders must be \{\{over\}\}, \{\{right\}\}/);
    expect(locales.written.size).toBe(0);
  });
});
