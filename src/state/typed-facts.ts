/**
 * The quick entry's way of changing facts (./facts.ts): every field counts at once, so what is typed
 * is checked as it is typed. Apart from ./facts.ts, which the resident's first page needs: the checks
 * (./validate.ts) load with the screens that use them.
 */
import type { Question } from '../engine';
import { answered, cleared, drafted, type Facts } from './facts';
import { omit } from './lists';
import { type MultiDraft, normaliseDraft, validateDraft } from './validate';

/**
 * Typing in a form where every field counts at once (the quick entry): a valid draft becomes the
 * answer, an emptied field is no answer, an invalid draft is kept as typed instead of an answer.
 */
export function typed(q: Question, draft: unknown, f: Facts, lang: string): Facts {
  const key = q.key;
  if (q.type === 'multi') {
    const d = normaliseDraft(q, draft) as MultiDraft;
    // Nothing ticked is "not answered" here; "none of these" is an answer.
    if (!d.none && d.selected.length === 0) return cleared(f, key);
    return answered(f, key, d.none ? [] : d.selected);
  }
  if ((q.type === 'integer' || q.type === 'money') && typeof draft === 'string' && draft.trim() === '') return cleared(f, key);
  const v = validateDraft(q, draft, lang);
  if (v.ok) return answered(f, key, v.value);
  return drafted({ ...f, answers: omit(f.answers, key) }, key, draft);
}
