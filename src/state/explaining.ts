/**
 * The checks that explain one result, from the engine's trace (a right's page says them as sentences).
 * Apart from ./results.ts, which the app state needs from the start: only the right's page uses this.
 */
import type { Result, TraceEntry } from '../engine';

const checkKey = (c: TraceEntry) => JSON.stringify([c.op, c.args.map((a) => [a.name, a.value]), c.result]);
const informative = (c: TraceEntry) => c.args.some((a) => a.name !== undefined);

/**
 * The checks that explain a result, from its trace. What you get (eligible, ask): the checks of the
 * outcome that decided it, those that held first. What you do not get: the checks of every outcome
 * tried, so the routes that failed are said too ("your income is above the limit"). Literal-only
 * checks are left out, duplicates once.
 */
export function explainingChecks(r: Result): TraceEntry[] {
  const trace = r.trace ?? [];
  const deciding = trace.at(-1);
  if (!deciding || r.status === 'unknown') return [];
  let checks: TraceEntry[];
  if (r.status === 'eligible' || r.status === 'ask') {
    checks = [...deciding.checks].sort((a, b) => Number(b.result === true) - Number(a.result === true));
  } else {
    checks = trace.flatMap((o) => o.checks);
  }
  const seen = new Set<string>();
  return checks.filter((c) => {
    if (!informative(c)) return false;
    const k = checkKey(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
