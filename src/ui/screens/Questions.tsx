/**
 * The questionnaire: only the questions that can still change a result, one per screen, or several
 * simple facts together where questions.json gives them one `screen` (see QuestionGroup).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../../engine';
import { draftFromAnswer, normaliseDraft, validateDraft } from '../../state/validate';
import { Heading } from '../components/Heading';
import { sentences } from '../components/ReadAloud';
import { Loading } from '../components/Loading';
import { FieldErrorMessage, isFieldGroup, QuestionField } from '../components/fields';
import { useServices } from '../context';
import { paths } from '../router';
import { QuestionGroup } from './QuestionGroup';
import { QuestionBar, QuestionHelp, useStep } from './question-step';
import { optionLabel } from '../../i18n/texts';
import { HardWords } from '../components/Glossary';

export function Questions() {
  const { state, i18n, router } = useServices();
  const shown = useRef(0);
  if (!state.rules.value || state.rulesError.value || !state.restored.value) return <Loading />;
  const question = state.currentQuestion.value;
  if (!question) {
    return (
      <>
        <Heading title={i18n.t('question.done')} />
        <p>
          <a class="button primary" href={paths.results}>
            {i18n.t('question.toResults')}
          </a>
        </p>
      </>
    );
  }
  shown.current++;
  const focus = shown.current > 1 || router.changes.peek() > 0;
  const screen = state.currentScreen.value;
  if (screen.length > 1) {
    const keys = screen.map((q) => q.key).join(' ');
    return <QuestionGroup key={keys} questions={screen} focus={focus} />;
  }
  return <QuestionForm key={question.key} question={question} focus={focus} />;
}

function QuestionForm({ question, focus }: { question: Question; focus: boolean }) {
  const { state, i18n } = useServices();
  const { actions } = state;
  const { editing, after, onBack } = useStep([question.key]);
  const lang = i18n.language.value;
  const key = question.key;
  const [submitted, setSubmitted] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const saved = state.drafts.value[key];
  const draft = normaliseDraft(question, saved ?? draftFromAnswer(question, state.answers.value[key], lang));
  const validation = submitted > 0 ? validateDraft(question, draft, lang) : null;
  const error = validation && !validation.ok ? validation : null;

  useEffect(() => {
    if (!submitted) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitted]);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const v = validateDraft(question, draft, lang);
    if (!v.ok) {
      setSubmitted((n) => n + 1);
      return;
    }
    after(actions.answer(key, v.value));
  };
  const onSkip = () => after(actions.skip(key));

  const label = i18n.has(`questions.${key}.label`) ? i18n.tr(`questions.${key}.label`) : key;
  const help = i18n.has(`questions.${key}.help`) ? i18n.tr(`questions.${key}.help`) : null;
  const why = i18n.has(`questions.${key}.why`) ? i18n.tr(`questions.${key}.why`) : null;
  const inputId = `answer-${key}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [help && hintId, error && errorId].filter(Boolean).join(' ');
  const isGroup = isFieldGroup(question);

  const field = (
    <QuestionField
      question={question}
      inputId={inputId}
      describedBy={describedBy}
      invalid={!!error}
      draft={draft}
      onDraft={(d) => actions.setDraft(key, d)}
      items={error?.items}
    />
  );

  const heading = (
    <Heading title={label} focus={focus}>
      {isGroup ? label : <label for={inputId}>{label}</label>}
    </Heading>
  );
  const body = (
    <>
      <QuestionHelp help={help} why={why} hintId={hintId} />
      {error && <FieldErrorMessage id={errorId} error={error.error} />}
      {field}
      <HardWords
        owner={key}
        texts={[label, ...(question.options ?? []).map((o) => optionLabel(i18n, key, o))]}
      />
    </>
  );

  // what the read-aloud button reads: the question, its hint and the answers to choose from
  const spoken = () => {
    const options =
      question.type === 'boolean'
        ? [i18n.t('question.yes'), i18n.t('question.no')]
        : (question.options ?? []).map((o) => optionLabel(i18n, key, o));
    if (question.type === 'multi') options.push(i18n.t('question.none'));
    return sentences([label, help, ...options]);
  };

  return (
    <div class="question-screen">
      <QuestionBar keys={[key]} editing={editing} onBack={onBack} spoken={spoken} />
      <form ref={formRef} data-question={key} onSubmit={onSubmit} noValidate class={error ? 'question has-error' : 'question'}>
        {isGroup ? (
          <fieldset aria-describedby={describedBy || undefined}>
            <legend>{heading}</legend>
            {body}
          </fieldset>
        ) : (
          <div class="question-field">
            {heading}
            {body}
          </div>
        )}
        <div class="actions">
          <button type="submit" class="button primary">
            {editing ? i18n.t('question.save') : i18n.t('question.next')}
          </button>
          <button type="button" class="button secondary" onClick={onSkip}>
            {i18n.t('question.skip')}
          </button>
        </div>
      </form>
    </div>
  );
}
