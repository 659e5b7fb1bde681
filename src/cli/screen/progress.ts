/** A progress bar on standard error (count, rate, time left); the output files never see it. */

export interface Progress {
  update(households: number, bytesRead: number): void;
  done(households: number): void;
}

const clock = (s: number) => {
  if (!Number.isFinite(s)) return '--:--';
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(Math.round(s % 60)).padStart(2, '0')}`;
};

export function createProgress(totalBytes: number, stream: NodeJS.WriteStream = process.stderr, now = () => performance.now()): Progress {
  const start = now();
  let last = 0;
  let lastLength = 0;
  const tty = stream.isTTY === true;
  // a terminal gets a bar redrawn in place; a log gets one line every ten seconds
  const every = tty ? 250 : 10_000;
  const draw = (households: number, bytesRead: number, final: boolean) => {
    const seconds = (now() - start) / 1000;
    const share = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 1;
    const rate = seconds > 0 ? households / seconds : 0;
    const left = share > 0 ? (seconds / share) * (1 - share) : Number.POSITIVE_INFINITY;
    const width = 24;
    const filled = Math.round(share * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const text = `${bar} ${Math.round(share * 100)}% ${households.toLocaleString('en')} households, ${Math.round(rate).toLocaleString('en')}/s, ${final ? `done in ${clock(seconds)}` : `${clock(left)} left`}`;
    if (tty) {
      stream.write(`\r${text.padEnd(lastLength)}${final ? '\n' : ''}`);
      lastLength = text.length;
    } else stream.write(`${text}\n`);
  };
  return {
    update(households, bytesRead) {
      const t = now();
      if (t - last < every) return;
      last = t;
      draw(households, bytesRead, false);
    },
    done(households) {
      if (tty || now() - start >= every) draw(households, totalBytes, true);
    },
  };
}
