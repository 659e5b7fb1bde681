// @vitest-environment node
/**
 * End-to-end steps wait for the state they read (an element, a text, `waitForScreen`), never for a URL
 * or a time: the address changes before the screen does, and a time is either too short on a busy
 * machine or wasted on an idle one. This keeps the pattern that made the suite flaky from coming back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../e2e/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('end-to-end waits', () => {
  it.each(files)('%s waits for state, never for a URL or a time', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const offending = source
      .split('\n')
      .map((line, i) => ({ line: line.trim(), n: i + 1 }))
      .filter(({ line }) => /\.waitForURL\(|\.waitForTimeout\(|setTimeout\(resolve/.test(line) && !line.startsWith('//') && !line.startsWith('*'));
    expect(offending, offending.map((o) => `${file}:${o.n} ${o.line}`).join('\n')).toEqual([]);
  });
});
