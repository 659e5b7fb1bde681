/**
 * The caseload's state, beside the app state (../app-state.ts) and in the same pattern: signals that
 * the screens read, actions that are the only writers, one per app (and one per test) made with
 * `createCaseloadState`. It holds the vault's door (./door.ts), the list of households, the household
 * open on screen (./household.ts), a message for the next screen and the worker's contact. Screens
 * reach the vault and the engine only through it.
 */
import { batch, type ReadonlySignal, signal } from '@preact/signals';
import type { AppKey } from '../../i18n';
import { cryptoAvailable } from '../../share/crypto';
import type { Storage } from '../../storage';
import type { HouseholdSummary } from '../../storage/caseload';
import { createVault, type ImportOptions, type ImportPreview, type ImportReport, type Vault, type VaultOptions } from '../../storage/vault';
import { carryOverHousehold } from '../carry-over';
import { importedAnswersProblem } from '../imported';
import { CASELOAD_IDLE_MS } from '../mode';
import type { LoadedRules } from '../rules';
import { loadWorkerContact, saveWorkerContact, type WorkerContact } from '../worker';
import { type CaseloadDoor, createDoor, type DoorActions } from './door';
import { createOpenHousehold, type HouseholdActions, type OpenHousehold } from './household';

export type { CaseHousehold, FollowUpItem, FollowUpState, HouseholdSummary, NameProblem } from '../../storage/caseload';
export { FOLLOW_UP_STATES, NAME_MAX_LENGTH, NOTE_MAX_LENGTH } from '../../storage/caseload';
export type { ConflictChoice, ImportOptions, ImportPreview, ImportReport, LockReason, VaultErrorCode } from '../../storage/vault';
export { isVaultError, MIN_PASSPHRASE_LENGTH, VaultError } from '../../storage/vault';
export type { Door } from './door';
export type { SaveStatus } from './household';
export { withState } from './follow-up';

/** A sentence for the next caseload screen ("the household was removed"), shown once. */
export interface CaseloadNotice {
  key: AppKey;
  values?: Record<string, string>;
}

export interface CaseloadStateOptions {
  /** the evaluation date and the rules in use: the app state's */
  date: ReadonlySignal<string>;
  rules: ReadonlySignal<LoadedRules | null>;
  /** the vault (tests give one in memory); by default one in IndexedDB, locking after `idleMs` */
  vault?: Vault;
  idleMs?: number | null;
  /** where the worker's contact is kept (a setting of the device) */
  settings?: Pick<Storage, 'getSetting' | 'putSetting'>;
  /** is WebCrypto there (tests can say no) */
  cryptoAvailable?: () => boolean;
}

export interface CaseloadActions extends DoorActions, HouseholdActions {
  /** reads the list of households (and how many records cannot be read) */
  loadList(): Promise<void>;
  /** a new household; returns its id; throws a VaultError ('invalid-name' says why) */
  create(name: string): Promise<string>;
  /** an encrypted file of every household, or of one */
  exportFile(passphrase: string, id?: string): Promise<string>;
  /** opens a file and tells what importing it would do; writes nothing */
  inspectFile(text: string, passphrase: string): Promise<ImportPreview>;
  /** imports every household of a file or nothing, then reads the list again */
  importFile(text: string, passphrase: string, options: ImportOptions): Promise<ImportReport>;
  changePassphrase(current: string, next: string): Promise<void>;
  /** keeps a sentence for the next screen */
  notify(notice: CaseloadNotice): void;
  /** the sentence kept for this screen, once */
  takeNotice(): CaseloadNotice | null;
  loadContact(): Promise<void>;
  saveContact(contact: WorkerContact): Promise<void>;
}

export interface CaseloadState extends CaseloadDoor, OpenHousehold {
  /** the households on the device, sorted by name; null until read */
  readonly list: ReadonlySignal<HouseholdSummary[] | null>;
  /** how many stored records could not be read */
  readonly damaged: ReadonlySignal<number>;
  /** why the list could not be read */
  readonly listError: ReadonlySignal<unknown>;
  /** the worker's name and phone for the hand-over sheets, null when none is set */
  readonly contact: ReadonlySignal<WorkerContact | null>;
  readonly actions: CaseloadActions;
  dispose(): void;
}

/** What the vault asks of the questionnaire in use: the check of imported answers, and the carry-over. */
export function questionnaireHooks(rules: ReadonlySignal<LoadedRules | null>): Pick<VaultOptions, 'checkAnswers' | 'carryOver'> {
  return {
    // An imported file's answers pass the questionnaire's own checks, like a share link's.
    checkAnswers: (answers) => {
      const r = rules.peek();
      return r ? importedAnswersProblem(r.ruleset.questions, answers) : 'the rules are not loaded';
    },
    // A household kept or exported before a release renamed a question comes back under the new key.
    carryOver: (h) => {
      const r = rules.peek();
      return r ? carryOverHousehold(r.ruleset.questions, h) : h;
    },
  };
}

export function createCaseloadState(options: CaseloadStateOptions): CaseloadState {
  const { rules } = options;
  const vault = options.vault ?? createVault({ idleMs: options.idleMs ?? CASELOAD_IDLE_MS, ...questionnaireHooks(rules) });
  const list = signal<HouseholdSummary[] | null>(null);
  const damaged = signal(0);
  const listError = signal<unknown>(null);
  const contact = signal<WorkerContact | null>(null);
  let notice: CaseloadNotice | null = null;

  const household = createOpenHousehold({ vault, date: options.date, rules });
  const door = createDoor({
    vault,
    cryptoAvailable: options.cryptoAvailable ?? cryptoAvailable,
    flush: household.actions.flush,
    onLocked() {
      // Nothing decrypted stays in memory behind a locked door.
      household.forget();
      list.value = null;
    },
  });

  const actions: CaseloadActions = {
    ...door.actions,
    ...household.actions,
    async loadList() {
      try {
        const l = await vault.list();
        batch(() => {
          list.value = l;
          damaged.value = vault.damaged().length;
          listError.value = null;
        });
      } catch (e) {
        listError.value = e;
      }
    },
    async create(name) {
      return (await vault.create(name)).id;
    },
    exportFile: (passphrase, id) => (id ? vault.exportOne(id, passphrase) : vault.exportAll(passphrase)),
    inspectFile: (text, passphrase) => vault.inspectFile(text, passphrase),
    async importFile(text, passphrase, opts) {
      const report = await vault.importFile(text, passphrase, opts);
      await actions.loadList();
      return report;
    },
    async changePassphrase(current, next) {
      // A household being saved is written with the old key: let it land first, then encrypt everything again.
      await household.actions.flush();
      await vault.changePassphrase(current, next);
    },
    notify(n) {
      notice = n;
    },
    takeNotice() {
      const n = notice;
      notice = null;
      return n;
    },
    async loadContact() {
      contact.value = await loadWorkerContact(options.settings);
    },
    async saveContact(c) {
      contact.value = await saveWorkerContact(options.settings, c).catch(() => c);
    },
  };

  return {
    ...door.door,
    ...household.open,
    list,
    damaged,
    listError,
    contact,
    actions,
    dispose() {
      door.dispose();
      vault.close();
    },
  };
}
