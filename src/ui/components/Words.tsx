/**
 * Bracketed Latin terms in a right-to-left text: "(sociaal tarief)" inside an Arabic title or sentence
 * takes the Arabic direction unless it is isolated, and then shows as "tarief (التعريفة" / "(sociaal".
 * Each such run is put in a left-to-right <bdi> kept together on a line, wherever a translated text is
 * shown: through Rich (sentences with values) or Words (titles, names, glossary explanations).
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { directionOf } from '../../i18n';
import { useServices } from '../context';

/** a bracketed run that starts with a Latin letter, in a sentence of another script */
export const LATIN_BRACKETS = /\([A-Za-zÀ-ÿ][^()\u0600-\u06ff]*\)/g;

/** a term this long or shorter ("(sociaal tarief)") fits a line of a 320 px screen: it is not broken */
const SHORT = 20;

export type Gloss = (text: string, owner: string) => ComponentChildren;

/** Text as is: no glossary buttons (a title is often a link, and a button cannot sit in a link). */
export const plain: Gloss = (text) => text;

export function isolateTerms(text: string, rtl: boolean, owner: string, gloss: Gloss): ComponentChildren {
  if (!rtl || !text.match(LATIN_BRACKETS)) return gloss(text, owner);
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const m of text.matchAll(LATIN_BRACKETS)) {
    if (m.index > at) out.push(gloss(text.slice(at, m.index), `${owner}-${at}`));
    out.push(
      <bdi key={`${owner}-${m.index}`} dir="ltr" class={m[0].length <= SHORT ? 'term term-short' : 'term'}>
        {gloss(m[0], `${owner}-${m.index}`)}
      </bdi>,
    );
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(gloss(text.slice(at), `${owner}-${at}`));
  return out;
}

/**
 * A translated text without values (a right's title, a name, a heading), its Latin terms isolated.
 * In one <span> when it has parts: a title link is a flex box, which would set each part apart.
 */
export function Words({ text }: { text: string }) {
  const { i18n } = useServices();
  const owner = useId();
  const parts = isolateTerms(text, directionOf(i18n.language.value) === 'rtl', owner, plain);
  return Array.isArray(parts) ? <span>{parts}</span> : <>{parts}</>;
}
