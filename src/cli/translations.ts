/**
 * The translators' round trip: every string of a language with its Dutch source and where it appears,
 * as XLIFF 1.2 (read by translators' tools: OmegaT, Poedit, Weblate, memoQ), and corrections read back
 * into locales/<lang>/*.json. A correction that loses or invents a placeholder ({{income}}), or a key
 * that is not in the Dutch source, is refused with the key named, and nothing is written.
 * An unedited export imported again changes nothing.
 *
 *   tsx src/cli/translations.ts export <lang> [file.xlf]
 *   tsx src/cli/translations.ts import <lang> file.xlf
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FILES = ['app', 'rules'] as const;
type Tree = { [key: string]: string | Tree };

/** The screens a key's texts appear on, by its first part: for the translator's note. */
const WHERE: Record<string, string> = {
  rights: 'results, a right’s page, the catalogue, the hand-over sheet',
  reasons: 'a right’s page ("Waarom?"), the results',
  facts: 'a right’s page ("Dit hebben we nagekeken")',
  compare: 'a right’s page ("Dit hebben we nagekeken")',
  steps: 'a right’s page ("Zo vraag je het aan"), the hand-over sheet',
  documents: 'a right’s page ("Neem dit mee"), the results',
  questions: 'the questionnaire, the summary of answers',
  screens: 'the questionnaire: the title of a screen that asks several questions',
  providers: 'a right’s page ("Waar moet je naartoe?")',
  glossary: 'the explanation of a hard word, on any screen',
  variables: 'a right’s page ("Dit hebben we nagekeken")',
  caseload: 'the screens for social workers',
  kiosk: 'the kiosk',
  share: 'sharing a result, the hand-over sheet',
};

export function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A plural form may leave the number out ("one child"): {{count}} is not required there. */
const placeholders = (s: string, key: string) =>
  [...new Set([...s.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1] as string))]
    .filter((p) => !(PLURAL.test(key) && p === 'count'))
    .sort();

/** The Dutch source of a key: a plural form the language has and Dutch has not ("_few") reads "_other". */
function sourceOf(source: Map<string, string>, key: string): string | undefined {
  return source.get(key) ?? (PLURAL.test(key) ? source.get(key.replace(PLURAL, '_other')) : undefined);
}

/** The keys of a language in the order of the Dutch source, with the language's own plural forms. */
function keysOf(source: Map<string, string>, target: Map<string, string>): string[] {
  const out: string[] = [];
  for (const key of source.keys()) {
    if (!PLURAL.test(key)) out.push(key);
    else if (key.endsWith('_other')) {
      const base = key.replace(PLURAL, '');
      const forms = [...target.keys()].filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k));
      out.push(...(forms.length ? forms : [...source.keys()].filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k))));
    }
  }
  return out;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface Locales {
  read(lang: string, file: (typeof FILES)[number]): Tree;
  write(lang: string, file: (typeof FILES)[number], tree: Tree): void;
}

export const folderLocales = (dir: string): Locales => ({
  read: (lang, file) => JSON.parse(readFileSync(join(dir, lang, `${file}.json`), 'utf8')),
  write: (lang, file, tree) => writeFileSync(join(dir, lang, `${file}.json`), `${JSON.stringify(tree, null, 2)}\n`),
});

/** Every string of a language, with its Dutch source and where it appears, as an XLIFF 1.2 document. */
export function exportXliff(locales: Locales, lang: string): string {
  const units: string[] = [];
  for (const file of FILES) {
    const source = flatten(locales.read('nl', file));
    const target = flatten(locales.read(lang, file));
    for (const key of keysOf(source, target)) {
      const nl = sourceOf(source, key) ?? '';
      const where = WHERE[key.split('.')[0] as string] ?? (file === 'app' ? 'the app’s screens' : 'the rule texts');
      units.push(
        `      <trans-unit id="${escapeXml(`${file}:${key}`)}" xml:space="preserve">\n` +
          `        <source>${escapeXml(nl)}</source>\n` +
          `        <target>${escapeXml(target.get(key) ?? '')}</target>\n` +
          `        <note>${escapeXml(`${key} — ${where}`)}</note>\n` +
          '      </trans-unit>',
      );
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="locales" source-language="nl" target-language="${escapeXml(lang)}" datatype="plaintext">
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

export class ImportError extends Error {}

function setDeep(tree: Tree, key: string, value: string): boolean {
  const parts = key.split('.');
  let node: Tree = tree;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (typeof next !== 'object') return false;
    node = next;
  }
  const last = parts.at(-1) as string;
  if (typeof node[last] !== 'string' && node[last] !== undefined) return false;
  node[last] = value;
  return true;
}

/** Reads corrections back; returns the keys that changed. Refuses the whole file on any problem. */
export function importXliff(locales: Locales, lang: string, xliff: string): string[] {
  if (lang === 'nl') throw new ImportError('Dutch is the source: edit locales/nl directly.');
  const target = xliff.match(/target-language="([^"]+)"/)?.[1];
  if (target !== lang) throw new ImportError(`This file is for "${target ?? '?'}", not for "${lang}".`);
  const trees = Object.fromEntries(FILES.map((f) => [f, locales.read(lang, f)])) as Record<(typeof FILES)[number], Tree>;
  const sources = Object.fromEntries(FILES.map((f) => [f, flatten(locales.read('nl', f))])) as Record<(typeof FILES)[number], Map<string, string>>;
  const problems: string[] = [];
  const changed: string[] = [];
  for (const m of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const id = unescapeXml(m[1] as string);
    const [file, key] = id.split(/:(.*)/s) as [string, string];
    const text = unescapeXml((m[2] as string).match(/<target[^>]*>([\s\S]*?)<\/target>/)?.[1] ?? '');
    const nl = (FILES as readonly string[]).includes(file) ? sourceOf(sources[file as 'app'], key) : undefined;
    if (nl === undefined) {
      problems.push(`${id}: not a key of the Dutch source`);
      continue;
    }
    if (text === '') continue; // not translated yet: the Dutch source is shown meanwhile
    const wanted = placeholders(nl, key);
    const found = placeholders(text, key);
    if (found.join() !== wanted.join() && !(PLURAL.test(key) && found.every((p) => wanted.includes(p)))) {
      problems.push(`${id}: the placeholders must be ${wanted.map((p) => `{{${p}}}`).join(', ') || 'none'}`);
      continue;
    }
    const before = flatten(trees[file as 'app']).get(key);
    if (before === text) continue;
    if (!setDeep(trees[file as 'app'], key, text)) problems.push(`${id}: cannot be placed in ${lang}/${file}.json`);
    else changed.push(id);
  }
  if (problems.length) throw new ImportError(`Nothing was changed. Fix these translations first:\n${problems.join('\n')}`);
  for (const f of FILES) if (changed.some((id) => id.startsWith(`${f}:`))) locales.write(lang, f, trees[f]);
  return changed;
}

function main(argv: string[]) {
  const [command, lang, file] = argv;
  const locales = folderLocales(join(process.cwd(), 'locales'));
  if (command === 'export' && lang) {
    const xliff = exportXliff(locales, lang);
    if (file) writeFileSync(file, xliff);
    else process.stdout.write(xliff);
    return 0;
  }
  if (command === 'import' && lang && file) {
    try {
      const changed = importXliff(locales, lang, readFileSync(file, 'utf8'));
      process.stdout.write(`${changed.length} translation(s) changed${changed.length ? `:\n${changed.join('\n')}` : '.'}\n`);
      return 0;
    } catch (e) {
      if (e instanceof ImportError) {
        process.stderr.write(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
  }
  process.stderr.write('usage: translations export <lang> [file.xlf] | translations import <lang> file.xlf\n');
  return 2;
}

if (process.argv[1]?.endsWith('translations.ts')) process.exitCode = main(process.argv.slice(2));
