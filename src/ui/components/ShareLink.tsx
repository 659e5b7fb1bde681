/**
 * On the results: the way to take the result along. A resident gets "share my result"; a kiosk
 * "take your result with you" (QR code or print), shown prominently.
 */
import { useMode } from '../modes/context';
import { useServices } from '../context';
import { paths } from '../router';

export function ShareLink() {
  const { state, i18n } = useServices();
  const mode = useMode();
  if (!state.hasAnswers.value) return null;
  if (mode.kind === 'kiosk') {
    return (
      <div class="notice share-cta">
        <p>{i18n.t('kiosk.takeAlongHint')}</p>
        <a class="button primary" href={paths.share}>
          {i18n.t('kiosk.takeAlong')}
        </a>
      </div>
    );
  }
  return (
    <p class="share-cta">
      <a class="tap-link" href={paths.share}>
        {i18n.t('share.cta')}
      </a>
    </p>
  );
}
