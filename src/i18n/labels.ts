/**
 * The words of a question and its options, from the rule texts (the key itself when a text is
 * missing). Apart from src/i18n/texts.ts so that the start screen (the municipality) does not load
 * the rest of the words for rule data.
 */
import type { I18n } from './index';

export const questionLabel = (i18n: I18n, key: string) =>
  i18n.has(`questions.${key}.label`) ? i18n.tr(`questions.${key}.label`) : key;

export const optionLabel = (i18n: I18n, key: string, option: string) =>
  i18n.has(`questions.${key}.options.${option}`) ? i18n.tr(`questions.${key}.options.${option}`) : option;
