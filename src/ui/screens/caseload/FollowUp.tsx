/**
 * A household's follow-up list: the rights the worker helps to take up, each to do, applied (with
 * the date), granted or refused, with a short note. Keyed by right id, so it survives rules updates;
 * a right that left the rules stays on the list and says so.
 */
import type { Ruleset } from '../../../engine';
import type { AppKey } from '../../../i18n';
import { FOLLOW_UP_STATES, type FollowUpItem, type FollowUpState, NOTE_MAX_LENGTH, withState } from '../../../state/caseload';
import { Words } from '../../components/Rich';
import { useServices } from '../../context';
import { rightTitle } from '../../../i18n/texts';

export const FOLLOW_STATE_KEYS = {
  todo: 'caseload.follow.state.todo',
  applied: 'caseload.follow.state.applied',
  granted: 'caseload.follow.state.granted',
  refused: 'caseload.follow.state.refused',
} as const satisfies Record<FollowUpState, AppKey>;

interface Props {
  items: readonly FollowUpItem[];
  ruleset: Ruleset;
  today: string;
  onChange(item: FollowUpItem): void;
  onRemove(rightId: string): void;
}

export function FollowUpList({ items, ruleset, today, onChange, onRemove }: Props) {
  const { i18n } = useServices();
  return (
    <section class="follow-up" aria-labelledby="follow-title">
      <h2 id="follow-title">{i18n.t('caseload.follow.title')}</h2>
      {items.length === 0 ? (
        <p class="hint">{i18n.t('caseload.follow.empty')}</p>
      ) : (
        <ul class="follow-list">
          {items.map((item) => (
            <FollowItem
              key={item.rightId}
              item={item}
              known={ruleset.rulesById.has(item.rightId)}
              today={today}
              onChange={onChange}
              onRemove={onRemove}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function FollowItem({
  item,
  known,
  today,
  onChange,
  onRemove,
}: {
  item: FollowUpItem;
  known: boolean;
  today: string;
  onChange(item: FollowUpItem): void;
  onRemove(rightId: string): void;
}) {
  const { i18n } = useServices();
  const title = rightTitle(i18n, item.rightId);
  const base = `follow-${item.rightId.replace(/[^a-z0-9-]/gi, '-')}`;
  const decided = item.state === 'granted' || item.state === 'refused';
  return (
    <li class="follow-item" data-right={item.rightId} data-state={item.state}>
      <h3 id={`${base}-title`}>
        <Words text={title} />
      </h3>
      {!known && <p class="hint">{i18n.t('caseload.follow.gone')}</p>}
      <div class="follow-fields">
        <div class="field">
          <label for={`${base}-state`}>{i18n.t('caseload.follow.stateLabel')}</label>
          <select
            id={`${base}-state`}
            class="input select"
            value={item.state}
            onChange={(e) => onChange(withState(item, e.currentTarget.value as FollowUpState, today))}
          >
            {FOLLOW_UP_STATES.map((s) => (
              <option key={s} value={s}>
                {i18n.t(FOLLOW_STATE_KEYS[s])}
              </option>
            ))}
          </select>
        </div>
        {item.state !== 'todo' && (
          <div class="field">
            <label for={`${base}-applied`}>{i18n.t('caseload.follow.appliedOn')}</label>
            <input
              id={`${base}-applied`}
              class="input input-date"
              type="date"
              value={item.appliedOn ?? ''}
              max={today}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (v) onChange({ ...item, appliedOn: v });
                else if (item.state !== 'applied') {
                  const next = { ...item };
                  delete next.appliedOn;
                  onChange(next);
                }
              }}
            />
          </div>
        )}
        {decided && (
          <div class="field">
            <label for={`${base}-decided`}>{i18n.t('caseload.follow.decidedOn')}</label>
            <input
              id={`${base}-decided`}
              class="input input-date"
              type="date"
              value={item.decidedOn ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                const next = { ...item };
                if (v) next.decidedOn = v;
                else delete next.decidedOn;
                onChange(next);
              }}
            />
          </div>
        )}
        <div class="field follow-note">
          <label for={`${base}-note`}>{i18n.t('caseload.follow.note')}</label>
          <textarea
            id={`${base}-note`}
            class="input textarea"
            rows={2}
            maxLength={NOTE_MAX_LENGTH}
            value={item.note}
            aria-describedby={`${base}-note-hint`}
            onInput={(e) => onChange({ ...item, note: e.currentTarget.value.slice(0, NOTE_MAX_LENGTH) })}
          />
          <p class="hint" id={`${base}-note-hint`}>
            {i18n.t('caseload.follow.noteHint', { max: NOTE_MAX_LENGTH })}
          </p>
          <div class="option">
            <input
              type="checkbox"
              id={`${base}-on-sheet`}
              checked={!!item.noteOnSheet}
              onChange={(e) => {
                const next = { ...item };
                if (e.currentTarget.checked) next.noteOnSheet = true;
                else delete next.noteOnSheet;
                onChange(next);
              }}
            />
            <label for={`${base}-on-sheet`}>{i18n.t('caseload.follow.noteOnSheet')}</label>
          </div>
        </div>
      </div>
      <button type="button" class="button link" onClick={() => onRemove(item.rightId)}>
        {i18n.t('caseload.follow.remove', { title })}
      </button>
    </li>
  );
}
