/**
 * The only code that touches IndexedDB. Two kinds of store with the same interface:
 * - `indexeddb`: households and settings survive a reload, a crash and an app update;
 * - `memory`: nothing leaves the page (kiosk mode, or when IndexedDB is missing or refused).
 * Several households can be kept side by side (brugfiguur mode); the resident app uses one.
 */
import { isObject } from '../engine/values';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { type Migrations, upgradeRecord } from './migrate';

/** Where a questionnaire was left: the part of a household's facts besides the answers. */
export interface QuestionnaireProgress {
  /** keys answered "I don't know": not asked again, still missing for the engine */
  skipped: string[];
  /** keys in the order they were answered or skipped, for "back" */
  history: string[];
  /** what was typed on a question but not accepted yet (also invalid input), per key */
  drafts: Record<string, unknown>;
}

/**
 * A household's facts and where its questionnaire was left: the one household record type. The
 * resident's saved record is this with an id, a version and a revision; a caseload household
 * (src/storage/caseload.ts) is this with a name, a follow-up list and its visits, encrypted.
 */
export interface HouseholdFacts extends QuestionnaireProgress {
  /** household facts (DOMAIN.md keys); a missing key is "not answered" */
  answers: Record<string, unknown>;
}

/**
 * The resident's saved household. Bump `v`, add a step to HOUSEHOLD_MIGRATIONS and read the new
 * field in `migrateHousehold` to change it.
 */
export interface HouseholdRecord extends HouseholdFacts {
  v: 1;
  id: string;
  /** the rules version the results were computed with when it was written (absent before rules were in use) */
  rulesVersion?: string;
  /** ISO timestamp of the last change */
  updatedAt: string;
  /** how many times it was written: two tabs writing the same household notice each other (`saveHousehold`) */
  rev?: number;
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
  /**
   * Writes `record` only if the stored one is still at `baseRev` (0: none stored), as revision
   * baseRev + 1. Otherwise writes nothing and returns what is stored: another tab changed it. An
   * empty record deletes the household. Throws a StorageError like `putHousehold`.
   */
  saveHousehold(record: HouseholdRecord, baseRev: number, empty?: boolean): Promise<SaveOutcome>;
  /**
   * Calls `listener` when another tab of this app wrote or deleted household `id`, or with null when
   * the browser took the whole store away (site data cleared): then write everything again.
   */
  onExternalChange(listener: (id: string | null) => void): () => void;
  deleteHousehold(id: string): Promise<void>;
  getSetting<T>(key: string): Promise<T | undefined>;
  putSetting(key: string, value: unknown): Promise<void>;
  /** erases every household and setting */
  clear(): Promise<void>;
  close(): void;
}

export type SaveOutcome = { saved: true; rev: number } | { saved: false; stored: HouseholdRecord | undefined };

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

/** Step n brings a saved record of version n one further (src/storage/migrate.ts); never removed. */
export const HOUSEHOLD_MIGRATIONS: Migrations = {
  // Version 0 (before `v`): the same fields, some of them missing (read one by one below).
  0: (r) => ({ ...r, v: 1 }),
};

/** Reads a saved record defensively: a record from an older app version or a damaged one never breaks start-up. */
export function migrateHousehold(raw: unknown, id: string): HouseholdRecord {
  const base = emptyHousehold(id);
  if (!isObject(raw)) return base;
  let r: Partial<HouseholdRecord>;
  try {
    r = upgradeRecord(raw, HOUSEHOLD_MIGRATIONS, 1, 0) as Partial<HouseholdRecord>;
  } catch {
    // a record of a newer app, or with a damaged version: what can be read of it is kept
    r = raw as Partial<HouseholdRecord>;
  }
  const strings = (x: unknown): string[] => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
  // Each field is read on its own, so one damaged field never costs the others.
  const record: HouseholdRecord = {
    v: 1,
    id,
    answers: isObject(r.answers) ? { ...r.answers } : {},
    skipped: strings(r.skipped),
    history: strings(r.history),
    drafts: isObject(r.drafts) ? { ...r.drafts } : {},
    updatedAt: typeof r.updatedAt === 'string' ? r.updatedAt : base.updatedAt,
  };
  if (typeof r.rulesVersion === 'string' && r.rulesVersion) record.rulesVersion = r.rulesVersion;
  if (typeof r.rev === 'number' && Number.isSafeInteger(r.rev) && r.rev > 0) record.rev = r.rev;
  return record;
}

const revOf = (r: { rev?: unknown } | undefined) => (r && typeof r.rev === 'number' ? r.rev : 0);

const clone = <T>(x: T): T => structuredClone(x);

export function createMemoryStorage(problem: StorageProblem | null = null): Storage {
  const households = new Map<string, HouseholdRecord>();
  const settings = new Map<string, unknown>();
  return {
    kind: 'memory',
    problem,
    getHousehold: async (id) => (households.has(id) ? clone(households.get(id)) : undefined),
    putHousehold: async (record) => void households.set(record.id, { ...clone(record), rev: revOf(households.get(record.id)) + 1 }),
    async saveHousehold(record, baseRev, empty) {
      const stored = households.get(record.id);
      if (revOf(stored) !== baseRev) return { saved: false, stored: stored && clone(stored) };
      if (empty) households.delete(record.id);
      else households.set(record.id, { ...clone(record), rev: baseRev + 1 });
      return { saved: true, rev: empty ? 0 : baseRev + 1 };
    },
    onExternalChange: () => () => {},
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

function isClosedError(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name;
  return name === 'InvalidStateError' || name === 'AbortError' || name === 'UnknownError';
}

const writeError = (e: unknown) => new StorageError(isQuotaError(e) ? 'full' : 'failed', e);

/** Tabs of the app tell each other which household they wrote (same origin only). */
const CHANNEL = 'rechtenverkenner-storage';
const TAB_ID = Math.random().toString(36).slice(2);

type Opener = () => Promise<IDBPDatabase<Schema>>;

/**
 * The IndexedDB store. When the browser takes the database away while the page is open (site data
 * cleared, storage pressure), the connection is "terminated": the next operation opens it again
 * (empty), and listeners hear `null` so the app writes what it holds again.
 */
function wrapIndexedDb(first: IDBPDatabase<Schema>, reopen: Opener, events: ExternalEvents): Storage {
  let current: Promise<IDBPDatabase<Schema>> = Promise.resolve(first);
  const reconnect = () => {
    current = reopen();
    current.catch(() => {});
  };
  events.onTerminated = () => {
    reconnect();
    events.emit(null);
  };
  // While the browser is still deleting, opening can fail too: the next operation tries again.
  const db = async () => {
    try {
      return await current;
    } catch {
      reconnect();
      return current;
    }
  };
  const write = async (fn: (d: IDBPDatabase<Schema>) => Promise<unknown>, id?: string) => {
    try {
      await fn(await db());
    } catch (e) {
      // A connection closed under us: the next write (the app retries) gets a new one.
      if (isClosedError(e)) reconnect();
      throw writeError(e);
    }
    if (id !== undefined) events.post(id);
  };
  return {
    kind: 'indexeddb',
    problem: null,
    async getHousehold(id) {
      const raw = await (await db()).get('households', id);
      return raw === undefined ? undefined : migrateHousehold(raw, id);
    },
    putHousehold: (record) =>
      write(async (d) => {
        const tx = d.transaction('households', 'readwrite');
        const stored = await tx.store.get(record.id);
        await tx.store.put({ ...clone(record), rev: revOf(stored) + 1 });
        await tx.done;
      }, record.id),
    async saveHousehold(record, baseRev, empty) {
      let outcome: SaveOutcome = { saved: true, rev: 0 };
      await write(async (d) => {
        // Read and write in one transaction: no other tab can write in between.
        const tx = d.transaction('households', 'readwrite');
        const stored = await tx.store.get(record.id);
        if (revOf(stored) !== baseRev) {
          outcome = { saved: false, stored: stored && migrateHousehold(stored, record.id) };
        } else if (empty) {
          await tx.store.delete(record.id);
          outcome = { saved: true, rev: 0 };
        } else {
          await tx.store.put({ ...clone(record), rev: baseRev + 1 });
          outcome = { saved: true, rev: baseRev + 1 };
        }
        await tx.done;
      });
      if (outcome.saved) events.post(record.id);
      return outcome;
    },
    onExternalChange: (listener) => events.listen(listener),
    deleteHousehold: (id) => write((d) => d.delete('households', id), id),
    getSetting: async <T>(key: string) => (await (await db()).get('settings', key)) as T | undefined,
    putSetting: (key, value) => write((d) => d.put('settings', clone(value), key)),
    clear: () =>
      write(async (d) => {
        const tx = d.transaction(['households', 'settings'], 'readwrite');
        await Promise.all([tx.objectStore('households').clear(), tx.objectStore('settings').clear(), tx.done]);
      }, '*'),
    close: () => {
      events.close();
      void current.then((d) => d.close()).catch(() => {});
    },
  };
}

interface ExternalEvents {
  onTerminated: () => void;
  post(id: string): void;
  emit(id: string | null): void;
  listen(listener: (id: string | null) => void): () => void;
  close(): void;
}

function externalEvents(): ExternalEvents {
  const listeners = new Set<(id: string | null) => void>();
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  } catch {
    // no BroadcastChannel: each tab still refuses to overwrite another's write (saveHousehold)
  }
  const events: ExternalEvents = {
    onTerminated: () => {},
    post(id) {
      try {
        channel?.postMessage({ tab: TAB_ID, id });
      } catch {
        // the channel is closed: nothing to tell
      }
    },
    emit(id) {
      for (const l of listeners) l(id);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      channel?.close();
      channel = null;
    },
  };
  if (channel) {
    channel.onmessage = (e: MessageEvent) => {
      const m = e.data as { tab?: unknown; id?: unknown } | null;
      if (m && m.tab !== TAB_ID && typeof m.id === 'string') events.emit(m.id === '*' ? null : m.id);
    };
  }
  return events;
}

/**
 * Opens the device store. Never throws: when IndexedDB is missing, refused or too slow, it returns a
 * memory store whose `problem` says so, and the app keeps working.
 */
export async function openStorage(options: StorageOptions = {}): Promise<Storage> {
  if (options.memoryOnly) return createMemoryStorage();
  if (typeof indexedDB === 'undefined' || indexedDB === null) return createMemoryStorage('unavailable');
  const events = externalEvents();
  let db: IDBPDatabase<Schema> | undefined;
  const open = () =>
    openDB<Schema>(options.name ?? DEFAULT_DB_NAME, DB_VERSION, {
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
      terminated() {
        events.onTerminated();
      },
    });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let opening: Promise<IDBPDatabase<Schema>> | undefined;
  try {
    opening = open();
    db = await Promise.race([
      opening,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('IndexedDB did not open in time')), options.timeoutMs ?? 4000);
      }),
    ]);
    return wrapIndexedDb(db, async () => {
      db = await open();
      return db;
    }, events);
  } catch (e) {
    events.close();
    opening?.then((late) => late.close()).catch(() => {});
    return createMemoryStorage(isQuotaError(e) ? 'full' : 'unavailable');
  } finally {
    clearTimeout(timer);
  }
}
