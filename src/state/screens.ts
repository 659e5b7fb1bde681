/**
 * Which questions share a screen. A question of questions.json with a `screen` is asked together with
 * the other questions of that screen that are still open, each with its own answer and its own
 * "I don't know"; a question without one has a screen of its own. A rules release that adds a
 * question to a screen (or a new screen) needs no new app: this is read from the release's data.
 */
import type { Question } from '../engine';

/** Do the questions `a` and `b` go on one screen (the same question, or the same `screen`)? */
export function sameScreen(questions: readonly Question[], a: string, b: string): boolean {
  if (a === b) return true;
  const screenOf = (key: string) => questions.find((q) => q.key === key)?.screen;
  const s = screenOf(a);
  return s !== undefined && s === screenOf(b);
}

/**
 * The questions shown with `key`, in questions.json order: `key` itself and the questions of its
 * screen that `open` accepts (still to ask, or answered before when going back).
 */
export function screenQuestions(questions: readonly Question[], key: string, open: (key: string) => boolean): Question[] {
  return questions.filter((q) => q.key === key || (sameScreen(questions, q.key, key) && open(q.key)));
}

/**
 * After the screen of `key` is answered while reviewing, the next earlier-answered screen to show:
 * the first key in `history` after the last one of this screen that `stillAsked` accepts and that is
 * on another screen; null when there is none (the questionnaire goes on where it was).
 */
export function nextReviewed(
  questions: readonly Question[],
  history: readonly string[],
  key: string,
  stillAsked: (key: string) => boolean,
): string | null {
  let last = -1;
  history.forEach((k, i) => {
    if (sameScreen(questions, k, key)) last = i;
  });
  for (let i = last + 1; i < history.length; i++) {
    const k = history[i] as string;
    if (!sameScreen(questions, k, key) && stillAsked(k)) return k;
  }
  return null;
}
