/**
 * "Share my result": the answers and the rules version packed into the URL FRAGMENT, which browsers
 * never send to a server. Compact enough for a QR code.
 *
 * Fragment:   #r=1<mode><base64url(payload)>
 *   mode `z`: payload = CRC-32(body) (4 bytes, big-endian) ‖ body,  body = deflate-raw(json)
 *   mode `j`: payload = CRC-32(body) ‖ body,                         body = json
 *   (`z` needs CompressionStream; `j` is used where it is missing or when it is not shorter)
 *   json     = [rulesVersion, date | null, compactAnswers]     (UTF-8)
 * The encoder takes whichever mode is shorter. The CRC covers the bytes as sent, so a garbled link fails
 * loudly (before inflating) instead of decoding to other answers.
 *
 * compactAnswers: each question has a short code (its `code` in rules/questions.json), booleans are
 * 1/0, known choices are their number (`optionCodes`), children are their ages; any other key travels
 * under `x` as it is. THE CODES ARE APPEND-ONLY: links already printed or saved must keep decoding
 * (rules.lock records every code published; `npm run rules:lock` and the tests refuse a change).
 */
import { isRealDate } from '../engine/dates';
import { isObject } from '../engine/values';
import type { Answers, IsoDate, Question } from '../engine/types';
import { fromBase64Url, toBase64Url } from './base64url';

export const SHARE_PARAM = 'r';
const FORMAT = '1';
/** Longer fragments are not ours (a full household is ~100 characters). */
export const MAX_FRAGMENT_LENGTH = 4000;
/** Inflating stops here: a crafted link cannot make the page allocate much. */
const MAX_JSON_BYTES = 32_768;

export interface SharedResult {
  answers: Answers;
  rulesVersion: string;
  /** the evaluation date the result was computed for */
  date?: IsoDate;
}

export type ShareLinkProblem =
  /** no share fragment in this URL */
  | 'missing'
  /** made by a newer version of the app (or not ours) */
  | 'unknown-format'
  /** damaged: not base64url, does not inflate, checksum or JSON wrong */
  | 'garbled'
  /** well-formed but the content is not valid answers (`detail` names the key) */
  | 'invalid'
  | 'too-long'
  /** a sealed link opened with another code than the one shown beside it */
  | 'wrong-code'
  /** this browser cannot decompress (very old): ask to open the link in an up-to-date browser */
  | 'unsupported';

export class ShareLinkError extends Error {
  constructor(
    readonly problem: ShareLinkProblem,
    readonly detail?: string,
  ) {
    super(`share link: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'ShareLinkError';
  }
}

// ---------------------------------------------------------------------------------------------
// Codes: from the questions of the rules in use (rules/questions.json: `code`, `optionCodes`), append-only

type Kind = 'int' | 'money' | 'bool' | 'choice' | 'multi' | 'children';

interface KeySpec {
  key: string;
  code: string;
  kind: Kind;
  /** option → its number, and back */
  numbers?: ReadonlyMap<string, number>;
  options?: ReadonlyMap<number, string>;
}

const KINDS: Record<Question['type'], Kind> = {
  integer: 'int',
  money: 'money',
  boolean: 'bool',
  choice: 'choice',
  multi: 'multi',
  children: 'children',
};

/** The questions a link is read and written with: their keys, types and codes. */
export type ShareQuestions = readonly Pick<Question, 'key' | 'type' | 'code' | 'optionCodes'>[];

export interface ShareCodes {
  byKey: ReadonlyMap<string, KeySpec>;
  byCode: ReadonlyMap<string, KeySpec>;
}

const codesCache = new WeakMap<ShareQuestions, ShareCodes>();

/** The code tables of a questionnaire (a release that adds a question brings its code). */
export function shareCodes(questions: ShareQuestions): ShareCodes {
  let codes = codesCache.get(questions);
  if (!codes) {
    const specs = questions.map((q): KeySpec => {
      const numbers = q.optionCodes ? new Map(Object.entries(q.optionCodes)) : undefined;
      const options = numbers && new Map([...numbers].map(([o, n]) => [n, o]));
      return { key: q.key, code: q.code, kind: KINDS[q.type], numbers, options };
    });
    codes = { byKey: new Map(specs.map((k) => [k.key, k])), byCode: new Map(specs.map((k) => [k.code, k])) };
    codesCache.set(questions, codes);
  }
  return codes;
}

const EXTRA = 'x';
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x);
const isMoney = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1e9;

function compactValue(spec: KeySpec, value: unknown): unknown {
  const bad = (): never => {
    throw new ShareLinkError('invalid', spec.key);
  };
  switch (spec.kind) {
    case 'int':
      return isInt(value) ? value : bad();
    case 'money':
      return isMoney(value) ? value : bad();
    case 'bool':
      return typeof value === 'boolean' ? (value ? 1 : 0) : bad();
    case 'choice': {
      if (typeof value !== 'string') return bad();
      const i = spec.numbers?.get(value);
      if (i !== undefined) return i;
      // A choice added to the rules later travels as text.
      return value.length > 0 && value.length <= 64 ? value : bad();
    }
    case 'multi': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return bad();
      return value.map((v: string) => {
        const i = spec.numbers?.get(v);
        return i !== undefined ? i : v.length > 0 && v.length <= 64 ? v : bad();
      });
    }
    case 'children': {
      if (!Array.isArray(value)) return bad();
      return value.map((child) => {
        if (!isObject(child) || !isInt(child.age)) return bad();
        // A child with more facts than the age (a later rules version) travels as an object.
        return Object.keys(child).length === 1 ? child.age : child;
      });
    }
  }
}

function expandValue(spec: KeySpec, value: unknown): unknown {
  const bad = (): never => {
    throw new ShareLinkError('invalid', spec.key);
  };
  const option = (v: unknown) => {
    if (isInt(v) && spec.options?.has(v)) return spec.options.get(v)!;
    if (typeof v === 'string' && v.length > 0 && v.length <= 64 && !spec.numbers?.has(v)) return v;
    return bad();
  };
  switch (spec.kind) {
    case 'int':
      return isInt(value) ? value : bad();
    case 'money':
      return isMoney(value) ? value : bad();
    case 'bool':
      return value === 1 ? true : value === 0 ? false : bad();
    case 'choice':
      return option(value);
    case 'multi': {
      if (!Array.isArray(value)) return bad();
      const list = value.map(option);
      return new Set(list).size === list.length ? list : bad();
    }
    case 'children': {
      if (!Array.isArray(value) || value.length > 50) return bad();
      return value.map((child) => {
        if (isInt(child)) return { age: child };
        if (isObject(child) && isInt(child.age) && Object.keys(child).every((k) => !FORBIDDEN_KEYS.has(k))) return { ...child };
        return bad();
      });
    }
  }
}

function compactAnswers(answers: Answers, codes: ShareCodes): Record<string, unknown> {
  if (!isObject(answers)) throw new ShareLinkError('invalid', 'answers');
  const out: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const spec = codes.byKey.get(key);
    if (spec) out[spec.code] = compactValue(spec, value);
    else extra[key] = value;
  }
  if (Object.keys(extra).length) out[EXTRA] = extra;
  return out;
}

function expandAnswers(compact: unknown, codes: ShareCodes): Answers {
  if (!isObject(compact)) throw new ShareLinkError('invalid', 'answers');
  const answers: Answers = {};
  for (const [code, value] of Object.entries(compact)) {
    if (code === EXTRA) {
      if (!isObject(value)) throw new ShareLinkError('invalid', EXTRA);
      for (const [key, v] of Object.entries(value)) {
        // A known key must use its code: two spellings of one answer would be ambiguous.
        if (codes.byKey.has(key) || FORBIDDEN_KEYS.has(key) || !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(key)) {
          throw new ShareLinkError('invalid', key);
        }
        answers[key] = v;
      }
      continue;
    }
    const spec = codes.byCode.get(code);
    if (!spec) throw new ShareLinkError('invalid', code);
    answers[spec.key] = expandValue(spec, value);
  }
  return answers;
}

// ---------------------------------------------------------------------------------------------
// Bytes

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function canDeflate(): boolean {
  try {
    return typeof CompressionStream !== 'undefined' && !!new CompressionStream('deflate-raw');
  } catch {
    return false;
  }
}

function canInflate(): boolean {
  try {
    return typeof DecompressionStream !== 'undefined' && !!new DecompressionStream('deflate-raw');
  } catch {
    return false;
  }
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number) {
  const writer = stream.writable.getWriter();
  // Errors surface on the reading side; these only must not go unhandled.
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw new ShareLinkError('too-long', 'content');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function withCrc(crc: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, crc);
  out.set(body, 4);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public

export interface EncodeOptions {
  /** the questions of the rules in use: their codes make the link short */
  questions: ShareQuestions;
  /** false: never compress (mode `j`); default: compress when it makes the link shorter */
  compress?: boolean;
}

const RULES_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,39}$/;

/**
 * The result as bytes: one mode byte (`z` or `j`) then the body (deflate-raw(json) or json). The
 * readable `r=1` link and the sealed `s=2` link (src/share/sealed-link.ts) carry these bytes.
 */
export async function packResult(result: SharedResult, options: EncodeOptions): Promise<Uint8Array> {
  if (typeof result.rulesVersion !== 'string' || !RULES_VERSION.test(result.rulesVersion)) {
    throw new ShareLinkError('invalid', 'rulesVersion');
  }
  if (result.date !== undefined && !isRealDate(result.date)) throw new ShareLinkError('invalid', 'date');
  const json = new TextEncoder().encode(
    JSON.stringify([result.rulesVersion, result.date ?? null, compactAnswers(result.answers, shareCodes(options.questions))]),
  );
  if (json.length > MAX_JSON_BYTES) throw new ShareLinkError('too-long', 'answers');
  let mode = 'j';
  let body: Uint8Array = json;
  if (options.compress !== false && canDeflate()) {
    const deflated = await pipe(json, new CompressionStream('deflate-raw'), MAX_JSON_BYTES * 2);
    if (deflated.length < json.length) {
      mode = 'z';
      body = deflated;
    }
  }
  const out = new Uint8Array(1 + body.length);
  out[0] = mode.charCodeAt(0);
  out.set(body, 1);
  return out;
}

/**
 * The readable `r=1z…` fragment (without `#`). Kept for tests and old links only: the app shares
 * sealed links, which carry nothing readable.
 */
export async function encodeShareFragment(result: SharedResult, options: EncodeOptions): Promise<string> {
  const packed = await packResult(result, options);
  const mode = String.fromCharCode(packed[0]!);
  const body = packed.subarray(1);
  const fragment = `${SHARE_PARAM}=${FORMAT}${mode}${toBase64Url(withCrc(crc32(body), body))}`;
  if (fragment.length > MAX_FRAGMENT_LENGTH) throw new ShareLinkError('too-long', 'answers');
  return fragment;
}

/** The page URL with the share fragment (anything after `#` in `pageUrl` is replaced). */
export async function buildShareLink(pageUrl: string, result: SharedResult, options: EncodeOptions): Promise<string> {
  const base = pageUrl.split('#')[0]!;
  return `${base}#${await encodeShareFragment(result, options)}`;
}

/** The share token in a URL, a `#…` fragment or a bare `r=…`; null when there is none. */
function findToken(input: string): string | null {
  const hash = input.includes('#') ? input.slice(input.indexOf('#') + 1) : input;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}

export interface DecodeOptions {
  /** the questions of the rules in use: what the codes stand for */
  questions: ShareQuestions;
  /** checks the result further (answers against the questionnaire, rules version, date); a problem or null */
  validate?: (result: SharedResult) => string | null;
}

/**
 * Reads a shared result from a URL or fragment. Never throws anything but a ShareLinkError: a
 * tampered, cut-off or garbled link is refused with its `problem`, never half-read.
 */
export async function decodeShareFragment(urlOrFragment: string, options: DecodeOptions): Promise<SharedResult> {
  try {
    return await decode(urlOrFragment, options);
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('garbled', e instanceof Error ? e.message : undefined);
  }
}

async function decode(input: string, options: DecodeOptions): Promise<SharedResult> {
  if (typeof input !== 'string') throw new ShareLinkError('missing');
  let token = findToken(input);
  if (token === null || token === '') throw new ShareLinkError('missing');
  if (token.length > MAX_FRAGMENT_LENGTH) throw new ShareLinkError('too-long');
  // Some apps percent-encode the fragment when passing a link on.
  if (token.includes('%')) token = decodeURIComponent(token);
  if (token[0] !== FORMAT) throw new ShareLinkError('unknown-format', token.slice(0, 2));
  const mode = token[1];
  if (mode !== 'z' && mode !== 'j') throw new ShareLinkError('unknown-format', token.slice(0, 2));
  const bytes = fromBase64Url(token.slice(2));
  if (!bytes || bytes.length < 5) throw new ShareLinkError('garbled', 'base64url');
  const expected = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  const body = bytes.slice(4);
  if (crc32(body) !== expected) throw new ShareLinkError('garbled', 'checksum');
  const packed = new Uint8Array(1 + body.length);
  packed[0] = mode.charCodeAt(0);
  packed.set(body, 1);
  return unpackResult(packed, options);
}

/** Reads bytes made by `packResult`; throws a ShareLinkError, never returns half a result. */
export async function unpackResult(packed: Uint8Array, options: DecodeOptions): Promise<SharedResult> {
  try {
    return await unpack(packed, options);
  } catch (e) {
    if (e instanceof ShareLinkError) throw e;
    throw new ShareLinkError('garbled', e instanceof Error ? e.message : undefined);
  }
}

async function unpack(packed: Uint8Array, options: DecodeOptions): Promise<SharedResult> {
  if (packed.length < 2) throw new ShareLinkError('garbled', 'empty');
  const mode = String.fromCharCode(packed[0]!);
  if (mode !== 'z' && mode !== 'j') throw new ShareLinkError('unknown-format', mode);
  let json: Uint8Array<ArrayBuffer> = packed.slice(1);
  if (mode === 'z') {
    if (!canInflate()) throw new ShareLinkError('unsupported');
    try {
      json = await pipe(json, new DecompressionStream('deflate-raw'), MAX_JSON_BYTES);
    } catch (e) {
      if (e instanceof ShareLinkError) throw e;
      throw new ShareLinkError('garbled', 'inflate');
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    throw new ShareLinkError('garbled', 'json');
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new ShareLinkError('invalid', 'shape');
  const [rulesVersion, date, compact] = parsed as unknown[];
  if (typeof rulesVersion !== 'string' || !RULES_VERSION.test(rulesVersion)) throw new ShareLinkError('invalid', 'rulesVersion');
  if (date !== null && !isRealDate(date)) throw new ShareLinkError('invalid', 'date');
  const answers = expandAnswers(compact, shareCodes(options.questions));
  const result: SharedResult = { answers, rulesVersion };
  if (date !== null) result.date = date;
  const problem = options.validate?.(result);
  if (problem) throw new ShareLinkError('invalid', problem);
  return result;
}
