// @vitest-environment node
/** The reliability report adds up what ran, says "not run" for the rest, and fails out of bounds. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResults, summarise } from './report';

const value = (lines: ReturnType<typeof summarise>, label: string) => lines.find((l) => l.label.startsWith(label));

describe('the reliability report', () => {
  it('says "not run" for a figure no suite measured, never a number', () => {
    const lines = summarise([{ suite: 'a', title: 'a', cases: 10, crashes: 0, disagreements: 0 }]);
    expect(value(lines, 'fault scenarios')).toMatchObject({ value: 'not run', ok: true });
    expect(value(lines, 'CSP violations')).toMatchObject({ value: 'not run', ok: true });
    expect(value(lines, 'fuzz and differential')?.value).toBe('10 (a)');
  });

  it('adds up the suites and fails on a crash, a disagreement, a fault or a CSP violation', () => {
    const lines = summarise([
      { suite: 'a', title: 'a', cases: 10, crashes: 1, disagreements: 0 },
      { suite: 'b', title: 'b', cases: 5, disagreements: 2, documented: 3 },
      { suite: 'c', title: 'c', faults: { survived: 6, total: 7 }, cspViolations: 1 },
    ]);
    expect(value(lines, 'fuzz and differential')?.value).toBe('15 (a, b)');
    expect(value(lines, 'crashes')).toMatchObject({ value: '1', ok: false });
    expect(value(lines, 'disagreements')).toMatchObject({ value: '2 (documented three-valued differences: 3)', ok: false });
    expect(value(lines, 'fault scenarios')).toMatchObject({ value: '6 of 7 (c)', ok: false });
    expect(value(lines, 'CSP violations')).toMatchObject({ value: '1 (c)', ok: false });
  });

  it('refuses a result file that is not JSON or whose counts are not counts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reliability-'));
    writeFileSync(join(dir, 'broken.json'), '{');
    writeFileSync(join(dir, 'odd.json'), JSON.stringify({ suite: 'odd', title: 'odd', crashes: -1, faults: { survived: 3, total: 2 } }));
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ suite: 'good', title: 'good', cases: 3, crashes: 0 }));
    const { results, problems } = readResults(dir);
    expect(results.map((r) => r.suite)).toEqual(['good']);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/broken\.json: not valid JSON/);
    expect(problems.join('\n')).toMatch(/odd\.json: crashes, faults not a count/);
  });
});
