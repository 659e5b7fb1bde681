/**
 * Reading a screening file as a stream of chunks of whole records, for the workers: the header row is
 * read here (separator detected, byte-order mark dropped); a chunk never ends inside a quoted cell.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { FileError } from './columns';

export type Format = 'csv' | 'jsonl';

export function formatOf(file: string): Format {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  throw new FileError(`${file}: the name must end in .csv (a spreadsheet) or .jsonl (JSON lines)`);
}

const NL = 0x0a;
/** No record is longer than this: a quoted cell that runs on beyond it is a broken file. */
const MAX_RECORD = 8 << 20;
const QUOTE = 0x22;
const BOM = [0xef, 0xbb, 0xbf];

export interface Header {
  /** the header cells (CSV) or [] (JSON lines) */
  header: string[];
  delimiter: string;
  /** where the records start, in bytes */
  offset: number;
  /** the line number of the first record */
  firstLine: number;
}

/** The end of the first line outside quotes, or -1. */
function firstLineEnd(buf: Uint8Array, from: number): number {
  let quoted = false;
  for (let i = from; i < buf.length; i++) {
    const b = buf[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === NL && !quoted) return i;
  }
  return -1;
}

/** `;` or `,`: whichever the header uses more often outside quotes (a Belgian spreadsheet writes `;`). */
export function detectDelimiter(line: string): string {
  let quoted = false;
  let semicolons = 0;
  let commas = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

export async function readHeader(file: string, format: Format): Promise<Header> {
  const handle = await open(file, 'r');
  try {
    const buf = new Uint8Array(1 << 20);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const start = head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2] ? 3 : 0;
    if (format === 'jsonl') return { header: [], delimiter: '', offset: start, firstLine: 1 };
    const end = firstLineEnd(head, start);
    if (end === -1 && bytesRead === buf.length) throw new FileError('the header row is longer than 1 MB');
    const line = new TextDecoder().decode(head.subarray(start, end === -1 ? bytesRead : end)).replace(/\r$/, '');
    if (line.trim() === '') throw new FileError('the file is empty: it needs a header row with the column names');
    const delimiter = detectDelimiter(line);
    const [header] = parse(line, { delimiter }) as string[][];
    return { header: header ?? [], delimiter, offset: end === -1 ? bytesRead : end + 1, firstLine: 2 };
  } finally {
    await handle.close();
  }
}

export interface RecordChunk {
  bytes: Uint8Array;
  firstLine: number;
  /** where the chunk ends in the file, for progress */
  position: number;
}

function countLines(buf: Uint8Array): number {
  let n = 0;
  let i = buf.indexOf(NL);
  while (i !== -1) {
    n++;
    i = buf.indexOf(NL, i + 1);
  }
  return n;
}

/**
 * Chunks of about `size` bytes that end at a record boundary: a newline outside quotes (CSV) or any
 * newline (JSON lines). Each chunk is its own copy, so it can be handed to a worker.
 */
export async function* recordChunks(file: string, h: Header, format: Format, size = 1 << 20): AsyncGenerator<RecordChunk> {
  const stream = createReadStream(file, { start: h.offset, highWaterMark: size });
  let pending: Buffer = Buffer.alloc(0);
  let quoted = false; // quote state at the end of `pending`'s scanned part
  let scanned = 0;
  let line = h.firstLine;
  let position = h.offset;
  for await (const data of stream as AsyncIterable<Buffer>) {
    position += data.length;
    pending = pending.length ? Buffer.concat([pending, data]) : data;
    let cut = -1;
    if (format === 'csv' && (quoted || pending.indexOf(QUOTE, scanned) !== -1)) {
      // a quoted cell may hold a newline: find the last newline outside quotes
      for (let i = scanned; i < pending.length; i++) {
        const b = pending[i];
        if (b === QUOTE) quoted = !quoted;
        else if (b === NL && !quoted) cut = i;
      }
      scanned = pending.length;
    } else {
      cut = pending.lastIndexOf(NL);
      scanned = pending.length;
    }
    if (cut === -1 && pending.length > MAX_RECORD) {
      // an opening quote that never closes would hold the whole rest of the file: cut at a line
      // anyway (the worker reports the broken row) so memory stays bounded
      cut = pending.lastIndexOf(NL);
      quoted = false;
      for (let i = cut + 1; i < pending.length; i++) if (pending[i] === QUOTE) quoted = !quoted;
    }
    if (cut === -1) continue;
    const bytes = new Uint8Array(pending.subarray(0, cut + 1)); // a copy
    pending = pending.subarray(cut + 1);
    scanned = pending.length;
    const lines = countLines(bytes); // before the chunk is handed over (and detached)
    yield { bytes, firstLine: line, position: position - pending.length };
    line += lines;
  }
  if (pending.length) yield { bytes: new Uint8Array(pending), firstLine: line, position };
}
