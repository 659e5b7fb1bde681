import { useState } from 'preact/hooks';

/**
 * A destructive action in two steps: a button, then the question with "yes" (danger) and "no".
 * Nothing happens until the person confirms.
 */
export function ConfirmAction({
  label,
  question,
  yes,
  no,
  onConfirm,
}: {
  label: string;
  question: string;
  yes: string;
  no: string;
  onConfirm(): unknown;
}) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" class="button secondary" onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <div class="erase-confirm">
      <p>{question}</p>
      <div class="actions">
        <button type="button" class="button danger" onClick={() => onConfirm()}>
          {yes}
        </button>
        <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
          {no}
        </button>
      </div>
    </div>
  );
}
