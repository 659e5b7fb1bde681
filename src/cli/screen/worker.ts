/**
 * One screening worker: takes a chunk of whole records (CSV or JSON lines), reads each household,
 * evaluates it and returns its contact rows, its rejected rows and its counts. Never throws for bad rows.
 */
import { parentPort } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { EngineError, evaluate, type Result, validateAnswers } from '../../engine';
import type { I18n } from '../../i18n';
import type { Release } from '../../rules/release';
import { openRulesDir } from '../release';
import { type ColumnPlan, type Household, jsonToHousehold, planColumns, RowError, rowToHousehold } from './columns';
import { Counter, type Tally } from './tally';
import { createContactReasons, nodeI18n } from './words';

export interface WorkerSetup {
  kind: 'screen-worker';
  rulesDir: string;
  date: string;
  lang: string;
  format: 'csv' | 'jsonl';
  header: string[];
  delimiter: string;
  /** the floor of the benchmark: read every row, write `floorRatio` contact rows per household, evaluate none */
  floorRatio?: number;
}

export interface Chunk {
  seq: number;
  bytes: Uint8Array;
  firstLine: number;
}

export interface ChunkResult {
  seq: number;
  contact: string;
  rejected: string;
  tally: Tally;
  /** contact rows written */
  rows: number;
}

const NEEDS_QUOTES = /[",\n\r]/;
/** One CSV cell, quoted when it must be (RFC 4180). */
export const csvCell = (s: string) => (NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

interface RawRow {
  line: number;
  fields?: string[];
  text?: string;
  error?: string;
}

export async function createScreener(setup: WorkerSetup, release?: Release) {
  const { ruleset, locales } = release ?? (await openRulesDir(setup.rulesDir));
  const rightIds = new Set(ruleset.rules.map((r) => r.id));
  const plan: ColumnPlan | null = setup.format === 'csv' ? planColumns(ruleset, setup.header) : null;
  const i18n: I18n = nodeI18n(setup.lang, ruleset, setup.date, locales);
  const contactReason = createContactReasons(i18n, ruleset);
  const counter = new Counter(ruleset.rules.map((r) => r.id));
  const decoder = new TextDecoder();
  const decimalComma = setup.delimiter === ';';
  let floorDebt = 0;

  function rawRows(text: string, firstLine: number): RawRow[] {
    if (setup.format === 'jsonl') {
      const out: RawRow[] = [];
      const lines = text.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const t = (lines[i] as string).replace(/\r$/, '');
        if (t.trim() !== '') out.push({ line: firstLine + i, text: t });
      }
      return out;
    }
    const out: RawRow[] = [];
    const records = parse(text, {
      delimiter: setup.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      info: true,
      on_skip: (err) => {
        out.push({ line: firstLine + Math.max(0, Number(err?.lines ?? 1) - 1), error: `the row cannot be read as CSV: ${err?.message ?? 'unknown error'}` });
        return undefined;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
    for (const r of records) out.push({ line: firstLine + r.info.lines - 1, fields: r.record });
    return out.sort((a, b) => a.line - b.line);
  }

  /** The household of a row; `onId` learns its id as soon as it is read, for the rejected list. */
  function household(row: RawRow, onId: (id: string) => void): Household {
    if (row.error) throw new RowError(row.error);
    const h = row.fields ? rowToHousehold(plan as ColumnPlan, row.fields, decimalComma, rightIds) : jsonToHousehold(row.text as string, rightIds);
    onId(h.id);
    const problem = validateAnswers(ruleset, h.answers);
    if (problem) throw new RowError(problem);
    return h;
  }

  function contactRows(h: Household, contact: Result[]): string {
    let out = '';
    const head = `${csvCell(h.id)},${csvCell(h.area)},`;
    let traced: Result[] | null = null;
    const trace = () => (traced ??= evaluate(ruleset, h.answers, setup.date, { trace: true }));
    for (const r of contact) {
      const reason = contactReason(r, h.answers, trace);
      out += `${head}${r.id},${r.status},${r.amount ?? ''},${r.unit ?? ''},${csvCell(reason)}\n`;
    }
    return out;
  }

  function floorRows(h: Household): [string, number] {
    floorDebt += setup.floorRatio as number;
    let out = '';
    let n = 0;
    const head = `${csvCell(h.id)},${csvCell(h.area)},`;
    const reason = csvCell(`Het inkomen van je gezin (${h.answers.netMonthlyIncome ?? ''} per maand) is niet hoger dan de grens voor jouw gezin.`);
    for (; floorDebt >= 1; floorDebt--, n++) out += `${head}kortrijk.sociaal-tarief,eligible,80,percent-off,${reason}\n`;
    return [out, n];
  }

  return function screenChunk(chunk: Chunk): ChunkResult {
    let contact = '';
    let rejected = '';
    let rows = 0;
    for (const row of rawRows(decoder.decode(chunk.bytes), chunk.firstLine)) {
      let idForError = row.fields && plan ? (row.fields[plan.header.indexOf('id')] ?? '') : '';
      try {
        const h = household(row, (id) => {
          idForError = id;
        });
        if (setup.floorRatio !== undefined) {
          counter.households++;
          const [text, n] = floorRows(h);
          contact += text;
          rows += n;
          continue;
        }
        const results = evaluate(ruleset, h.answers, setup.date);
        const toContact = counter.add(results, h.receives, h.area);
        rows += toContact.length;
        contact += contactRows(h, toContact);
      } catch (e) {
        if (!(e instanceof RowError || e instanceof EngineError)) throw e;
        counter.rejected++;
        rejected += `${row.line},${csvCell(idForError.trim())},${csvCell(e.message)}\n`;
      }
    }
    return { seq: chunk.seq, contact, rejected, tally: counter.take(), rows };
  };
}

/** Runs in a worker thread: set up once, then one message per chunk. */
export function runScreenWorker(setup: WorkerSetup): void {
  const screen = createScreener(setup);
  const port = parentPort;
  if (!port) throw new Error('runScreenWorker runs in a worker thread');
  // chunks that arrive while the rules load wait for them, in order
  port.on('message', async (chunk: Chunk) => port.postMessage((await screen)(chunk)));
}
