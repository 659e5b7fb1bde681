// @vitest-environment node
/** The `rights` command as a city's analyst would run it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { singleMother } from '../fixtures/households';

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
    expect(status).toEqual({
      'federaal.sociaal-tarief-energie': 'not-eligible',
      'federaal.verhoogde-tegemoetkoming': 'ask',
      'kortrijk.deelfabriek': 'eligible',
      'kortrijk.extra-sociaal-tarief': 'eligible',
      'kortrijk.huurgarantie': 'ask',
      'kortrijk.kinderopvang-tussenkomst': 'ask',
      'kortrijk.kmi': 'ask',
      'kortrijk.pamperbank': 'eligible',
      'kortrijk.schuldhulp': 'not-eligible',
      'kortrijk.sociaal-tarief': 'eligible',
      'kortrijk.taxibon': 'not-eligible',
      'kortrijk.uitpas-kansentarief': 'eligible',
      'kortrijk.vork-maaltijd': 'eligible',
      'vlaanderen.groeipakket-sociale-toeslag': 'eligible',
      'vlaanderen.sociaal-tarief-water': 'not-eligible',
    });
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

  it('refuses a date before the first leefloon value, naming the parameter', () => {
    const r = rights(['evaluate', '--date', '2021-06-01', '-'], JSON.stringify(singleMother));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Parameter "leefloon\.[a-z]+" has no value on 2021-06-01/);
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
