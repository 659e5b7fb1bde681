/**
 * The one renderer of translated sentences with filled-in values. Each value is isolated in a <bdi>:
 * a phone number or a time (digits only) is laid out left to right whatever the sentence's direction,
 * so "056 24 42 22" never reads "22 42 24 056" in Arabic; other values take their own direction from
 * their first letter. In a right-to-left language, a bracketed Latin term of the sentence itself
 * ("(Kortrijks Menswaardig Inkomen, KMI)") is isolated too and kept on one line, so its brackets
 * neither flip nor break apart.
 */
import type { ComponentChildren } from 'preact';
import { directionOf, type Part } from '../../i18n';
import { useServices } from '../context';

/** digits, spaces and the marks of phone numbers, times and plain numbers: no direction of their own */
const NEUTRAL = /^[\d\s\u00a0\u202f+()./:-]+$/;
/** a bracketed run that starts with a Latin letter, in a sentence of another script */
const LATIN_BRACKETS = /\([A-Za-zÀ-ÿ][^()\u0600-\u06ff]*\)/g;

function words(text: string, rtl: boolean, key: number): ComponentChildren {
  if (!rtl || !LATIN_BRACKETS.test(text)) return text;
  LATIN_BRACKETS.lastIndex = 0;
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const m of text.matchAll(LATIN_BRACKETS)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(
      <bdi key={`${key}-${m.index}`} dir="ltr" class="term">
        {m[0]}
      </bdi>,
    );
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function Rich({ parts }: { parts: readonly Part[] }) {
  const { i18n } = useServices();
  const rtl = directionOf(i18n.language.value) === 'rtl';
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          words(p, rtl, i)
        ) : (
          <bdi key={i} dir={NEUTRAL.test(p.value) ? 'ltr' : undefined}>
            {p.value}
          </bdi>
        ),
      )}
    </>
  );
}
