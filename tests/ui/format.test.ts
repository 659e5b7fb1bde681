/** Numbers, money and dates per language; reading typed numbers back. */
import { describe, expect, it } from 'vitest';
import { createFormatters, parseNumber } from '../../src/i18n/format';
import { directionOf, languageName, languages, pickLanguage } from '../../src/i18n';

const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('Dutch formatting', () => {
  const nl = createFormatters('nl');
  it('writes money the Belgian way, without cents when whole', () => {
    expect(nbsp(nl.money(1234.56))).toBe('€ 1.234,56');
    expect(nbsp(nl.money(1950))).toBe('€ 1.950');
    expect(nbsp(nl.money(23.5))).toBe('€ 23,50');
  });
  it('writes figures in their unit and dates in words', () => {
    expect(nl.amount(80, 'percent-off')).toBe('80%');
    expect(nbsp(nl.amount(2, 'EUR/meal'))).toBe('€ 2');
    expect(nl.amount(6, 'months-rent')).toBe('6');
    expect(nl.date('2025-02-01')).toBe('1 februari 2025');
  });
});

describe('reading typed numbers', () => {
  it.each([
    ['1950', 1950],
    ['1.950', 1950],
    ['1 950', 1950],
    ['€ 1950', 1950],
    ['1950,5', 1950.5],
    ['1.950,50', 1950.5],
    ['1950.5', 1950.5],
  ])('reads %s', (text, value) => {
    expect(parseNumber(text, 'nl', 2)).toEqual({ ok: true, value });
  });
  it('says what is wrong', () => {
    expect(parseNumber('', 'nl', 2)).toEqual({ ok: false, error: 'empty' });
    expect(parseNumber('veel', 'nl', 2)).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseNumber('1,234', 'nl', 2)).toEqual({ ok: false, error: 'too-many-decimals' });
    expect(parseNumber('2,5', 'nl', 0)).toEqual({ ok: false, error: 'not-whole' });
  });
});

describe('languages', () => {
  it('are the folders of locales/ with an interface translation, Dutch first', () => {
    expect(languages[0]).toBe('nl');
    expect(languages).toEqual(expect.arrayContaining(['nl', 'fr', 'en', 'ar', 'tr', 'uk']));
    expect(languages.map(languageName)).toEqual(
      expect.arrayContaining(['Nederlands', 'Français', 'English', 'العربية', 'Türkçe', 'Українська']),
    );
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('nl')).toBe('ltr');
  });
  it("start in the saved language, else the browser's first one of ours, else Dutch", () => {
    expect(pickLanguage('uk', ['fr-BE'])).toBe('uk');
    expect(pickLanguage('xx', ['fr-BE'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE', 'tr-TR', 'en'])).toBe('tr');
    expect(pickLanguage(null, ['nl-BE'])).toBe('nl');
    expect(pickLanguage(undefined, ['de', 'pl'])).toBe('nl');
    expect(pickLanguage(null, [])).toBe('nl');
  });
});

describe('formatting in every language', () => {
  const intl = (locale: string, n: number) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(n);
  it.each([
    ['nl', 'nl-BE'],
    ['fr', 'fr-BE'],
    ['en', 'en'],
    ['ar', 'ar'],
    ['tr', 'tr'],
    ['uk', 'uk'],
  ])('%s writes money and dates through Intl (%s)', (lang, locale) => {
    const f = createFormatters(lang);
    expect(f.money(2486.5)).toBe(intl(locale, 2486.5));
    expect(f.date('2025-03-01')).toBe(new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(2025, 2, 1)));
    expect(f.number(1234.5)).toBe(new Intl.NumberFormat(locale).format(1234.5));
  });
  it('writes € 1.234,56 in Dutch and €1,234.56 in English', () => {
    expect(nbsp(createFormatters('nl').money(1234.56))).toBe('€ 1.234,56');
    expect(createFormatters('en').money(1234.56)).toBe('€1,234.56');
  });
});

describe('reading typed numbers in other languages', () => {
  it('reads Arabic-Indic digits and the Arabic decimal mark', () => {
    expect(parseNumber('١٩٥٠', 'ar', 2)).toEqual({ ok: true, value: 1950 });
    expect(parseNumber('١٬٩٥٠٫٥', 'ar', 2)).toEqual({ ok: true, value: 1950.5 });
    expect(parseNumber('۱۹۵۰', 'ar', 0)).toEqual({ ok: true, value: 1950 });
  });
  it('reads an amount copied from the screen, with its direction marks', () => {
    expect(parseNumber(createFormatters('ar').money(2486.5), 'ar', 2)).toEqual({ ok: true, value: 2486.5 });
    expect(parseNumber(createFormatters('uk').money(2486.5).replace('EUR', ''), 'uk', 2)).toEqual({ ok: true, value: 2486.5 });
  });
  it('reads a decimal comma in a language that writes a decimal point, and a thousands comma', () => {
    expect(parseNumber('1950,50', 'en', 2)).toEqual({ ok: true, value: 1950.5 });
    expect(parseNumber('1,950', 'en', 2)).toEqual({ ok: true, value: 1950 });
    expect(parseNumber('1,950.50', 'en', 2)).toEqual({ ok: true, value: 1950.5 });
    expect(parseNumber('1,2,3', 'en', 2)).toEqual({ ok: false, error: 'not-a-number' });
    expect(parseNumber('2,5', 'en', 0)).toEqual({ ok: false, error: 'not-whole' });
  });
  it('reads Ukrainian and Turkish numbers with a decimal comma', () => {
    expect(parseNumber('1 950,50', 'uk', 2)).toEqual({ ok: true, value: 1950.5 });
    expect(parseNumber('1.950,50', 'tr', 2)).toEqual({ ok: true, value: 1950.5 });
  });
});
