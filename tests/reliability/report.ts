/**
 * `npm run test:reliability` ends here: it adds up the result files the suites wrote (format in
 * result.ts) and prints the five figures of the reliability report. A figure no suite measured in
 * this run is printed as "not run", never as a number. Exits 1 when a figure is out of bounds:
 * a crash, a disagreement outside the documented differences, a fault scenario not survived, a CSP
 * violation, or an unreadable result file.
 *
 *   tsx tests/reliability/report.ts           print the report
 *   tsx tests/reliability/report.ts --reset   empty the results folder (npm test does this first)
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR, type SuiteResult } from './result';

const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function readResults(dir = RESULTS_DIR): { results: SuiteResult[]; problems: string[] } {
  const results: SuiteResult[] = [];
  const problems: string[] = [];
  if (!existsSync(dir)) return { results, problems };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let r: SuiteResult;
    try {
      r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SuiteResult;
    } catch (e) {
      problems.push(`${name}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const bad = (['cases', 'crashes', 'disagreements', 'documented', 'cspViolations'] as const).filter(
      (k) => r[k] !== undefined && !count(r[k]),
    );
    if (r.faults !== undefined && !(count(r.faults?.survived) && count(r.faults?.total) && r.faults.survived <= r.faults.total)) {
      bad.push('faults' as never);
    }
    if (typeof r.suite !== 'string' || typeof r.title !== 'string') bad.push('suite/title' as never);
    if (bad.length) problems.push(`${name}: ${bad.join(', ')} not a count as result.ts describes`);
    else results.push(r);
  }
  return { results, problems };
}

interface Line {
  label: string;
  value: string;
  ok: boolean;
}

export function summarise(results: SuiteResult[]): Line[] {
  const sum = (k: 'cases' | 'crashes' | 'disagreements' | 'documented' | 'cspViolations') => {
    const having = results.filter((r) => r[k] !== undefined);
    return having.length ? having.reduce((s, r) => s + (r[k] as number), 0) : null;
  };
  const by = (k: keyof SuiteResult) =>
    results
      .filter((r) => r[k] !== undefined)
      .map((r) => r.suite)
      .join(', ');
  const cases = sum('cases');
  const crashes = sum('crashes');
  const disagreements = sum('disagreements');
  const documented = sum('documented');
  const csp = sum('cspViolations');
  const faultSuites = results.filter((r) => r.faults);
  const survived = faultSuites.reduce((s, r) => s + (r.faults?.survived ?? 0), 0);
  const total = faultSuites.reduce((s, r) => s + (r.faults?.total ?? 0), 0);
  return [
    { label: 'fuzz and differential cases run', value: cases === null ? 'not run' : `${cases} (${by('cases')})`, ok: true },
    { label: 'crashes', value: crashes === null ? 'not run' : String(crashes), ok: !crashes },
    {
      label: 'disagreements outside the documented differences',
      value:
        disagreements === null
          ? 'not run'
          : `${disagreements}${documented ? ` (documented three-valued differences: ${documented})` : ''}`,
      ok: !disagreements,
    },
    {
      label: 'fault scenarios survived',
      value: faultSuites.length ? `${survived} of ${total} (${by('faults')})` : 'not run',
      ok: survived === total,
    },
    { label: 'CSP violations', value: csp === null ? 'not run' : `${csp} (${by('cspViolations')})`, ok: !csp },
  ];
}

function main(argv: string[]): number {
  if (argv.includes('--reset')) {
    rmSync(RESULTS_DIR, { recursive: true, force: true });
    return 0;
  }
  const { results, problems } = readResults();
  const lines = summarise(results);
  const width = Math.max(...lines.map((l) => l.label.length));
  process.stdout.write('\nReliability report\n');
  for (const r of results) {
    process.stdout.write(`  ran ${r.ranAt ?? ''} ${r.suite}: ${r.title}${r.notes?.length ? ` — ${r.notes.join('; ')}` : ''}\n`);
  }
  for (const l of lines) process.stdout.write(`${l.ok ? '  ' : '✗ '}${l.label.padEnd(width)}  ${l.value}\n`);
  for (const p of problems) process.stdout.write(`✗ ${p}\n`);
  const failed = problems.length > 0 || lines.some((l) => !l.ok);
  process.stdout.write(failed ? 'Reliability: FAILED\n' : 'Reliability: all figures within bounds\n');
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  process.exitCode = main(process.argv.slice(2));
}
