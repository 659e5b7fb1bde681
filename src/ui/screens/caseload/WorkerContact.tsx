/** The worker's name and phone for the hand-over sheets, set once on this device (optional). */
import { useEffect, useState } from 'preact/hooks';
import { WORKER_FIELD_MAX, type WorkerContact } from '../../../state/worker';
import { useServices } from '../../context';
import { useCaseload } from './context';

/** The contact set on this device; null until loaded or when none was set. */
export function useWorkerContact(): WorkerContact | null {
  const caseload = useCaseload();
  useEffect(() => {
    void caseload.actions.loadContact();
  }, []);
  return caseload.contact.value;
}

export function WorkerContactForm() {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const stored = useWorkerContact();
  const [draft, setDraft] = useState<WorkerContact | null>(null);
  const [saved, setSaved] = useState(false);
  const value = draft ?? stored ?? { name: '', phone: '' };
  const change = (field: keyof WorkerContact) => (e: Event) => {
    setSaved(false);
    setDraft({ ...value, [field]: (e.currentTarget as HTMLInputElement).value });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    await caseload.actions.saveContact(value);
    setSaved(true);
  };
  return (
    <section aria-labelledby="worker-title" class="worker-contact">
      <h2 id="worker-title">{i18n.t('caseload.worker.title')}</h2>
      <p class="hint">{i18n.t('caseload.worker.intro')}</p>
      <form class="inline-form" onSubmit={submit} noValidate>
        <div class="field">
          <label for="worker-name">{i18n.t('caseload.worker.name')}</label>
          <input id="worker-name" class="input input-wide" type="text" autoComplete="name" maxLength={WORKER_FIELD_MAX} value={value.name} onInput={change('name')} />
        </div>
        <div class="field">
          <label for="worker-phone">{i18n.t('caseload.worker.phone')}</label>
          <input id="worker-phone" class="input" type="tel" autoComplete="tel" maxLength={WORKER_FIELD_MAX} value={value.phone} onInput={change('phone')} />
        </div>
        <div class="actions">
          <button type="submit" class="button secondary">
            {i18n.t('caseload.worker.save')}
          </button>
        </div>
        <p role="status" class="transfer-status">
          {saved ? i18n.t('caseload.worker.saved') : ''}
        </p>
      </form>
    </section>
  );
}
