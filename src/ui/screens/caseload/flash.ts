/** A message for the next caseload screen ("the household was removed"), shown once. */
let pending: string | null = null;

export function flash(message: string): void {
  pending = message;
}

export function takeFlash(): string | null {
  const m = pending;
  pending = null;
  return m;
}
