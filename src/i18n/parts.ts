/**
 * Interpolated values as separate parts of a sentence, so the page can isolate each one (a <bdi>):
 * a phone number, an amount, a date, an address or a Dutch name keeps its own direction inside an
 * Arabic sentence. The values are marked with private-use characters while i18next fills the
 * sentence in, then split out again; the marks never leave this module. Plain strings (t, tr) stay
 * plain: the command line and files get no invisible characters.
 */

/** A piece of a translated sentence: its own words, or a value filled in. */
export type Part = string | { value: string };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;

/** Options not filled into the sentence as text (i18next's own). */
const RESERVED = new Set(['count', 'ns', 'lng', 'defaultValue', 'context', 'ordinal', 'returnObjects', 'interpolation']);

export class Marker {
  readonly values: string[] = [];

  mark(value: unknown): string {
    this.values.push(String(value));
    return `${OPEN}${this.values.length - 1}${CLOSE}`;
  }

  /** the options with every filled-in value (nested ones too: {{param.vork.mealNormal}}) marked */
  options(options: Record<string, unknown> | undefined): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options ?? {})) out[k] = RESERVED.has(k) ? v : this.deep(v);
    return out;
  }

  private deep(v: unknown): unknown {
    if (typeof v === 'string' || typeof v === 'number') return this.mark(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, this.deep(x)]));
    }
    return v;
  }

  split(text: string): Part[] {
    const parts: Part[] = [];
    let at = 0;
    for (const m of text.matchAll(MARK)) {
      if (m.index > at) parts.push(text.slice(at, m.index));
      parts.push({ value: this.values[Number(m[1])] ?? '' });
      at = m.index + m[0].length;
    }
    if (at < text.length) parts.push(text.slice(at));
    return parts;
  }
}

/** The sentence as one plain string again (for read-aloud, titles, attributes). */
export const plain = (parts: readonly Part[]): string => parts.map((p) => (typeof p === 'string' ? p : p.value)).join('');
