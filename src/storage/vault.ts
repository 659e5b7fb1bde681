/**
 * The brugfiguur's vault: several households on the device, encrypted at rest.
 *
 * A passphrase chosen by the worker derives the key (PBKDF2-SHA-256, random salt, many iterations);
 * every household is one AES-GCM 256 record with its own random IV. The store holds `{ id, iv,
 * ciphertext }` per household and, in `meta`, the salt, the iteration count and a key check (a known
 * value sealed with the key, to tell a wrong passphrase at once). Names, dates and answers are inside
 * the ciphertext: nothing about a person is stored in clear. The key is non-extractable, lives in
 * this closure only and is dropped on lock; the vault locks itself after `idleMs` without activity.
 * A forgotten passphrase cannot be recovered: `erase()` is then the only way to start over.
 *
 * Storage goes through a small adapter (two stores, get / getAll / one atomic batch of writes):
 * `createIdbVaultAdapter` (IndexedDB via idb) on the device, `createMemoryVaultAdapter` in tests.
 *
 * Every failure the UI must explain is a VaultError with a `code` (see VaultErrorCode).
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { toBase64Url } from '../share/base64url';
import {
  type Bytes,
  CryptoUnavailableError,
  DEFAULT_ITERATIONS,
  deriveKey,
  IV_BYTES,
  isValidIterations,
  open,
  openJson,
  randomBytes,
  SALT_BYTES,
  type Sealed,
  seal,
  sealJson,
  utf8,
} from '../share/crypto';
import { EnvelopeError, openEnvelope, readEnvelopeHeader, sealEnvelope } from '../share/envelope';
import {
  CASE_MIGRATIONS,
  type CaseHousehold,
  CaseFormatError,
  type CaseMigrations,
  type HouseholdSummary,
  householdProblem,
  type NameProblem,
  NewerFormatError,
  nameProblem,
  newCaseHousehold,
  parseCaseHousehold,
  summarize,
} from './caseload';

// ---------------------------------------------------------------------------------------------
// Errors

export type VaultErrorCode =
  /** no WebCrypto: old browser or not served over https */
  | 'crypto-unavailable'
  /** IndexedDB is missing or refused (private mode in some browsers) */
  | 'storage-unavailable'
  /** the device is full */
  | 'storage-full'
  /** another write failure */
  | 'storage-failed'
  /** unlock/import before a passphrase was set */
  | 'not-set-up'
  /** setUp on a vault that has a passphrase already */
  | 'already-set-up'
  /** the passphrase is shorter than `minPassphraseLength` */
  | 'weak-passphrase'
  /** the passphrase does not open the vault or the file; nothing was changed */
  | 'wrong-passphrase'
  /** the vault is locked (on demand or after inactivity): unlock first */
  | 'locked'
  | 'not-found'
  /** the name is empty, too long or looks like a national register number (`detail` says which) */
  | 'invalid-name'
  /** a household handed to `put` does not have the expected shape (`detail` names the field) */
  | 'invalid-household'
  /** a stored record or the vault's own data cannot be read */
  | 'damaged'
  /** a record or file written by a newer version of the app */
  | 'newer-format'
  /** import: not one of our export files */
  | 'foreign-file'
  /** import: one of our files, but cut off, edited or otherwise unreadable */
  | 'damaged-file'
  /** import with onConflict 'fail' met households that exist (`detail`: their ids, comma-separated) */
  | 'conflict';

export const VAULT_ERROR_CODES: readonly VaultErrorCode[] = [
  'crypto-unavailable',
  'storage-unavailable',
  'storage-full',
  'storage-failed',
  'not-set-up',
  'already-set-up',
  'weak-passphrase',
  'wrong-passphrase',
  'locked',
  'not-found',
  'invalid-name',
  'invalid-household',
  'damaged',
  'newer-format',
  'foreign-file',
  'damaged-file',
  'conflict',
];

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    /** for developers and for `invalid-name` (a NameProblem) / `conflict` (ids) */
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(`vault: ${code}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'VaultError';
  }
}

export const isVaultError = (e: unknown, code?: VaultErrorCode): e is VaultError =>
  e instanceof VaultError && (code === undefined || e.code === code);

// ---------------------------------------------------------------------------------------------
// Storage adapters

export type VaultStoreName = 'meta' | 'households';

export type VaultWrite =
  | { op: 'put'; store: VaultStoreName; key: string; value: unknown }
  | { op: 'delete'; store: VaultStoreName; key: string }
  | { op: 'clear'; store: VaultStoreName };

/** Two key-value stores. `write` applies all its operations or none (one transaction). */
export interface VaultAdapter {
  get(store: VaultStoreName, key: string): Promise<unknown>;
  getAll(store: VaultStoreName): Promise<unknown[]>;
  write(ops: readonly VaultWrite[]): Promise<void>;
  close(): void;
}

/** Keeps everything in this page's memory (tests; a vault that must not outlive the tab). */
export function createMemoryVaultAdapter(): VaultAdapter {
  let stores: Record<VaultStoreName, Map<string, unknown>> = { meta: new Map(), households: new Map() };
  return {
    get: async (store, key) => structuredClone(stores[store].get(key)),
    getAll: async (store) => [...stores[store].values()].map((v) => structuredClone(v)),
    async write(ops) {
      // Applied to a copy, swapped in at the end: a failure half-way leaves the old state.
      const next = { meta: new Map(stores.meta), households: new Map(stores.households) };
      for (const o of ops) {
        if (o.op === 'put') next[o.store].set(o.key, structuredClone(o.value));
        else if (o.op === 'delete') next[o.store].delete(o.key);
        else next[o.store].clear();
      }
      stores = next;
    },
    close: () => {},
  };
}

interface VaultSchema extends DBSchema {
  meta: { key: string; value: unknown };
  households: { key: string; value: unknown };
}

export const DEFAULT_VAULT_DB_NAME = 'rechtenverkenner-caseload';

/** IndexedDB through idb, opened on first use. */
export function createIdbVaultAdapter(dbName: string = DEFAULT_VAULT_DB_NAME): VaultAdapter {
  let opening: Promise<IDBPDatabase<VaultSchema>> | undefined;
  const db = () => {
    if (typeof indexedDB === 'undefined') return Promise.reject(new VaultError('storage-unavailable'));
    opening ??= openDB<VaultSchema>(dbName, 1, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('meta');
          database.createObjectStore('households');
        }
      },
      blocking() {
        // A newer app version wants to upgrade the database: let it, we reopen on next use.
        void opening?.then((d) => d.close());
        opening = undefined;
      },
    }).catch((e: unknown) => {
      opening = undefined;
      throw new VaultError(isQuotaError(e) ? 'storage-full' : 'storage-unavailable', undefined, { cause: e });
    });
    return opening;
  };
  return {
    get: async (store, key) => (await db()).get(store, key),
    getAll: async (store) => (await db()).getAll(store),
    async write(ops) {
      const database = await db();
      const names = [...new Set(ops.map((o) => o.store))];
      if (!names.length) return;
      const tx = database.transaction(names, 'readwrite');
      const requests: Promise<unknown>[] = ops.map((o) => {
        const store = tx.objectStore(o.store);
        if (o.op === 'put') return store.put(o.value, o.key);
        if (o.op === 'delete') return store.delete(o.key);
        return store.clear();
      });
      // If one request fails the transaction aborts and none of the writes is kept.
      await Promise.all([...requests, tx.done]);
    },
    close() {
      void opening?.then((d) => d.close()).catch(() => {});
      opening = undefined;
    },
  };
}

function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; code?: number; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.code === 22 || err?.inner?.name === 'QuotaExceededError';
}

// ---------------------------------------------------------------------------------------------
// Stored shapes

const VAULT_FORMAT = 'kortrijk-rechtenverkenner/vault';
const VAULT_FORMAT_VERSION = 1;
const META_KEY = 'vault';
const CHECK_VALUE = 'kortrijk-vault-check';
/** The format name of export files (envelope `format`). */
export const EXPORT_FORMAT = 'kortrijk-rechtenverkenner/caseload-export';
const EXPORT_PAYLOAD_VERSION = 1;

/** `meta` → 'vault' */
interface VaultMeta {
  format: typeof VAULT_FORMAT;
  version: number;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Bytes;
  check: Sealed;
}

/** `households` → id. Nothing else: the name and dates are inside the ciphertext. */
export interface StoredHousehold {
  id: string;
  iv: Bytes;
  ciphertext: Bytes;
}

const checkAad = utf8(`${VAULT_FORMAT}|check`);
const recordAad = (id: string) => utf8(`${VAULT_FORMAT}|household|${id}`);

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const isBytes = (x: unknown, length?: number): x is Bytes =>
  x instanceof Uint8Array && (length === undefined ? x.length >= 16 : x.length === length);

function readMeta(raw: unknown): VaultMeta {
  if (
    !isObject(raw) ||
    raw.format !== VAULT_FORMAT ||
    typeof raw.version !== 'number' ||
    raw.kdf !== 'PBKDF2-SHA-256' ||
    !isValidIterations(raw.iterations) ||
    !isBytes(raw.salt, SALT_BYTES) ||
    !isObject(raw.check) ||
    !isBytes(raw.check.iv, IV_BYTES) ||
    !isBytes(raw.check.ciphertext)
  ) {
    throw new VaultError('damaged', 'vault meta');
  }
  if (raw.version > VAULT_FORMAT_VERSION) throw new VaultError('newer-format', `vault ${raw.version}`);
  return raw as unknown as VaultMeta;
}

function readStored(raw: unknown): StoredHousehold {
  if (!isObject(raw) || typeof raw.id !== 'string' || !isBytes(raw.iv, IV_BYTES) || !isBytes(raw.ciphertext)) {
    throw new VaultError('damaged', 'household record');
  }
  return raw as unknown as StoredHousehold;
}

/** The plaintext inside an export file. */
interface ExportPayload {
  kind: 'caseload' | 'household';
  version: number;
  exportedAt: string;
  households: unknown[];
}

// ---------------------------------------------------------------------------------------------
// The vault

export type LockReason = 'manual' | 'idle';

export type ConflictChoice =
  /** keep both: the imported one gets a new id and `copyName(name)` */
  | 'copy'
  /** the imported one overwrites the one on the device */
  | 'replace'
  /** keep the one on the device */
  | 'skip'
  /** keep whichever was changed last (updatedAt) */
  | 'keep-newer'
  /** import nothing: throws VaultError 'conflict' */
  | 'fail';

export interface ImportOptions {
  /**
   * What to do with a household whose id is already on the device: one choice for all, or a function
   * that decides per household (it may ask the worker; the vault's idle timer keeps running, so call
   * `touch()` while asking). Default 'copy'.
   */
  onConflict?: ConflictChoice | ((incoming: HouseholdSummary, existing: HouseholdSummary) => ConflictChoice | Promise<ConflictChoice>);
  /** the name of an imported copy; default `${name} (2)` (the UI passes a translated one) */
  copyName?: (name: string) => string;
}

export interface ImportPreview {
  kind: 'caseload' | 'household';
  exportedAt: string;
  households: HouseholdSummary[];
  /** ids of households in the file that are already on the device */
  conflicts: string[];
}

export interface ImportReport {
  added: string[];
  replaced: string[];
  skipped: string[];
  /** imported under a new id because the old one existed */
  copied: { from: string; to: string }[];
}

export interface VaultOptions {
  /** IndexedDB name, when no adapter is given */
  dbName?: string;
  /** default: IndexedDB (`createIdbVaultAdapter(dbName)`) */
  adapter?: VaultAdapter;
  /** PBKDF2 iterations for a new passphrase and for exports; default 600 000 (tests use a few) */
  iterations?: number;
  /** lock after this many ms without activity; default 5 minutes */
  idleMs?: number;
  /** the clock, in ms (Date.now) */
  now?: () => number;
  /**
   * checks each imported household's answers against the questionnaire (src/state/imported.ts);
   * returns a problem or null. A file with one household failing is refused whole.
   */
  checkAnswers?: (answers: Record<string, unknown>) => string | null;
  /** the timer used for the idle lock (setTimeout/clearTimeout) */
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
  /** default MIN_PASSPHRASE_LENGTH (8 characters) */
  minPassphraseLength?: number;
  /** new household ids (random by default) */
  newId?: () => string;
  /** record migrations (tests); default CASE_MIGRATIONS */
  migrations?: CaseMigrations;
}

export interface Vault {
  /** true while locked (also before set-up); a signal the UI can read */
  readonly isLocked: ReadonlySignal<boolean>;
  /** called when the vault locks; returns an unsubscribe function */
  onLock(listener: (reason: LockReason) => void): () => void;
  /** whether a passphrase was set on this device */
  isSetUp(): Promise<boolean>;
  /** first use: sets the passphrase and unlocks */
  setUp(passphrase: string): Promise<void>;
  /** throws VaultError 'wrong-passphrase' (nothing changed) or 'not-set-up' */
  unlock(passphrase: string): Promise<void>;
  /** drops the key at once */
  lock(): void;
  /** there was activity (a tap, a keystroke): the idle lock starts counting again */
  touch(): void;
  /** every household, sorted by name; a record that cannot be read is left out and reported by `damaged()` */
  list(): Promise<HouseholdSummary[]>;
  /** ids of stored records that could not be read by the last `list()` */
  damaged(): readonly string[];
  get(id: string): Promise<CaseHousehold>;
  /** a new household under `name`, saved and returned */
  create(name: string, answers?: Record<string, unknown>): Promise<CaseHousehold>;
  /** saves a household (validated; `updatedAt` is set to now); returns what was saved */
  put(household: CaseHousehold): Promise<CaseHousehold>;
  rename(id: string, name: string): Promise<CaseHousehold>;
  remove(id: string): Promise<void>;
  /** an encrypted file (JSON text) with every household, protected by `passphrase` */
  exportAll(passphrase: string): Promise<string>;
  exportOne(id: string, passphrase: string): Promise<string>;
  /** opens a file and tells what importing it would do; writes nothing */
  inspectFile(text: string, passphrase: string): Promise<ImportPreview>;
  /** imports every household of a file, or nothing at all */
  importFile(text: string, passphrase: string, options?: ImportOptions): Promise<ImportReport>;
  /** re-encrypts everything under a new passphrase (all or nothing) */
  changePassphrase(current: string, next: string): Promise<void>;
  /** erases the passphrase and every household (the way out of a forgotten passphrase) */
  erase(): Promise<void>;
  /** locks and closes the database */
  close(): void;
}

const DEFAULT_IDLE_MS = 5 * 60_000;

function randomId(): string {
  return toBase64Url(randomBytes(12));
}

/** The shortest passphrase the vault accepts by default (in characters, after NFC normalisation). */
export const MIN_PASSPHRASE_LENGTH = 8;

export function createVault(options: VaultOptions = {}): Vault {
  const adapter = options.adapter ?? createIdbVaultAdapter(options.dbName);
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? {
    set: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const minLength = options.minPassphraseLength ?? MIN_PASSPHRASE_LENGTH;
  const newId = options.newId ?? randomId;
  const migrations = options.migrations ?? CASE_MIGRATIONS;

  const isLocked = signal(true);
  const listeners = new Set<(reason: LockReason) => void>();
  let key: CryptoKey | null = null;
  /** bumped on every lock: work started before a lock never re-opens the vault */
  let generation = 0;
  let lastActivity = 0;
  let timer: unknown;
  let damagedIds: string[] = [];

  function lockNow(reason: LockReason) {
    generation++;
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
    const wasOpen = key !== null;
    key = null;
    isLocked.value = true;
    if (wasOpen) for (const l of listeners) l(reason);
  }

  function arm() {
    lastActivity = now();
    if (timer !== undefined) timers.clear(timer);
    timer = timers.set(onTimer, idleMs);
  }

  function onTimer() {
    timer = undefined;
    const left = idleMs - (now() - lastActivity);
    // A timer can fire early after a clock change; then wait for the rest.
    if (left > 0) timer = timers.set(onTimer, left);
    else lockNow('idle');
  }

  /**
   * The key for an operation, counting as activity. The clock is checked too: a phone that slept in
   * a bag may run its timers late, and the vault must be locked when it wakes up.
   */
  function currentKey(): CryptoKey {
    if (key && now() - lastActivity >= idleMs) lockNow('idle');
    if (!key) throw new VaultError('locked');
    arm();
    return key;
  }

  function checkPassphrase(passphrase: string) {
    if (typeof passphrase !== 'string' || passphrase.normalize('NFC').length < minLength) {
      throw new VaultError('weak-passphrase', `at least ${minLength} characters`);
    }
  }

  /** Runs crypto and storage, turning their failures into VaultErrors. */
  /**
   * Operations that write run one after the other. A passphrase change re-encrypts every record:
   * a save that ran alongside it could be overwritten by the old copy, or land under the old key.
   */
  let writing: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = writing.then(work, work);
    writing = run.catch(() => undefined);
    return run;
  }
  const guardWrite = <T>(work: () => Promise<T>): Promise<T> => serial(() => guard(work));

  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof VaultError) throw e;
      if (e instanceof CryptoUnavailableError) throw new VaultError('crypto-unavailable', undefined, { cause: e });
      if (isQuotaError(e)) throw new VaultError('storage-full', undefined, { cause: e });
      throw new VaultError('storage-failed', e instanceof Error ? e.message : undefined, { cause: e });
    }
  }

  async function loadMeta(): Promise<VaultMeta | null> {
    const raw = await adapter.get('meta', META_KEY);
    return raw === undefined ? null : readMeta(raw);
  }

  async function encrypt(k: CryptoKey, h: CaseHousehold): Promise<StoredHousehold> {
    const sealed = await sealJson(k, h, recordAad(h.id));
    return { id: h.id, iv: sealed.iv, ciphertext: sealed.ciphertext };
  }

  async function decrypt(k: CryptoKey, stored: StoredHousehold): Promise<CaseHousehold> {
    let raw: unknown;
    try {
      raw = await openJson(k, stored, recordAad(stored.id));
    } catch {
      throw new VaultError('damaged', stored.id);
    }
    if (raw === undefined) throw new VaultError('damaged', stored.id);
    try {
      const h = parseCaseHousehold(raw, migrations);
      if (h.id !== stored.id) throw new VaultError('damaged', stored.id);
      return h;
    } catch (e) {
      if (e instanceof NewerFormatError) throw new VaultError('newer-format', stored.id, { cause: e });
      if (e instanceof CaseFormatError) throw new VaultError('damaged', `${stored.id}: ${e.message}`, { cause: e });
      throw e;
    }
  }

  async function readOne(k: CryptoKey, id: string): Promise<CaseHousehold> {
    const raw = await adapter.get('households', id);
    if (raw === undefined) throw new VaultError('not-found', id);
    return decrypt(k, readStored(raw));
  }

  async function readAll(k: CryptoKey): Promise<{ households: CaseHousehold[]; damaged: string[] }> {
    const households: CaseHousehold[] = [];
    const damaged: string[] = [];
    for (const raw of await adapter.getAll('households')) {
      try {
        households.push(await decrypt(k, readStored(raw)));
      } catch (e) {
        if (!(e instanceof VaultError)) throw e;
        damaged.push(isObject(raw) && typeof raw.id === 'string' ? raw.id : '?');
      }
    }
    return { households, damaged };
  }

  function stamp(h: CaseHousehold): CaseHousehold {
    // Strictly later than the previous stamp, so "keep-newer" on import is never a tie with itself.
    const t = Math.max(now(), Date.parse(h.updatedAt) + 1);
    return { ...h, updatedAt: new Date(t).toISOString() };
  }

  function validName(name: string): string {
    const problem: NameProblem | null = typeof name === 'string' ? nameProblem(name) : 'empty';
    if (problem) throw new VaultError('invalid-name', problem);
    return name.trim();
  }

  async function save(k: CryptoKey, h: CaseHousehold, gen: number): Promise<CaseHousehold> {
    const stored = await encrypt(k, h);
    if (gen !== generation) throw new VaultError('locked');
    await adapter.write([{ op: 'put', store: 'households', key: h.id, value: stored }]);
    return structuredClone(h);
  }

  async function openFile(text: string, passphrase: string) {
    let payload: unknown;
    try {
      payload = await openEnvelope(text, passphrase, { format: EXPORT_FORMAT });
    } catch (e) {
      if (!(e instanceof EnvelopeError)) throw e;
      const code: VaultErrorCode =
        e.problem === 'foreign'
          ? 'foreign-file'
          : e.problem === 'wrong-passphrase'
            ? 'wrong-passphrase'
            : e.problem === 'newer-version'
              ? 'newer-format'
              : 'damaged-file';
      throw new VaultError(code, e.message, { cause: e });
    }
    if (
      !isObject(payload) ||
      (payload.kind !== 'caseload' && payload.kind !== 'household') ||
      typeof payload.version !== 'number' ||
      typeof payload.exportedAt !== 'string' ||
      !Array.isArray(payload.households)
    ) {
      throw new VaultError('damaged-file', 'content');
    }
    if (payload.version > EXPORT_PAYLOAD_VERSION) throw new VaultError('newer-format', `export ${payload.version}`);
    const households: CaseHousehold[] = [];
    const ids = new Set<string>();
    for (const [i, raw] of payload.households.entries()) {
      try {
        const h = parseCaseHousehold(raw, migrations);
        if (ids.has(h.id)) throw new CaseFormatError(`/households/${i}/id`, 'a unique id');
        const bad = options.checkAnswers?.(h.answers);
        if (bad) throw new CaseFormatError(`/households/${i}/answers`, `answers the questionnaire accepts (${bad})`);
        ids.add(h.id);
        households.push(h);
      } catch (e) {
        if (e instanceof NewerFormatError) throw new VaultError('newer-format', `household ${i}`, { cause: e });
        if (e instanceof CaseFormatError) throw new VaultError('damaged-file', `household ${i}: ${e.message}`, { cause: e });
        throw e;
      }
    }
    return { kind: payload.kind as ImportPreview['kind'], exportedAt: payload.exportedAt, households };
  }

  async function exportHouseholds(kind: ExportPayload['kind'], households: CaseHousehold[], passphrase: string) {
    checkPassphrase(passphrase);
    const payload: ExportPayload = {
      kind,
      version: EXPORT_PAYLOAD_VERSION,
      exportedAt: new Date(now()).toISOString(),
      households,
    };
    return sealEnvelope(payload, passphrase, { format: EXPORT_FORMAT, iterations });
  }

  const vault: Vault = {
    isLocked,

    onLock(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    isSetUp: () => guard(async () => (await adapter.get('meta', META_KEY)) !== undefined),

    setUp: (passphrase) =>
      guard(async () => {
        const gen = generation;
        checkPassphrase(passphrase);
        if ((await adapter.get('meta', META_KEY)) !== undefined) throw new VaultError('already-set-up');
        const salt = randomBytes(SALT_BYTES);
        const k = await deriveKey(passphrase, salt, iterations);
        const check = await seal(k, utf8(CHECK_VALUE), checkAad);
        const meta: VaultMeta = { format: VAULT_FORMAT, version: VAULT_FORMAT_VERSION, kdf: 'PBKDF2-SHA-256', iterations, salt, check };
        await adapter.write([{ op: 'put', store: 'meta', key: META_KEY, value: meta }]);
        // Set up, but locked meanwhile: the worker unlocks with the passphrase just chosen.
        if (gen !== generation) throw new VaultError('locked');
        key = k;
        isLocked.value = false;
        arm();
      }),

    unlock: (passphrase) =>
      guard(async () => {
        const gen = generation;
        if (typeof passphrase !== 'string') throw new VaultError('wrong-passphrase');
        const meta = await loadMeta();
        if (!meta) throw new VaultError('not-set-up');
        const k = await deriveKey(passphrase, meta.salt, meta.iterations);
        const checked = await open(k, meta.check, checkAad);
        if (!checked) throw new VaultError('wrong-passphrase');
        if (new TextDecoder().decode(checked) !== CHECK_VALUE) throw new VaultError('damaged', 'key check');
        // lock() during the (slow) derivation wins: the person walked away.
        if (gen !== generation) throw new VaultError('locked');
        key = k;
        isLocked.value = false;
        arm();
      }),

    lock: () => lockNow('manual'),

    touch() {
      if (!key) return;
      if (now() - lastActivity >= idleMs) lockNow('idle');
      else arm();
    },

    list: () =>
      guard(async () => {
        const { households, damaged } = await readAll(currentKey());
        damagedIds = damaged;
        const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });
        return households.map(summarize).sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
      }),

    damaged: () => [...damagedIds],

    get: (id) => guard(async () => readOne(currentKey(), id)),

    create: (name, answers) =>
      guardWrite(async () => {
        const k = currentKey();
        const gen = generation;
        const clean = validName(name);
        let id = newId();
        while ((await adapter.get('households', id)) !== undefined) id = newId();
        return save(k, newCaseHousehold({ id, name: clean, now: new Date(now()), answers }), gen);
      }),

    put: (household) =>
      guardWrite(async () => {
        const k = currentKey();
        const gen = generation;
        if (isObject(household) && typeof household.name === 'string') validName(household.name);
        const problem = householdProblem(household);
        if (problem) throw new VaultError('invalid-household', problem.message, { cause: problem });
        const h = parseCaseHousehold(household, {});
        return save(k, stamp(h), gen);
      }),

    rename: (id, name) =>
      guardWrite(async () => {
        const k = currentKey();
        const gen = generation;
        const clean = validName(name);
        const h = await readOne(k, id);
        return save(k, stamp({ ...h, name: clean }), gen);
      }),

    remove: (id) =>
      guardWrite(async () => {
        currentKey();
        if ((await adapter.get('households', id)) === undefined) throw new VaultError('not-found', id);
        await adapter.write([{ op: 'delete', store: 'households', key: id }]);
      }),

    exportAll: (passphrase) =>
      guard(async () => {
        const k = currentKey();
        const { households, damaged } = await readAll(k);
        // An export that silently leaves a household behind would lose it on the new device.
        if (damaged.length) throw new VaultError('damaged', damaged.join(','));
        return exportHouseholds('caseload', households, passphrase);
      }),

    exportOne: (id, passphrase) =>
      guard(async () => exportHouseholds('household', [await readOne(currentKey(), id)], passphrase)),

    inspectFile: (text, passphrase) =>
      guard(async () => {
        currentKey();
        const file = await openFile(text, passphrase);
        const existing = new Set((await adapter.getAll('households')).map((r) => readStored(r).id));
        return {
          kind: file.kind,
          exportedAt: file.exportedAt,
          households: file.households.map(summarize),
          conflicts: file.households.filter((h) => existing.has(h.id)).map((h) => h.id),
        };
      }),

    importFile: (text, passphrase, opts = {}) =>
      guardWrite(async () => {
        const k = currentKey();
        const gen = generation;
        const file = await openFile(text, passphrase);
        const onConflict = opts.onConflict ?? 'copy';
        const copyName = opts.copyName ?? ((n: string) => `${n} (2)`);
        const report: ImportReport = { added: [], replaced: [], skipped: [], copied: [] };
        const existingIds = new Set((await adapter.getAll('households')).map((r) => readStored(r).id));
        const conflicts = file.households.filter((h) => existingIds.has(h.id));
        if (onConflict === 'fail' && conflicts.length) throw new VaultError('conflict', conflicts.map((h) => h.id).join(','));
        const toWrite: CaseHousehold[] = [];
        const takenIds = new Set([...existingIds, ...file.households.map((h) => h.id)]);
        for (const h of file.households) {
          if (!existingIds.has(h.id)) {
            toWrite.push(h);
            report.added.push(h.id);
            continue;
          }
          const existing = await readOne(k, h.id).catch(() => null);
          let choice: ConflictChoice;
          if (typeof onConflict === 'function') {
            choice = existing ? await onConflict(summarize(h), summarize(existing)) : 'replace';
          } else choice = onConflict;
          if (choice === 'keep-newer') {
            choice = existing && Date.parse(existing.updatedAt) >= Date.parse(h.updatedAt) ? 'skip' : 'replace';
          }
          if (choice === 'fail') throw new VaultError('conflict', h.id);
          if (choice === 'skip') report.skipped.push(h.id);
          else if (choice === 'replace') {
            toWrite.push(h);
            report.replaced.push(h.id);
          } else {
            let id = newId();
            while (takenIds.has(id)) id = newId();
            takenIds.add(id);
            const name = validName(copyName(h.name).slice(0, 80));
            toWrite.push({ ...h, id, name });
            report.copied.push({ from: h.id, to: id });
          }
        }
        const records = await Promise.all(toWrite.map((h) => encrypt(k, h)));
        // Asking about conflicts may take long: if the vault locked meanwhile, import nothing.
        if (gen !== generation) throw new VaultError('locked');
        await adapter.write(records.map((r) => ({ op: 'put', store: 'households', key: r.id, value: r })));
        arm();
        return report;
      }),

    changePassphrase: (current, next) =>
      guardWrite(async () => {
        currentKey();
        const gen = generation;
        checkPassphrase(next);
        const meta = await loadMeta();
        if (!meta) throw new VaultError('not-set-up');
        const oldKey = await deriveKey(current, meta.salt, meta.iterations);
        if (!(await open(oldKey, meta.check, checkAad))) throw new VaultError('wrong-passphrase');
        const { households, damaged } = await readAll(oldKey);
        if (damaged.length) throw new VaultError('damaged', damaged.join(','));
        const salt = randomBytes(SALT_BYTES);
        const k = await deriveKey(next, salt, iterations);
        const check = await seal(k, utf8(CHECK_VALUE), checkAad);
        const records = await Promise.all(households.map((h) => encrypt(k, h)));
        if (gen !== generation) throw new VaultError('locked');
        const newMeta: VaultMeta = { ...meta, version: VAULT_FORMAT_VERSION, iterations, salt, check };
        await adapter.write([
          { op: 'put', store: 'meta', key: META_KEY, value: newMeta },
          ...records.map((r): VaultWrite => ({ op: 'put', store: 'households', key: r.id, value: r })),
        ]);
        key = k;
        arm();
      }),

    erase: () =>
      guardWrite(async () => {
        lockNow('manual');
        await adapter.write([
          { op: 'clear', store: 'households' },
          { op: 'clear', store: 'meta' },
        ]);
        damagedIds = [];
      }),

    close() {
      lockNow('manual');
      adapter.close();
    },
  };
  return vault;
}

/** For the lead's e2e checks and for support: the export file's header, read without a passphrase. */
export function describeExportFile(text: string): { format: string; version: number; iterations: number } | null {
  try {
    const header = readEnvelopeHeader(text);
    return header.format === EXPORT_FORMAT ? header : null;
  } catch {
    return null;
  }
}

// The household model, so the UI needs one import for the brugfiguur mode.
export {
  type CaseHousehold,
  changesSinceLastVisit,
  type FollowUpItem,
  type FollowUpState,
  type HouseholdSummary,
  recordVisit,
  removeFollowUp,
  setFollowUp,
} from './caseload';
