/**
 * The one migration path of the records the app keeps: the resident's saved answers
 * (`HouseholdRecord`, src/storage/index.ts) and the caseload's households (`CaseHousehold`,
 * src/storage/caseload.ts). A record carries its version in `v`; step `n` of a record kind's
 * migrations turns version n into n + 1, and steps are never removed, so a record of every older
 * version keeps opening. A record of a newer version is never downgraded.
 */
import { isObject } from '../engine/values';

/** Step `n` turns a record of version n into version n + 1. */
export type Migrations = Readonly<Record<number, (record: Record<string, unknown>) => Record<string, unknown>>>;

/** A record that does not have the expected shape: `path` (a JSON pointer) names the field. */
export class RecordFormatError extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`household record ${path || '/'}: expected ${expected}`);
    this.name = 'RecordFormatError';
  }
}

/** A record written by a newer version of the app: it is kept as it is, never downgraded. */
export class NewerFormatError extends Error {
  constructor(
    readonly version: number,
    readonly current: number,
  ) {
    super(`household record version ${version} is newer than this app (${current})`);
    this.name = 'NewerFormatError';
  }
}

/**
 * Brings a raw record up to version `target`, one step at a time (the input is not changed).
 * `start` is the version of a record without `v` (older formats had none), or undefined when `v` is
 * required. Throws NewerFormatError or RecordFormatError.
 */
export function upgradeRecord(
  raw: unknown,
  migrations: Migrations,
  target: number,
  start?: number,
): Record<string, unknown> {
  if (!isObject(raw)) throw new RecordFormatError('', 'an object');
  let record = raw;
  const from = record.v === undefined && start !== undefined ? start : record.v;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0 || (start === undefined && from < 1)) {
    throw new RecordFormatError('/v', 'a version number');
  }
  let v = from;
  if (v > target) throw new NewerFormatError(v, target);
  while (v < target) {
    const step = migrations[v];
    if (!step) throw new RecordFormatError('/v', `a migration from version ${v}`);
    record = step(structuredClone(record));
    if (record.v !== v + 1) throw new RecordFormatError('/v', `version ${v + 1} after migrating from ${v}`);
    v += 1;
  }
  return record;
}
