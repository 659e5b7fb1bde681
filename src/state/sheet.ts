/**
 * What goes on a hand-over sheet: what matters to the resident, in three groups. What they have
 * (a right the worker marked granted), what to apply for (a right they get, or a follow-up still to
 * do or applied for) and what to ask about (a right for which someone else decides). Nothing else:
 * rights they do not get stay on the results page. Each right brings the documents that apply to
 * this household: a proof of a status the household does not have is left out.
 */
import type { Answers, Result, Ruleset } from '../engine';
import type { FollowUpItem } from '../storage/caseload';
import { groupResults } from './results';

export type SheetGroup = 'have' | 'apply' | 'ask';
export const SHEET_GROUPS: readonly SheetGroup[] = ['have', 'apply', 'ask'];

export interface SheetItem {
  id: string;
  group: SheetGroup;
  /** the right's result now, when it is in force */
  result?: Result;
  /** the household's follow-up of this right (caseload) */
  follow?: FollowUpItem;
  /** the documents to bring that apply to this household */
  documents: string[];
}

const has = (answers: Answers, status: string) => {
  const s = answers.statuses;
  return !Array.isArray(s) || s.includes(status);
};

/**
 * Documents that only some households have ("… (als je die hebt)"): kept when the answers say the
 * household has it, or do not say (then the person knows best).
 */
const DOCUMENT_APPLIES: Readonly<Record<string, (answers: Answers) => boolean>> = {
  'proof-verhoogde-tegemoetkoming': (a) => has(a, 'verhoogde-tegemoetkoming'),
  'proof-foster-care': (a) => has(a, 'foster-child'),
  'proof-disability': (a) => a.disability !== false && !(typeof a.age === 'number' && a.age >= 75),
};

export function documentsFor(ruleset: Ruleset, id: string, answers: Answers): string[] {
  const rule = ruleset.rulesById.get(id);
  return (rule?.documents ?? []).filter((d) => DOCUMENT_APPLIES[d]?.(answers) ?? true);
}

/**
 * The sheet of a household. With a follow-up list, the worker chose: granted ones are "you have
 * this", refused ones are left out, the others are to apply for (or to ask, when someone decides).
 * Without one: every right they get, then every right to ask about, by life domain.
 */
export function sheetItems(results: Result[], ruleset: Ruleset, answers: Answers, followUp: readonly FollowUpItem[] = []): SheetItem[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  const item = (id: string, group: SheetGroup, result?: Result, follow?: FollowUpItem): SheetItem => {
    const it: SheetItem = { id, group, documents: group === 'have' ? [] : documentsFor(ruleset, id, answers) };
    if (result) it.result = result;
    if (follow) it.follow = follow;
    return it;
  };
  if (followUp.length) {
    const items = followUp
      .filter((f) => f.state !== 'refused')
      .map((f) => {
        const r = byId.get(f.rightId);
        const group: SheetGroup = f.state === 'granted' ? 'have' : 'apply';
        return item(f.rightId, group, r, f);
      });
    return SHEET_GROUPS.flatMap((g) => items.filter((i) => i.group === g));
  }
  const sections = groupResults(results, ruleset);
  return [
    ...sections.eligible.flatMap((g) => g.results).map((r) => item(r.id, 'apply', r)),
    ...sections.ask.flatMap((g) => g.results).map((r) => item(r.id, 'ask', r)),
  ];
}
