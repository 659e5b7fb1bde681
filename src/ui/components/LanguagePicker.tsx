/** Choosing the language: a compact select in the header of every screen, and buttons on the start page. */
import { directionOf, languageName } from '../../i18n';
import { stopSpeech, useServices } from '../context';
import { GlobeIcon } from './icons';

/** Changes the language and remembers it (on the device, or in memory in kiosk mode). Answers stay. */
function useChooseLanguage() {
  const services = useServices();
  const { i18n, state, settings } = services;
  return async (lang: string) => {
    if (lang === i18n.language.peek()) return;
    stopSpeech(services);
    await i18n.changeLanguage(lang);
    if (settings) await settings.putSetting('language', lang).catch(() => {});
    else await state.actions.saveSetting('language', lang);
  };
}

export function LanguageSelect() {
  const { i18n } = useServices();
  const choose = useChooseLanguage();
  const current = i18n.language.value;
  if (i18n.languages.length < 2) return null;
  return (
    <label class="language-select">
      <GlobeIcon />
      <span class="visually-hidden">{i18n.t('language.label')}</span>
      <select value={current} onChange={(e) => void choose(e.currentTarget.value)}>
        {i18n.languages.map((lang) => (
          <option key={lang} value={lang} lang={lang} dir={directionOf(lang)}>
            {languageName(lang)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LanguageChoice() {
  const { i18n } = useServices();
  const choose = useChooseLanguage();
  const current = i18n.language.value;
  if (i18n.languages.length < 2) return null;
  return (
    <fieldset class="language-choice">
      <legend class="language-choice-label">
        <GlobeIcon />
        {i18n.t('language.choose')}
      </legend>
      <ul>
        {i18n.languages.map((lang) => (
          <li key={lang}>
            <button
              type="button"
              class="button toggle-button language-button"
              lang={lang}
              dir={directionOf(lang)}
              aria-pressed={lang === current}
              onClick={() => void choose(lang)}
            >
              {languageName(lang)}
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
