import { useServices } from '../context';
import { paths } from '../router';
import { questionLabel } from '../../i18n/texts';

/** The questions a result still waits for, each a button to answer it and come back to `returnTo`. */
export function MissingAnswers({ questions, returnTo }: { questions: string[]; returnTo: string }) {
  const { state, i18n, router } = useServices();
  return (
    <ul class="missing-list">
      {questions.map((key) => (
        <li key={key}>
          <button
            type="button"
            class="button link"
            onClick={() => {
              state.actions.edit(key, returnTo);
              router.navigate(paths.questions);
            }}
          >
            {questionLabel(i18n, key)}
          </button>
        </li>
      ))}
    </ul>
  );
}
