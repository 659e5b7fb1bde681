// @vitest-environment node
/** The app's one write queue: in order, the latest value after the write in flight, tasks in turn. */
import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../src/state/write-queue';

describe('the write queue', () => {
  it('writes the first value at once and only the latest of those pushed meanwhile, in order', async () => {
    const written: number[] = [];
    let release: () => void = () => undefined;
    const queue = createWriteQueue<number>(async (n) => {
      written.push(n);
      if (n === 1) await new Promise<void>((r) => (release = r));
    });
    queue.push(1);
    await Promise.resolve();
    for (const n of [2, 3, 4]) queue.push(n);
    expect(queue.waiting()).toBe(true);
    release();
    await queue.flush();
    expect(written).toEqual([1, 4]);
    expect(queue.waiting()).toBe(false);
  });

  it('runs a task after the writes before it, and keeps going after a failed write', async () => {
    const log: string[] = [];
    const queue = createWriteQueue<string>(async (v) => {
      if (v === 'bad') throw new Error('disk full');
      log.push(`write ${v}`);
    });
    queue.push('bad');
    await queue.flush();
    queue.run(async () => {
      log.push('task');
    });
    queue.push('good');
    await queue.flush();
    expect(log).toEqual(['task', 'write good']);
  });
});
