/** A follow-up item's changes that the worker makes on the list. */
import type { FollowUpItem, FollowUpState } from '../../storage/caseload';

/** The item after choosing another state: an application gets today's date, a decision too. */
export function withState(item: FollowUpItem, state: FollowUpState, today: string): FollowUpItem {
  const next: FollowUpItem = { rightId: item.rightId, state, note: item.note };
  if (item.noteOnSheet) next.noteOnSheet = true;
  if (state === 'todo') return next;
  next.appliedOn = item.appliedOn ?? (state === 'applied' ? today : undefined);
  if (next.appliedOn === undefined) delete next.appliedOn;
  if (state === 'granted' || state === 'refused') next.decidedOn = item.decidedOn ?? today;
  return next;
}
