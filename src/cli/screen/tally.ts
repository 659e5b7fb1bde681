/** Counts per right and per area, added up in each worker and merged in the main thread. */
import type { Result } from '../../engine';

export interface RightCounts {
  eligible: number;
  ask: number;
  /** results that carry `over` (income just above the limit) */
  nearMiss: number;
  /** households whose `receives` holds the right */
  alreadyReceives: number;
  /** eligible or ask, and not in `receives` */
  toContact: number;
}

export interface Tally {
  households: number;
  rejected: number;
  rights: Record<string, RightCounts>;
  /** area → right id → households to contact */
  areas: Record<string, Record<string, number>>;
}

export const emptyTally = (): Tally => ({ households: 0, rejected: 0, rights: {}, areas: {} });

const counts = (t: Tally, id: string): RightCounts =>
  (t.rights[id] ??= { eligible: 0, ask: 0, nearMiss: 0, alreadyReceives: 0, toContact: 0 });

/**
 * Adds one screened household and returns the results to contact it about (eligible or ask, not received).
 * `receives` changes no answer: it only decides who is contacted.
 */
export function countHousehold(t: Tally, results: Result[], receives: readonly string[], area: string): Result[] {
  t.households++;
  const contact: Result[] = [];
  for (const r of results) {
    const c = counts(t, r.id);
    if (r.status === 'eligible') c.eligible++;
    else if (r.status === 'ask') c.ask++;
    if (r.over !== undefined) c.nearMiss++;
    const received = receives.includes(r.id);
    if (received) c.alreadyReceives++;
    if ((r.status === 'eligible' || r.status === 'ask') && !received) {
      c.toContact++;
      if (area !== '') {
        const byRight = (t.areas[area] ??= {});
        byRight[r.id] = (byRight[r.id] ?? 0) + 1;
      }
      contact.push(r);
    }
  }
  // a right received but not in force at the date (or out of territory) still counts as received
  for (const id of receives) if (!results.some((r) => r.id === id)) counts(t, id).alreadyReceives++;
  return contact;
}

export function mergeTally(into: Tally, from: Tally): void {
  into.households += from.households;
  into.rejected += from.rejected;
  for (const [id, c] of Object.entries(from.rights)) {
    const d = counts(into, id);
    d.eligible += c.eligible;
    d.ask += c.ask;
    d.nearMiss += c.nearMiss;
    d.alreadyReceives += c.alreadyReceives;
    d.toContact += c.toContact;
  }
  for (const [area, byRight] of Object.entries(from.areas)) {
    const to = (into.areas[area] ??= {});
    for (const [id, n] of Object.entries(byRight)) to[id] = (to[id] ?? 0) + n;
  }
}

export interface Summary {
  date: string;
  rulesVersion: string;
  amountsUpdated: string | null;
  households: number;
  rejected: number;
  rights: Record<string, RightCounts>;
  areas: Record<string, Record<string, number>>;
}

/** summary.json: rights in the catalogue's order, areas sorted by name. */
export function toSummary(t: Tally, meta: { date: string; rulesVersion: string; amountsUpdated: string | null }, order: string[]): Summary {
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const rights = Object.fromEntries(
    Object.keys(t.rights)
      .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
      .map((id) => [id, t.rights[id] as RightCounts]),
  );
  const areas = Object.fromEntries(
    Object.keys(t.areas)
      .sort((a, b) => a.localeCompare(b))
      .map((a) => [a, t.areas[a] as Record<string, number>]),
  );
  return { ...meta, households: t.households, rejected: t.rejected, rights, areas };
}
