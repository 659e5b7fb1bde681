/**
 * The kiosk's inactivity timer: after `idleMs` without a touch or a key it warns, counts down
 * `warningMs`, then wipes. A screen with nothing on it (`isPristine`) is left alone. Any activity
 * stops the countdown. Time and timers can be injected (tests).
 */
import { type ReadonlySignal, signal } from '@preact/signals';

/** The warning's class: activity inside it does not count as "still here". */
export const KIOSK_DIALOG_CLASS = 'kiosk-dialog';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface KioskTimerOptions {
  idleMs: number;
  warningMs: number;
  /** true when there is nothing to wipe (start screen, no answers): no warning then */
  isPristine(): boolean;
  /** wipes everything and returns to the start */
  onWipe(): void;
  now?: () => number;
  timers?: Timers;
}

export interface KioskTimer {
  /** whole seconds left before the wipe while the warning shows, else null */
  readonly secondsLeft: ReadonlySignal<number | null>;
  /** a touch, a key, a scroll: the person is still there */
  activity(): void;
  /** wipes at once ("start again") */
  wipeNow(): void;
  dispose(): void;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createKioskTimer(options: KioskTimerOptions): KioskTimer {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? defaultTimers;
  const secondsLeft = signal<number | null>(null);
  let handle: unknown;
  let deadline = 0;
  let disposed = false;

  const clear = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
  };
  const schedule = (fn: () => void, ms: number) => {
    clear();
    if (!disposed) handle = timers.set(fn, ms);
  };

  const wipe = () => {
    clear();
    secondsLeft.value = null;
    options.onWipe();
    schedule(onIdle, options.idleMs);
  };

  const tick = () => {
    const left = deadline - now();
    if (left <= 0) {
      wipe();
      return;
    }
    secondsLeft.value = Math.ceil(left / 1000);
    // Wake at the next whole second, so the count shown is never late by more than a tick.
    schedule(tick, left % 1000 || 1000);
  };

  function onIdle() {
    handle = undefined;
    if (options.isPristine()) {
      schedule(onIdle, options.idleMs);
      return;
    }
    deadline = now() + options.warningMs;
    tick();
  }

  schedule(onIdle, options.idleMs);

  return {
    secondsLeft,
    activity() {
      if (disposed) return;
      secondsLeft.value = null;
      schedule(onIdle, options.idleMs);
    },
    wipeNow: wipe,
    dispose() {
      disposed = true;
      clear();
    },
  };
}
