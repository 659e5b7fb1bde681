/**
 * Hard words explained where they are used. The first use of a glossary term on a screen is a
 * button: pressed, it shows one or two plain sentences (and can read them aloud); later uses on the
 * same screen stay plain text. The terms are data (rules.json "glossary", in every language).
 */
import type { ComponentChildren } from 'preact';
import { useContext, useId, useState } from 'preact/hooks';
import type { GlossaryTerm, I18n } from '../../i18n';
import { useServices } from '../context';
import { GlossaryScopeContext as GlossaryScope } from './GlossaryScreen';
import { Words } from './Words';
import { ReadAloud } from './ReadAloud';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const cache = new WeakMap<GlossaryTerm[], { pattern: RegExp; byWord: Map<string, GlossaryTerm> }>();
function matcher(terms: GlossaryTerm[]) {
  let m = cache.get(terms);
  if (!m) {
    const byWord = new Map<string, GlossaryTerm>();
    for (const t of terms) for (const w of t.words) byWord.set(w.toLocaleLowerCase(), t);
    const words = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // whole words only: not "leefloon" inside "leefloonbedrag"
    const pattern = new RegExp(words.length ? `(?<![\\p{L}\\p{N}])(${words.join('|')})(?![\\p{L}\\p{N}])` : '(?!)', 'giu');
    m = { pattern, byWord };
    cache.set(terms, m);
  }
  return m;
}

let termsOf: { i18n: I18n; lang: string; terms: GlossaryTerm[] } | null = null;
function glossaryOf(i18n: I18n): GlossaryTerm[] {
  const lang = i18n.language.value;
  if (termsOf?.i18n !== i18n || termsOf.lang !== lang) termsOf = { i18n, lang, terms: i18n.glossary?.() ?? [] };
  return termsOf.terms;
}

/** A text with the first use on this screen of each glossary term as a button; `owner` is stable per text. */
export function useGloss(): (text: string, owner: string) => ComponentChildren {
  const { i18n } = useServices();
  const scope = useContext(GlossaryScope);
  const terms = glossaryOf(i18n);
  return (text, owner) => {
    if (!scope || !terms.length) return text;
    const { pattern, byWord } = matcher(terms);
    const out: ComponentChildren[] = [];
    let at = 0;
    for (const m of text.matchAll(pattern)) {
      const term = byWord.get((m[1] as string).toLocaleLowerCase());
      const key = `${owner}@${m.index}`;
      if (!term || (scope.has(term.id) && scope.get(term.id) !== key)) continue;
      scope.set(term.id, key);
      // The punctuation and suffix that touch the term ("(ziekenfonds)", Turkish "OCMW'den") stay on its line.
      const before = text.slice(at, m.index).match(GLUE_BEFORE)?.[0] ?? '';
      const after = text.slice(m.index + m[0].length).match(GLUE_AFTER)?.[0] ?? '';
      if (m.index - before.length > at) out.push(text.slice(at, m.index - before.length));
      out.push(<Term key={key} word={m[0]} term={term} before={before} after={after} />);
      at = m.index + m[0].length + after.length;
    }
    if (!out.length) return text;
    if (at < text.length) out.push(text.slice(at));
    return out;
  };
}

/** punctuation or an elided article right before a term: "(", "«", French "l'" */
const GLUE_BEFORE = /[^\s\p{L}\p{N}]*(?:\p{L}{1,3}['’])?$/u;
/** a suffix joined by an apostrophe or hyphen (Turkish "'den"), then punctuation, right after a term */
const GLUE_AFTER = /^(?:['’-]\p{L}+)?[^\s\p{L}\p{N}]*/u;

function Term({ word, term, before = '', after = '' }: { word: string; term: GlossaryTerm; before?: string; after?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <span class="term-glue">
        {before}
        <button type="button" class="term-button" aria-expanded={open} aria-controls={id} data-term={term.id} onClick={() => setOpen(!open)}>
          {word}
        </button>
        {after}
      </span>
      <span id={id} class="term-text" hidden={!open}>
        <Words text={term.text} />
        <ReadAloud text={() => term.text} />
      </span>
    </>
  );
}

/**
 * The glossary terms used in texts that cannot hold a button (a question, the labels of its
 * answers), as a short list of terms to press, below them.
 */
export function HardWords({ texts, owner }: { texts: string[]; owner: string }) {
  const { i18n } = useServices();
  const scope = useContext(GlossaryScope);
  const terms = glossaryOf(i18n);
  if (!scope || !terms.length) return null;
  const { pattern, byWord } = matcher(terms);
  const found: { term: GlossaryTerm; word: string }[] = [];
  for (const text of texts)
    for (const m of text.matchAll(pattern)) {
      const term = byWord.get((m[1] as string).toLocaleLowerCase());
      const key = `${owner}:${term?.id}`;
      if (!term || found.some((f) => f.term.id === term.id) || (scope.has(term.id) && scope.get(term.id) !== key)) continue;
      scope.set(term.id, key);
      found.push({ term, word: m[0] });
    }
  if (!found.length) return null;
  return (
    <p class="hard-words">
      <span class="label">{i18n.t('glossary.hardWords')}</span>{' '}
      {found.map(({ term, word }) => (
        <span key={term.id} class="hard-word">
          <Term word={word} term={term} />{' '}
        </span>
      ))}
    </p>
  );
}
