/** A clock and timer pair for the vault's idle lock: time moves only when a test says so. */
export function fakeClock(start = Date.parse('2026-11-23T09:00:00Z')) {
  let t = start;
  let nextHandle = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    timers: {
      set: (fn: () => void, ms: number) => {
        const handle = nextHandle++;
        pending.set(handle, { at: t + ms, fn });
        return handle;
      },
      clear: (handle: unknown) => void pending.delete(handle as number),
    },
    /** moves the time on, running every timer that falls due, in order */
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        t = due[1].at;
        due[1].fn();
      }
      t = end;
    },
    /** moves the time on without running timers (a phone asleep: timers are late) */
    jump(ms: number) {
      t += ms;
    },
    pendingCount: () => pending.size,
  };
}
