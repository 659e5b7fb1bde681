/**
 * Read-aloud through the Web Speech API (speechSynthesis), in the language on screen. A device without
 * a voice for that language gets no read-aloud button: reading Arabic with a Dutch voice helps no one.
 * Voices often arrive after start-up ('voiceschanged'), so the list is a signal.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

export interface Speech {
  /** is there a voice for this language? (reading it in a component re-renders it when voices arrive) */
  canRead(lang: string): boolean;
  /** the id of what is being read now, or null */
  readonly speaking: ReadonlySignal<string | null>;
  /** reads a text in a language, stopping whatever was being read */
  speak(id: string, text: string, lang: string): void;
  stop(): void;
}

interface SpeechWindow {
  speechSynthesis?: SpeechSynthesis;
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
}

const normalLang = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace('_', '-');

/** The best voice for a language: the language in Belgium, then one on the device (works offline), then the default. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const base = lang.toLowerCase();
  const matching = voices.filter((v) => normalLang(v) === base || normalLang(v).startsWith(`${base}-`));
  const score = (v: SpeechSynthesisVoice) =>
    (normalLang(v) === `${base}-be` ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
  return matching.reduce<SpeechSynthesisVoice | undefined>((best, v) => (!best || score(v) > score(best) ? v : best), undefined);
}

export function createSpeech(win: SpeechWindow | undefined = typeof window === 'undefined' ? undefined : window): Speech {
  const synth = win?.speechSynthesis;
  const Utterance = win?.SpeechSynthesisUtterance;
  const speaking = signal<string | null>(null);
  if (!synth || !Utterance) {
    return { canRead: () => false, speaking, speak: () => {}, stop: () => {} };
  }
  const voices = signal<readonly SpeechSynthesisVoice[]>(synth.getVoices());
  const refresh = () => {
    voices.value = synth.getVoices();
  };
  if (typeof synth.addEventListener === 'function') synth.addEventListener('voiceschanged', refresh);
  else synth.onvoiceschanged = refresh;

  let current: SpeechSynthesisUtterance | null = null;
  const stop = () => {
    current = null;
    speaking.value = null;
    synth.cancel();
  };
  return {
    canRead: (lang) => pickVoice(voices.value, lang) !== undefined,
    speaking,
    speak(id, text, lang) {
      const voice = pickVoice(voices.peek(), lang);
      if (!voice) return;
      stop();
      const utterance = new Utterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      const done = () => {
        if (current === utterance) {
          current = null;
          speaking.value = null;
        }
      };
      utterance.onend = done;
      utterance.onerror = done;
      current = utterance;
      speaking.value = id;
      synth.speak(utterance);
    },
    stop,
  };
}
