/** What every question screen has, for one question or several: back, how far the person is, reading aloud, where to go next. */
import { useServices } from '../context';
import { BackIcon } from '../components/icons';
import { ReadAloud } from '../components/ReadAloud';
import { Rich } from '../components/Rich';
import { paths } from '../router';

/** Moving on from a question screen that asks `keys`. */
export function useStep(keys: readonly string[]) {
  const { state, router } = useServices();
  const { actions } = state;
  /** a previous answer is being changed from elsewhere (the summary, the results): "Bewaar" brings the person back */
  const editing = state.returnTo.value !== null && keys.includes(state.reviewing.value ?? '');
  const after = (returnTo: string | null) => {
    if (returnTo) router.navigate(returnTo);
    else if (state.currentKey.value === null) router.navigate(paths.results);
  };
  const onBack = () => {
    if (state.returnTo.value) {
      const to = actions.cancelEdit();
      if (to) router.navigate(to);
    } else if (!actions.back()) router.navigate(paths.home);
  };
  return { editing, after, onBack };
}

/** Above the question: "Terug", how many questions are answered and left at most, and "Lees voor". */
export function QuestionBar({ keys, editing, onBack, spoken }: { keys: readonly string[]; editing: boolean; onBack(): void; spoken(): string }) {
  const { state, i18n } = useServices();
  const left = state.pending.value.filter((k) => !keys.includes(k)).length + keys.length;
  const answered = state.answeredQuestions.value.filter((q) => !keys.includes(q.key)).length;
  return (
    <div class="question-bar">
      <p class="progress">
        <button type="button" class="button link back" onClick={onBack}>
          <BackIcon />
          {i18n.t('question.back')}
        </button>
        <span>
          {editing ? (
            i18n.t('question.editing')
          ) : (
            <>
              {answered > 0 && `${i18n.t('question.answered', { count: answered })} `}
              {i18n.t('question.progress', { count: left })}
            </>
          )}
        </span>
      </p>
      <ReadAloud text={spoken} />
    </div>
  );
}

/** Under a question: its hint (the id the field is described by) and "Waarom vragen we dit?". */
export function QuestionHelp({ help, why, hintId }: { help: string | null; why: string | null; hintId: string }) {
  const { i18n } = useServices();
  return (
    <>
      {help && (
        <p class="hint" id={hintId}>
          <Rich parts={[help]} />
        </p>
      )}
      {why && (
        <details class="why">
          <summary>{i18n.t('question.why')}</summary>
          <p>
            <Rich parts={[why]} />
          </p>
        </details>
      )}
    </>
  );
}
