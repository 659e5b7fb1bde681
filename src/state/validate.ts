/**
 * What a person typed on a question (a draft) and how it becomes an answer. Validation follows the
 * question's data (type, min, max, options, maxItems); errors are locale keys (errors.* in app.json).
 * A draft is kept as typed, valid or not, so nothing is erased.
 */
import type { Question } from '../engine';
import { childrenBounds } from '../engine/answers';
import { intlLocale, parseNumber } from '../i18n/format';

export interface MultiDraft {
  selected: string[];
  none: boolean;
}
export interface ChildrenDraft {
  ages: string[];
}
export type Draft = string | MultiDraft | ChildrenDraft;

export type ErrorKey =
  | 'required'
  | 'notNumber'
  | 'notWhole'
  | 'tooManyDecimals'
  | 'min'
  | 'max'
  | 'chooseOne'
  | 'childAge'
  | 'tooManyChildren'
  | 'childrenInvalid';

export interface FieldError {
  key: ErrorKey;
  params?: Record<string, string | number>;
}

export type Validation =
  | { ok: true; value: unknown }
  | { ok: false; error: FieldError; items?: (FieldError | null)[] };

/** The bounds of the children question (questions.json: `min`, `max` of a child's age, `maxItems`). */
export { childrenBounds };

export function emptyDraft(q: Question): Draft {
  if (q.type === 'multi') return { selected: [], none: false };
  if (q.type === 'children') return { ages: [] };
  return '';
}

const plainNumber = (n: number, lang: string) =>
  new Intl.NumberFormat(intlLocale(lang), { useGrouping: false, maximumFractionDigits: 2 }).format(n);

/** The draft that shows an earlier answer again (for back and edit). */
export function draftFromAnswer(q: Question, value: unknown, lang: string): Draft {
  if (value === undefined || value === null) return emptyDraft(q);
  switch (q.type) {
    case 'integer':
    case 'money':
      return typeof value === 'number' ? plainNumber(value, lang) : '';
    case 'boolean':
      return value === true ? 'yes' : value === false ? 'no' : '';
    case 'choice':
      return typeof value === 'string' ? value : '';
    case 'multi': {
      const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
      return { selected, none: Array.isArray(value) && selected.length === 0 };
    }
    case 'children':
      return {
        ages: Array.isArray(value)
          ? value.map((c) => String((c as { age?: unknown } | null)?.age ?? ''))
          : [],
      };
  }
}

/** Reads a draft of the right shape for the question; anything else counts as empty. */
export function normaliseDraft(q: Question, draft: unknown): Draft {
  if (q.type === 'multi') {
    const d = draft as Partial<MultiDraft> | null;
    return d && Array.isArray(d.selected) ? { selected: d.selected.filter((s) => typeof s === 'string'), none: !!d.none } : emptyDraft(q);
  }
  if (q.type === 'children') {
    const d = draft as Partial<ChildrenDraft> | null;
    return d && Array.isArray(d.ages) ? { ages: d.ages.map(String) } : emptyDraft(q);
  }
  return typeof draft === 'string' ? draft : emptyDraft(q);
}

function validateNumber(q: Question, text: string, lang: string): Validation {
  const parsed = parseNumber(text, lang, q.type === 'money' ? 2 : 0);
  if (!parsed.ok) {
    const key: ErrorKey = parsed.error === 'empty' ? 'required' : parsed.error === 'not-a-number' ? 'notNumber' : parsed.error === 'not-whole' ? 'notWhole' : 'tooManyDecimals';
    const example = typeof q.example === 'number' ? plainNumber(q.example, lang) : '';
    return { ok: false, error: { key, params: { example } } };
  }
  const fmt = (n: number) => new Intl.NumberFormat(intlLocale(lang)).format(n);
  if (q.min !== undefined && parsed.value < q.min) return { ok: false, error: { key: 'min', params: { min: fmt(q.min) } } };
  if (q.max !== undefined && parsed.value > q.max) return { ok: false, error: { key: 'max', params: { max: fmt(q.max) } } };
  return { ok: true, value: parsed.value };
}

function validateChildren(q: Question, draft: ChildrenDraft, lang: string): Validation {
  const { minAge, maxAge, maxItems } = childrenBounds(q);
  if (draft.ages.length > maxItems) return { ok: false, error: { key: 'tooManyChildren', params: { max: maxItems } } };
  const items = draft.ages.map((text, i): FieldError | null => {
    const parsed = parseNumber(text, lang, 0);
    return parsed.ok && parsed.value >= minAge && parsed.value <= maxAge
      ? null
      : { key: 'childAge', params: { number: i + 1, min: minAge, max: maxAge } };
  });
  if (items.some((e) => e !== null)) return { ok: false, error: { key: 'childrenInvalid' }, items };
  return { ok: true, value: draft.ages.map((text) => ({ age: (parseNumber(text, lang, 0) as { value: number }).value })) };
}

/** Turns a draft into an answer, or says in a locale key what is wrong. */
export function validateDraft(q: Question, raw: unknown, lang: string): Validation {
  const draft = normaliseDraft(q, raw);
  switch (q.type) {
    case 'integer':
    case 'money':
      return validateNumber(q, draft as string, lang);
    case 'boolean':
      return draft === 'yes' ? { ok: true, value: true } : draft === 'no' ? { ok: true, value: false } : { ok: false, error: { key: 'chooseOne' } };
    case 'choice':
      return (q.options ?? []).includes(draft as string) ? { ok: true, value: draft } : { ok: false, error: { key: 'chooseOne' } };
    case 'multi': {
      const d = draft as MultiDraft;
      if (d.none) return { ok: true, value: [] };
      // Nothing ticked is an answer too ("none of these"): the question's help says so.
      return { ok: true, value: (q.options ?? []).filter((o) => d.selected.includes(o)) };
    }
    case 'children':
      return validateChildren(q, draft as ChildrenDraft, lang);
  }
}

/** The draft of "I don't know" chosen beside the answers of a fact on a screen of several questions. */
export const DONT_KNOW = ':dont-know';

/** A fact on a screen of several: an answer, "I don't know" (`skip`), or what is wrong. */
export function validateFact(q: Question, raw: unknown, lang: string): Validation | { ok: true; skip: true } {
  return raw === DONT_KNOW ? { ok: true, skip: true } : validateDraft(q, raw, lang);
}
