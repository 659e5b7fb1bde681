/**
 * The one renderer of translated sentences with filled-in values. Each value is isolated in a <bdi>:
 * a phone number or a time (digits only) is laid out left to right whatever the sentence's direction,
 * so "056 24 42 22" never reads "22 42 24 056" in Arabic; other values take their own direction from
 * their first letter. In a right-to-left language, a bracketed Latin term of the sentence itself
 * ("(Kortrijks Menswaardig Inkomen, KMI)") is isolated too and kept on one line, so its brackets
 * neither flip nor break apart.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { directionOf, type Part } from '../../i18n';
import { useServices } from '../context';
import { useGloss } from './Glossary';

/** digits, spaces and the marks of phone numbers, times and plain numbers: no direction of their own */
const NEUTRAL = /^[\d\s\u00a0\u202f+()./:-]+$/;
/** a bracketed run that starts with a Latin letter, in a sentence of another script */
const LATIN_BRACKETS = /\([A-Za-zÀ-ÿ][^()\u0600-\u06ff]*\)/g;

type Gloss = (text: string, owner: string) => ComponentChildren;

function words(text: string, rtl: boolean, owner: string, gloss: Gloss): ComponentChildren {
  if (!rtl || !LATIN_BRACKETS.test(text)) return gloss(text, owner);
  LATIN_BRACKETS.lastIndex = 0;
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const m of text.matchAll(LATIN_BRACKETS)) {
    if (m.index > at) out.push(gloss(text.slice(at, m.index), `${owner}-${at}`));
    out.push(
      <bdi key={`${owner}-${m.index}`} dir="ltr" class="term">
        {gloss(m[0], `${owner}-${m.index}`)}
      </bdi>,
    );
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(gloss(text.slice(at), `${owner}-${at}`));
  return out;
}

export function Rich({ parts }: { parts: readonly Part[] }) {
  const { i18n } = useServices();
  const owner = useId();
  const gloss = useGloss();
  const rtl = directionOf(i18n.language.value) === 'rtl';
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          words(p, rtl, `${owner}-${i}`, gloss)
        ) : (
          <bdi key={i} dir={NEUTRAL.test(p.value) ? 'ltr' : undefined}>
            {p.value}
          </bdi>
        ),
      )}
    </>
  );
}
