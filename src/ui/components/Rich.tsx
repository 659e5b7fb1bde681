/**
 * The one renderer of translated sentences with filled-in values. Each value is isolated in a <bdi>:
 * a phone number or a time (digits only) is laid out left to right whatever the sentence's direction,
 * so "056 24 42 22" never reads "22 42 24 056" in Arabic; other values take their own direction from
 * their first letter. In a right-to-left language, a bracketed Latin term of the sentence itself
 * ("(Kortrijks Menswaardig Inkomen, KMI)") is isolated too and kept on one line, so its brackets
 * neither flip nor break apart (./Words).
 */
import { useId } from 'preact/hooks';
import { directionOf, type Part } from '../../i18n';
import { useServices } from '../context';
import { useGloss } from './Glossary';
import { isolateTerms as words, plain, Words } from './Words';

/** digits, spaces and the marks of phone numbers, times and plain numbers: no direction of their own */
const NEUTRAL = /^[\d\s\u00a0\u202f+()./:-]+$/;
export { Words };

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
          // a phone number or a time is one piece: never "056 24" on one line and "42 22" on the next
          <bdi key={i} dir={NEUTRAL.test(p.value) ? 'ltr' : undefined} class={NEUTRAL.test(p.value) ? 'figure' : undefined}>
            {/* a value that is itself a title ("…(sociaal tarief)") keeps its Latin brackets whole too */}
            {NEUTRAL.test(p.value) ? p.value : words(p.value, rtl, `${owner}-v${i}`, plain)}
          </bdi>
        ),
      )}
    </>
  );
}
