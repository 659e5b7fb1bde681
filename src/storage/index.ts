/**
 * The only code that touches IndexedDB. Two kinds of store with the same interface:
 * - `indexeddb`: households and settings survive a reload, a crash and an app update;
 * - `memory`: nothing leaves the page (kiosk mode, or when IndexedDB is missing or refused).
 * Several households can be kept side by side (brugfiguur mode); the resident app uses one.
 */
import { isObject } from '../engine/values';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** One household's questionnaire, as saved. Bump `v` and add a step in `migrateHousehold` to change it. */
export interface HouseholdRecord {
  v: 1;
  id: string;
  /** household facts (DOMAIN.md keys); a missing key is "not answered" */
  answers: Record<string, unknown>;
  /** keys answered "I don't know": not asked again, still missing for the engine */
  skipped: string[];
  /** keys in the order they were answered or skipped, for "back" */
  history: string[];
  /** what was typed on a question but not accepted yet (also invalid input), per key */
  drafts: Record<string, unknown>;
  /** a name for the household (brugfiguur mode); absent for the resident's own */
  label?: string;
  /** ISO timestamp of the last change */
  updatedAt: string;
}

export type StorageKind = 'indexeddb' | 'memory';

/** Why answers are not kept on the device although they should be. */
export type StorageProblem = 'unavailable' | 'full' | 'failed';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause?: unknown,
  ) {
    super(`storage ${problem}`, { cause });
    this.name = 'StorageError';
  }
}

export interface Storage {
  readonly kind: StorageKind;
  /** set when IndexedDB was wanted but could not be opened: the store is then in memory */
  readonly problem: StorageProblem | null;
  getHousehold(id: string): Promise<HouseholdRecord | undefined>;
  /** throws a StorageError ('full' on QuotaExceededError) when the write fails */
  putHousehold(record: HouseholdRecord): Promise<void>;
  deleteHousehold(id: string): Promise<void>;
  getSetting<T>(key: string): Promise<T | undefined>;
  putSetting(key: string, value: unknown): Promise<void>;
  /** erases every household and setting */
  clear(): Promise<void>;
  close(): void;
}

export interface StorageOptions {
  /** keep everything in memory only (kiosk mode) */
  memoryOnly?: boolean;
  /** database name; tests use their own */
  name?: string;
  /** give up opening IndexedDB after this many ms (some browsers hang instead of failing) */
  timeoutMs?: number;
}

export const DEFAULT_DB_NAME = 'rechtenverkenner';
const DB_VERSION = 1;

interface Schema extends DBSchema {
  households: { key: string; value: HouseholdRecord };
  settings: { key: string; value: unknown };
}

export function emptyHousehold(id: string): HouseholdRecord {
  return { v: 1, id, answers: {}, skipped: [], history: [], drafts: {}, updatedAt: new Date(0).toISOString() };
}

/** Reads a saved record defensively: a record from an older app version or a damaged one never breaks start-up. */
export function migrateHousehold(raw: unknown, id: string): HouseholdRecord {
  const base = emptyHousehold(id);
  if (!raw || typeof raw !== 'object') return base;
  const r = raw as Partial<HouseholdRecord>;
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  const record: HouseholdRecord = {
    v: 1,
    id,
    answers: isObject(r.answers) ? { ...r.answers } : {},
    skipped: strings(r.skipped),
    history: strings(r.history),
    drafts: isObject(r.drafts) ? { ...r.drafts } : {},
    updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : base.updatedAt,
  };
  if (typeof r.label === 'string') record.label = r.label;
  return record;
}

const clone = <T>(x: T): T => structuredClone(x);

export function createMemoryStorage(problem: StorageProblem | null = null): Storage {
  const households = new Map<string, HouseholdRecord>();
  const settings = new Map<string, unknown>();
  return {
    kind: 'memory',
    problem,
    getHousehold: async (id) => (households.has(id) ? clone(households.get(id)) : undefined),
    putHousehold: async (record) => void households.set(record.id, clone(record)),
    deleteHousehold: async (id) => void households.delete(id),
    getSetting: async <T>(key: string) => clone(settings.get(key)) as T | undefined,
    putSetting: async (key, value) => void settings.set(key, clone(value)),
    clear: async () => {
      households.clear();
      settings.clear();
    },
    close: () => {},
  };
}

/** The device is full (a write refused for lack of space), as each browser says it. */
export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; code?: number; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.code === 22 || err?.inner?.name === 'QuotaExceededError';
}

const writeError = (e: unknown) => new StorageError(isQuotaError(e) ? 'full' : 'failed', e);

function wrapIndexedDb(db: IDBPDatabase<Schema>): Storage {
  const write = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (e) {
      throw writeError(e);
    }
  };
  return {
    kind: 'indexeddb',
    problem: null,
    async getHousehold(id) {
      const raw = await db.get('households', id);
      return raw === undefined ? undefined : migrateHousehold(raw, id);
    },
    putHousehold: (record) => write(() => db.put('households', clone(record))),
    deleteHousehold: (id) => write(() => db.delete('households', id)),
    getSetting: async <T>(key: string) => (await db.get('settings', key)) as T | undefined,
    putSetting: (key, value) => write(() => db.put('settings', clone(value), key)),
    clear: () =>
      write(async () => {
        const tx = db.transaction(['households', 'settings'], 'readwrite');
        await Promise.all([tx.objectStore('households').clear(), tx.objectStore('settings').clear(), tx.done]);
      }),
    close: () => db.close(),
  };
}

/**
 * Opens the device store. Never throws: when IndexedDB is missing, refused or too slow, it returns a
 * memory store whose `problem` says so, and the app keeps working.
 */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  if (options.memoryOnly) return createMemoryStorage();
  if (typeof indexedDB === 'undefined') return createMemoryStorage('unavailable');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let db: IDBPDatabase<Schema> | undefined;
  const opening = openDB<Schema>(options.name ?? DEFAULT_DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Migrations by version: each step brings the previous version one further.
      if (oldVersion < 1) {
        db.createObjectStore('households', { keyPath: 'id' });
        db.createObjectStore('settings');
      }
    },
    blocking() {
      // A newer version of the app wants to upgrade the database: let it.
      db?.close();
    },
  });
  try {
    db = await Promise.race([
      opening,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), options.timeoutMs ?? 4000);
      }),
    ]);
    return wrapIndexedDb(db);
  } catch (e) {
    opening.then((late) => late.close()).catch(() => {});
    return createMemoryStorage(isQuotaError(e) ? 'full' : 'unavailable');
  } finally {
    clearTimeout(timer);
  }
}
