/** The services a component reads: passed through one Preact context, so each test renders with its own. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { I18n } from '../i18n';
import type { Pwa } from '../pwa';
import type { AppState } from '../state/app-state';
import type { Storage } from '../storage';
import type { Router } from './router';
import type { Speech } from './speech';

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

/** The read-aloud service made for these services (ReadAloud makes it: src/ui/components/ReadAloud.tsx). */
export const madeSpeech = new WeakMap<Services, Speech>();

/** Stops reading aloud, if anything reads (nothing does before a read-aloud button was shown). */
export const stopSpeech = (services: Services): void => (services.speech ?? madeSpeech.get(services))?.stop();
