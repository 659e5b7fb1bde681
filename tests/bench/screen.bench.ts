/**
 * `npm run bench:screen` (also part of `npm run bench`): `rights screen` on a synthetic city of
 * 1 000 000 households (SCREEN_HOUSEHOLDS to change it), every output written, measured (never asserted):
 *  - households per second and peak memory (the whole process, its worker threads included);
 *  - the floor: the same command reading the same file and writing as many contact rows, without
 *    evaluating anything (`--bench-floor`), on the same cores; and the ratio of the two rates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { writeCity } from './city';

const N = Number(process.env.SCREEN_HOUSEHOLDS ?? 1_000_000);
const DATE = '2025-03-01';
const dir = join(tmpdir(), 'rights-screen-bench');
mkdirSync(dir, { recursive: true });
const city = join(dir, `city-${N}.csv`);
const cli = join(process.cwd(), 'dist-cli', 'rights-screen-bench.mjs');

if (!existsSync(city)) {
  const t0 = performance.now();
  await writeCity(city, N, { seed: 1, date: DATE });
  console.log(`synthetic city: ${N.toLocaleString('en')} households, ${(statSync(city).size / 1e6).toFixed(1)} MB, made in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
buildSync({ entryPoints: ['src/cli/rights.ts'], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: cli, logLevel: 'warning' });

interface Run {
  seconds: number;
  households: number;
  rows: number;
  peakMb: number;
  contactMb: number;
}

function run(label: string, extra: string[]): Run {
  const out = join(dir, `out-${label}`);
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const stdout = execFileSync(process.execPath, [cli, 'screen', '--date', DATE, '--out', out, ...extra, city], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  const m = /Screened (\d+) households .*peak memory (\d+) MB\): (\d+) rows/.exec(stdout);
  if (!m) throw new Error(`unexpected output: ${stdout}`);
  const r = { seconds, households: Number(m[1]), peakMb: Number(m[2]), rows: Number(m[3]), contactMb: statSync(join(out, 'contact.csv')).size / 1e6 };
  console.log(
    `${label}: ${r.households.toLocaleString('en')} households in ${seconds.toFixed(1)} s = ${Math.round(r.households / seconds).toLocaleString('en')} households/s; ` +
      `${r.rows.toLocaleString('en')} contact rows (${r.contactMb.toFixed(0)} MB); peak memory ${r.peakMb} MB`,
  );
  rmSync(out, { recursive: true, force: true });
  return r;
}

console.log(`rights screen, ${availableParallelism()} cores, ${N.toLocaleString('en')} households (wall time, start-up included)`);
const screen = run('screen', []);
const floor = run('floor', ['--bench-floor', String(screen.rows / screen.households)]);
const rate = screen.households / screen.seconds;
const floorRate = floor.households / floor.seconds;
console.log(`screen / floor rate: ${(rate / floorRate).toFixed(2)} (aim: at least 0.50)`);
