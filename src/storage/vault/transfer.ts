/**
 * Moving households between devices: an export file is an envelope (src/share/envelope.ts) sealed
 * with a passphrase of its own, holding every household or one. Importing reads the whole file first
 * and decides per household what to do when its id is already on the device.
 */
import { isObject } from '../../engine/values';
import { EnvelopeError, openEnvelope, readEnvelopeHeader, sealEnvelope } from '../../share/envelope';
import { type CaseHousehold, CaseFormatError, type CaseMigrations, type HouseholdSummary, NewerFormatError, parseCaseHousehold, summarize } from '../caseload';
import { VaultError, type VaultErrorCode } from './errors';

/** The format name of export files (envelope `format`). */
export const EXPORT_FORMAT = 'kortrijk-rechtenverkenner/caseload-export';
const EXPORT_PAYLOAD_VERSION = 1;

/** The plaintext inside an export file. */
interface ExportPayload {
  kind: 'caseload' | 'household';
  version: number;
  exportedAt: string;
  households: unknown[];
}

export type ConflictChoice =
  /** keep both: the imported one gets a new id and `copyName(name)` */
  | 'copy'
  /** the imported one overwrites the one on the device */
  | 'replace'
  /** keep the one on the device */
  | 'skip'
  /** keep whichever was changed last (updatedAt) */
  | 'keep-newer'
  /** import nothing: throws VaultError 'conflict' */
  | 'fail';

export interface ImportOptions {
  /**
   * What to do with a household whose id is already on the device: one choice for all, or a function
   * that decides per household (it may ask the worker; the vault's idle timer keeps running, so call
   * `touch()` while asking). Default 'copy'.
   */
  onConflict?: ConflictChoice | ((incoming: HouseholdSummary, existing: HouseholdSummary) => ConflictChoice | Promise<ConflictChoice>);
  /** the name of an imported copy; default `${name} (2)` (the UI passes a translated one) */
  copyName?: (name: string) => string;
}

export interface ImportPreview {
  kind: 'caseload' | 'household';
  exportedAt: string;
  households: HouseholdSummary[];
  /** ids of households in the file that are already on the device */
  conflicts: string[];
}

export interface ImportReport {
  added: string[];
  replaced: string[];
  skipped: string[];
  /** imported under a new id because the old one existed */
  copied: { from: string; to: string }[];
}

export interface ExportFile {
  kind: ImportPreview['kind'];
  exportedAt: string;
  households: CaseHousehold[];
}

/** Opens an export file: every household in it, checked, or a VaultError saying why not. */
export async function openExportFile(
  text: string,
  passphrase: string,
  migrations: CaseMigrations,
  checkAnswers?: (answers: Record<string, unknown>) => string | null,
  carryOver: (h: CaseHousehold) => CaseHousehold = (h) => h,
): Promise<ExportFile> {
  let payload: unknown;
  try {
    payload = await openEnvelope(text, passphrase, { format: EXPORT_FORMAT });
  } catch (e) {
    if (!(e instanceof EnvelopeError)) throw e;
    const code: VaultErrorCode =
      e.problem === 'foreign'
        ? 'foreign-file'
        : e.problem === 'wrong-passphrase'
          ? 'wrong-passphrase'
          : e.problem === 'newer-version'
            ? 'newer-format'
            : 'damaged-file';
    throw new VaultError(code, e.message, { cause: e });
  }
  if (
    !isObject(payload) ||
    (payload.kind !== 'caseload' && payload.kind !== 'household') ||
    typeof payload.version !== 'number' ||
    typeof payload.exportedAt !== 'string' ||
    !Array.isArray(payload.households)
  ) {
    throw new VaultError('damaged-file', 'content');
  }
  if (payload.version > EXPORT_PAYLOAD_VERSION) throw new VaultError('newer-format', `export ${payload.version}`);
  const households: CaseHousehold[] = [];
  const ids = new Set<string>();
  for (const [i, raw] of payload.households.entries()) {
    try {
      const h = carryOver(parseCaseHousehold(raw, migrations));
      if (ids.has(h.id)) throw new CaseFormatError(`/households/${i}/id`, 'a unique id');
      const bad = checkAnswers?.(h.answers);
      if (bad) throw new CaseFormatError(`/households/${i}/answers`, `answers the questionnaire accepts (${bad})`);
      ids.add(h.id);
      households.push(h);
    } catch (e) {
      if (e instanceof NewerFormatError) throw new VaultError('newer-format', `household ${i}`, { cause: e });
      if (e instanceof CaseFormatError) {
        const field = e.path.startsWith('/households/') ? e.path : `/households/${i}${e.path}`;
        throw new VaultError('damaged-file', `household ${i}: ${e.message}`, { cause: e, field });
      }
      throw e;
    }
  }
  return { kind: payload.kind as ExportFile['kind'], exportedAt: payload.exportedAt, households };
}

/** An export file (JSON text) of `households`, sealed with `passphrase`. */
export function sealExportFile(
  kind: ExportFile['kind'],
  households: CaseHousehold[],
  passphrase: string,
  options: { iterations: number; now: number },
): Promise<string> {
  const payload: ExportPayload = {
    kind,
    version: EXPORT_PAYLOAD_VERSION,
    exportedAt: new Date(options.now).toISOString(),
    households,
  };
  return sealEnvelope(payload, passphrase, { format: EXPORT_FORMAT, iterations: options.iterations });
}

/** What importing `file` writes, given the ids on the device; asks `onConflict` per household that exists. */
export async function planImport(
  file: ExportFile,
  existingIds: ReadonlySet<string>,
  options: ImportOptions,
  helpers: {
    /** the household on the device with this id, or null when it cannot be read */
    existing(id: string): Promise<CaseHousehold | null>;
    newId(): string;
    validName(name: string): string;
  },
): Promise<{ toWrite: CaseHousehold[]; report: ImportReport }> {
  const onConflict = options.onConflict ?? 'copy';
  const copyName = options.copyName ?? ((n: string) => `${n} (2)`);
  const report: ImportReport = { added: [], replaced: [], skipped: [], copied: [] };
  const conflicts = file.households.filter((h) => existingIds.has(h.id));
  if (onConflict === 'fail' && conflicts.length) throw new VaultError('conflict', conflicts.map((h) => h.id).join(','));
  const toWrite: CaseHousehold[] = [];
  const takenIds = new Set([...existingIds, ...file.households.map((h) => h.id)]);
  for (const h of file.households) {
    if (!existingIds.has(h.id)) {
      toWrite.push(h);
      report.added.push(h.id);
      continue;
    }
    const existing = await helpers.existing(h.id);
    let choice: ConflictChoice;
    if (typeof onConflict === 'function') {
      choice = existing ? await onConflict(summarize(h), summarize(existing)) : 'replace';
    } else choice = onConflict;
    if (choice === 'keep-newer') {
      choice = existing && Date.parse(existing.updatedAt) >= Date.parse(h.updatedAt) ? 'skip' : 'replace';
    }
    if (choice === 'fail') throw new VaultError('conflict', h.id);
    if (choice === 'skip') report.skipped.push(h.id);
    else if (choice === 'replace') {
      toWrite.push(h);
      report.replaced.push(h.id);
    } else {
      let id = helpers.newId();
      while (takenIds.has(id)) id = helpers.newId();
      takenIds.add(id);
      const name = helpers.validName(copyName(h.name).slice(0, 80));
      toWrite.push({ ...h, id, name });
      report.copied.push({ from: h.id, to: id });
    }
  }
  return { toWrite, report };
}

/** For the lead's e2e checks and for support: the export file's header, read without a passphrase. */
export function describeExportFile(text: string): { format: string; version: number; iterations: number } | null {
  try {
    const header = readEnvelopeHeader(text);
    return header.format === EXPORT_FORMAT ? header : null;
  } catch {
    return null;
  }
}
