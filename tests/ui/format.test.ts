/** Numbers, money and dates per language; reading typed numbers back. */
import { describe, expect, it } from 'vitest';
import { createFormatters, parseNumber } from '../../src/i18n/format';
import { directionOf, languages, pickLanguage } from '../../src/i18n';

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
  it('are the folders of locales/, Dutch by default', () => {
    expect(languages).toContain('nl');
    expect(pickLanguage(null, ['en-GB'])).toBe('nl');
    expect(pickLanguage(null, ['nl-BE'])).toBe('nl');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('nl')).toBe('ltr');
  });
});
