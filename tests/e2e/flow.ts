/** Driving the questionnaire as a person would: read the question on screen, answer it, go on. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

interface Question {
  key: string;
  type: string;
}

const questions: Question[] = JSON.parse(readFileSync(new URL('../../rules/questions.json', import.meta.url), 'utf8')).questions;
const nlRules = JSON.parse(readFileSync(new URL('../../locales/nl/rules.json', import.meta.url), 'utf8'));

export type Profile = Record<string, unknown>;

/** The Dutch label of an option, as the person sees it. */
export const optionLabel = (key: string, option: string): string => nlRules.questions[key].options[option];

/**
 * The question screen on screen, or null when none is shown: its question's key, or the keys of the
 * facts it asks together, separated by spaces ("debts medicalWaste heavyCareNeed").
 */
export async function currentQuestion(page: Page): Promise<string | null> {
  const form = page.locator('form[data-question]');
  if ((await form.count()) === 0) return null;
  return form.getAttribute('data-question');
}

/**
 * Answers the question screen on screen from the profile, with the mouse or the keyboard, and submits
 * it: each fact of a screen of several in its own fieldset. Returns the screen's keys (see currentQuestion).
 */
export async function answerCurrent(page: Page, profile: Profile, options: { keyboard?: boolean } = {}): Promise<string> {
  const key = (await currentQuestion(page)) as string;
  const form = page.locator(`form[data-question="${key}"]`);
  const keys = key.split(' ');
  for (const k of keys) {
    const value = profile[k];
    if (value === undefined) throw new Error(`the profile has no answer for ${k}`);
    await fillAnswer(page, keys.length > 1 ? form.locator(`fieldset[data-key="${k}"]`) : form, k, value, options);
  }
  const next = form.getByRole('button', { name: /^(Volgende|Bewaar)$/ });
  if (options.keyboard) {
    await next.focus();
    await page.keyboard.press('Enter');
  } else await next.click();
  return key;
}

/**
 * Gives one answer in the field of question `key` inside `form` (the questionnaire's form, or a field
 * of the caseload's quick entry), as the person sees it: typed, ticked or added, not submitted.
 */
export async function fillAnswer(page: Page, form: Locator, key: string, value: unknown, options: { keyboard?: boolean } = {}) {
  const q = questions.find((x) => x.key === key);
  if (!q) throw new Error(`no question ${key} in questions.json`);
  const check = async (label: string) => {
    const box = form.getByLabel(label, { exact: true });
    if (options.keyboard) {
      await box.focus();
      await page.keyboard.press('Space');
    } else await box.check();
  };
  switch (q.type) {
    case 'integer':
    case 'money': {
      const input = form.locator('input[type="text"]');
      if (options.keyboard) {
        await input.focus();
        await page.keyboard.type(String(value));
      } else await input.fill(String(value));
      break;
    }
    case 'boolean':
      await check(value ? 'Ja' : 'Nee');
      break;
    case 'choice':
      await check(optionLabel(key, value as string));
      break;
    case 'multi':
      if ((value as string[]).length === 0) await check('Geen van deze');
      for (const v of value as string[]) await check(optionLabel(key, v));
      break;
    case 'children': {
      const ages = (value as { age: number }[]).map((c) => c.age);
      for (let i = 0; i < ages.length; i++) {
        const add = form.getByRole('button', { name: 'Een kind toevoegen' });
        if (options.keyboard) {
          await add.focus();
          await page.keyboard.press('Enter');
        } else await add.click();
        const age = form.getByLabel(`Leeftijd van kind ${i + 1}`, { exact: true });
        if (options.keyboard) {
          await age.focus();
          await page.keyboard.type(String(ages[i]));
        } else await age.fill(String(ages[i]));
      }
      break;
    }
    default:
      throw new Error(`question type ${q.type} is not driven by the e2e flow`);
  }
}

/** Answers until no question is left; returns the screens asked, in order (see currentQuestion). */
export async function answerAll(page: Page, profile: Profile, options: { keyboard?: boolean; max?: number } = {}) {
  const asked: string[] = [];
  for (let i = 0; i < (options.max ?? 20); i++) {
    await page.waitForFunction(() => document.querySelector('form[data-question]') || location.hash.startsWith('#/resultaten'));
    const key = await currentQuestion(page);
    if (key === null) break;
    const before = key;
    asked.push(await answerCurrent(page, profile, options));
    // wait until the screen moved on (another question or the results)
    await page.waitForFunction(
      (k) => document.querySelector('form[data-question]')?.getAttribute('data-question') !== k,
      before,
    );
  }
  return asked;
}

/** The statuses the results page shows, by right id. */
export async function shownStatuses(page: Page): Promise<Record<string, string>> {
  await page.waitForSelector('li.result[data-right]');
  const items = await page.locator('li.result[data-right]').evaluateAll((els) =>
    els.map((e) => [e.getAttribute('data-right'), e.getAttribute('data-status')]),
  );
  return Object.fromEntries(items);
}
