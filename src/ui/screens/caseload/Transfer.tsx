/**
 * Moving households between devices: an encrypted export file (one household or the whole caseload)
 * protected by its own passphrase, downloaded as a file; and importing such a file. A file that is
 * not ours, damaged, or opened with a wrong passphrase is refused and nothing on the device changes.
 */
import { useRef, useState } from 'preact/hooks';
import type { I18n } from '../../../i18n';
import { type ConflictChoice, type ImportPreview, MIN_PASSPHRASE_LENGTH } from '../../../state/caseload';
import { useServices } from '../../context';
import { useCaseload } from './context';
import { IMPORT_ERROR_KEYS, vaultErrorText } from './messages';

/** Offers `text` as a file download, without a server. */
export function downloadText(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The export file's name, in the worker's language (locale key caseload.export.fileName): what it
 * holds and the date, never anything about the household itself.
 */
export function exportFileName(i18n: I18n, one: boolean, date: string): string {
  return i18n.t('caseload.export.fileName', { what: i18n.t(one ? 'caseload.export.fileOne' : 'caseload.export.fileAll'), date });
}

export function ExportForm({ id }: { id?: string }) {
  const { i18n, state } = useServices();
  const caseload = useCaseload();
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = id ? 'export-one' : 'export-all';

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (pass.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) {
      setError(i18n.t('caseload.errors.weakPassphrase'));
      return;
    }
    setBusy(true);
    try {
      const text = await caseload.actions.exportFile(pass, id);
      const filename = exportFileName(i18n, id !== undefined, state.date.value);
      downloadText(text, filename);
      setDone(i18n.t('caseload.export.done', { filename }));
      setPass('');
    } catch (err) {
      setError(vaultErrorText(i18n, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="transfer-form" onSubmit={submit} noValidate data-form={base}>
      <p>{id ? i18n.t('caseload.export.oneIntro') : i18n.t('caseload.export.allIntro')}</p>
      {error && (
        <p class="error-message" id={`${base}-error`} role="alert">
          {error}
        </p>
      )}
      <div class="field">
        <label for={`${base}-pass`}>{i18n.t('caseload.export.passphrase')}</label>
        <p class="hint" id={`${base}-hint`}>
          {i18n.t('caseload.export.hint')}
        </p>
        <input
          id={`${base}-pass`}
          class="input input-wide"
          type="password"
          autoComplete="new-password"
          value={pass}
          aria-describedby={error ? `${base}-hint ${base}-error` : `${base}-hint`}
          aria-invalid={!!error || undefined}
          onInput={(e) => setPass(e.currentTarget.value)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="button secondary" disabled={busy}>
          {id ? i18n.t('caseload.export.oneSubmit') : i18n.t('caseload.export.allSubmit')}
        </button>
      </div>
      <p role="status" class="transfer-status">
        {busy ? i18n.t('caseload.busy') : (done ?? '')}
      </p>
    </form>
  );
}

export function ImportForm() {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const fileRef = useRef<HTMLInputElement>(null);
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<{ text: string; pass: string; preview: ImportPreview } | null>(null);
  const [choice, setChoice] = useState<ConflictChoice>('keep-newer');
  const [report, setReport] = useState<string | null>(null);

  const open = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setReport(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(i18n.t('caseload.import.noFile'));
      return;
    }
    setBusy(true);
    try {
      const text = await file.text();
      const preview = await caseload.actions.inspectFile(text, pass);
      setOpened({ text, pass, preview });
    } catch (err) {
      setError(vaultErrorText(i18n, err, IMPORT_ERROR_KEYS));
    } finally {
      setBusy(false);
    }
  };

  const doImport = async () => {
    if (!opened) return;
    setBusy(true);
    setError(null);
    try {
      const r = await caseload.actions.importFile(opened.text, opened.pass, {
        onConflict: choice,
        copyName: (name) => i18n.t('caseload.import.copyName', { name }),
      });
      setReport(
        i18n.t('caseload.import.done', {
          added: r.added.length + r.copied.length,
          replaced: r.replaced.length,
          skipped: r.skipped.length,
        }),
      );
      setOpened(null);
      setPass('');
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(vaultErrorText(i18n, err, IMPORT_ERROR_KEYS));
    } finally {
      setBusy(false);
    }
  };

  const conflicts = opened?.preview.conflicts.length ?? 0;
  return (
    <div class="transfer-form" data-form="import">
      <p>{i18n.t('caseload.import.intro')}</p>
      {error && (
        <p class="error-message" id="import-error" role="alert">
          {error}
        </p>
      )}
      {!opened ? (
        <form onSubmit={open} noValidate>
          <div class="field">
            <label for="import-file">{i18n.t('caseload.import.file')}</label>
            <input id="import-file" ref={fileRef} class="file-input" type="file" accept=".json,application/json" />
          </div>
          <div class="field">
            <label for="import-pass">{i18n.t('caseload.import.passphrase')}</label>
            <input
              id="import-pass"
              class="input input-wide"
              type="password"
              autoComplete="off"
              value={pass}
              aria-describedby={error ? 'import-error' : undefined}
              onInput={(e) => setPass(e.currentTarget.value)}
            />
          </div>
          <div class="actions">
            <button type="submit" class="button secondary" disabled={busy}>
              {i18n.t('caseload.import.open')}
            </button>
          </div>
        </form>
      ) : (
        <div class="import-preview">
          <p>
            {i18n.t('caseload.import.contains', {
              count: opened.preview.households.length,
              date: i18n.date(opened.preview.exportedAt.slice(0, 10)),
            })}
          </p>
          <ul>
            {opened.preview.households.map((h) => (
              <li key={h.id}>{h.name}</li>
            ))}
          </ul>
          {conflicts > 0 && (
            <fieldset class="conflicts">
              <legend>{i18n.t('caseload.import.conflicts', { count: conflicts })}</legend>
              <div class="options">
                {(['keep-newer', 'replace', 'copy'] as const).map((c) => (
                  <div class="option" key={c}>
                    <input
                      type="radio"
                      id={`conflict-${c}`}
                      name="conflict"
                      value={c}
                      checked={choice === c}
                      onChange={() => setChoice(c)}
                    />
                    <label for={`conflict-${c}`}>
                      {c === 'keep-newer'
                        ? i18n.t('caseload.import.keepNewer')
                        : c === 'replace'
                          ? i18n.t('caseload.import.replace')
                          : i18n.t('caseload.import.copy')}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          )}
          <div class="actions">
            <button type="button" class="button primary" disabled={busy} onClick={doImport}>
              {i18n.t('caseload.import.submit', { count: opened.preview.households.length })}
            </button>
            <button type="button" class="button secondary" onClick={() => setOpened(null)}>
              {i18n.t('caseload.import.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" class="transfer-status">
        {busy ? i18n.t('caseload.busy') : (report ?? '')}
      </p>
    </div>
  );
}
