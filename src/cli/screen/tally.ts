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

const FIELDS = ['eligible', 'ask', 'nearMiss', 'alreadyReceives', 'toContact'] as const;
const [ELIGIBLE, ASK, NEAR_MISS, RECEIVES, TO_CONTACT] = [0, 1, 2, 3, 4];
const inc = (a: number[], i: number) => {
  a[i] = (a[i] as number) + 1;
};

/**
 * Counts households in a worker: one row of five numbers per right, found by the right's place in the
 * catalogue (a property lookup by id per result cost a tenth of the screening).
 */
export class Counter {
  private readonly index = new Map<string, number>();
  private counts: number[] = [];
  private areas = new Map<string, number[]>();
  households = 0;
  rejected = 0;

  constructor(private readonly ids: string[]) {
    for (const [i, id] of ids.entries()) this.index.set(id, i);
    this.counts = new Array(ids.length * FIELDS.length).fill(0);
  }

  private at(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
      for (let k = 0; k < FIELDS.length; k++) this.counts.push(0);
      for (const a of this.areas.values()) a.push(0);
    }
    return i;
  }

  /**
   * Adds one screened household and returns the results to contact it about (eligible or ask, not
   * received). `receives` changes no answer: it only decides who is contacted.
   */
  add(results: Result[], receives: readonly string[], area: string): Result[] {
    this.households++;
    const contact: Result[] = [];
    let byArea: number[] | undefined;
    for (const r of results) {
      const i = this.at(r.id);
      const base = i * FIELDS.length;
      const c = this.counts;
      if (r.status === 'eligible') inc(c, base + ELIGIBLE);
      else if (r.status === 'ask') inc(c, base + ASK);
      if (r.over !== undefined) inc(c, base + NEAR_MISS);
      if (receives.length > 0 && receives.includes(r.id)) inc(c, base + RECEIVES);
      else if (r.status === 'eligible' || r.status === 'ask') {
        inc(c, base + TO_CONTACT);
        if (area !== '') {
          byArea ??= this.area(area);
          inc(byArea, i);
        }
        contact.push(r);
      }
    }
    // a right received but not in force at the date (or out of territory) still counts as received
    for (const id of receives) {
      if (!results.some((r) => r.id === id)) inc(this.counts, this.at(id) * FIELDS.length + RECEIVES);
    }
    return contact;
  }

  private area(name: string): number[] {
    let a = this.areas.get(name);
    if (a === undefined) {
      a = new Array(this.ids.length).fill(0);
      this.areas.set(name, a);
    }
    return a;
  }

  /** The counts so far as a Tally (rights that never came up are left out); the counter starts again. */
  take(): Tally {
    const t = emptyTally();
    t.households = this.households;
    t.rejected = this.rejected;
    this.ids.forEach((id, i) => {
      const row = this.counts.slice(i * FIELDS.length, (i + 1) * FIELDS.length);
      if (row.some((n) => n > 0)) t.rights[id] = Object.fromEntries(FIELDS.map((f, k) => [f, row[k]])) as unknown as RightCounts;
    });
    for (const [name, a] of this.areas) {
      const byRight: Record<string, number> = {};
      a.forEach((n, i) => {
        if (n > 0) byRight[this.ids[i] as string] = n;
      });
      t.areas[name] = byRight;
    }
    this.counts.fill(0);
    this.areas = new Map();
    this.households = 0;
    this.rejected = 0;
    return t;
  }
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
