/**
 * The kiosk's inactivity timer: after `idleMs` without a touch or a key it warns, counts down
 * `warningMs`, then wipes. A screen with nothing on it (`isPristine`) is left alone. Any activity
 * stops the countdown. The idle part is the app's one inactivity clock (src/storage/idle.ts); time
 * and timers can be injected (tests).
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import { createIdleTimer, defaultTimers, type Timers } from '../storage/idle';

export type { Timers } from '../storage/idle';

export { KIOSK_DIALOG_CLASS } from './mode';

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

export function createKioskTimer(options: KioskTimerOptions): KioskTimer {
  const now = options.now ?? Date.now;
  const timers = options.timers ?? defaultTimers;
  const secondsLeft = signal<number | null>(null);
  let countdown: unknown;
  let deadline = 0;
  let disposed = false;

  const stopCountdown = () => {
    if (countdown !== undefined) timers.clear(countdown);
    countdown = undefined;
    secondsLeft.value = null;
  };

  const idle = createIdleTimer({
    idleMs: options.idleMs,
    now,
    timers,
    onIdle() {
      if (disposed) return;
      if (options.isPristine()) {
        idle.restart();
        return;
      }
      deadline = now() + options.warningMs;
      tick();
    },
  });

  const wipe = () => {
    stopCountdown();
    options.onWipe();
    if (!disposed) idle.restart();
  };

  function tick() {
    countdown = undefined;
    const left = deadline - now();
    if (left <= 0) {
      wipe();
      return;
    }
    secondsLeft.value = Math.ceil(left / 1000);
    // Wake at the next whole second, so the count shown is never late by more than a tick.
    if (!disposed) countdown = timers.set(tick, left % 1000 || 1000);
  }

  idle.restart();

  return {
    secondsLeft,
    activity() {
      if (disposed) return;
      stopCountdown();
      idle.restart();
    },
    wipeNow() {
      idle.stop();
      wipe();
    },
    dispose() {
      disposed = true;
      idle.stop();
      stopCountdown();
    },
  };
}
