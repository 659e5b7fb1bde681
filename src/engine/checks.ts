/**
 * Checks on a ruleset that a JSON Schema cannot express: real calendar dates, parameters that start
 * too late for the rights that use them, amounts whose unit the engine cannot convert back.
 * Each problem names the file, the field and what was expected.
 */
import { isRealDate } from './dates';
import { isMoneyUnit, MAX_DEPTH } from './logic';
import type { Parameter, Rule, Variable } from './types';

/** A problem in a rule file (the same shape as the loader's). */
interface Problem {
  file: string;
  field: string;
  expected: string;
}

const DATE_FIELDS = new Set(['validFrom', 'validUntil', 'from', 'read', 'date', 'published', 'evaluationFrom', 'amountsUpdated']);

/** Every date field of a file is a day of the calendar ("2020-13-45" and "2025-02-30" are not). */
export function checkDates(file: string, data: unknown, problems: Problem[], field = '', depth = 0): void {
  // A rule file is a few levels deep; a file nested deeper than any condition may be is refused here
  // instead of overflowing the stack (a damaged or hostile file).
  if (depth > MAX_DEPTH && data !== null && typeof data === 'object') {
    problems.push({ file, field, expected: `data nested at most ${MAX_DEPTH} levels deep` });
    return;
  }
  if (Array.isArray(data)) {
    data.forEach((d, i) => {
      checkDates(file, d, problems, `${field}/${i}`, depth + 1);
    });
    return;
  }
  if (data === null || typeof data !== 'object') return;
  for (const [k, v] of Object.entries(data)) {
    const at = `${field}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (DATE_FIELDS.has(k) && typeof v === 'string' && !isRealDate(v)) {
      problems.push({ file, field: at, expected: `a real date YYYY-MM-DD, found "${v}"` });
    } else if (k !== 'answers' && k !== 'when' && k !== 'logic') checkDates(file, v, problems, at, depth + 1);
  }
}

/** What one compiled expression of a rule reads, and from which date it can be read. */
export interface RuleUse {
  field: string;
  /** the outcome's own validFrom, when it has one */
  from?: string;
  refs: ReadonlySet<string>;
}

/** Parameters an expression reads, directly or through variables (`param:<id>`, `var:<name>` refs). */
function paramsOf(refs: ReadonlySet<string>, varRefs: Map<string, ReadonlySet<string>>, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  for (const ref of refs) {
    if (ref.startsWith('param:')) out.add(ref.slice(6));
    else if (ref.startsWith('var:') && !seen.has(ref)) {
      seen.add(ref);
      for (const p of paramsOf(varRefs.get(ref) ?? new Set(), varRefs, seen)) out.add(p);
    }
  }
  return out;
}

/**
 * A right that uses a parameter must find a value for it on every date it is in force: a parameter
 * whose first value starts after the later of the right's validFrom and the window's start is refused
 * here, not found by a case (or a person) on a date in between.
 */
export function checkParameterStarts(
  rule: Rule,
  uses: RuleUse[],
  varRefs: Map<string, ReadonlySet<string>>,
  parameters: Map<string, Parameter>,
  windowStart: string,
  problems: Problem[],
): void {
  for (const use of uses) {
    const start = [rule.validFrom, windowStart, use.from ?? ''].reduce((a, b) => (a > b ? a : b));
    if (rule.validUntil && rule.validUntil < start) continue;
    for (const id of paramsOf(use.refs, varRefs)) {
      const first = parameters.get(id)?.values[0]?.from;
      if (first && first > start) {
        problems.push({
          file: `rights/${rule.id}/rule.json`,
          field: use.field,
          expected: `parameter "${id}" to have a value from ${start} (the later of the right's validFrom and the window's start ${windowStart}), but its first value is from ${first}: give it an earlier value or start the right (or the outcome) on ${first}`,
        });
      }
    }
  }
}

/** The unit of what an amount's value reads, when it is a single parameter or variable. */
function valueUnit(value: unknown, parameters: Map<string, Parameter>, variables: Record<string, Variable>): string | undefined | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) return undefined;
  const [op, arg] = entries[0] as [string, unknown];
  const name = Array.isArray(arg) ? arg[0] : arg;
  if (op === 'param' && typeof name === 'string') return parameters.get(name)?.unit;
  if (op === 'var' && typeof name === 'string') return variables[name]?.unit;
  return undefined;
}

/**
 * The engine computes money in cents and converts a result back to euros only when the amount's
 * unit starts with "EUR": an amount of money under another unit would be reported 100 times too
 * large, and a plain number under a money unit 100 times too small.
 */
export function checkAmountUnit(
  file: string,
  field: string,
  amount: { value: unknown; unit: string },
  parameters: Map<string, Parameter>,
  variables: Record<string, Variable>,
  problems: Problem[],
): void {
  const from = valueUnit(amount.value, parameters, variables);
  if (from === null) {
    if (isMoneyUnit(amount.unit)) {
      problems.push({ file, field: `${field}/value`, expected: `an amount of money read from a parameter (in cents inside the engine), found the literal ${JSON.stringify(amount.value)} with unit "${amount.unit}"` });
    }
    return;
  }
  if (from === undefined) return;
  if (isMoneyUnit(from) !== isMoneyUnit(amount.unit)) {
    problems.push({
      file,
      field: `${field}/unit`,
      expected: isMoneyUnit(from)
        ? `a unit starting with "EUR" for an amount of money (its value is in "${from}"), found "${amount.unit}"`
        : `a unit that is not money (its value is in "${from}"), found "${amount.unit}"`,
    });
  }
}
