/**
 * A tiny hash router: #/, #/vragen, #/overzicht, #/resultaten, #/recht/<id>, #/catalogus, #/delen,
 * #/blad, #/privacy, #/regels, and the professionals' #/hulpverlener, #/hulpverlener/gezin/<id>[/blad].
 */
import { type ReadonlySignal, signal } from '@preact/signals';

export type Route =
  | { name: 'home' }
  | { name: 'questions' }
  | { name: 'summary' }
  | { name: 'results' }
  | { name: 'catalogue' }
  | { name: 'right'; id: string }
  | { name: 'share' }
  | { name: 'sheet' }
  | { name: 'privacy' }
  | { name: 'rules' }
  | { name: 'caseload' }
  | { name: 'household'; id: string }
  | { name: 'household-sheet'; id: string }
  | { name: 'not-found' };

export const paths = {
  home: '#/',
  questions: '#/vragen',
  summary: '#/overzicht',
  results: '#/resultaten',
  catalogue: '#/catalogus',
  right: (id: string) => `#/recht/${encodeURIComponent(id)}`,
  share: '#/delen',
  sheet: '#/blad',
  privacy: '#/privacy',
  rules: '#/regels',
  caseload: '#/hulpverlener',
  household: (id: string) => `#/hulpverlener/gezin/${encodeURIComponent(id)}`,
  householdSheet: (id: string) => `#/hulpverlener/gezin/${encodeURIComponent(id)}/blad`,
} as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/' || path === '') return { name: 'home' };
  if (path === '/vragen') return { name: 'questions' };
  if (path === '/overzicht') return { name: 'summary' };
  if (path === '/resultaten') return { name: 'results' };
  if (path === '/catalogus') return { name: 'catalogue' };
  if (path === '/delen') return { name: 'share' };
  if (path === '/blad') return { name: 'sheet' };
  if (path === '/privacy') return { name: 'privacy' };
  if (path === '/regels') return { name: 'rules' };
  if (path === '/hulpverlener') return { name: 'caseload' };
  const household = /^\/hulpverlener\/gezin\/([A-Za-z0-9_-]{1,64})(\/blad)?$/.exec(path);
  if (household) {
    const id = household[1] as string;
    return household[2] ? { name: 'household-sheet', id } : { name: 'household', id };
  }
  const right = /^\/recht\/([^/]+)$/.exec(path);
  if (right) {
    try {
      return { name: 'right', id: decodeURIComponent(right[1] as string) };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

export interface Router {
  readonly route: ReadonlySignal<Route>;
  /** the route before the current one, or null on the first page */
  readonly previous: ReadonlySignal<Route | null>;
  /** how many times the route changed since start: focus moves to the heading only after a change */
  readonly changes: ReadonlySignal<number>;
  navigate(hash: string, options?: { replace?: boolean }): void;
  dispose(): void;
}

export function createRouter(win: Window = window): Router {
  let currentHash = win.location.hash.startsWith('#/') ? win.location.hash : paths.home;
  const route = signal<Route>(parseRoute(currentHash));
  const previous = signal<Route | null>(null);
  const changes = signal(0);
  const go = (hash: string) => {
    if (hash === currentHash) return;
    currentHash = hash;
    previous.value = route.peek();
    route.value = parseRoute(hash);
    changes.value++;
    win.scrollTo?.(0, 0);
  };
  // Only "#/…" hashes are routes; "#main" (the skip link) is an anchor in the page.
  const onHashChange = () => {
    const hash = win.location.hash || paths.home;
    if (hash.startsWith('#/')) go(hash);
  };
  win.addEventListener('hashchange', onHashChange);
  return {
    route,
    previous,
    changes,
    navigate(hash, options) {
      go(hash);
      if (win.location.hash === hash) return;
      if (options?.replace) win.history.replaceState(null, '', hash);
      else win.location.hash = hash;
    },
    dispose: () => win.removeEventListener('hashchange', onHashChange),
  };
}
