/** The services a component reads: passed through one Preact context, so each test renders with its own. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { Pwa } from '../pwa';
import type { AppState } from '../state/app-state';
import type { Router } from './router';

export interface Services {
  state: AppState;
  i18n: I18n;
  pwa: Pwa;
  router: Router;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext.Provider>');
  return services;
}
