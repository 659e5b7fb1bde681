/**
 * #/privacy: what the app keeps, where, for how long, how to erase it, and that nothing is sent. In
 * plain words, in every language; linked from the footer of every screen.
 */
import type { AppKey } from '../../i18n';
import { Heading } from '../components/Heading';
import { useServices } from '../context';

const PARTS: readonly [id: string, title: AppKey, text: AppKey][] = [
  ['sent', 'privacy.sentTitle', 'privacy.sent'],
  ['stored', 'privacy.storedTitle', 'privacy.stored'],
  ['how-long', 'privacy.howLongTitle', 'privacy.howLong'],
  ['erase', 'privacy.eraseTitle', 'privacy.erase'],
  ['kiosk', 'privacy.kioskTitle', 'privacy.kiosk'],
  ['share', 'privacy.shareTitle', 'privacy.share'],
  ['caseload', 'privacy.caseloadTitle', 'privacy.caseload'],
];

export function Privacy() {
  const { i18n } = useServices();
  return (
    <article class="privacy">
      <Heading title={i18n.t('privacy.title')} />
      <p class="lead">{i18n.t('privacy.intro')}</p>
      {PARTS.map(([id, title, text]) => (
        <section key={id} aria-labelledby={`privacy-${id}`}>
          <h2 id={`privacy-${id}`}>{i18n.t(title)}</h2>
          <p>{i18n.t(text)}</p>
        </section>
      ))}
    </article>
  );
}
