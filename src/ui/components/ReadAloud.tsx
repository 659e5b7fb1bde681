import { useEffect, useId } from 'preact/hooks';
import { madeSpeech, useServices } from '../context';
import { createSpeech, type Speech } from '../speech';
import { SpeakerIcon, StopIcon } from './icons';

/**
 * The read-aloud service of the app: the one the services give (tests), else one made from the
 * window's speechSynthesis on first use. Here, not in ../context.ts: only screens that read aloud load it.
 */
export function useSpeech(): Speech {
  const services = useServices();
  if (services.speech) return services.speech;
  let speech = madeSpeech.get(services);
  if (!speech) madeSpeech.set(services, (speech = createSpeech()));
  return speech;
}

interface Props {
  /** the words to read, gathered when the button is pressed */
  text: () => string;
  /** the button's name; "Lees voor" by default */
  label?: string;
}

/**
 * "Lees voor": reads a question, a result or a right aloud in the language on screen; pressed again,
 * it stops. Without a voice for the language the button is not there, but its slot keeps its size,
 * so nothing moves when the voices arrive a moment after start-up.
 */
export function ReadAloud({ text, label }: Props) {
  const { i18n } = useServices();
  const speech = useSpeech();
  const id = useId();
  const lang = i18n.language.value;
  const reading = speech.speaking.value === id;
  // stop reading when the text goes away or changes language
  useEffect(
    () => () => {
      if (speech.speaking.peek() === id) speech.stop();
    },
    [lang],
  );
  return (
    <span class="read-aloud">
      {speech.canRead(lang) && (
        <button
          type="button"
          class="button icon-button"
          aria-pressed={reading}
          aria-label={label ?? i18n.t('readAloud.read')}
          onClick={() => (reading ? speech.stop() : speech.speak(id, text(), lang))}
        >
          {reading ? <StopIcon /> : <SpeakerIcon />}
        </button>
      )}
    </span>
  );
}

const BLOCKS = 'h1, h2, h3, p, li, dt, dd, .result-title';
const UNREAD = '[data-no-read], button, [aria-hidden="true"], .visually-hidden';

/**
 * The text of a part of the page as it reads: headings, paragraphs and list items, each a sentence,
 * without buttons, hidden parts and what is marked `data-no-read`.
 */
export function readableText(root: Element | null): string {
  if (!root) return '';
  const lines: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.closest(UNREAD) || el.querySelector(BLOCKS)) continue;
    const copy = el.cloneNode(true) as Element;
    for (const part of copy.querySelectorAll(UNREAD)) part.remove();
    lines.push(copy.textContent ?? '');
  }
  return sentences(lines);
}

/** Lines as sentences to read: empty ones left out, each ending in a stop so the voice pauses. */
export function sentences(lines: (string | null | undefined | false)[]): string {
  return lines
    .map((l) => (l || '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((l) => (/[.!?:;؟]$/.test(l) ? l : `${l}.`))
    .join('\n');
}
