/**
 * How results are presented, decided once here so screens stay thin: the section of each result
 * (what you get, ask, near misses, unknown, the rest), grouped by life domain, and which checks of the
 * engine's trace explain it.
 */
import type { Section } from '../i18n/texts';
import type { OutcomeTrace, Result, Ruleset } from '../engine';


export type { Section };
export const SECTION_ORDER: readonly Section[] = ['eligible', 'ask', 'nearMiss', 'unknown', 'rest'];

export interface CategoryGroup {
  category: string;
  results: Result[];
}

export type ResultSections = Record<Section, CategoryGroup[]>;

/** A right you do not get because your income is just above its limit (the result carries `over`). */
export const isNearMiss = (r: Result): boolean => r.status === 'not-eligible' && r.over !== undefined;

export function sectionOf(r: Result): Section {
  if (r.status === 'eligible') return 'eligible';
  if (r.status === 'ask') return 'ask';
  if (r.status === 'unknown') return 'unknown';
  return isNearMiss(r) ? 'nearMiss' : 'rest';
}

/** The outcome that decided the result (the last one the engine tried). */
export const decidingOutcome = (r: Result): OutcomeTrace | undefined => r.trace?.at(-1);

/**
 * An "ask" result reached through a near miss ("net uit de boot"): its deciding outcome read a
 * `nearMiss_*` variable that was true. Someone can still look at the situation.
 */
export function isNearMissAsk(r: Result): boolean {
  if (r.status !== 'ask') return false;
  return (decidingOutcome(r)?.checks ?? []).some(
    (c) => c.op === 'fact' && c.result === true && (c.args[0]?.name ?? '').startsWith('nearMiss_'),
  );
}

/** Life domains in the order of the rules' categories.json (a release can add one). */
const rankIn = (order: readonly string[]) => (c: string) => {
  const i = order.indexOf(c);
  return i === -1 ? order.length : i;
};

export const categoryOrder = (ruleset: Ruleset): string[] => ruleset.categories.map((c) => c.id);

/** Results by section, each section by life domain in the order of categories.json. */
export function groupResults(results: Result[], ruleset: Ruleset): ResultSections {
  const categoryRank = rankIn(categoryOrder(ruleset));
  const sections: ResultSections = { eligible: [], ask: [], nearMiss: [], unknown: [], rest: [] };
  for (const r of results) {
    const category = ruleset.rulesById.get(r.id)?.category ?? 'other';
    const groups = sections[sectionOf(r)];
    let group = groups.find((g) => g.category === category);
    if (!group) groups.push((group = { category, results: [] }));
    group.results.push(r);
  }
  for (const s of SECTION_ORDER) sections[s].sort((a, b) => categoryRank(a.category) - categoryRank(b.category));
  return sections;
}

/** Groups any list by domain (the catalogue uses it for rules), in the order given. */
export function byCategory<T extends { category: string }>(items: T[], order: readonly string[]): { category: string; items: T[] }[] {
  const categoryRank = rankIn(order);
  const out: { category: string; items: T[] }[] = [];
  for (const item of items) {
    let g = out.find((x) => x.category === item.category);
    if (!g) out.push((g = { category: item.category, items: [] }));
    g.items.push(item);
  }
  return out.sort((a, b) => categoryRank(a.category) - categoryRank(b.category));
}
