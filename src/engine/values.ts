/**
 * The values a compiled condition works with: JsonLogic's values plus `Unknown`, the value of a
 * missing answer. Shared by the compiler (logic.ts) and the operators (operators.ts).
 */
import type { TraceEntry } from './types';

export class Unknown {
  constructor(readonly missing: ReadonlySet<string>) {}
}

export const isUnknown = (v: unknown): v is Unknown => v instanceof Unknown;

export function mergeUnknown(parts: Unknown[]): Unknown {
  if (parts.length === 1) return parts[0] as Unknown;
  const all = new Set<string>();
  for (const p of parts) for (const k of p.missing) all.add(k);
  return new Unknown(all);
}

/** What the compiled closures read while they run. One per evaluation. */
export interface EvalContext {
  /** an answer (money converted to cents); a missing answer is its question's default or Unknown */
  answer(key: string, money: boolean, fallback: unknown): unknown;
  /** references are resolved to indexes when the rules are compiled, so evaluation does no lookups */
  variable(index: number): unknown;
  param(index: number): number;
  result(index: number): unknown;
  variableTrace?(index: number): TraceEntry[] | undefined; // the checks inside a variable (traces on)
  item: unknown;
  trace: TraceEntry[] | null;
}

export type Compiled = (ctx: EvalContext) => unknown;

/** A compiled node, with what a trace needs to show it. */
export interface Node {
  fn: Compiled;
  /** for trace operands: the name and unit of a var/param/result node */
  name?: string;
  unit?: string;
  /** var or result: a boolean fact worth tracing when used as a condition; a variable's index */
  fact?: boolean;
  variable?: number;
}

export class LogicError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(`${field}: ${expected}`);
  }
}

/** JsonLogic truthiness (jsonlogic.com/truthy): an empty list is false, otherwise JavaScript's. */
export const truthy = (v: unknown): boolean => (Array.isArray(v) ? v.length > 0 : Boolean(v));

/** JsonLogic truthiness, keeping unknown unknown. */
export function truth(v: unknown): boolean | Unknown {
  return isUnknown(v) ? v : truthy(v);
}

export const isMoneyUnit = (unit: string | undefined): boolean => unit?.startsWith('EUR') ?? false;

/** Round half up to a whole number, robust to binary fractions like 2.4999999999999996 for 2.5. */
export function roundHalfUp(x: number): number {
  const cleaned = Math.round(x * 1e6) / 1e6;
  return Math.floor(cleaned + 0.5);
}

/** A JSON object (not null, not an array). */
export const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** A day as YYYY-MM-DD in the local time of `d` (the evaluation date of "today"). */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
