/** The services a component reads: passed through one Preact context, so each test renders with its own. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { Pwa } from '../pwa';
import type { AppState } from '../state/app-state';
import type { Storage } from '../storage';
import type { Router } from './router';
import { createSpeech, type Speech } from './speech';

export interface Services {
  state: AppState;
  i18n: I18n;
  pwa: Pwa;
  router: Router;
  /** read-aloud; made from the window's speechSynthesis when not given (tests give their own) */
  speech?: Speech;
  /**
   * where the chosen language is remembered, when it is not the answers' store (a shared result
   * is viewed in memory, the language stays a setting of the device); the answers' store otherwise
   */
  settings?: Pick<Storage, 'putSetting' | 'getSetting'>;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside <ServicesContext.Provider>');
  return services;
}

const defaultSpeech = new WeakMap<Services, Speech>();

/** The read-aloud service of the app. */
export function useSpeech(): Speech {
  const services = useServices();
  if (services.speech) return services.speech;
  let speech = defaultSpeech.get(services);
  if (!speech) defaultSpeech.set(services, (speech = createSpeech()));
  return speech;
}
