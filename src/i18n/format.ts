/** Intl helpers per language: money (nl: € 1.234,56), numbers, dates, and reading typed numbers back. */
import { isMoneyUnit } from '../engine/values';

/** The Intl locale for a language: Belgian conventions for the country's languages. */
export function intlLocale(lang: string): string {
  return ['nl', 'fr', 'de'].includes(lang) ? `${lang}-BE` : lang;
}

export interface Formatters {
  /** euros, without cents when whole: € 1.950, € 2.486,50 */
  money(euros: number): string;
  number(n: number, options?: Intl.NumberFormatOptions): string;
  /** an ISO date (YYYY-MM-DD) in words: 1 maart 2025 */
  date(iso: string): string;
  /** a figure of the engine in its unit: money for EUR units, 80% for percents, a number otherwise */
  amount(value: number, unit: string | undefined): string;
  /** a list in the language's own words and marks (Intl.ListFormat): "a, b en c", "a، b و c" */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction' | 'unit'): string;
  /** parts of one thing, without "and" (a name, an address, a phone): with the language's comma, "a، b" */
  separate(items: readonly string[]): string;
  /** that comma with its space, to put between two parts laid out apart */
  comma(): string;
  /**
   * what joins the last two items of a list, spaces included, as the language writes it (Intl.ListFormat):
   * " en " in Dutch, " و" in Arabic, where "and" is written joined to the next word
   */
  and(): string;
}

/** the comma of languages written in Arabic script; the others write "," */
const ARABIC_SCRIPT = new Set(['ar', 'fa', 'ur', 'ps', 'ckb']);

export function createFormatters(lang: string): Formatters {
  const locale = intlLocale(lang);
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  const comma = ARABIC_SCRIPT.has(lang.split('-')[0] as string) ? '\u060c ' : ', ';
  const money = (euros: number) => (Number.isInteger(euros) ? whole : cents).format(euros);
  return {
    money,
    number: (n, options) => new Intl.NumberFormat(locale, options).format(n),
    date(iso) {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      return dateFormat.format(new Date(y, m - 1, d));
    },
    list: (items, type = 'conjunction') => new Intl.ListFormat(locale, { type, style: 'long' }).format(items),
    separate: (items) => items.join(comma),
    comma: () => comma,
    and: () =>
      new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).formatToParts(['a', 'b']).find((p) => p.type === 'literal')?.value ?? ' ',
    amount(value, unit) {
      if (isMoneyUnit(unit)) return money(value);
      if (unit?.startsWith('percent')) return percent.format(value / 100);
      return new Intl.NumberFormat(locale).format(value);
    },
  };
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; error: 'empty' | 'not-a-number' | 'not-whole' | 'too-many-decimals' };

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII digits, the Arabic decimal and group marks as marks. */
function westernDigits(text: string, decimalMark: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, decimalMark)
    .replace(/\u066c/g, '');
}

/**
 * Reads a typed number the way people write it: "1950", "1.950", "1 950", "1950,50", "1.950,50",
 * "€ 1950", "١٩٥٠". In a language that writes a decimal comma, a dot followed by exactly three digits
 * is a thousands separator; in one that writes a decimal point, a single comma not followed by
 * exactly three digits is a decimal comma (people in Belgium write it whatever the interface
 * language). `decimals` is how many digits may follow the decimal mark (0 for whole numbers).
 */
export function parseNumber(text: string, lang: string, decimals: number): ParsedNumber {
  const decimalMark = new Intl.NumberFormat(intlLocale(lang)).format(1.5).includes(',') ? ',' : '.';
  // spaces, the euro sign, and the invisible direction marks a copied amount carries
  const cleaned = westernDigits(text, decimalMark).replace(/[\s\u00a0\u202f€\u200e\u200f\u061c\u2066-\u2069]/g, '');
  if (cleaned === '') return { ok: false, error: 'empty' };
  let normal = cleaned;
  if (decimalMark === ',') {
    if (normal.includes(',')) normal = normal.replace(/\./g, '').replace(',', '.');
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(normal)) normal = normal.replace(/\./g, '');
  } else if (normal.includes(',')) {
    const commas = normal.split(',').length - 1;
    if (normal.includes('.') || /^-?\d{1,3}(,\d{3})+$/.test(normal)) normal = normal.replace(/,/g, '');
    else if (commas === 1) normal = normal.replace(',', '.');
  }
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { ok: false, error: 'not-a-number' };
  const fraction = normal.split('.')[1] ?? '';
  if (fraction.length > decimals) return { ok: false, error: decimals === 0 ? 'not-whole' : 'too-many-decimals' };
  return { ok: true, value: Number(normal) };
}
