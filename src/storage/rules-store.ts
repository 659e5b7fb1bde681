/**
 * The device's copy of the last good rules release: its files as text, one record written in one
 * transaction, so a device holds either the old release or the new one, never half of each. Kept in
 * its own database: erasing a household's answers leaves the rules, and the rules hold nothing
 * about anyone. A kiosk, which keeps no database at all, keeps it in the Cache API instead
 * (`createCacheRulesStore`), so that it too starts offline.
 */
import { openDB } from 'idb';

export interface KeptRelease {
  version: string;
  /** the files of the release as text by path, `manifest.json` included */
  texts: Record<string, string>;
  /** ISO timestamp of when the device took it */
  takenAt: string;
}

export interface RulesStore {
  get(): Promise<KeptRelease | undefined>;
  put(release: KeptRelease): Promise<void>;
}

const STORE = 'release';
const KEY = 'current';

/** Kept in memory only: tests and devices without IndexedDB or the Cache API. */
export function createMemoryRulesStore(): RulesStore {
  let kept: KeptRelease | undefined;
  return {
    get: async () => kept,
    put: async (r) => {
      kept = r;
    },
  };
}

/** IndexedDB when there is one, else memory (the app then fetches the rules on every start). */
export function createRulesStore(name = 'kortrijk-rechten-regels'): RulesStore {
  if (typeof indexedDB === 'undefined') return createMemoryRulesStore();
  const fallback = createMemoryRulesStore();
  const opening = openDB(name, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  }).catch(() => null);
  return {
    async get() {
      const db = await opening;
      if (!db) return fallback.get();
      try {
        return (await db.get(STORE, KEY)) as KeptRelease | undefined;
      } catch {
        return fallback.get();
      }
    },
    async put(release) {
      await fallback.put(release);
      const db = await opening;
      // a full or refused store only costs the offline copy: the release stays in use in memory
      await db?.put(STORE, release, KEY).catch(() => undefined);
    },
  };
}

/**
 * The Cache API, for a kiosk: the release (published rules, nothing about anyone) as one response,
 * written in one `put`, so the cache holds the old release or the new one. No IndexedDB database is
 * created. Without the Cache API (or when it is refused), memory.
 */
export function createCacheRulesStore(key: string, name = 'kortrijk-rechten-regels'): RulesStore {
  const fallback = createMemoryRulesStore();
  const open = async () => (typeof caches === 'undefined' ? null : caches.open(name).catch(() => null));
  return {
    async get() {
      try {
        const response = await (await open())?.match(key);
        return response ? ((await response.json()) as KeptRelease) : fallback.get();
      } catch {
        return fallback.get();
      }
    },
    async put(release) {
      await fallback.put(release);
      const headers = { 'content-type': 'application/json' };
      await (await open())?.put(key, new Response(JSON.stringify(release), { headers })).catch(() => undefined);
    },
  };
}
