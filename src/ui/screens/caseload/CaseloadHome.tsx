/**
 * The caseload: the households on this device, each under the name the worker chose, with the day
 * of the last visit, open follow-up items and "rules changed"; a new household; moving them to
 * another device (export / import); changing the passphrase; erasing them all.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Heading } from '../../components/Heading';
import { useServices } from '../../context';
import { paths } from '../../router';
import { ChangePassphrase } from './ChangePassphrase';
import { useCaseload } from './context';
import { vaultErrorText } from './messages';
import { NameField } from './NameField';
import { ExportForm, ImportForm } from './Transfer';
import { WorkerContactForm } from './WorkerContact';

export function CaseloadHome() {
  const { state, i18n } = useServices();
  const caseload = useCaseload();
  const [notice] = useState(caseload.actions.takeNotice);
  const message = notice && i18n.t(notice.key, notice.values);
  const list = caseload.list.value;
  const damaged = caseload.damaged.value;
  const listError = caseload.listError.value;
  const error = listError ? vaultErrorText(i18n, listError) : null;
  const version = state.rules.value?.ruleset.manifest.version;
  useEffect(() => {
    void caseload.actions.loadList();
  }, []);

  return (
    <div class="caseload">
      <Heading title={i18n.t('caseload.title')} />
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <section aria-labelledby="households-title">
        <h2 id="households-title">
          {i18n.t('caseload.list.title')}{' '}
          {list && <span class="count">({i18n.t('caseload.list.count', { count: list.length })})</span>}
        </h2>
        {damaged > 0 && <p class="notice notice-warning">{i18n.t('caseload.list.damaged', { count: damaged })}</p>}
        {list === null ? (
          <p class="loading">{i18n.t('caseload.opening')}</p>
        ) : list.length === 0 ? (
          <p>{i18n.t('caseload.list.empty')}</p>
        ) : (
          <ul class="household-list">
            {list.map((h) => (
              <li key={h.id} class="household-item" data-household={h.id}>
                <a class="household-name" href={paths.household(h.id)}>
                  {h.name}
                </a>
                <p class="meta">
                  {h.lastVisit ? i18n.t('caseload.lastVisit', { date: i18n.date(h.lastVisit) }) : i18n.t('caseload.noVisit')}
                  {h.open > 0 && <> · {i18n.t('caseload.list.open', { count: h.open })}</>}
                </p>
                {version && h.rulesVersion && h.rulesVersion !== version && (
                  <p class="badge badge-warning">{i18n.t('caseload.list.rulesChanged')}</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewHousehold />
      <section aria-labelledby="transfer-title" class="transfer">
        <h2 id="transfer-title">{i18n.t('caseload.transfer.title')}</h2>
        {list && list.length > 0 && (
          <>
            <h3>{i18n.t('caseload.export.allTitle')}</h3>
            <ExportForm />
          </>
        )}
        <h3>{i18n.t('caseload.import.title')}</h3>
        <ImportForm />
      </section>
      <WorkerContactForm />
      <ChangePassphrase />
      <EraseAll />
    </div>
  );
}

function NewHousehold() {
  const { i18n, router } = useServices();
  const caseload = useCaseload();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      router.navigate(paths.household(await caseload.actions.create(name)));
    } catch (err) {
      setError(vaultErrorText(i18n, err));
      setBusy(false);
      inputRef.current?.focus();
    }
  };
  return (
    <section aria-labelledby="new-title">
      <h2 id="new-title">{i18n.t('caseload.create.title')}</h2>
      <form class="inline-form" onSubmit={submit} noValidate>
        <NameField id="new-name" value={name} error={error} inputRef={inputRef} onInput={setName} />
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {i18n.t('caseload.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function EraseAll() {
  const { i18n } = useServices();
  const caseload = useCaseload();
  return (
    <section aria-labelledby="erase-all-title" class="danger-zone">
      <h2 id="erase-all-title">{i18n.t('caseload.eraseAll.title')}</h2>
      <p>{i18n.t('caseload.eraseAll.text')}</p>
      <ConfirmAction
        label={i18n.t('caseload.eraseAll.button')}
        question={i18n.t('caseload.eraseAll.confirm')}
        yes={i18n.t('caseload.eraseAll.yes')}
        no={i18n.t('caseload.eraseAll.no')}
        onConfirm={async () => {
          caseload.actions.notify({ key: 'caseload.eraseAll.done' });
          await caseload.actions.eraseAll();
        }}
      />
    </section>
  );
}
