/**
 * `rights screen`: screens a file of households the city already knows and writes, in one folder, whom to
 * contact about which right (contact.csv), the counts (summary.json, summary.html) and the rows it could
 * not read (rejected.csv). Workers on every core; the file is streamed, so memory stays bounded.
 */
import { createWriteStream, mkdirSync, statSync, type WriteStream, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { amountsUpdated, EngineError, evaluate } from '../../engine';
import type { Release } from '../../rules/release';
import { FileError, planColumns } from './columns';
import { summaryHtml } from './html';
import { formatOf, readHeader, recordChunks } from './input';
import { createProgress } from './progress';
import { emptyTally, mergeTally, type Summary, toSummary } from './tally';
import type { ChunkResult, WorkerSetup } from './worker';
import { nodeI18n, screenLanguages } from './words';

export interface ScreenOptions {
  file: string;
  date: string;
  rulesDir: string;
  lang: string;
  out: string;
  /** the module that runs `runScreenWorker` when started as a worker (the command itself) */
  workerEntry: URL;
  workers?: number;
  /** benchmark only: the floor, see WorkerSetup */
  floorRatio?: number;
}

export interface ScreenReport {
  households: number;
  rejected: number;
  contactRows: number;
  seconds: number;
  summary: Summary;
}

export const CONTACT_HEADER = 'id,area,right,status,amount,unit,reason\n';
export const REJECTED_HEADER = 'line,id,reason\n';
// spreadsheets read the file as UTF-8 (€, accents, Arabic) only with a byte-order mark
const BOM = '\ufeff';

const write = (stream: WriteStream, text: string) =>
  text === '' || stream.write(text) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve()));

const close = (stream: WriteStream) => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));

/** A worker running `entry`; from the TypeScript sources (tests, benchmarks) through tsx's loader. */
function startWorker(entry: URL, setup: WorkerSetup): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: setup });
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}

/** Checks what can be checked before any row is read: the date, the language, the header. */
export async function prepare(o: ScreenOptions, { ruleset }: Release) {
  try {
    evaluate(ruleset, {}, o.date);
  } catch (e) {
    if (e instanceof EngineError) throw new FileError(`the rules cannot be applied on ${o.date}: ${e.message}`);
    throw e;
  }
  const languages = screenLanguages();
  if (!languages.includes(o.lang)) throw new FileError(`--lang ${o.lang}: there are texts for ${languages.join(', ')}`);
  const format = formatOf(o.file);
  const size = statSync(o.file).size;
  const header = await readHeader(o.file, format);
  if (format === 'csv') planColumns(ruleset, header.header);
  return { format, size, header };
}

export async function screen(o: ScreenOptions, release: Release): Promise<ScreenReport> {
  const started = performance.now();
  const { ruleset } = release;
  const { format, size, header } = await prepare(o, release);
  mkdirSync(o.out, { recursive: true });
  const contact = createWriteStream(join(o.out, 'contact.csv'));
  const rejected = createWriteStream(join(o.out, 'rejected.csv'));
  await write(contact, `${BOM}${CONTACT_HEADER}`);
  await write(rejected, `${BOM}${REJECTED_HEADER}`);

  const setup: WorkerSetup = {
    kind: 'screen-worker',
    rulesDir: o.rulesDir,
    date: o.date,
    lang: o.lang,
    format,
    header: header.header,
    delimiter: header.delimiter,
    floorRatio: o.floorRatio,
  };
  const count = Math.max(1, o.workers ?? availableParallelism());
  const workers = Array.from({ length: count }, () => startWorker(o.workerEntry, setup));
  const inFlight = new Array<number>(count).fill(0);
  const ready = new Map<number, ChunkResult>();
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  workers.forEach((w, i) => {
    w.on('message', (r: ChunkResult) => {
      inFlight[i] = (inFlight[i] as number) - 1;
      ready.set(r.seq, r);
      signal();
    });
    w.on('error', (e) => {
      failure = e;
      signal();
    });
  });
  const waitForAny = () => new Promise<void>((resolve) => (wake = resolve));

  const tally = emptyTally();
  const progress = createProgress(size);
  let nextToWrite = 0;
  let sent = 0;
  let rows = 0;
  // where each chunk ends in the file: progress counts what was written, not what was read ahead
  const ends = new Map<number, number>();
  const flush = async () => {
    for (let r = ready.get(nextToWrite); r; r = ready.get(nextToWrite)) {
      ready.delete(nextToWrite);
      const end = ends.get(nextToWrite) ?? 0;
      ends.delete(nextToWrite++);
      mergeTally(tally, r.tally);
      rows += r.rows;
      await write(contact, r.contact);
      await write(rejected, r.rejected);
      progress.update(tally.households + tally.rejected, end);
    }
  };
  const check = () => {
    if (failure) throw failure;
  };

  try {
    for await (const chunk of recordChunks(o.file, header, format)) {
      ends.set(sent, chunk.position);
      // at most two chunks per worker: one being screened, one waiting; the reader waits for them
      for (;;) {
        check();
        await flush();
        const free = inFlight.indexOf(Math.min(...inFlight));
        if ((inFlight[free] as number) < 2) {
          inFlight[free] = (inFlight[free] as number) + 1;
          workers[free]?.postMessage({ seq: sent++, bytes: chunk.bytes, firstLine: chunk.firstLine }, [chunk.bytes.buffer as ArrayBuffer]);
          break;
        }
        await waitForAny();
      }
    }
    while (nextToWrite < sent) {
      check();
      await flush();
      if (nextToWrite < sent) await waitForAny();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await Promise.all([close(contact), close(rejected)]);
  }
  progress.done(tally.households + tally.rejected);

  const summary = toSummary(
    tally,
    { date: o.date, rulesVersion: ruleset.manifest.version, amountsUpdated: amountsUpdated(ruleset, o.date) },
    ruleset.rules.map((r) => r.id),
  );
  writeFileSync(join(o.out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(o.out, 'summary.html'), summaryHtml(summary, nodeI18n(o.lang, ruleset, o.date, release.locales), ruleset));
  return { households: tally.households, rejected: tally.rejected, contactRows: rows, seconds: (performance.now() - started) / 1000, summary };
}
