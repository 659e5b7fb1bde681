/**
 * The brugfiguur's vault: several households on the device, encrypted at rest (the record format:
 * ./record.ts), in two stores behind an adapter (./adapter.ts), moved between devices as encrypted
 * files (./transfer.ts). The key is non-extractable, lives in this closure only and is dropped on
 * lock; the vault locks itself after `idleMs` without activity (the app's one inactivity clock,
 * src/storage/idle.ts). A forgotten passphrase cannot be recovered: `erase()` is then the only way
 * to start over. Every failure the UI must explain is a VaultError with a `code` (./errors.ts).
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import { isObject } from '../../engine/values';
import { toBase64Url } from '../../share/base64url';
import { DEFAULT_ITERATIONS, randomBytes } from '../../share/crypto';
import {
  CASE_MIGRATIONS,
  type CaseHousehold,
  type CaseMigrations,
  type HouseholdSummary,
  householdProblem,
  type NameProblem,
  nameProblem,
  newCaseHousehold,
  parseCaseHousehold,
  summarize,
} from '../caseload';
import { createIdleTimer, type Timers } from '../idle';
import { createIdbVaultAdapter, type VaultAdapter, type VaultWrite } from './adapter';
import { toVaultError, VaultError } from './errors';
import { decryptHousehold, encryptHousehold, keyOf, META_KEY, newKey, readMeta, readStored, storedId, type VaultMeta } from './record';
import { type ImportOptions, type ImportPreview, type ImportReport, openExportFile, planImport, sealExportFile } from './transfer';

export * from './adapter';
export * from './errors';
export type { StoredHousehold } from './record';
export * from './transfer';

export type LockReason = 'manual' | 'idle';

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
  /**
   * a household read from the device or from a file, under the questionnaire in use (answers saved
   * under a renamed question's former key come back under its new key: src/state/carry-over.ts)
   */
  carryOver?: (h: CaseHousehold) => CaseHousehold;
  /** the timer used for the idle lock (setTimeout/clearTimeout) */
  timers?: Timers;
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

const randomId = (): string => toBase64Url(randomBytes(12));

/** The shortest passphrase the vault accepts by default (in characters, after NFC normalisation). */
export const MIN_PASSPHRASE_LENGTH = 8;

export function createVault(options: VaultOptions = {}): Vault {
  const adapter = options.adapter ?? createIdbVaultAdapter(options.dbName);
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const now = options.now ?? Date.now;
  const minLength = options.minPassphraseLength ?? MIN_PASSPHRASE_LENGTH;
  const newId = options.newId ?? randomId;
  const migrations = options.migrations ?? CASE_MIGRATIONS;
  const carryOver = options.carryOver ?? ((h: CaseHousehold) => h);

  const isLocked = signal(true);
  const listeners = new Set<(reason: LockReason) => void>();
  let key: CryptoKey | null = null;
  /** bumped on every lock: work started before a lock never re-opens the vault */
  let generation = 0;
  let damagedIds: string[] = [];
  const idle = createIdleTimer({ idleMs: options.idleMs ?? DEFAULT_IDLE_MS, onIdle: () => lockNow('idle'), now, timers: options.timers });

  function lockNow(reason: LockReason) {
    generation++;
    idle.stop();
    const wasOpen = key !== null;
    key = null;
    isLocked.value = true;
    if (wasOpen) for (const l of listeners) l(reason);
  }

  function opened(k: CryptoKey) {
    key = k;
    isLocked.value = false;
    idle.restart();
  }

  /**
   * The key for an operation, counting as activity. The clock is checked too: a phone that slept in
   * a bag may run its timers late, and the vault must be locked when it wakes up.
   */
  function currentKey(): CryptoKey {
    if (key && idle.expired()) lockNow('idle');
    if (!key) throw new VaultError('locked');
    idle.restart();
    return key;
  }

  function checkPassphrase(passphrase: string) {
    if (typeof passphrase !== 'string' || passphrase.normalize('NFC').length < minLength) {
      throw new VaultError('weak-passphrase', `at least ${minLength} characters`);
    }
  }

  /** Runs crypto and storage, turning their failures into VaultErrors. */
  async function guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw toVaultError(e);
    }
  }
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

  async function loadMeta(): Promise<VaultMeta | null> {
    const raw = await adapter.get('meta', META_KEY);
    return raw === undefined ? null : readMeta(raw);
  }

  async function readOne(k: CryptoKey, id: string): Promise<CaseHousehold> {
    const raw = await adapter.get('households', id);
    if (raw === undefined) throw new VaultError('not-found', id);
    return carryOver(await decryptHousehold(k, readStored(raw), migrations));
  }

  async function readAll(k: CryptoKey): Promise<{ households: CaseHousehold[]; damaged: string[] }> {
    const households: CaseHousehold[] = [];
    const damaged: string[] = [];
    for (const raw of await adapter.getAll('households')) {
      try {
        households.push(carryOver(await decryptHousehold(k, readStored(raw), migrations)));
      } catch (e) {
        if (!(e instanceof VaultError)) throw e;
        damaged.push(storedId(raw));
      }
    }
    return { households, damaged };
  }

  const storedIds = async () => new Set((await adapter.getAll('households')).map((r) => readStored(r).id));

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
    const stored = await encryptHousehold(k, h);
    if (gen !== generation) throw new VaultError('locked');
    await adapter.write([{ op: 'put', store: 'households', key: h.id, value: stored }]);
    return structuredClone(h);
  }

  function exportHouseholds(kind: 'caseload' | 'household', households: CaseHousehold[], passphrase: string) {
    checkPassphrase(passphrase);
    return sealExportFile(kind, households, passphrase, { iterations, now: now() });
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
        const { key: k, meta } = await newKey(passphrase, iterations);
        await adapter.write([{ op: 'put', store: 'meta', key: META_KEY, value: meta }]);
        // Set up, but locked meanwhile: the worker unlocks with the passphrase just chosen.
        if (gen !== generation) throw new VaultError('locked');
        opened(k);
      }),

    unlock: (passphrase) =>
      guard(async () => {
        const gen = generation;
        if (typeof passphrase !== 'string') throw new VaultError('wrong-passphrase');
        const meta = await loadMeta();
        if (!meta) throw new VaultError('not-set-up');
        const k = await keyOf(meta, passphrase);
        if (!k) throw new VaultError('wrong-passphrase');
        // lock() during the (slow) derivation wins: the person walked away.
        if (gen !== generation) throw new VaultError('locked');
        opened(k);
      }),

    lock: () => lockNow('manual'),

    touch() {
      if (key) idle.activity();
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
        if (problem) throw new VaultError('invalid-household', problem.message, { cause: problem, field: problem.path });
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
        const file = await openExportFile(text, passphrase, migrations, options.checkAnswers, carryOver);
        const existing = await storedIds();
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
        const file = await openExportFile(text, passphrase, migrations, options.checkAnswers, carryOver);
        const { toWrite, report } = await planImport(file, await storedIds(), opts, {
          existing: (id) => readOne(k, id).catch(() => null),
          newId,
          validName,
        });
        const records = await Promise.all(toWrite.map((h) => encryptHousehold(k, h)));
        // Asking about conflicts may take long: if the vault locked meanwhile, import nothing.
        if (gen !== generation) throw new VaultError('locked');
        await adapter.write(records.map((r) => ({ op: 'put', store: 'households', key: r.id, value: r })));
        idle.restart();
        return report;
      }),

    changePassphrase: (current, next) =>
      guardWrite(async () => {
        currentKey();
        const gen = generation;
        checkPassphrase(next);
        const meta = await loadMeta();
        if (!meta) throw new VaultError('not-set-up');
        const oldKey = await keyOf(meta, current);
        if (!oldKey) throw new VaultError('wrong-passphrase');
        const { households, damaged } = await readAll(oldKey);
        if (damaged.length) throw new VaultError('damaged', damaged.join(','));
        const { key: k, meta: newMeta } = await newKey(next, iterations, meta);
        const records = await Promise.all(households.map((h) => encryptHousehold(k, h)));
        if (gen !== generation) throw new VaultError('locked');
        await adapter.write([
          { op: 'put', store: 'meta', key: META_KEY, value: newMeta },
          ...records.map((r): VaultWrite => ({ op: 'put', store: 'households', key: r.id, value: r })),
        ]);
        key = k;
        idle.restart();
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
} from '../caseload';
