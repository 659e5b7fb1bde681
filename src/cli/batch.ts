/** One line of a JSON-lines batch: `{ id, date, answers }` in, `{ id, date, results }` or `{ id, line, error }` out. */
import { type Answers, EngineError, evaluate, type Ruleset, validateAnswers } from '../engine';
import { serializeResults } from './output';

export class LineError extends Error {}

/** Evaluates one input line into the output line (without its newline). Never throws for bad input. */
export function evaluateLine(
  rules: Ruleset,
  line: string,
  lineNo: number,
  defaultDate: string,
  trace = false,
): { text: string; ok: boolean } {
  let id: unknown = null;
  try {
    let row: { id?: unknown; date?: unknown; answers?: unknown };
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new LineError(`line ${lineNo} is not valid JSON: ${(e as Error).message}`);
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new LineError(`line ${lineNo} is not an object`);
    id = row.id ?? null;
    try {
      JSON.stringify(id);
    } catch {
      id = null; // an id nested too deeply to echo back
      throw new LineError(`line ${lineNo}: "id" must be text or a number`);
    }
    const date = row.date ?? defaultDate;
    if (typeof date !== 'string') throw new LineError('"date" must be a string YYYY-MM-DD');
    const problem = validateAnswers(rules, row.answers);
    if (problem) throw new LineError(problem);
    const results = evaluate(rules, row.answers as Answers, date, { trace });
    return { text: `{"id":${JSON.stringify(id)},"date":${JSON.stringify(date)},"results":${serializeResults(results)}}`, ok: true };
  } catch (e) {
    if (!(e instanceof LineError || e instanceof EngineError)) throw e;
    return { text: JSON.stringify({ id, line: lineNo, error: e.message }), ok: false };
  }
}
