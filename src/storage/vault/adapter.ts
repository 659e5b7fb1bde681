/**
 * Where the vault's records live: two key-value stores (`meta`, `households`) with get / getAll / one
 * atomic batch of writes. `createIdbVaultAdapter` (IndexedDB via idb) on the device,
 * `createMemoryVaultAdapter` in tests and for a vault that must not outlive the tab.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { isQuotaError } from '../index';
import { VaultError } from './errors';

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
