/**
 * The worker's contact on the hand-over sheet: a name and a phone number, both optional, set once on
 * the device (a setting, not part of any household) so every sheet says whom the household can call.
 */
import { isObject } from '../engine/values';
import type { Storage } from '../storage';

export interface WorkerContact {
  name: string;
  phone: string;
}

export const WORKER_SETTING = 'worker-contact';
export const WORKER_FIELD_MAX = 60;

const clean = (x: unknown) => (typeof x === 'string' ? x.trim().slice(0, WORKER_FIELD_MAX) : '');

/** The contact as stored, or null when none (or nothing readable) was set. */
export function readWorkerContact(raw: unknown): WorkerContact | null {
  if (!isObject(raw)) return null;
  const contact = { name: clean(raw.name), phone: clean(raw.phone) };
  return contact.name || contact.phone ? contact : null;
}

export async function loadWorkerContact(settings: Pick<Storage, 'getSetting'> | undefined): Promise<WorkerContact | null> {
  if (!settings) return null;
  return readWorkerContact(await settings.getSetting<unknown>(WORKER_SETTING).catch(() => undefined));
}

export async function saveWorkerContact(settings: Pick<Storage, 'putSetting'> | undefined, contact: WorkerContact): Promise<WorkerContact | null> {
  const value = readWorkerContact(contact);
  await settings?.putSetting(WORKER_SETTING, value ?? {});
  return value;
}
