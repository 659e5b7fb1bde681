/** The start page: what this is, that answers stay on the device, and where to begin. */
import { useMode } from '../modes/context';
import { Heading } from '../components/Heading';
import { LanguageChoice } from '../components/LanguagePicker';
import { useServices } from '../context';
import { MunicipalityChoice } from '../components/Municipality';
import { paths } from '../router';

export function Home() {
  const { state, i18n } = useServices();
  // the municipality alone is not a start of the questions (it is chosen on this screen)
  const started = state.hasAnswers.value && (state.answeredQuestions.value.length > 0 || !('municipality' in state.answers.value));
  const done = state.done.value;
  const kiosk = useMode().kind === 'kiosk';
  return (
    <>
      <LanguageChoice />
      <Heading title={i18n.t('home.title')} />
      <p class="lead">{i18n.t('home.intro')}</p>
      <p>{i18n.t('home.duration')}</p>
      <p class="private">{kiosk ? i18n.t('kiosk.private') : i18n.t('home.private')}</p>
      <MunicipalityChoice />
      <div class="actions">
        {started && done ? (
          <a class="button primary" href={paths.results}>
            {i18n.t('home.results')}
          </a>
        ) : (
          <a class="button primary" href={paths.questions}>
            {started ? i18n.t('home.continue') : i18n.t('home.start')}
          </a>
        )}
        {started && !done && (
          <a class="button secondary" href={paths.results}>
            {i18n.t('home.results')}
          </a>
        )}
      </div>
      <p class="catalogue-link">
        {i18n.t('home.catalogueHint')} <a href={paths.catalogue}>{i18n.t('home.catalogue')}</a>
      </p>
    </>
  );
}
