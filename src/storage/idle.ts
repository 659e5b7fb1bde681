/**
 * The one inactivity clock of the app: the caseload vault locks with it, the kiosk wipes with it.
 * It calls `onIdle` once `idleMs` have passed without activity. A timer can run late (a phone asleep
 * in a bag) or early (a clock change): `expired()` reads the clock itself, and an early timer waits
 * for the rest. Time and timers can be injected (tests).
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface IdleTimerOptions {
  idleMs: number;
  onIdle(): void;
  now?: () => number;
  timers?: Timers;
}

export interface IdleTimer {
  /** starts counting from now (after an unlock, a wipe, a pristine screen) */
  restart(): void;
  /** activity: counts again from now, unless the time ran out already by the clock: then `onIdle` (false) */
  activity(): boolean;
  /** whether `idleMs` have passed since the last (re)start, by the clock */
  expired(): boolean;
  /** stops counting until the next restart */
  stop(): void;
}

export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const { idleMs, onIdle } = options;
  const now = options.now ?? Date.now;
  const timers = options.timers ?? defaultTimers;
  let last = 0;
  let handle: unknown;
  let running = false;

  const clear = () => {
    if (handle !== undefined) timers.clear(handle);
    handle = undefined;
  };
  const fire = () => {
    handle = undefined;
    const left = idleMs - (now() - last);
    if (left > 0) {
      handle = timers.set(fire, left);
      return;
    }
    running = false;
    onIdle();
  };
  const timer: IdleTimer = {
    restart() {
      clear();
      last = now();
      running = true;
      handle = timers.set(fire, idleMs);
    },
    activity() {
      if (running && timer.expired()) {
        clear();
        running = false;
        onIdle();
        return false;
      }
      timer.restart();
      return true;
    },
    expired: () => running && now() - last >= idleMs,
    stop() {
      clear();
      running = false;
    },
  };
  return timer;
}
