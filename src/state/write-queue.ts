/**
 * The app's one write queue: what is on screen is written in order, the latest value after the write
 * in flight, so a burst of keystrokes makes a few writes and never leaves an older value last. Used
 * by the resident's answers (./saving.ts) and by the caseload's households (./caseload/household.ts).
 */
export interface WriteQueue<T> {
  /** writes `value` after the write in flight; a value pushed before that write starts replaces it */
  push(value: T): void;
  /** runs `task` in turn, after every write queued before it */
  run(task: () => Promise<void>): void;
  /** a value is waiting to be written */
  waiting(): boolean;
  /** resolves when every write and task queued so far (and any queued meanwhile) has ended */
  flush(): Promise<void>;
}

/** `write` says itself what a failure means (a problem to show, a retry): the queue only keeps order. */
export function createWriteQueue<T>(write: (value: T) => Promise<void>): WriteQueue<T> {
  let chain: Promise<void> = Promise.resolve();
  let queued: { value: T } | null = null;
  const writeLatest = async () => {
    const next = queued;
    queued = null;
    if (next) await write(next.value);
  };
  const run = (task: () => Promise<void>) => {
    chain = chain.then(task).catch(() => undefined);
  };
  return {
    push(value) {
      queued = { value };
      run(writeLatest);
    },
    run,
    waiting: () => queued !== null,
    async flush() {
      let last: Promise<void>;
      do {
        last = chain;
        await last;
      } while (last !== chain);
    },
  };
}
