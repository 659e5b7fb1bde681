/**
 * The door of the caseload: is WebCrypto there, is a passphrase set, is the vault open, why did it
 * lock. Signals the gate screen reads; actions that set up, unlock, lock and erase the vault.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { LockReason, Vault } from '../../storage/vault';

export type Door = 'checking' | 'setup' | 'locked' | 'no-crypto' | 'failed';

export interface CaseloadDoor {
  /** what the gate shows while the vault is locked */
  readonly door: ReadonlySignal<Door>;
  /** true while locked (also before set-up) */
  readonly locked: ReadonlySignal<boolean>;
  /** why it locked last (idle or on demand), null before any lock */
  readonly lockReason: ReadonlySignal<LockReason | null>;
  /** why the door could not be checked or the vault not erased ('failed') */
  readonly failure: ReadonlySignal<unknown>;
}

export interface DoorActions {
  /** checks WebCrypto and whether a passphrase is set (the first screen) */
  checkDoor(): Promise<void>;
  /** first use: sets the passphrase and opens; throws a VaultError (weak passphrase, storage) */
  setUp(passphrase: string): Promise<void>;
  /** throws a VaultError: 'wrong-passphrase' changes nothing */
  unlock(passphrase: string): Promise<void>;
  /** locks now, after what is being written */
  lock(): Promise<void>;
  /** the way out of a forgotten passphrase: erases the passphrase and every household */
  eraseAll(): Promise<void>;
  /** there was activity: the idle lock counts again */
  touch(): void;
}

export function createDoor(options: {
  vault: Vault;
  cryptoAvailable: () => boolean;
  /** waits for the writes in flight (before a lock) */
  flush: () => Promise<void>;
  /** the vault locked: forget what was decrypted */
  onLocked: () => void;
}): { door: CaseloadDoor; actions: DoorActions; dispose: () => void } {
  const { vault } = options;
  const door = signal<Door>('checking');
  const lockReason = signal<LockReason | null>(null);
  const failure = signal<unknown>(null);
  const stop = vault.onLock((reason) => {
    lockReason.value = reason;
    options.onLocked();
  });
  // Once open, the door is the unlock form for every later lock.
  const opened = () => {
    door.value = 'locked';
  };
  const actions: DoorActions = {
    async checkDoor() {
      if (!options.cryptoAvailable()) {
        door.value = 'no-crypto';
        return;
      }
      try {
        door.value = (await vault.isSetUp()) ? 'locked' : 'setup';
      } catch (e) {
        failure.value = e;
        door.value = 'failed';
      }
    },
    async setUp(passphrase) {
      await vault.setUp(passphrase);
      opened();
    },
    async unlock(passphrase) {
      await vault.unlock(passphrase);
      opened();
    },
    async lock() {
      await options.flush();
      vault.lock();
    },
    async eraseAll() {
      door.value = 'checking';
      try {
        await vault.erase();
        door.value = 'setup';
      } catch (e) {
        failure.value = e;
        door.value = 'failed';
      }
    },
    touch: () => vault.touch(),
  };
  return { door: { door, locked: vault.isLocked, lockReason, failure }, actions, dispose: stop };
}
