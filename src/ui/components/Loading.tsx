import { useServices } from '../context';

/** Shown while the rules load (a fraction of a second), or when they cannot be loaded. */
export function Loading() {
  const { state, i18n } = useServices();
  if (state.rulesError.value) {
    return (
      <div class="notice notice-error" role="alert">
        <p>{i18n.t('app.rulesError')}</p>
        <button type="button" class="button secondary" onClick={() => location.reload()}>
          {i18n.t('app.reload')}
        </button>
      </div>
    );
  }
  return (
    <p class="loading" role="status">
      {i18n.t('app.loading')}
    </p>
  );
}
