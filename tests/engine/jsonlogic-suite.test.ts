// @vitest-environment node
/**
 * The official JsonLogic test suite, within our documented subset: every case gives JsonLogic's
 * answer, except where a variable is absent from the data. There JsonLogic reads null and we read a
 * missing answer, unknown: the one deliberate difference (rules/README.md, "Three-valued logic").
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeResult } from '../reliability/result';
import { applyOurs, inSubset, same } from './jsonlogic-harness';

type Case = [unknown, Record<string, unknown> | null, unknown];
const fixture = JSON.parse(readFileSync(new URL('./jsonlogic-official.json', import.meta.url), 'utf8')) as { cases: Case[] };
const official = new URL('../../../shared/jsonlogic/tests.json', import.meta.url);

/** Variables the expression reads from the data (outside some/all/none/filter/map bodies). */
function readsAbsent(logic: unknown, data: Record<string, unknown> | null): boolean {
  if (logic === null || typeof logic !== 'object') return false;
  if (Array.isArray(logic)) return logic.some((l) => readsAbsent(l, data));
  const [op, raw] = Object.entries(logic)[0] as [string, unknown];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') return data?.[args[0] as string] === undefined || data?.[args[0] as string] === null;
  if (['some', 'all', 'none', 'filter', 'map'].includes(op)) return readsAbsent(args[0], data);
  return args.some((a) => readsAbsent(a, data));
}

describe('the official JsonLogic suite, within the documented subset', () => {
  it('the copy in this repository is exactly the subset of the official file', () => {
    if (!existsSync(official)) return; // CI and developers have it beside the repository; the copy stands alone
    const all = JSON.parse(readFileSync(official, 'utf8')) as unknown[];
    const subset = all.filter(
      (c): c is Case => Array.isArray(c) && inSubset(c[0]) && (c[1] === null || (typeof c[1] === 'object' && !Array.isArray(c[1]))),
    );
    expect(fixture.cases).toEqual(subset);
  });

  it('agrees with every case, or reads an absent variable as unknown', () => {
    let agreed = 0;
    let documented = 0;
    const disagreements: string[] = [];
    for (const [logic, data, expected] of fixture.cases) {
      const got = applyOurs(logic, data);
      if (got.kind === 'value' && same(got.value, expected)) agreed++;
      else if (got.kind === 'unknown' && readsAbsent(logic, data)) documented++;
      else disagreements.push(`${JSON.stringify(logic)} with ${JSON.stringify(data)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    }
    writeResult({
      suite: 'jsonlogic-official',
      title: `official JsonLogic suite, ${fixture.cases.length} cases within the documented subset`,
      cases: fixture.cases.length,
      crashes: 0,
      disagreements: disagreements.length,
      documented,
    });
    expect(disagreements).toEqual([]);
    expect(agreed + documented).toBe(fixture.cases.length);
    expect(fixture.cases.length).toBeGreaterThan(150);
  });

  it.each([
    [{ '==': [1, '1'] }, true],
    [{ '!=': [0, ''] }, false],
    [{ none: [5, true] }, true],
    [{ '+': ['1', '2.5'] }, 3.5],
    [{ '*': ['3', 2] }, 6],
    [{ '-': [null, 1] }, -1],
    [{ if: [] }, null],
    [{ '<': ['10', '9'] }, true], // two texts compare as text, as in JavaScript
  ])('%j gives JsonLogic’s %j', (logic, expected) => {
    expect(applyOurs(logic, {})).toEqual({ kind: 'value', value: expected });
  });

  it('+ of null or of text that is not a number is NaN, as in JsonLogic (not a silent null)', () => {
    const got = applyOurs({ '+': [null, 1] }, {});
    expect(got.kind === 'value' && Number.isNaN(got.value)).toBe(true);
  });

  it('refuses a var with a default value, with a message saying where a default belongs', () => {
    const got = applyOurs({ var: ['adults', 1] }, {});
    expect(got.kind).toBe('refused');
    expect(got.kind === 'refused' && got.message).toMatch(/without a default value.*questions\.json/);
  });
});
