/**
 * A screen of several simple facts (questions.json gives them one `screen`): each fact in its own
 * fieldset with its question as legend, its own answers and its own "Ik weet het niet", its own error.
 * One "Volgende" gives every answer at once; nothing is lost when one of them is missing.
 */
import { batch } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Question } from '../../engine';
import { optionLabel, questionLabel } from '../../i18n/texts';
import { DONT_KNOW, draftFromAnswer, normaliseDraft, validateFact } from '../../state/validate';
import { HardWords } from '../components/Glossary';
import { Heading } from '../components/Heading';
import { sentences } from '../components/ReadAloud';
import { FieldErrorMessage, Radios } from '../components/fields';
import { useServices } from '../context';
import { QuestionBar, QuestionHelp, useStep } from './question-step';

export function QuestionGroup({ questions, focus }: { questions: Question[]; focus: boolean }) {
  const { state, i18n } = useServices();
  const { actions } = state;
  const lang = i18n.language.value;
  const keys = questions.map((q) => q.key);
  const { editing, after, onBack } = useStep(keys);
  const [submitted, setSubmitted] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const screen = questions.find((q) => q.screen)?.screen ?? '';
  const title = i18n.has(`screens.${screen}.title`) ? i18n.tr(`screens.${screen}.title`) : questionLabel(i18n, keys[0] as string);

  /** as typed on this screen, else the answer given before, else "I don't know" when that was the answer */
  const draftOf = (q: Question): string => {
    const saved = state.drafts.value[q.key];
    if (saved === undefined && state.skipped.value.includes(q.key)) return DONT_KNOW;
    return normaliseDraft(q, saved ?? draftFromAnswer(q, state.answers.value[q.key], lang)) as string;
  };
  const checks = questions.map((q) => validateFact(q, draftOf(q), lang));

  useEffect(() => {
    if (submitted) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [submitted]);
  // changing one fact from the summary: that fact is the one in view
  useEffect(() => {
    const key = state.reviewing.peek();
    if (editing && key && key !== keys[0]) formRef.current?.querySelector(`[data-key="${key}"]`)?.scrollIntoView({ block: 'center' });
  }, []);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (checks.some((c) => !c.ok)) {
      setSubmitted((n) => n + 1);
      return;
    }
    let to: string | null = null;
    batch(() => {
      questions.forEach((q, i) => {
        const c = checks[i] as { ok: true; value?: unknown; skip?: true };
        const back = c.skip ? actions.skip(q.key) : actions.answer(q.key, c.value);
        to ??= back;
      });
    });
    after(to);
  };

  const optionsOf = (q: Question) => [
    ...(q.type === 'boolean'
      ? [
          { value: 'yes', label: i18n.t('question.yes') },
          { value: 'no', label: i18n.t('question.no') },
        ]
      : (q.options ?? []).map((value) => ({ value, label: optionLabel(i18n, q.key, value) }))),
    { value: DONT_KNOW, label: i18n.t('question.skip') },
  ];
  const spoken = () => sentences([title, ...questions.flatMap((q) => [questionLabel(i18n, q.key), ...optionsOf(q).map((o) => o.label)])]);

  return (
    <div class="question-screen">
      <QuestionBar keys={keys} editing={editing} onBack={onBack} spoken={spoken} />
      <form ref={formRef} data-question={keys.join(' ')} onSubmit={onSubmit} noValidate class="question question-group">
        <Heading title={title} focus={focus} />
        <p class="hint">{i18n.t('question.groupHint')}</p>
        {questions.map((q, i) => {
          const check = checks[i];
          const error = submitted > 0 && check && !check.ok ? check.error : null;
          const label = questionLabel(i18n, q.key);
          const help = i18n.has(`questions.${q.key}.help`) ? i18n.tr(`questions.${q.key}.help`) : null;
          const why = i18n.has(`questions.${q.key}.why`) ? i18n.tr(`questions.${q.key}.why`) : null;
          const id = `answer-${q.key}`;
          const describedBy = [help && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
          const options = optionsOf(q);
          return (
            <fieldset key={q.key} data-key={q.key} class={error ? 'fact has-error' : 'fact'} aria-describedby={describedBy || undefined}>
              <legend>
                <h2>{label}</h2>
              </legend>
              <QuestionHelp help={help} why={why} hintId={`${id}-hint`} />
              {error && <FieldErrorMessage id={`${id}-error`} error={error} />}
              <div class={q.type === 'boolean' ? 'fact-options row' : 'fact-options'}>
                <Radios
                  name={q.key}
                  options={options}
                  draft={draftOf(q)}
                  onDraft={(d) => actions.setDraft(q.key, d)}
                  inputId={id}
                  invalid={!!error}
                />
              </div>
              <HardWords owner={q.key} texts={[label, ...options.map((o) => o.label)]} />
            </fieldset>
          );
        })}
        <div class="actions">
          <button type="submit" class="button primary">
            {editing ? i18n.t('question.save') : i18n.t('question.next')}
          </button>
        </div>
      </form>
    </div>
  );
}
