/**
 * The screens in their own chunks (see src/ui/lazy.tsx): every screen but the start screen. The start
 * screen is all the first page needs; the one a person opens on (a reload on the results, a link to
 * the caseload) is loaded before the first render, the others just after it.
 */
import { lazyScreen } from '../lazy';
import type { Route } from '../router';
import type { CaseloadRoute } from './caseload';

type None = Record<string, never>;

export const Questions = lazyScreen<None>(() => import('./Questions').then((m) => m.Questions));
export const Summary = lazyScreen<None>(() => import('./Summary').then((m) => m.Summary));
export const Results = lazyScreen<None>(() => import('./Results').then((m) => m.Results));
export const Catalogue = lazyScreen<None>(() => import('./Catalogue').then((m) => m.Catalogue));
export const Right = lazyScreen<{ id: string }>(() => import('./Right').then((m) => m.Right));
export const Privacy = lazyScreen<None>(() => import('./Privacy').then((m) => m.Privacy));
export const AboutRules = lazyScreen<None>(() => import('./AboutRules').then((m) => m.AboutRules));
export const Caseload = lazyScreen<{ route: CaseloadRoute }>(() => import('./caseload').then((m) => m.default));
export const Share = lazyScreen<None>(() => import('../components/ShareScreen').then((m) => m.ShareScreen));
export const Sheet = lazyScreen<None>(() => import('../components/ShareScreen').then((m) => m.SheetScreen));
/** a result opened from a share link: the code form, then the banner that offers to keep it */
export const SharedBanner = lazyScreen<None>(() => import('../components/SharedBanner').then((m) => m.SharedBanner));

const byRoute: Partial<Record<Route['name'], { load(): Promise<unknown> }>> = {
  questions: Questions,
  summary: Summary,
  results: Results,
  catalogue: Catalogue,
  right: Right,
  privacy: Privacy,
  rules: AboutRules,
  caseload: Caseload,
  household: Caseload,
  'household-sheet': Caseload,
  share: Share,
  sheet: Sheet,
};

/** Loads the chunk of the screen of this route (nothing for the start screen, which is in the first page). */
export const loadScreen = (route: Route['name']): Promise<unknown> => byRoute[route]?.load() ?? Promise.resolve();

/**
 * Loads the resident's screens, so that the next one shows at once (and is in the HTTP cache before
 * the service worker has precached it). The caseload and the share screen stay until they are opened.
 */
export const loadResidentScreens = (): Promise<unknown> =>
  Promise.all([Questions, Summary, Results, Catalogue, Right, Privacy, AboutRules].map((s) => s.load()));
