// @vitest-environment node
/** `rights screen` as the city's analyst runs it: a synthetic city, Belgian CSV, bad rows, exit codes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadRulesFromDisk } from '../../src/cli/load-rules';
import { planColumns, rowToHousehold } from '../../src/cli/screen/columns';
import { type CityHousehold, cityColumns, cityCsvRow, syntheticCity } from '../bench/city';

const tmp = mkdtempSync(join(tmpdir(), 'screen-'));
// The command bundled as `npm run rights` bundles it: each run then starts in a fraction of a second.
const BUNDLE = join(process.cwd(), 'dist-cli', `screen-test-${process.pid}.mjs`);
buildSync({ entryPoints: ['src/cli/rights.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: BUNDLE, logLevel: 'warning' });
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
afterAll(() => rmSync(BUNDLE, { force: true }));
const DATE = '2025-03-01';
const rules = loadRulesFromDisk();

const rights = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', input, cwd: process.cwd() });

const screen = (file: string, out: string, ...extra: string[]) => rights(['screen', '--date', DATE, '--out', out, ...extra, file]);

const readCsv = (file: string) => parse(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];

interface Counts {
  eligible: number;
  ask: number;
  nearMiss: number;
  alreadyReceives: number;
  toContact: number;
}

describe('a synthetic city screened end to end', () => {
  const city: CityHousehold[] = [...syntheticCity(rules, 600, 9, DATE)];
  const out = join(tmp, 'city-out');
  let run: ReturnType<typeof rights>;

  beforeAll(() => {
    const columns = cityColumns(rules);
    writeFileSync(join(tmp, 'city.csv'), `\ufeff${columns.join(';')}\r\n${city.map((h) => cityCsvRow(columns, h)).join('\r\n')}\r\n`);
    run = screen(join(tmp, 'city.csv'), out, '--workers', '2');
  });

  it('exits 0, says what it wrote on standard output and keeps its progress off it', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Screened 600 households in [\d.]+ s \(\d+ a second, peak memory \d+ MB\): \d+ rows to contact/);
    expect(run.stdout).not.toMatch(/\[#|left/);
    for (const f of ['contact.csv', 'summary.json', 'summary.html', 'rejected.csv']) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('agrees with evaluate --jsonl on the same households', () => {
    const lines = city.map((h) => JSON.stringify({ id: h.id, date: DATE, answers: h.answers })).join('\n');
    const evaluated = rights(['evaluate', '--jsonl', '-'], lines);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    const expected: Record<string, Counts> = {};
    const byId = new Map(city.map((h) => [h.id, h]));
    for (const line of evaluated.stdout.trim().split('\n')) {
      const { id, results } = JSON.parse(line) as { id: string; results: { id: string; status: string; over?: number }[] };
      const receives = byId.get(id)?.receives ?? [];
      for (const r of results) {
        const c = (expected[r.id] ??= { eligible: 0, ask: 0, nearMiss: 0, alreadyReceives: 0, toContact: 0 });
        if (r.status === 'eligible') c.eligible++;
        if (r.status === 'ask') c.ask++;
        if (r.over !== undefined) c.nearMiss++;
        if (receives.includes(r.id)) c.alreadyReceives++;
        else if (r.status === 'eligible' || r.status === 'ask') c.toContact++;
      }
    }
    // a right no household gets, asks or nearly misses (unknown for all: its facts are not in the file) has no line
    for (const [id, c] of Object.entries(expected)) if (Object.values(c).every((n) => n === 0)) delete expected[id];
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ date: DATE, rulesVersion: rules.manifest.version, amountsUpdated: '2025-02-01', households: 600, rejected: 0 });
    expect(summary.rights).toEqual(expected);
    // the spread is plausible: some of each, not all of anything (except the Deelfabriek, for everyone)
    const tariff = summary.rights['kortrijk.sociaal-tarief'] as Counts;
    expect(tariff.eligible).toBeGreaterThan(30);
    expect(tariff.eligible).toBeLessThan(400);
    expect(tariff.alreadyReceives).toBeGreaterThan(0);
    expect(tariff.nearMiss).toBeGreaterThan(0);
  });

  it('lists each household and right to contact once, with a reason in plain Dutch, and counts them per area', () => {
    const contact = readCsv(join(out, 'contact.csv'));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const total = Object.values(summary.rights as Record<string, Counts>).reduce((n, c) => n + c.toContact, 0);
    expect(contact).toHaveLength(total);
    expect(Object.keys(contact[0] as object)).toEqual(['id', 'area', 'right', 'status', 'amount', 'unit', 'reason']);
    const byId = new Map(city.map((h) => [h.id, h]));
    const perArea: Record<string, Record<string, number>> = {};
    for (const row of contact) {
      const h = byId.get(row.id as string) as CityHousehold;
      expect(h.receives).not.toContain(row.right);
      expect(['eligible', 'ask']).toContain(row.status);
      expect(row.area).toBe(h.area);
      expect(row.reason).not.toBe('');
      const byRight = (perArea[row.area as string] ??= {});
      byRight[row.right as string] = (byRight[row.right as string] ?? 0) + 1;
    }
    expect(summary.areas).toEqual(perArea);
    const single = contact.find((r) => r.right === 'kortrijk.sociaal-tarief' && r.status === 'eligible' && !/leefloon/.test(r.reason as string));
    expect(single?.reason).toMatch(/^Het inkomen van je gezin \(€\s[\d.,]+ per maand\) is niet hoger dan de grens voor jouw gezin \(€\s[\d.,]+\)\.$/);
    const uitpas = contact.find((r) => r.right === 'kortrijk.uitpas-kansentarief');
    expect(uitpas).toMatchObject({ amount: '80', unit: 'percent-off' });
  });

  it('writes the reason in another language with --lang', () => {
    const fr = join(tmp, 'city-fr');
    const r = screen(join(tmp, 'city.csv'), fr, '--lang', 'fr');
    expect(r.status, r.stderr).toBe(0);
    const reasons = readCsv(join(fr, 'contact.csv')).map((row) => row.reason);
    expect(reasons.some((s) => /revenu/i.test(s as string))).toBe(true);
    expect(readFileSync(join(fr, 'summary.html'), 'utf8')).toMatch(/<html lang="fr" dir="ltr">/);
  });
});

describe('reading CSV as Belgian spreadsheets write it', () => {
  it('reads `,` with quotes and `;` with a decimal comma alike, and skips bad rows with their line and reason', () => {
    const comma = [
      '\ufeffid,area,receives,adults,partner,children,netMonthlyIncome,statuses,housing,debts',
      'a1,"Heule, Noord",,1,,4|9,1950.5,none,private-rent,false',
      'a2,Heule,kortrijk.deelfabriek,2,true,none,,verhoogde-tegemoetkoming|debt-mediation,owner,',
      'a3,Heule,,two,,,,,,',
      'a4,Heule,,1,,none,1200,sick,,',
      ',Heule,,1,,none,1200,,,',
      'a6,Heule,kortrijk.nothing,1,,none,1200,,,',
      'a7,Heule,,1',
      'a8,Heule,,1,,none,1200,,,maybe',
      '',
    ].join('\r\n');
    const semicolon = comma
      .replace(/"Heule, Noord"/, 'Heule Noord')
      .replace(/,/g, ';')
      .replace('1950.5', '1950,5')
      .replace('Heule Noord', '"Heule, Noord"');
    const results = [
      ['comma.csv', comma],
      ['semicolon.csv', semicolon],
    ].map(([name, text]) => {
      writeFileSync(join(tmp, name as string), text as string);
      const out = join(tmp, `${name}-out`);
      const r = screen(join(tmp, name as string), out);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/6 rows were rejected: see .*rejected\.csv/);
      return { out, summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')), rejected: readCsv(join(out, 'rejected.csv')), contact: readCsv(join(out, 'contact.csv')) };
    });
    for (const { summary, rejected } of results) {
      expect(summary).toMatchObject({ households: 2, rejected: 6 });
      expect(rejected.map((r) => [r.line, r.id])).toEqual([
        ['4', 'a3'],
        ['5', 'a4'],
        ['6', ''],
        ['7', 'a6'],
        ['8', 'a7'],
        ['9', 'a8'],
      ]);
      expect(rejected.map((r) => r.reason)).toEqual([
        'adults: "two" is not a whole number',
        'statuses: "sick" is not one of leefloon, verhoogde-tegemoetkoming, igo, ivt, debt-mediation, zorgbudget-ouderen, foster-child, jobseeker, student',
        'the id is empty',
        'receives: "kortrijk.nothing" is not the id of a right',
        'the row has 4 cells, the header 10',
        'debts: "maybe" is not true or false',
      ]);
    }
    // both files give the same contacts; the quoted area with a comma stays one cell
    const [a, b] = results as [(typeof results)[0], (typeof results)[0]];
    expect(b.contact).toEqual(a.contact);
    expect(a.contact.find((r) => r.id === 'a1')?.area).toBe('Heule, Noord');
    // a2 receives the Deelfabriek: not contacted about it; an empty income is "not answered", not 0
    expect(a.contact.some((r) => r.id === 'a2' && r.right === 'kortrijk.deelfabriek')).toBe(false);
    expect(a.summary.rights['kortrijk.deelfabriek']).toMatchObject({ eligible: 2, alreadyReceives: 1, toContact: 1 });
    expect(a.contact.some((r) => r.id === 'a2' && r.right === 'kortrijk.kmi')).toBe(false);
  });

  it('reads JSON lines with the same meaning', () => {
    const lines = [
      JSON.stringify({ id: 'j1', area: 'Marke', answers: { adults: 1, children: [], netMonthlyIncome: 900, statuses: [] } }),
      '{ broken',
      JSON.stringify({ id: 'j3', receives: ['kortrijk.deelfabriek'], answers: { adults: 1, netMonthlyIncome: -1 } }),
    ].join('\n');
    writeFileSync(join(tmp, 'h.jsonl'), lines);
    const out = join(tmp, 'jsonl-out');
    const r = screen(join(tmp, 'h.jsonl'), out);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ households: 1, rejected: 2, areas: { Marke: { 'kortrijk.sociaal-tarief': 1 } } });
    const rejected = readCsv(join(out, 'rejected.csv'));
    expect(rejected.map((x) => [x.line, x.id])).toEqual([
      ['2', ''],
      ['3', 'j3'],
    ]);
    expect(rejected[1]?.reason).toMatch(/netMonthlyIncome: expected a number of at least 0/);
  });

  it('refuses an unknown column by name before any row, and a file it cannot read, with exit code 2', () => {
    writeFileSync(join(tmp, 'unknown.csv'), 'id;adults;income;rijksregisternummer\nx;1;1200;123\n');
    const out = join(tmp, 'unknown-out');
    const r = screen(join(tmp, 'unknown.csv'), out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown columns "income", "rijksregisternummer"/);
    expect(existsSync(join(out, 'contact.csv'))).toBe(false);
    writeFileSync(join(tmp, 'noid.csv'), 'adults,children\n1,none\n');
    expect(screen(join(tmp, 'noid.csv'), out).stderr).toMatch(/no "id" column/);
    const missing = screen(join(tmp, 'nothing-here.csv'), out);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nothing-here\.csv: no such file/);
    expect(screen(join(tmp, 'unknown.xlsx'), out).stderr).toMatch(/must end in \.csv .* or \.jsonl/);
    const early = rights(['screen', '--date', '2021-06-01', '--out', out, join(tmp, 'noid.csv')]);
    expect(early.status).toBe(2);
  });
});

describe('columns come from questions.json', () => {
  it('a new question is a new column, typed by its question, with no change in the code', () => {
    const withNew = { ...rules, questions: [...rules.questions, { key: 'ownsCar', type: 'boolean' as const, code: 'o' }, { key: 'roofType', type: 'choice' as const, code: 'r', options: ['flat', 'pitched'] }] };
    const plan = planColumns(withNew, ['id', 'ownsCar', 'roofType', 'adults']);
    const h = rowToHousehold(plan, ['x', 'true', 'flat', '2'], false, new Set());
    expect(h.answers).toEqual({ ownsCar: true, roofType: 'flat', adults: 2 });
    expect(() => rowToHousehold(plan, ['x', 'true', 'thatch', '2'], false, new Set())).toThrow(/roofType: "thatch" is not one of flat, pitched/);
    expect(() => planColumns(rules, ['id', 'ownsCar'])).toThrow(/unknown column "ownsCar"/);
  });
});

describe('the reason of a contact row', () => {
  it("is the app's own sentence for the right and reason, else the deciding checks of the engine's trace", async () => {
    const { evaluate } = await import('../../src/engine');
    const { createContactReasons, nodeI18n } = await import('../../src/cli/screen/words');
    const { reasonText } = await import('../../src/i18n/texts');
    for (const lang of ['nl', 'fr', 'ar']) {
      const i18n = nodeI18n(lang, rules, DATE);
      const reason = createContactReasons(i18n, rules);
      let compared = 0;
      for (const h of syntheticCity(rules, 300, 4, DATE)) {
        for (const r of evaluate(rules, h.answers, DATE)) {
          const app = reasonText(i18n, r, h.answers);
          if (app === null) continue;
          expect(reason(r, h.answers, () => [])).toBe(app);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(1000);
    }
    const i18n = nodeI18n('nl', rules, DATE);
    const reason = createContactReasons(i18n, rules);
    const answers = { adults: 1, children: [], netMonthlyIncome: 1200, statuses: [] };
    const tariff = evaluate(rules, answers, DATE).find((r) => r.id === 'kortrijk.sociaal-tarief') as NonNullable<ReturnType<typeof evaluate>[number]>;
    let traced = 0;
    const trace = () => {
      traced++;
      return evaluate(rules, answers, DATE, { trace: true });
    };
    expect(reason(tariff, answers, trace)).toMatch(/^Het inkomen van je gezin \(€\s1\.200 per maand\)/);
    expect(traced).toBe(0);
    // a reason without a sentence of its own (a rules release newer than the texts)
    const fallback = reason({ ...tariff, reason: 'not-written-yet' }, answers, trace);
    expect(traced).toBe(1);
    expect(fallback).toMatch(/1\.200/);
    expect(fallback).not.toMatch(/not-written-yet|netMonthlyIncome/);
  });
});

describe('the progress bar', () => {
  it('draws count, rate and time left in place on a terminal, and a final line', async () => {
    const { createProgress } = await import('../../src/cli/screen/progress');
    let now = 0;
    const written: string[] = [];
    const terminal = { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const p = createProgress(1000, terminal, () => now);
    now = 2000;
    p.update(5000, 250);
    now = 2100;
    p.update(6000, 300); // too soon after the last one: not drawn
    now = 8000;
    p.done(20_000);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^\r\[######\.+\] 25% 5,000 households, 2,500\/s, 00:06 left/);
    expect(written[1]).toMatch(/^\r\[#{24}\] 100% 20,000 households, 2,500\/s, done in 00:08\s*\n$/);
  });
});

describe('a broken quote', () => {
  it('rejects the row it breaks and screens the others', () => {
    writeFileSync(join(tmp, 'quote.csv'), 'id;area;adults\nq1;Heule;1\nq2;He"ule;1\nq3;"Marke";1\n');
    const out = join(tmp, 'quote-out');
    const r = screen(join(tmp, 'quote.csv'), out);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'))).toMatchObject({ households: 2, rejected: 1 });
    const rejected = readCsv(join(out, 'rejected.csv'));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ line: '3' });
    expect(rejected[0]?.reason).toMatch(/the row cannot be read as CSV: Invalid Opening Quote/);
  });
});
