/**
 * The caseload of a brugfiguur: the households kept on the device, each under a name the worker
 * chooses, with the answers, a follow-up list of rights to take up, and what the rules said at the
 * last visit. Pure data and pure functions: no storage, no crypto, no clock (times are passed in).
 *
 * The record format is versioned (`v`). To change it: bump CASE_RECORD_VERSION, add a step to
 * CASE_MIGRATIONS that brings a record of the previous version one further, and extend
 * `parseCaseHousehold`. Records and export files of every older version then keep opening.
 */
import { isObject } from '../engine/values';
import type { Answers, IsoDate, Status } from '../engine/types';

export const CASE_RECORD_VERSION = 1;
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

/** Where the questionnaire was left (same meaning as in the resident's HouseholdRecord). */
export interface QuestionnaireProgress {
  skipped: string[];
  history: string[];
  drafts: Record<string, unknown>;
}

export interface CaseHousehold {
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
  /** household facts (DOMAIN.md keys); a missing key is "not answered" */
  answers: Answers;
  followUp: FollowUpItem[];
  lastResults: VisitSnapshot | null;
  progress?: QuestionnaireProgress;
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

/** A household record that does not have the expected shape: `path` names the field. */
export class CaseFormatError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`household record ${path || '/'}: expected ${expected}`);
    this.name = 'CaseFormatError';
  }
}

/** A record written by a newer version of the app: it is kept as it is, never downgraded. */
export class NewerFormatError extends Error {
  constructor(readonly version: number) {
    super(`household record version ${version} is newer than this app (${CASE_RECORD_VERSION})`);
    this.name = 'NewerFormatError';
  }
}

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
// Reading a record: migrate to the current version, then check every field

/** Step `n` turns a record of version n into version n + 1. Steps are never removed. */
export type CaseMigrations = Readonly<Record<number, (record: Record<string, unknown>) => Record<string, unknown>>>;

export const CASE_MIGRATIONS: CaseMigrations = {
  // 1: (r) => ({ ...r, v: 2, … }),
};

/** Brings a raw record up to `target`; throws NewerFormatError or CaseFormatError. */
export function upgradeCaseRecord(
  raw: unknown,
  migrations: CaseMigrations = CASE_MIGRATIONS,
  target: number = CASE_RECORD_VERSION,
): Record<string, unknown> {
  if (!isObject(raw)) throw new CaseFormatError('', 'an object');
  let record = raw;
  const start = record.v;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) throw new CaseFormatError('/v', 'a version number');
  let v = start;
  if (v > target) throw new NewerFormatError(v);
  while (v < target) {
    const step = migrations[v];
    if (!step) throw new CaseFormatError('/v', `a migration from version ${v}`);
    record = step(structuredClone(record));
    if (record.v !== v + 1) throw new CaseFormatError('/v', `version ${v + 1} after migrating from ${v}`);
    v += 1;
  }
  return record;
}

/** Reads a stored or imported record: migrates it, then validates it strictly. */
export function parseCaseHousehold(raw: unknown, migrations: CaseMigrations = CASE_MIGRATIONS): CaseHousehold {
  const r = upgradeCaseRecord(raw, migrations);
  const fail = (path: string, expected: string): never => {
    throw new CaseFormatError(path, expected);
  };
  if (typeof r.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(r.id)) fail('/id', 'an id of letters, digits, - or _');
  if (typeof r.name !== 'string') fail('/name', 'a string');
  const problem = nameProblem(r.name as string);
  if (problem) fail('/name', `a valid name (${problem})`);
  if (!isTimestamp(r.createdAt)) fail('/createdAt', 'an ISO timestamp');
  if (!isTimestamp(r.updatedAt)) fail('/updatedAt', 'an ISO timestamp');
  if (r.lastVisit !== null && !isIsoDate(r.lastVisit)) fail('/lastVisit', 'a date YYYY-MM-DD or null');
  if (!isObject(r.answers)) fail('/answers', 'an object');
  if (!Array.isArray(r.followUp)) fail('/followUp', 'an array');
  const seen = new Set<string>();
  const followUp = (r.followUp as unknown[]).map((f, i) => {
    const item = parseFollowUp(f, `/followUp/${i}`);
    if (seen.has(item.rightId)) fail(`/followUp/${i}/rightId`, 'one item per right');
    seen.add(item.rightId);
    return item;
  });
  const household: CaseHousehold = {
    v: CASE_RECORD_VERSION,
    id: r.id as string,
    name: (r.name as string).trim(),
    createdAt: r.createdAt as string,
    updatedAt: r.updatedAt as string,
    lastVisit: r.lastVisit as IsoDate | null,
    answers: structuredClone(r.answers as Answers),
    followUp,
    lastResults: r.lastResults === null ? null : parseSnapshot(r.lastResults),
  };
  if (r.progress !== undefined) household.progress = parseProgress(r.progress);
  const extra = Object.keys(r).filter((k) => !KNOWN_FIELDS.has(k));
  if (extra.length) fail(`/${extra[0]}`, 'no such field');
  return household;
}

/** Checks a household the UI hands over; returns the first problem, or null. */
export function householdProblem(h: unknown): CaseFormatError | null {
  try {
    parseCaseHousehold(h, {});
    return null;
  } catch (e) {
    if (e instanceof CaseFormatError) return e;
    if (e instanceof NewerFormatError) return new CaseFormatError('/v', `version ${CASE_RECORD_VERSION}`);
    throw e;
  }
}

const KNOWN_FIELDS = new Set([
  'v',
  'id',
  'name',
  'createdAt',
  'updatedAt',
  'lastVisit',
  'answers',
  'followUp',
  'lastResults',
  'progress',
]);
const STATUSES = new Set<string>(['eligible', 'not-eligible', 'unknown', 'ask']);
const RIGHT_ID = /^[a-z0-9][a-z0-9.-]{0,99}$/;

function parseFollowUp(raw: unknown, path: string): FollowUpItem {
  if (!isObject(raw)) throw new CaseFormatError(path, 'an object');
  const { rightId, state, appliedOn, decidedOn, note, noteOnSheet } = raw;
  if (typeof rightId !== 'string' || !RIGHT_ID.test(rightId)) throw new CaseFormatError(`${path}/rightId`, 'a right id');
  if (typeof state !== 'string' || !(FOLLOW_UP_STATES as readonly string[]).includes(state)) {
    throw new CaseFormatError(`${path}/state`, FOLLOW_UP_STATES.join(' | '));
  }
  if (appliedOn !== undefined && !isIsoDate(appliedOn)) throw new CaseFormatError(`${path}/appliedOn`, 'a date YYYY-MM-DD');
  if (state === 'applied' && appliedOn === undefined) throw new CaseFormatError(`${path}/appliedOn`, 'the date of the application');
  if (decidedOn !== undefined && !isIsoDate(decidedOn)) throw new CaseFormatError(`${path}/decidedOn`, 'a date YYYY-MM-DD');
  if (typeof note !== 'string' || note.length > NOTE_MAX_LENGTH) {
    throw new CaseFormatError(`${path}/note`, `a text of at most ${NOTE_MAX_LENGTH} characters`);
  }
  if (noteOnSheet !== undefined && typeof noteOnSheet !== 'boolean') throw new CaseFormatError(`${path}/noteOnSheet`, 'true or false');
  const extra = Object.keys(raw).filter((k) => !['rightId', 'state', 'appliedOn', 'decidedOn', 'note', 'noteOnSheet'].includes(k));
  if (extra.length) throw new CaseFormatError(`${path}/${extra[0]}`, 'no such field');
  const item: FollowUpItem = { rightId, state: state as FollowUpState, note };
  if (appliedOn !== undefined) item.appliedOn = appliedOn as IsoDate;
  if (decidedOn !== undefined) item.decidedOn = decidedOn as IsoDate;
  if (noteOnSheet === true) item.noteOnSheet = true;
  return item;
}

function parseSnapshot(raw: unknown): VisitSnapshot {
  if (!isObject(raw)) throw new CaseFormatError('/lastResults', 'an object or null');
  if (typeof raw.rulesVersion !== 'string' || !raw.rulesVersion) throw new CaseFormatError('/lastResults/rulesVersion', 'a version');
  if (!isIsoDate(raw.date)) throw new CaseFormatError('/lastResults/date', 'a date YYYY-MM-DD');
  if (!isObject(raw.statuses)) throw new CaseFormatError('/lastResults/statuses', 'an object');
  const statuses: Record<string, Status> = {};
  for (const [id, status] of Object.entries(raw.statuses)) {
    if (!RIGHT_ID.test(id) || typeof status !== 'string' || !STATUSES.has(status)) {
      throw new CaseFormatError(`/lastResults/statuses/${id}`, 'a status');
    }
    statuses[id] = status as Status;
  }
  return { rulesVersion: raw.rulesVersion, date: raw.date, statuses };
}

function parseProgress(raw: unknown): QuestionnaireProgress {
  const strings = (x: unknown, path: string) => {
    if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) throw new CaseFormatError(path, 'a list of keys');
    return [...x] as string[];
  };
  if (!isObject(raw)) throw new CaseFormatError('/progress', 'an object');
  if (!isObject(raw.drafts)) throw new CaseFormatError('/progress/drafts', 'an object');
  return {
    skipped: strings(raw.skipped, '/progress/skipped'),
    history: strings(raw.history, '/progress/history'),
    drafts: structuredClone(raw.drafts),
  };
}

export function isIsoDate(x: unknown): x is IsoDate {
  if (typeof x !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(x)) return false;
  const d = new Date(`${x}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === x;
}

function isTimestamp(x: unknown): x is string {
  return typeof x === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(x) && !Number.isNaN(Date.parse(x));
}
