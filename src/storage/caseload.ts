/**
 * The caseload of a brugfiguur: the households kept on the device, each under a name the worker
 * chooses, with the answers, a follow-up list of rights to take up, and what the rules said at the
 * last visit. Pure data and pure functions: no storage, no crypto, no clock (times are passed in).
 *
 * The record format is versioned (`v`) and described by a JSON Schema
 * (./schema/case-household.schema.json). To change it: bump CASE_RECORD_VERSION, add a step to
 * CASE_MIGRATIONS that brings a record of the previous version one further (src/storage/migrate.ts),
 * and change the schema. Records and export files of every older version then keep opening.
 */
import { Validator } from '@cfworker/json-schema';
import { isRealDate } from '../engine/dates';
import { validateWith } from '../engine/schema-messages';
import type { Answers, IsoDate, Status } from '../engine/types';
import type { HouseholdFacts } from './index';
import { type Migrations, NewerFormatError, RecordFormatError, upgradeRecord } from './migrate';
import schema from './schema/case-household.schema.json';

export const CASE_RECORD_VERSION = 2;
export const NAME_MAX_LENGTH = 80;
export const NOTE_MAX_LENGTH = 500;

export type FollowUpState = 'todo' | 'applied' | 'granted' | 'refused';
export const FOLLOW_UP_STATES: readonly FollowUpState[] = ['todo', 'applied', 'granted', 'refused'];

/** A right the household is helped to take up. */
export interface FollowUpItem {
  /** a right id from the rules, e.g. `kortrijk.uitpas-kansentarief` */
  rightId: string;
  state: FollowUpState;
  /** the day the application was made: required when `applied`, kept after the decision */
  appliedOn?: IsoDate;
  /** the day it was granted or refused */
  decidedOn?: IsoDate;
  /** a short note (at most NOTE_MAX_LENGTH characters), '' when none */
  note: string;
  /** the note is for the resident too: printed on the hand-over sheet (else it stays the worker's) */
  noteOnSheet?: boolean;
}

/** What the engine said at the last visit, to show "the rules changed: recompute" and what changed. */
export interface VisitSnapshot {
  rulesVersion: string;
  /** the evaluation date used */
  date: IsoDate;
  /** right id → status */
  statuses: Record<string, Status>;
}

/**
 * One household of the caseload: the household's facts (answers, skipped, history, drafts: the same
 * HouseholdFacts as the resident's saved record, src/storage/index.ts) with what the worker keeps.
 */
export interface CaseHousehold extends HouseholdFacts {
  v: typeof CASE_RECORD_VERSION;
  /** random, never derived from the person */
  id: string;
  /** chosen by the worker; never a national register number */
  name: string;
  /** ISO timestamps */
  createdAt: string;
  updatedAt: string;
  /** the day of the last home visit, null before the first one */
  lastVisit: IsoDate | null;
  followUp: FollowUpItem[];
  lastResults: VisitSnapshot | null;
}

/** What a list of households shows: nothing more is decrypted into the UI than needed. */
export interface HouseholdSummary {
  id: string;
  name: string;
  lastVisit: IsoDate | null;
  updatedAt: string;
  /** follow-up items still open (todo or applied) */
  open: number;
  /** the rules version of the last results, null when never evaluated */
  rulesVersion: string | null;
}

export type { HouseholdFacts } from './index';
export { NewerFormatError, RecordFormatError as CaseFormatError } from './migrate';

export type NameProblem = 'empty' | 'too-long' | 'national-number';

/**
 * Why a household name is refused, or null when it is fine. A name holding something shaped like a
 * Belgian national register number (11 digits, with or without the usual dots and dashes) is refused:
 * the worker must choose a name that does not identify the person by their number.
 */
export function nameProblem(name: string): NameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'empty';
  if (trimmed.length > NAME_MAX_LENGTH) return 'too-long';
  const digitsOnly = trimmed.replace(/[\s./-]/g, '');
  if (/\d{11}/.test(digitsOnly)) return 'national-number';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Creating and changing a household (pure: each returns a new object)

export function newCaseHousehold(init: { id: string; name: string; now: Date; answers?: Answers }): CaseHousehold {
  const at = init.now.toISOString();
  return {
    v: CASE_RECORD_VERSION,
    id: init.id,
    name: init.name.trim(),
    createdAt: at,
    updatedAt: at,
    lastVisit: null,
    answers: structuredClone(init.answers ?? {}),
    skipped: [],
    history: [],
    drafts: {},
    followUp: [],
    lastResults: null,
  };
}

/** Adds the item, or replaces the one for the same right. */
export function setFollowUp(h: CaseHousehold, item: FollowUpItem): CaseHousehold {
  const followUp = h.followUp.filter((f) => f.rightId !== item.rightId);
  const at = h.followUp.findIndex((f) => f.rightId === item.rightId);
  followUp.splice(at < 0 ? followUp.length : at, 0, { ...item });
  return { ...h, followUp };
}

export function removeFollowUp(h: CaseHousehold, rightId: string): CaseHousehold {
  return { ...h, followUp: h.followUp.filter((f) => f.rightId !== rightId) };
}

/**
 * Records a visit: its day, and the results the engine gave (pass every result of `evaluate`), so
 * the next visit can tell what changed.
 */
export function recordVisit(
  h: CaseHousehold,
  visit: { date: IsoDate; rulesVersion: string; results: readonly { id: string; status: Status }[] },
): CaseHousehold {
  return { ...h, lastVisit: visit.date, lastResults: snapshotResults(visit.rulesVersion, visit.date, visit.results) };
}

export function snapshotResults(
  rulesVersion: string,
  date: IsoDate,
  results: readonly { id: string; status: Status }[],
): VisitSnapshot {
  const statuses: Record<string, Status> = {};
  for (const r of results) statuses[r.id] = r.status;
  return { rulesVersion, date, statuses };
}

export interface StatusChange {
  rightId: string;
  /** null: the right was not in the results then (new, or not in force) */
  before: Status | null;
  /** null: the right is not in the results now (ended, or removed from the rules) */
  after: Status | null;
}

export interface ChangesSinceLastVisit {
  /** the rules version differs from the one of the last results: offer "recompute" */
  rulesChanged: boolean;
  /** the version then, null when there were no results yet */
  previousVersion: string | null;
  /** rights whose status differs between the last results and `results` (sorted by right id) */
  changes: StatusChange[];
}

/**
 * Compares the last results with fresh ones (evaluate the saved answers with the current rules).
 * A status that differs for the same answers is what the rules update changed for this household.
 */
export function changesSinceLastVisit(
  h: CaseHousehold,
  rulesVersion: string,
  results: readonly { id: string; status: Status }[],
): ChangesSinceLastVisit {
  const last = h.lastResults;
  if (!last) return { rulesChanged: false, previousVersion: null, changes: [] };
  const now = new Map(results.map((r) => [r.id, r.status]));
  const ids = [...new Set([...Object.keys(last.statuses), ...now.keys()])].sort();
  const changes: StatusChange[] = [];
  for (const rightId of ids) {
    const before = last.statuses[rightId] ?? null;
    const after = now.get(rightId) ?? null;
    if (before !== after) changes.push({ rightId, before, after });
  }
  return { rulesChanged: last.rulesVersion !== rulesVersion, previousVersion: last.rulesVersion, changes };
}

export function summarize(h: CaseHousehold): HouseholdSummary {
  return {
    id: h.id,
    name: h.name,
    lastVisit: h.lastVisit,
    updatedAt: h.updatedAt,
    open: h.followUp.filter((f) => f.state === 'todo' || f.state === 'applied').length,
    rulesVersion: h.lastResults?.rulesVersion ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading a record: migrate to the current version (src/storage/migrate.ts), then validate it with
// its JSON Schema (./schema/case-household.schema.json) and the checks a schema cannot say

export type CaseMigrations = Migrations;

export const CASE_MIGRATIONS: CaseMigrations = {
  // 1 → 2: the facts lie flat, as in the resident's record (HouseholdFacts), instead of under an
  // optional `progress`.
  1: ({ progress, ...r }) => {
    const p = (progress ?? {}) as Record<string, unknown>;
    return { ...r, v: 2, skipped: p.skipped ?? [], history: p.history ?? [], drafts: p.drafts ?? {} };
  },
};

/** Brings a raw record up to `target`; throws NewerFormatError or CaseFormatError. */
export function upgradeCaseRecord(
  raw: unknown,
  migrations: CaseMigrations = CASE_MIGRATIONS,
  target: number = CASE_RECORD_VERSION,
): Record<string, unknown> {
  return upgradeRecord(raw, migrations, target);
}

let validator: Validator | undefined;

/** The first problem of a migrated record, by its schema, then by what a schema cannot check. */
function recordProblem(r: Record<string, unknown>): RecordFormatError | null {
  validator ??= new Validator(schema as object, '2020-12', false);
  const first = validateWith(validator, schema, r)[0];
  if (first) return new RecordFormatError(first.field, first.expected);
  const name = nameProblem(r.name as string);
  if (name) return new RecordFormatError('/name', `a valid name (${name})`);
  for (const field of ['createdAt', 'updatedAt'] as const) {
    if (Number.isNaN(Date.parse(r[field] as string))) return new RecordFormatError(`/${field}`, 'an ISO timestamp');
  }
  if (r.lastVisit !== null && !isRealDate(r.lastVisit)) return new RecordFormatError('/lastVisit', 'a day of the calendar YYYY-MM-DD, or null');
  const seen = new Set<string>();
  for (const [i, f] of (r.followUp as FollowUpItem[]).entries()) {
    if (seen.has(f.rightId)) return new RecordFormatError(`/followUp/${i}/rightId`, 'one item per right');
    seen.add(f.rightId);
    for (const day of ['appliedOn', 'decidedOn'] as const) {
      if (f[day] !== undefined && !isRealDate(f[day])) return new RecordFormatError(`/followUp/${i}/${day}`, 'a day of the calendar YYYY-MM-DD');
    }
  }
  const snapshot = r.lastResults as VisitSnapshot | null;
  if (snapshot && !isRealDate(snapshot.date)) return new RecordFormatError('/lastResults/date', 'a day of the calendar YYYY-MM-DD');
  return null;
}

/** Reads a stored or imported record: migrates it, then validates it strictly. */
export function parseCaseHousehold(raw: unknown, migrations: CaseMigrations = CASE_MIGRATIONS): CaseHousehold {
  const r = upgradeCaseRecord(raw, migrations);
  const problem = recordProblem(r);
  if (problem) throw problem;
  const household = structuredClone(r) as unknown as CaseHousehold;
  household.name = household.name.trim();
  household.followUp = household.followUp.map(({ noteOnSheet, ...item }) => (noteOnSheet ? { ...item, noteOnSheet } : item));
  if (household.lastResults) {
    const { rulesVersion, date, statuses } = household.lastResults;
    household.lastResults = { rulesVersion, date, statuses };
  }
  return household;
}

/** Checks a household the UI hands over; returns the first problem, or null. */
export function householdProblem(h: unknown): RecordFormatError | null {
  try {
    parseCaseHousehold(h, {});
    return null;
  } catch (e) {
    if (e instanceof RecordFormatError) return e;
    if (e instanceof NewerFormatError) return new RecordFormatError('/v', `version ${CASE_RECORD_VERSION}`);
    throw e;
  }
}
