/** The command line's view of a result: the figures, and the trace as readable reasons. */
import { isMoneyUnit } from '../engine/values';
import type { Result, TraceEntry, TraceOperand } from '../engine';

export interface OutputResult {
  id: string;
  status: Result['status'];
  amount?: number;
  unit?: string;
  threshold?: number;
  over?: number;
  missing?: string[];
  reasons?: string[];
}

const value = (o: TraceOperand) => {
  const v = typeof o.value === 'number' && isMoneyUnit(o.unit) ? o.value.toFixed(2) : JSON.stringify(o.value);
  return o.name ? `${o.name} ${v}` : v;
};

export function describeCheck(c: TraceEntry): string {
  const verdict = c.result === 'unknown' ? 'unknown' : c.result ? 'yes' : 'no';
  if (c.op === 'fact') return `${value(c.args[0] as TraceOperand)}: ${verdict}`;
  if (c.op === 'in') return `${value(c.args[0] as TraceOperand)} in ${value(c.args[1] as TraceOperand)}: ${verdict}`;
  return `${c.args.map(value).join(` ${c.op} `)}: ${verdict}`;
}

export function toOutput(r: Result): OutputResult {
  const o: OutputResult = { id: r.id, status: r.status };
  if (r.amount !== undefined) o.amount = r.amount;
  if (r.unit !== undefined) o.unit = r.unit;
  if (r.threshold !== undefined) o.threshold = r.threshold;
  if (r.over !== undefined) o.over = r.over;
  if (r.missing !== undefined) o.missing = r.missing;
  if (r.trace) {
    o.reasons = r.trace.map((t) => {
      const checks = t.checks.map(describeCheck).join('; ');
      const holds = t.result === 'unknown' ? 'unknown' : t.result ? 'holds' : 'does not hold';
      return `${t.status} (${t.reason}) ${holds}${checks ? `: ${checks}` : ''}`;
    });
  }
  return o;
}

const SAFE = /^[A-Za-z0-9 ._/-]*$/;
const str = (s: string) => (SAFE.test(s) ? `"${s}"` : JSON.stringify(s));

/** `{"id":…,"status":…` and `,"unit":…` are the same for every household: written once, reused. */
const heads = new Map<string, Record<string, string>>();
const head = (id: string, status: string) => {
  let byStatus = heads.get(id);
  if (byStatus === undefined) {
    byStatus = {};
    heads.set(id, byStatus);
  }
  return (byStatus[status] ??= `{"id":${str(id)},"status":${str(status)}`);
};
const units = new Map<string, string>();
const unitPart = (unit: string) => {
  let u = units.get(unit);
  if (u === undefined) {
    u = `,"unit":${str(unit)}`;
    units.set(unit, u);
  }
  return u;
};

/**
 * The same text as JSON.stringify(results.map(toOutput)), written directly: in a batch of 100 000
 * households the intermediate objects cost more than the evaluation itself.
 */
export function serializeResults(results: Result[]): string {
  let out = '[';
  for (let i = 0; i < results.length; i++) {
    const r = results[i] as Result;
    if (r.trace) return JSON.stringify(results.map(toOutput));
    if (i > 0) out += ',';
    out += head(r.id, r.status);
    // finite numbers print the same with String() as with JSON.stringify()
    if (r.amount !== undefined) out += `,"amount":${String(r.amount)}`;
    if (r.unit !== undefined) out += unitPart(r.unit);
    if (r.threshold !== undefined) out += `,"threshold":${String(r.threshold)}`;
    if (r.over !== undefined) out += `,"over":${String(r.over)}`;
    if (r.missing !== undefined) out += `,"missing":[${r.missing.map(str).join(',')}]`;
    out += '}';
  }
  return `${out}]`;
}
