/** The caseload's state (src/state/caseload) for the caseload screens: one Preact context. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CaseloadState } from '../../../state/caseload';

export const CaseloadContext = createContext<CaseloadState | null>(null);

export function useCaseload(): CaseloadState {
  const caseload = useContext(CaseloadContext);
  if (!caseload) throw new Error('useCaseload outside <CaseloadContext.Provider>');
  return caseload;
}
