/**
 * `npm run bench`: engine speed, measured (never asserted by a test).
 *  1. one household, the whole catalogue, with traces: median and p95 per evaluation;
 *  2. batch: JSON lines through the same code as `rights evaluate --jsonl`, households per second,
 *     and its time as a ratio to merely parsing and re-serialising the same lines (the floor).
 */
import { evaluate } from '../../src/engine';
import { evaluateLine } from '../../src/cli/batch';
import { loadRulesFromDisk } from '../../src/cli/load-rules';
import { households } from './households';

const DATE = '2025-03-01';
const rules = loadRulesFromDisk();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

// 1. Single household with traces.
const sample = [...households(2000, 7)];
for (const a of sample) evaluate(rules, a, DATE, { trace: true }); // warm up
const times: number[] = [];
for (let round = 0; round < 10; round++) {
  for (const a of sample) {
    const t0 = process.hrtime.bigint();
    evaluate(rules, a, DATE, { trace: true });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
times.sort((a, b) => a - b);
console.log(
  `single household, ${rules.rules.length} rights, with traces: median ${percentile(times, 0.5).toFixed(4)} ms, p95 ${percentile(times, 0.95).toFixed(4)} ms (${times.length} runs)`,
);

// 2. Batch, without traces.
const N = 100_000;
const lines = [...households(N, 11)].map((answers, i) => JSON.stringify({ id: `h${i}`, date: DATE, answers }));

function timeIt(label: string, f: () => number): number {
  f(); // warm up
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    const bytes = f();
    runs.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (bytes === 0) throw new Error('nothing was produced');
  }
  runs.sort((a, b) => a - b);
  const best = runs[1] as number;
  console.log(`${label}: ${best.toFixed(3)} s for ${N} lines, ${Math.round(N / best).toLocaleString('en')} lines/s`);
  return best;
}

const floor = timeIt('floor (JSON.parse + JSON.stringify)', () => {
  let bytes = 0;
  for (const l of lines) bytes += JSON.stringify(JSON.parse(l)).length;
  return bytes;
});
const batch = timeIt('batch (parse, validate, evaluate, serialise)', () => {
  let bytes = 0;
  for (let i = 0; i < lines.length; i++) bytes += evaluateLine(rules, lines[i] as string, i + 1, DATE).text.length;
  return bytes;
});
console.log(`batch / floor: ${(batch / floor).toFixed(2)}×`);
