/**
 * Saving a household as the worker types: the latest version is written after the one in flight,
 * in order, so a burst of keystrokes makes a few writes, never an older version last. Locking waits
 * for what is being written (`flushSaves`).
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { CaseHousehold, Vault } from '../../../storage/vault';

const inFlight = new Set<Promise<unknown>>();

/** Resolves when every save started so far has ended (written or failed). */
export async function flushSaves(): Promise<void> {
  while (inFlight.size) await Promise.allSettled([...inFlight]);
}

export type SaveStatus = 'saved' | 'saving' | { error: unknown };

export interface Saver {
  readonly status: ReadonlySignal<SaveStatus>;
  save(h: CaseHousehold): void;
  flush(): Promise<void>;
}

export function createSaver(vault: Vault): Saver {
  const status = signal<SaveStatus>('saved');
  let queued: CaseHousehold | null = null;
  let chain: Promise<void> = Promise.resolve();
  const writeLatest = async () => {
    const h = queued;
    queued = null;
    if (!h) return;
    try {
      await vault.put(h);
      if (!queued) status.value = 'saved';
    } catch (error) {
      status.value = { error };
    }
  };
  return {
    status,
    save(h) {
      queued = h;
      status.value = 'saving';
      const next = chain.then(writeLatest);
      chain = next;
      inFlight.add(next);
      void next.finally(() => inFlight.delete(next));
    },
    async flush() {
      let last: Promise<void>;
      do {
        last = chain;
        await last;
      } while (last !== chain);
    },
  };
}
