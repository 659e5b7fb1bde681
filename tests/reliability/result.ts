/**
 * The reliability report's input: every suite that measures reliability writes one small JSON file
 * into `test-results/reliability/`, named after the suite, and `npm run test:reliability` adds them up
 * (report.ts). `npm test` empties the folder first, so the report only counts what ran this time.
 *
 * The format, one file per suite (`<suite>.json`); give only the counts the suite measures:
 *
 *   {
 *     "suite": "differential-fuzz",        // the file name without .json
 *     "title": "engine against json-logic-js, random well-typed expressions",
 *     "ranAt": "2026-11-29T23:50:00.000Z",
 *     "cases": 100000,                     // fuzz, differential or conformance cases run
 *     "crashes": 0,                        // uncaught exceptions, hangs, stack overflows
 *     "disagreements": 0,                  // differences outside rules/README.md's documented ones
 *     "documented": 1234,                  // differences that are documented (three-valued logic)
 *     "faults": { "survived": 7, "total": 7 },   // fault scenarios (storage, tabs, updates)
 *     "cspViolations": 0,                  // securitypolicyviolation events caused by the app
 *     "notes": ["…"]                       // a few words worth printing, optional
 *   }
 *
 * Write it with `writeResult` (Node only: vitest, the e2e runner and scripts all can).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteResult {
  suite: string;
  title: string;
  ranAt?: string;
  cases?: number;
  crashes?: number;
  disagreements?: number;
  documented?: number;
  faults?: { survived: number; total: number };
  cspViolations?: number;
  notes?: string[];
}

export const RESULTS_DIR = join(fileURLToPath(new URL('../..', import.meta.url)), 'test-results', 'reliability');

export function writeResult(result: SuiteResult): void {
  if (!/^[a-z0-9-]+$/.test(result.suite)) throw new Error(`a suite name in kebab-case, found "${result.suite}"`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const full = { ...result, ranAt: result.ranAt ?? new Date().toISOString() };
  writeFileSync(join(RESULTS_DIR, `${result.suite}.json`), `${JSON.stringify(full, null, 2)}\n`);
}
