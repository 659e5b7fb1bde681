// @vitest-environment node
/** The mode of a tab and the kiosk's idle timer, with a clock that moves only when the test says so. */
import { describe, expect, it } from 'vitest';
import { createKioskTimer } from '../../src/state/kiosk';
import { detectMode, hasShareHash, KIOSK_IDLE_MS, kioskTimes, MODE_STORAGE_KEY } from '../../src/state/mode';
import { fakeClock } from '../storage/fake-clock';

function tabStore(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('the mode of a tab', () => {
  it('starts a kiosk from ?mode=kiosk and remembers only the word "kiosk" for the tab', () => {
    const tab = tabStore();
    expect(detectMode('?mode=kiosk&idle=5', tab)).toEqual({ kind: 'kiosk', idleMs: 5000 });
    expect([...tab.items]).toEqual([[MODE_STORAGE_KEY, 'kiosk']]);
    // a reload without the query stays a kiosk
    expect(detectMode('', tab)).toEqual({ kind: 'kiosk', idleMs: null });
  });

  it('is the resident app otherwise, and ignores a nonsense idle time', () => {
    expect(detectMode('', tabStore())).toEqual({ kind: 'resident', idleMs: null });
    expect(detectMode('?idle=abc', tabStore()).idleMs).toBeNull();
    expect(detectMode('?idle=0', tabStore()).idleMs).toBeNull();
    expect(detectMode('?idle=3', null)).toEqual({ kind: 'resident', idleMs: 3000 });
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(detectMode('?mode=kiosk', refusing).kind).toBe('kiosk');
  });

  it('splits the idle time into waiting and a warning of at most 30 seconds', () => {
    expect(kioskTimes(null)).toEqual({ idleMs: KIOSK_IDLE_MS - 30_000, warningMs: 30_000 });
    expect(kioskTimes(12_000)).toEqual({ idleMs: 6000, warningMs: 6000 });
    expect(kioskTimes(1000)).toEqual({ idleMs: 0, warningMs: 1000 });
  });

  it('recognises a share link in the address', () => {
    expect(hasShareHash('#r=1zAbC')).toBe(true);
    expect(hasShareHash('#x=1&r=1zAbC')).toBe(true);
    expect(hasShareHash('#/resultaten')).toBe(false);
    expect(hasShareHash('#/recht/r=1')).toBe(false);
    expect(hasShareHash('')).toBe(false);
  });
});

describe('the kiosk idle timer', () => {
  function setup(pristine = false) {
    const clock = fakeClock();
    let wiped = 0;
    let isPristine = pristine;
    const timer = createKioskTimer({
      idleMs: 60_000,
      warningMs: 30_000,
      isPristine: () => isPristine,
      onWipe: () => {
        wiped++;
        isPristine = true;
      },
      now: clock.now,
      timers: clock.timers,
    });
    return { timer, clock, wiped: () => wiped, setPristine: (p: boolean) => (isPristine = p) };
  }

  it('warns after the idle time, counts down every second, then wipes once', () => {
    const { timer, clock, wiped } = setup();
    clock.advance(59_999);
    expect(timer.secondsLeft.value).toBeNull();
    clock.advance(1);
    expect(timer.secondsLeft.value).toBe(30);
    clock.advance(1000);
    expect(timer.secondsLeft.value).toBe(29);
    clock.advance(28_000);
    expect(timer.secondsLeft.value).toBe(1);
    expect(wiped()).toBe(0);
    clock.advance(1000);
    expect(wiped()).toBe(1);
    expect(timer.secondsLeft.value).toBeNull();
    // the screen is at the start now: no more warnings
    clock.advance(10 * 60_000);
    expect(wiped()).toBe(1);
    expect(timer.secondsLeft.value).toBeNull();
  });

  it('stops the countdown on any activity and starts waiting again', () => {
    const { timer, clock, wiped } = setup();
    clock.advance(70_000);
    expect(timer.secondsLeft.value).toBe(20);
    timer.activity();
    expect(timer.secondsLeft.value).toBeNull();
    clock.advance(59_000);
    expect(timer.secondsLeft.value).toBeNull();
    clock.advance(1000);
    expect(timer.secondsLeft.value).toBe(30);
    expect(wiped()).toBe(0);
  });

  it('leaves a screen with nothing on it alone, and wipes at once on "start again"', () => {
    const { timer, clock, wiped, setPristine } = setup(true);
    clock.advance(5 * 60_000);
    expect(timer.secondsLeft.value).toBeNull();
    setPristine(false);
    timer.wipeNow();
    expect(wiped()).toBe(1);
    timer.dispose();
    expect(clock.pendingCount()).toBe(0);
  });
});
