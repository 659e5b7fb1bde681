/** Every answer given, each with a way to change it; a change updates the results at once. */
import { Heading } from '../components/Heading';
import { Loading } from '../components/Loading';
import { useServices } from '../context';
import { MunicipalityChoice } from '../components/Municipality';
import { paths } from '../router';
import { answerText, questionLabel } from '../../i18n/texts';
import { Words } from '../components/Words';

export function Summary() {
  const { state, i18n, router } = useServices();
  if (!state.rules.value || !state.restored.value) return <Loading />;
  const questions = state.answeredQuestions.value;
  const answers = state.answers.value;
  const pending = state.pending.value.length;

  const edit = (key: string) => {
    state.actions.edit(key, paths.summary);
    router.navigate(paths.questions);
  };

  return (
    <>
      <Heading title={i18n.t('summary.title')} />
      <MunicipalityChoice />
      {questions.length === 0 ? (
        <p>{i18n.t('summary.empty')}</p>
      ) : (
        <>
          <p>{i18n.t('summary.intro')}</p>
          <dl class="summary-list">
            {questions.map((q) => {
              const label = questionLabel(i18n, q.key);
              const skipped = !(q.key in answers);
              return (
                <div class="summary-row" key={q.key}>
                  <dt>{label}</dt>
                  <dd class={skipped ? 'summary-value skipped' : 'summary-value'}>
                    {skipped ? i18n.t('summary.skipped') : <Words text={answerText(i18n, q, answers[q.key])} />}
                  </dd>
                  <dd class="summary-action">
                    <button
                      type="button"
                      class="button link"
                      aria-label={i18n.t(skipped ? 'summary.answerLabel' : 'summary.changeLabel', { question: label })}
                      onClick={() => edit(q.key)}
                    >
                      {skipped ? i18n.t('summary.answer') : i18n.t('summary.change')}
                    </button>
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
      {pending > 0 && <p class="notice">{i18n.t('summary.pending', { count: pending })}</p>}
      <div class="actions">
        {pending > 0 ? (
          <a class="button primary" href={paths.questions}>
            {i18n.t('summary.continue')}
          </a>
        ) : null}
        <a class={pending > 0 ? 'button secondary' : 'button primary'} href={paths.results}>
          {i18n.t('summary.toResults')}
        </a>
      </div>
    </>
  );
}
