/** One input per question type. Each shows its draft as typed and reports changes; nothing validates here. */
import { useEffect, useRef } from 'preact/hooks';
import type { Question } from '../../engine';
import type { AppKey } from '../../i18n';
import { type ChildrenDraft, childrenBounds, type Draft, type ErrorKey, type FieldError, type MultiDraft } from '../../state/validate';
import { useServices } from '../context';
import { optionLabel } from '../../i18n/texts';

export interface FieldProps<D> {
  question: Question;
  draft: D;
  onDraft(draft: D): void;
  /** id of the input (or of the first option) */
  inputId: string;
  /** ids of the hint and error texts that describe the field */
  describedBy: string;
  invalid: boolean;
}

const UNIT_KEYS: Record<string, AppKey> = {
  'EUR/month': 'units.EUR/month',
  'EUR/year': 'units.EUR/year',
  EUR: 'units.EUR',
};

const ERROR_KEYS = {
  required: 'errors.required',
  notNumber: 'errors.notNumber',
  notWhole: 'errors.notWhole',
  tooManyDecimals: 'errors.tooManyDecimals',
  min: 'errors.min',
  max: 'errors.max',
  chooseOne: 'errors.chooseOne',
  childAge: 'errors.childAge',
  tooManyChildren: 'errors.tooManyChildren',
  childrenInvalid: 'errors.childrenInvalid',
} as const satisfies Record<ErrorKey, AppKey>;

const join = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export function NumberField({ question, draft, onDraft, inputId, describedBy, invalid }: FieldProps<string>) {
  const { i18n } = useServices();
  const money = question.type === 'money';
  const unitKey = question.unit ? UNIT_KEYS[question.unit] : undefined;
  const unitId = `${inputId}-unit`;
  return (
    <div class="number-field">
      {money && (
        <span class="prefix" aria-hidden="true">
          €
        </span>
      )}
      <input
        id={inputId}
        name={question.key}
        type="text"
        inputMode={money ? 'decimal' : 'numeric'}
        dir="ltr"
        autoComplete="off"
        spellcheck={false}
        class={money ? 'input input-money' : 'input input-number'}
        value={draft}
        onInput={(e) => onDraft(e.currentTarget.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={join(describedBy, unitKey && unitId)}
      />
      {unitKey && (
        <span class="suffix" id={unitId}>
          {i18n.t(unitKey)}
        </span>
      )}
    </div>
  );
}

interface Option {
  value: string;
  label: string;
}

export function Radios({ name, options, draft, onDraft, inputId, invalid }: { name: string; options: Option[] } & Omit<FieldProps<string>, 'question' | 'describedBy'>) {
  return (
    <div class="options">
      {options.map((o, i) => {
        const id = i === 0 ? inputId : `${inputId}-${i}`;
        return (
          <div class="option" key={o.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={o.value}
              checked={draft === o.value}
              onChange={() => onDraft(o.value)}
              aria-invalid={invalid || undefined}
            />
            <label for={id}>{o.label}</label>
          </div>
        );
      })}
    </div>
  );
}

export function BooleanField(props: FieldProps<string>) {
  const { i18n } = useServices();
  const options = [
    { value: 'yes', label: i18n.t('question.yes') },
    { value: 'no', label: i18n.t('question.no') },
  ];
  return <Radios name={props.question.key} options={options} {...props} />;
}

export function ChoiceField(props: FieldProps<string>) {
  const { i18n } = useServices();
  const { question } = props;
  const options = (question.options ?? []).map((value) => ({ value, label: optionLabel(i18n, question.key, value) }));
  return <Radios name={question.key} options={options} {...props} />;
}

export function MultiField({ question, draft, onDraft, inputId, invalid }: FieldProps<MultiDraft>) {
  const { i18n } = useServices();
  const options = question.options ?? [];
  const toggle = (value: string, on: boolean) => {
    const selected = on ? [...draft.selected.filter((s) => s !== value), value] : draft.selected.filter((s) => s !== value);
    onDraft({ selected: options.filter((o) => selected.includes(o)), none: false });
  };
  const noneId = `${inputId}-none`;
  return (
    <div class="options">
      {options.map((value, i) => {
        const id = i === 0 ? inputId : `${inputId}-${i}`;
        return (
          <div class="option" key={value}>
            <input
              type="checkbox"
              id={id}
              name={question.key}
              value={value}
              checked={draft.selected.includes(value)}
              onChange={(e) => toggle(value, e.currentTarget.checked)}
              aria-invalid={invalid || undefined}
            />
            <label for={id}>{optionLabel(i18n, question.key, value)}</label>
          </div>
        );
      })}
      <p class="options-or">{i18n.t('question.or')}</p>
      <div class="option">
        <input
          type="checkbox"
          id={noneId}
          name={question.key}
          value=""
          checked={draft.none}
          onChange={(e) => onDraft({ selected: e.currentTarget.checked ? [] : draft.selected, none: e.currentTarget.checked })}
          aria-invalid={invalid || undefined}
        />
        <label for={noneId}>{i18n.t('question.none')}</label>
      </div>
    </div>
  );
}

export function ChildrenField({
  question,
  draft,
  onDraft,
  inputId,
  items,
}: FieldProps<ChildrenDraft> & { items?: (FieldError | null)[] }) {
  const { i18n } = useServices();
  const focusIndex = useRef<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const max = childrenBounds(question).maxItems;
  const { ages } = draft;

  useEffect(() => {
    if (focusIndex.current === null) return;
    const i = focusIndex.current;
    focusIndex.current = null;
    if (i < 0) addRef.current?.focus();
    else listRef.current?.querySelectorAll<HTMLInputElement>('input')[i]?.focus();
  }, [ages.length]);

  const set = (i: number, text: string) => onDraft({ ages: ages.map((a, j) => (j === i ? text : a)) });
  const add = () => {
    focusIndex.current = ages.length;
    onDraft({ ages: [...ages, ''] });
  };
  const remove = (i: number) => {
    focusIndex.current = -1;
    onDraft({ ages: ages.filter((_, j) => j !== i) });
  };
  const hintId = `${inputId}-age-hint`;

  return (
    <div class="children">
      {ages.length > 0 && (
        <p class="hint" id={hintId}>
          {i18n.t('question.childAgeHint')}
        </p>
      )}
      <ol class="children-list" ref={listRef}>
        {ages.map((age, i) => {
          const id = i === 0 ? inputId : `${inputId}-${i}`;
          const error = items?.[i];
          const errorId = `${id}-error`;
          return (
            <li key={i} class="child">
              <label for={id}>{i18n.t('question.childAge', { number: i + 1 })}</label>
              {error && (
                <p class="error-message" id={errorId}>
                  <span class="visually-hidden">{i18n.t('errors.prefix')} </span>
                  {i18n.t('errors.childAge', error.params)}
                </p>
              )}
              <div class="child-row">
                <div class="number-field">
                  <input
                    id={id}
                    type="text"
                    inputMode="numeric"
                    dir="ltr"
                    autoComplete="off"
                    class="input input-age"
                    value={age}
                    onInput={(e) => set(i, e.currentTarget.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={join(hintId, error ? errorId : undefined)}
                  />
                  <span class="suffix">{i18n.t('question.years')}</span>
                </div>
                <button type="button" class="button link" onClick={() => remove(i)}>
                  {i18n.t('question.removeChild', { number: i + 1 })}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {ages.length === 0 && <p class="hint">{i18n.t('question.noChildren')}</p>}
      {ages.length < max && (
        <button ref={addRef} type="button" class="button secondary" id={ages.length === 0 ? inputId : undefined} onClick={add}>
          {i18n.t('question.addChild')}
        </button>
      )}
      <p class="visually-hidden" role="status">
        {ages.length ? i18n.t('question.childrenCount', { count: ages.length }) : ''}
      </p>
    </div>
  );
}

/** The input of a question, by the question's type (the questionnaire and the caseload's quick entry). */
export function QuestionField({
  draft,
  items,
  ...props
}: Omit<FieldProps<unknown>, 'draft'> & { draft: Draft; items?: (FieldError | null)[] | undefined }) {
  switch (props.question.type) {
    case 'integer':
    case 'money':
      return <NumberField {...props} draft={draft as string} />;
    case 'boolean':
      return <BooleanField {...props} draft={draft as string} />;
    case 'choice':
      return <ChoiceField {...props} draft={draft as string} />;
    case 'multi':
      return <MultiField {...props} draft={draft as MultiDraft} />;
    case 'children':
      return <ChildrenField {...props} draft={draft as ChildrenDraft} items={items} />;
  }
}

/** A question takes one input with a label, or a group of inputs (options, children) in a fieldset. */
export const isFieldGroup = (question: Question) => question.type !== 'integer' && question.type !== 'money';

/** What is wrong with the answer to a question, in words. */
export function FieldErrorMessage({ id, error }: { id: string; error: FieldError }) {
  const { i18n } = useServices();
  return (
    <p class="error-message" id={id}>
      <span class="visually-hidden">{i18n.t('errors.prefix')} </span>
      {i18n.t(ERROR_KEYS[error.key], error.params)}
    </p>
  );
}
