/**
 * The columns of a screening file, derived from questions.json: one column per answer key, typed by the
 * question's type, plus `id`, `area` and `receives`. A new question needs no change here.
 */
import type { Answers, Question, Ruleset } from '../../engine';

/** Columns that are not answers. */
export const EXTRA_COLUMNS = ['id', 'area', 'receives'] as const;

export interface Household {
  id: string;
  area: string;
  receives: string[];
  answers: Answers;
}

/** A problem with one row, in words; the row is skipped and listed in rejected.csv. */
export class RowError extends Error {}

/** A problem with the file as a whole (its header): nothing is screened. */
export class FileError extends Error {}

export interface ColumnPlan {
  header: string[];
  /** per column: the question it answers, or the extra column's name */
  columns: (Question | (typeof EXTRA_COLUMNS)[number])[];
}

/** Checks the header row: every column must be known, `id` is required, no column twice. */
export function planColumns(ruleset: Ruleset, header: string[]): ColumnPlan {
  const byKey = new Map(ruleset.questions.map((q) => [q.key, q as Question]));
  const seen = new Set<string>();
  const columns: ColumnPlan['columns'] = [];
  const unknown: string[] = [];
  for (const raw of header) {
    const name = raw.trim();
    if (seen.has(name)) throw new FileError(`column "${name}" appears twice in the header`);
    seen.add(name);
    const extra = (EXTRA_COLUMNS as readonly string[]).includes(name) ? (name as (typeof EXTRA_COLUMNS)[number]) : null;
    const question = byKey.get(name);
    if (extra) columns.push(extra);
    else if (question) columns.push(question);
    else unknown.push(name === '' ? '(empty name)' : name);
  }
  if (unknown.length) {
    throw new FileError(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}; the columns are id, area, receives and the answer keys: ${[...byKey.keys()].join(', ')}`,
    );
  }
  if (!seen.has('id')) throw new FileError('the header has no "id" column (a pseudonym per household)');
  return { header: header.map((h) => h.trim()), columns };
}

const INTEGER = /^-?\d+$/;
const DECIMAL_POINT = /^-?\d+(\.\d+)?$/;
const DECIMAL_EITHER = /^-?\d+([.,]\d+)?$/;

function listItems(cell: string): string[] {
  if (cell.toLowerCase() === 'none') return [];
  return cell.split('|').map((s) => s.trim());
}

function cellValue(q: Question, cell: string, decimalComma: boolean): unknown {
  switch (q.type) {
    case 'integer':
      if (!INTEGER.test(cell)) throw new RowError(`${q.key}: "${cell}" is not a whole number`);
      return Number(cell);
    case 'money':
      if (!(decimalComma ? DECIMAL_EITHER : DECIMAL_POINT).test(cell)) {
        throw new RowError(`${q.key}: "${cell}" is not an amount in euros (write 1950.50${decimalComma ? ' or 1950,50' : ''})`);
      }
      return Number(cell.replace(',', '.'));
    case 'boolean': {
      const v = cell.toLowerCase();
      if (v === 'true') return true;
      if (v === 'false') return false;
      throw new RowError(`${q.key}: "${cell}" is not true or false`);
    }
    case 'choice':
      if (q.options && !q.options.includes(cell)) throw new RowError(`${q.key}: "${cell}" is not one of ${q.options.join(', ')}`);
      return cell;
    case 'multi': {
      const items = listItems(cell);
      for (const item of items) {
        if (q.options && !q.options.includes(item)) throw new RowError(`${q.key}: "${item}" is not one of ${q.options.join(', ')}`);
      }
      if (new Set(items).size !== items.length) throw new RowError(`${q.key}: a value is given twice in "${cell}"`);
      return items;
    }
    case 'children':
      return listItems(cell).map((age) => {
        if (!INTEGER.test(age)) throw new RowError(`${q.key}: "${age}" is not an age in years (write the ages as 4|9, or none)`);
        return { age: Number(age) };
      });
  }
}

/**
 * One CSV row as a household. An empty cell is "not answered". Throws RowError naming the column.
 * `rightIds` are the known rights, to check `receives` against.
 */
export function rowToHousehold(plan: ColumnPlan, fields: string[], decimalComma: boolean, rightIds: ReadonlySet<string>): Household {
  if (fields.length !== plan.columns.length) {
    throw new RowError(`the row has ${fields.length} cells, the header ${plan.columns.length}`);
  }
  const h: Household = { id: '', area: '', receives: [], answers: {} };
  for (let i = 0; i < fields.length; i++) {
    const cell = (fields[i] as string).trim();
    const column = plan.columns[i] as ColumnPlan['columns'][number];
    if (column === 'id') h.id = cell;
    else if (column === 'area') h.area = cell;
    else if (column === 'receives') h.receives = receivesList(cell, rightIds);
    else if (cell !== '') h.answers[column.key] = cellValue(column, cell, decimalComma);
  }
  if (h.id === '') throw new RowError('the id is empty');
  return h;
}

/** `receives`: right ids separated by `|`; empty or `none`: none. */
export function receivesList(cell: string, rightIds: ReadonlySet<string>): string[] {
  if (cell === '') return [];
  const ids = listItems(cell).filter((s) => s !== '');
  for (const id of ids) if (!rightIds.has(id)) throw new RowError(`receives: "${id}" is not the id of a right`);
  return ids;
}

/** One JSON line `{ "id", "area"?, "receives"?, "answers" }` as a household. */
export function jsonToHousehold(line: string, rightIds: ReadonlySet<string>): Household {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch (e) {
    throw new RowError(`not valid JSON: ${(e as Error).message}`);
  }
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new RowError('the line is not an object');
  const r = row as Record<string, unknown>;
  const id = typeof r.id === 'number' ? String(r.id) : r.id;
  if (typeof id !== 'string' || id.trim() === '') throw new RowError('"id" is missing (a pseudonym per household)');
  if (r.area !== undefined && typeof r.area !== 'string') throw new RowError('"area" must be text');
  const receives = r.receives ?? [];
  if (!Array.isArray(receives) || receives.some((x) => typeof x !== 'string')) throw new RowError('"receives" must be a list of right ids');
  for (const x of receives as string[]) if (!rightIds.has(x)) throw new RowError(`receives: "${x}" is not the id of a right`);
  return { id, area: (r.area as string | undefined) ?? '', receives: receives as string[], answers: r.answers as Answers };
}
