/**
 * Version discipline: `rules/rules.lock` holds the SHA-256 of every rule file for the version in
 * rules/manifest.json. A rule file that differs from the lock is a change that needs a new version
 * and a CHANGELOG entry; `rights lock` (npm run rules:lock) writes the lock only when both are there.
 * Cases, the README and the changelog do not change any result, and the schemas are built into the
 * app and the command line (see src/engine/release.ts): none of them is locked.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareVersions, type Question } from '../engine';
import { RULES_DIR } from './load-rules';
import { mergeShareCodes, type ShareCodeRecord, shareCodeProblems } from './share-codes';

export const LOCK_FILE = 'rules.lock';

export interface Lock {
  version: string;
  files: Record<string, string>;
  /** every shared-link code ever published (append-only; see src/cli/share-codes.ts) */
  shareCodes?: ShareCodeRecord;
}

const questionsIn = (dir: string) => (JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as { questions: Question[] }).questions;

const isLocked = (path: string) =>
  path.endsWith('.json') && path !== 'manifest.json' && !path.startsWith('schema/') && !/^rights\/[^/]+\/cases\.json$/.test(path);

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? listFiles(full, root) : [relative(root, full).split(sep).join('/')];
  });
}

/** The hashes of the rule files as they are now, and the version the manifest names. */
export function currentLock(dir = RULES_DIR): Lock {
  const files: Record<string, string> = {};
  for (const path of listFiles(dir).filter(isLocked).sort()) {
    files[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  return { version, files, shareCodes: mergeShareCodes(readLock(dir)?.shareCodes ?? {}, questionsIn(dir)) };
}

export function readLock(dir = RULES_DIR): Lock | null {
  const file = join(dir, LOCK_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Lock) : null;
}

/** The files added, removed or changed since the lock. */
export function changedFiles(lock: Lock | null, now: Lock): string[] {
  const before = lock?.files ?? {};
  const paths = new Set([...Object.keys(before), ...Object.keys(now.files)]);
  return [...paths].filter((p) => before[p] !== now.files[p]).sort();
}

export interface ChangelogEntry {
  version: string;
  published: string;
  kind: string | null;
  body: string;
}

const KINDS = ['correction', 'addition', 'breaking'];

/** The entries of CHANGELOG.md: `## <version> — published <date>` and the lines under it. */
export function changelogEntries(text: string): ChangelogEntry[] {
  return text
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const [head = '', ...rest] = part.split('\n');
      const m = /^(\d{4}\.\d{2}\.\d+)\s+—\s+published\s+(\d{4}-\d{2}-\d{2})/.exec(head.trim());
      const body = rest.join('\n');
      const kind = /^Kind:\s*(\w+)/m.exec(body)?.[1] ?? null;
      return { version: m?.[1] ?? head.trim(), published: m?.[2] ?? '', kind, body };
    });
}

/** What is wrong with one changelog entry (empty when it says all it must). */
export function entryProblems(e: ChangelogEntry): string[] {
  const problems: string[] = [];
  if (!/^\d{4}\.\d{2}\.\d+$/.test(e.version) || !e.published) {
    problems.push(`"## ${e.version}": the heading must read "## YYYY.MM.N — published YYYY-MM-DD"`);
  }
  if (!e.kind || !KINDS.includes(e.kind)) problems.push(`${e.version}: a line "Kind: correction", "Kind: addition" or "Kind: breaking"`);
  if (!/^Dates:\s*\S/m.test(e.body)) problems.push(`${e.version}: a line "Dates: …" naming the dates the change holds from`);
  if (!/^Sources:\s*\S/m.test(e.body)) problems.push(`${e.version}: a line "Sources: …" naming where the figures come from`);
  if (e.kind === 'breaking' && !/^Migration:\s*\S/m.test(e.body)) {
    problems.push(`${e.version}: a breaking change needs a line "Migration: …" saying how saved answers are carried over`);
  }
  return problems;
}

export function readChangelog(dir = RULES_DIR): ChangelogEntry[] {
  const file = join(dir, 'CHANGELOG.md');
  return existsSync(file) ? changelogEntries(readFileSync(file, 'utf8')) : [];
}

/**
 * Why the rule files and their version do not agree, each as a sentence saying what to do; empty
 * when the lock matches the files and the version has a complete changelog entry.
 */
export function lockProblems(dir = RULES_DIR): string[] {
  const lock = readLock(dir);
  const now = currentLock(dir);
  const problems: string[] = [];
  const changed = changedFiles(lock, now);
  const entry = readChangelog(dir).find((e) => e.version === now.version);
  if (changed.length) {
    const steps: string[] = [];
    if (lock && compareVersions(now.version, lock.version) <= 0) {
      const d = new Date();
      const month = `${d.getFullYear()}.${String(d.getMonth() + 1).padStart(2, '0')}`;
      steps.push(`Raise "version" in rules/manifest.json above ${lock.version} (YYYY.MM.N: ${nextVersion(lock.version, month)}) and set "published" to the day you publish.`);
    }
    if (!entry || (lock && compareVersions(now.version, lock.version) <= 0)) {
      steps.push('Add an entry on top of rules/CHANGELOG.md: "## <version> — published <date>", with the lines "Kind: correction|addition|breaking", "Dates: …" and "Sources: …".');
    }
    steps.push('Run: npm run rules:lock');
    problems.push(
      `These rule files differ from rules/${LOCK_FILE} (version ${lock?.version ?? 'none'}): ${changed.join(', ')}.\n` +
        `A change to the rules is a new version:\n${steps.map((x, i) => `${i + 1}) ${x}`).join('\n')}`,
    );
  } else if (lock && lock.version !== now.version) {
    problems.push(`rules/${LOCK_FILE} is for version ${lock.version}, rules/manifest.json says ${now.version}. Run: npm run rules:lock`);
  }
  if (!entry) problems.push(`rules/CHANGELOG.md has no entry "## ${now.version} — published …" for the version in rules/manifest.json.`);
  else problems.push(...entryProblems(entry).map((p) => `rules/CHANGELOG.md needs ${p}.`));
  problems.push(...shareCodeProblems(lock?.shareCodes ?? {}, questionsIn(dir)));
  return problems;
}

/** The next version after `previous` in `month` (YYYY.MM): the same month counts up, a new month starts at 1. */
export function nextVersion(previous: string, month: string): string {
  const [y, m, n] = previous.split('.');
  const [ty, tm] = month.split('.');
  return y === ty && m === tm ? `${y}.${m}.${Number(n) + 1}` : `${ty}.${tm}.1`;
}

/** `rights lock`: writes rules/rules.lock when the version and the changelog allow it. */
export function writeLock(dir: string, out: NodeJS.WritableStream): number {
  const lock = readLock(dir);
  const now = currentLock(dir);
  const changed = changedFiles(lock, now);
  const codes = shareCodeProblems(lock?.shareCodes ?? {}, questionsIn(dir));
  if (codes.length) {
    out.write(`Shared links already given out would read other answers:\n${codes.map((p) => `- ${p}`).join('\n')}\n`);
    return 1;
  }
  if (lock && changed.length && compareVersions(now.version, lock.version) <= 0) {
    out.write(
      `The rules changed (${changed.join(', ')}) but the version is still ${now.version}.\n` +
        `Raise "version" in rules/manifest.json first and add its entry to rules/CHANGELOG.md; then run this again.\n`,
    );
    return 1;
  }
  const entry = readChangelog(dir).find((e) => e.version === now.version);
  const problems = entry ? entryProblems(entry) : [`an entry "## ${now.version} — published <date>"`];
  if (problems.length) {
    out.write(`rules/CHANGELOG.md needs:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
    return 1;
  }
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(now, null, 2)}\n`);
  out.write(`rules/${LOCK_FILE} now locks ${Object.keys(now.files).length} rule files for version ${now.version}` +
    (changed.length ? ` (changed: ${changed.join(', ')})` : '') + '\n');
  return 0;
}
