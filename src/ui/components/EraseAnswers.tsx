import { useRef, useState } from 'preact/hooks';
import { useServices } from '../context';
import { paths } from '../router';

/** "Erase my answers": asks once, then wipes the answers here and on the device. */
export function EraseAnswers() {
  const { state, i18n, router } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [erased, setErased] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const hasAnswers = state.hasAnswers.value;

  const erase = async () => {
    await state.actions.erase();
    setConfirming(false);
    setErased(true);
    router.navigate(paths.home);
  };

  return (
    <div class="erase">
      <p role="status" class="erase-done">
        {erased && !hasAnswers ? i18n.t('erase.done') : ''}
      </p>
      {confirming ? (
        <div class="erase-confirm">
          <p ref={confirmRef} tabIndex={-1}>
            {i18n.t('erase.confirm')}
          </p>
          <div class="actions">
            <button type="button" class="button danger" onClick={erase}>
              {i18n.t('erase.yes')}
            </button>
            <button
              type="button"
              class="button secondary"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => buttonRef.current?.focus());
              }}
            >
              {i18n.t('erase.no')}
            </button>
          </div>
        </div>
      ) : (
        hasAnswers && (
          <button
            ref={buttonRef}
            type="button"
            class="button secondary"
            onClick={() => {
              setErased(false);
              setConfirming(true);
              requestAnimationFrame(() => confirmRef.current?.focus());
            }}
          >
            {i18n.t('erase.button')}
          </button>
        )
      )}
    </div>
  );
}
