/**
 * A rules release, read and checked the same way in the browser and in Node: `manifest.json` names
 * every file with its SHA-256 and size; the rule files, every language's rule texts
 * (`locales/<lang>/rules.json`) and `CHANGELOG.md` sit beside it. Nothing is used before every
 * file it needs is there, has its size and hash, parses, passes the built-in schemas and compiles.
 */
import {
  compareVersions,
  isObject,
  ENGINE_VERSION,
  loadWithBuiltInSchemas,
  type Manifest,
  type RuleFile,
  type Ruleset,
  RulesetError,
} from '../engine';

export interface ReleaseManifest extends Manifest {
  amountsUpdated: string | null;
  municipalities: string[];
  engine: number;
  files: Record<string, { sha256: string; bytes: number }>;
}

/** Why a release was refused: one word for the interface (a locale key), one sentence for people who debug. */
export type RefusalKind = 'unreachable' | 'manifest' | 'engine' | 'missing' | 'truncated' | 'tampered' | 'invalid';

export class ReleaseError extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ReleaseError';
  }
}

export interface Release {
  manifest: ReleaseManifest;
  ruleset: Ruleset;
  /** rule texts per language: `locales/<lang>/rules.json` */
  locales: Record<string, Record<string, unknown>>;
  changelog: string | null;
  /** the verified files as text, by path (the manifest included): what a device keeps */
  texts: Record<string, string>;
}

/** Reads one file of a release by its path; null when it does not exist. */
export type ReadFile = (path: string) => Promise<Uint8Array | null>;

const LOCALE = /^locales\/([a-z]{2,3}(?:-[A-Za-z0-9]+)?)\/rules\.json$/;
export const isCases = (path: string) => /^rights\/[^/]+\/cases\.json$/.test(path);

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}


/**
 * The first look at a manifest: is it a release, and can this engine read it? Throws a ReleaseError
 * ("manifest" or "engine"); the full schema check follows with the rule files.
 */
export function checkManifest(data: unknown): ReleaseManifest {
  if (!isObject(data)) throw new ReleaseError('manifest', 'manifest.json is not a JSON object');
  const { version, engine, files } = data;
  if (typeof version !== 'string' || !/^\d{4}\.\d{2}\.\d+$/.test(version)) {
    throw new ReleaseError('manifest', 'manifest.json: "version" must be YYYY.MM.N');
  }
  if (typeof engine !== 'number' || !Number.isInteger(engine)) {
    throw new ReleaseError('manifest', 'manifest.json: "engine" must be the engine version the release needs');
  }
  if (engine > ENGINE_VERSION) {
    throw new ReleaseError('engine', `release ${version} needs engine ${engine}; this one is engine ${ENGINE_VERSION}`);
  }
  if (!isObject(files) || Object.keys(files).length === 0) {
    throw new ReleaseError('manifest', 'manifest.json: "files" must list the files of the release');
  }
  return data as unknown as ReleaseManifest;
}

export interface OpenOptions {
  /** read the rules' cases too (the command line, the diff and the report); the app skips them */
  cases?: boolean;
}

/** Downloads (through `read`) and checks every file of a release; throws a ReleaseError on the first fault. */
export async function openRelease(manifestData: unknown, read: ReadFile, options: OpenOptions = {}): Promise<Release> {
  const manifest = checkManifest(manifestData);
  const texts: Record<string, string> = { 'manifest.json': JSON.stringify(manifestData) };
  const ruleFiles: RuleFile[] = [{ path: 'manifest.json', data: manifestData }];
  const locales: Record<string, Record<string, unknown>> = {};
  let changelog: string | null = null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const wanted = Object.entries(manifest.files).filter(([path]) => options.cases || !isCases(path));
  const bodies = await Promise.all(wanted.map(async ([path]) => [path, await read(path)] as const));
  for (const [path, body] of bodies) {
    const expected = manifest.files[path] as { sha256: string; bytes: number };
    if (body === null) throw new ReleaseError('missing', `${path} is named in the manifest but is not in the release`, path);
    if (body.byteLength !== expected.bytes) {
      throw new ReleaseError('truncated', `${path} has ${body.byteLength} bytes, the manifest says ${expected.bytes}`, path);
    }
    if ((await sha256Hex(body)) !== expected.sha256) {
      throw new ReleaseError('tampered', `${path} does not match its SHA-256 in the manifest`, path);
    }
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      throw new ReleaseError('invalid', `${path} is not UTF-8 text`, path);
    }
    texts[path] = text;
    if (path === 'CHANGELOG.md') {
      changelog = text;
      continue;
    }
    if (!path.endsWith('.json')) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ReleaseError('invalid', `${path} is not valid JSON (${(e as Error).message})`, path);
    }
    const locale = LOCALE.exec(path);
    if (locale) {
      if (!isObject(data)) throw new ReleaseError('invalid', `${path} must be an object of texts`, path);
      locales[locale[1] as string] = data;
    } else if (path !== 'manifest.json') {
      ruleFiles.push({ path, data });
    }
  }
  let ruleset: Ruleset;
  try {
    ruleset = loadWithBuiltInSchemas(ruleFiles);
  } catch (e) {
    if (e instanceof RulesetError) throw new ReleaseError('invalid', e.message, e.problems[0]?.file);
    throw e;
  }
  return { manifest, ruleset, locales, changelog, texts };
}

/** Is `candidate` newer than the release in use (or is there none)? */
export const isNewer = (candidate: string, current: string | null | undefined) =>
  !current || compareVersions(candidate, current) > 0;
