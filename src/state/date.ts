import { isoDate } from '../engine/values';

/** Today's date on the device, as YYYY-MM-DD in local time (the evaluation date the engine gets). */
export const localDate = (now: Date = new Date()): string => isoDate(now);
