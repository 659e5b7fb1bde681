/** The household's name, as the worker chooses it (new household, rename), with its hint and error. */
import type { Ref } from 'preact';
import { NAME_MAX_LENGTH } from '../../../state/caseload';
import { useServices } from '../../context';

export function NameField({
  id,
  value,
  error,
  inputRef,
  onInput,
}: {
  id: string;
  value: string;
  error: string | null;
  inputRef?: Ref<HTMLInputElement>;
  onInput(value: string): void;
}) {
  const { i18n } = useServices();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{i18n.t('caseload.create.name')}</label>
      <p class="hint" id={hintId}>
        {i18n.t('caseload.name.hint')}
      </p>
      {error && (
        <p class="error-message" id={errorId}>
          {error}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        class="input input-wide"
        type="text"
        autoComplete="off"
        maxLength={NAME_MAX_LENGTH}
        value={value}
        aria-invalid={!!error || undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
