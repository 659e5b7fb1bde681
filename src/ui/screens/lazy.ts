/** Screens in their own chunks, loaded on first use (see src/ui/lazy.tsx). */
import { lazyScreen } from '../lazy';
import type { CaseloadRoute } from './caseload';

export const Caseload = lazyScreen<{ route: CaseloadRoute }>(() => import('./caseload').then((m) => m.default));
export const Share = lazyScreen<Record<string, never>>(() => import('../components/ShareScreen').then((m) => m.ShareScreen));
export const Sheet = lazyScreen<Record<string, never>>(() => import('../components/ShareScreen').then((m) => m.SheetScreen));
