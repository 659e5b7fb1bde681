// @vitest-environment node
/** The `rights` command as a city's analyst would run it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_4_DATE,
  EXAMPLE_5_DATE,
  EXAMPLE_6_DATE,
  harelbekeMother,
  harelbekeMotherResults,
  pensionerOnHeatingOil,
  pensionerOnHeatingOilResults,
  singleMother,
  singleMotherResults,
  wevelgemCouple,
  wevelgemCoupleResults,
} from '../fixtures/households';

const tmp = mkdtempSync(join(tmpdir(), 'rights-'));
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const rights = (args: string[], input?: string) =>
  spawnSync(TSX, ['src/cli/rights.ts', ...args], { encoding: 'utf8', input, cwd: process.cwd() });

describe('rights evaluate', () => {
  it('prints only JSON, with the statuses DOMAIN.md gives for the single mother of example 1', () => {
    const file = join(tmp, 'mother.json');
    writeFileSync(file, JSON.stringify(singleMother));
    const out = execFileSync(TSX, ['src/cli/rights.ts', 'evaluate', '--date', '2025-03-01', file], { encoding: 'utf8' });
    const parsed = JSON.parse(out);
    expect(parsed.date).toBe('2025-03-01');
    expect(parsed.rulesVersion).toMatch(/^\d{4}\.\d{2}\.\d+$/);
    const status = Object.fromEntries(parsed.results.map((r: { id: string; status: string }) => [r.id, r.status]));
    expect(status).toEqual(singleMotherResults);
    const tariff = parsed.results.find((r: { id: string }) => r.id === 'kortrijk.sociaal-tarief');
    expect(tariff.threshold).toBe(2486.5);
    expect(tariff.reasons.join(' ')).toMatch(/netMonthlyIncome 1950\.00 <= threshold_sociaalTarief 2486\.50: yes/);
  });

  it('refuses a negative income with a message naming the field, and prints no JSON', () => {
    const r = rights(['evaluate', '--date', '2025-03-01', '-'], JSON.stringify({ ...singleMother, netMonthlyIncome: -5 }));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/netMonthlyIncome: expected a number of at least 0/);
  });

  it('refuses a date before the window the rules cover (2022-01-01) as a whole, with exit code 2', () => {
    const r = rights(['evaluate', '--date', '2021-12-31', '-'], JSON.stringify(singleMother));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cover evaluation dates from 2022-01-01: 2021-12-31 is before/);
  });

  it('refuses an impossible date with exit code 2', () => {
    const r = rights(['evaluate', '--date', '2025-02-30', '-'], JSON.stringify(singleMother));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/"2025-02-30" is not a real date/);
  });

  it('refuses an unknown answer key, naming it', () => {
    const { netMonthlyIncome, ...rest } = singleMother;
    const r = rights(['evaluate', '--date', '2025-03-01', '-'], JSON.stringify({ ...rest, netMonthlyIncom: netMonthlyIncome }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown answer key "netMonthlyIncom"/);
  });
});

describe('rights evaluate: the worked examples of rules spec v2', () => {
  const run = (answers: unknown, date: string) => {
    const r = rights(['evaluate', '--no-trace', '--date', date, '-'], JSON.stringify(answers));
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout).results as { id: string; status: string; amount?: number; threshold?: number }[];
  };
  const byId = (results: { id: string }[]) => Object.fromEntries(results.map((r) => [r.id, r]));

  it('example 4, Kortrijk 2026-11-29: kortingkaart, afvalpremie 50 EUR/year, verwarmingstoelage ask at 2067.90', () => {
    const results = byId(run(pensionerOnHeatingOil, EXAMPLE_4_DATE));
    for (const [id, want] of Object.entries(pensionerOnHeatingOilResults)) expect(results[id], id).toMatchObject(want);
    expect(results['federaal.sociaal-internetaanbod']).not.toHaveProperty('amount');
  });

  it('example 5, Harelbeke 2025-03-01: MIA-UiTPAS ask at 2486.50, no kortrijk.* right at all', () => {
    const results = run(harelbekeMother, EXAMPLE_5_DATE);
    const ids = results.map((r) => r.id);
    expect(ids.filter((id) => id.startsWith('kortrijk.'))).toEqual([]);
    for (const [id, want] of Object.entries(harelbekeMotherResults)) expect(byId(results)[id], id).toMatchObject(want);
  });

  it('example 6, Wevelgem 2024-06-01: verwarmingstoelage ask at 2027.35, and only federal and Flemish rights', () => {
    const results = run(wevelgemCouple, EXAMPLE_6_DATE);
    expect(results.every((r) => /^(federaal|vlaanderen)\./.test(r.id))).toBe(true);
    expect(byId(results)['federaal.verwarmingstoelage']).toMatchObject(wevelgemCoupleResults['federaal.verwarmingstoelage'] as object);
  });
});

describe('rights evaluate --jsonl', () => {
  it('writes one line per household; a bad line gets an error line and the others are still evaluated', () => {
    const input = [
      JSON.stringify({ id: 'a', date: '2025-03-01', answers: singleMother }),
      '{ not json',
      JSON.stringify({ id: 'c', date: '2025-03-01', answers: { ...singleMother, adults: 'two' } }),
      JSON.stringify({ id: 'd', date: '2025-03-01', answers: { statuses: ['leefloon'] } }),
    ].join('\n');
    const r = rights(['evaluate', '--jsonl', '-'], input);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].id).toBe('a');
    expect(lines[0].results.find((x: { id: string }) => x.id === 'kortrijk.pamperbank')).toMatchObject({ status: 'eligible', amount: 1 });
    expect(lines[0].results[0].reasons).toBeUndefined();
    expect(lines[1]).toMatchObject({ id: null, line: 2 });
    expect(lines[1].error).toMatch(/not valid JSON/);
    expect(lines[2]).toMatchObject({ id: 'c', line: 3 });
    expect(lines[2].error).toMatch(/answers\/adults: expected a whole number, found/);
    const d = lines[3].results.find((x: { id: string }) => x.id === 'kortrijk.sociaal-tarief');
    expect(d.status).toBe('eligible');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2 lines could not be evaluated/);
  });
});

describe('the batch serialiser', () => {
  it('writes exactly what JSON.stringify writes, for every status and figure', async () => {
    const { evaluate } = await import('../../src/engine');
    const { loadRulesFromDisk } = await import('../../src/cli/load-rules');
    const { serializeResults, toOutput } = await import('../../src/cli/output');
    const { households } = await import('../bench/households');
    const rules = loadRulesFromDisk();
    const seen = new Set<string>();
    for (const a of households(3000, 3)) {
      const { netMonthlyIncome, ...withoutIncome } = a;
      for (const answers of [a, withoutIncome]) {
        const results = evaluate(rules, answers, '2025-03-01');
        for (const r of results) seen.add(`${r.status}${r.over !== undefined}${r.missing !== undefined}`);
        expect(serializeResults(results)).toBe(JSON.stringify(results.map(toOutput)));
      }
      expect(netMonthlyIncome).toBeTypeOf('number');
    }
    expect(seen).toContain('unknownfalsetrue');
    expect(seen).toContain('not-eligibletruefalse');
  });
});
