import type { Locale } from '../i18n/locales.js';
import type { MessageKey, Translator } from '../i18n/translator.js';
import { isDefaultCharter } from './charter.js';
import { isDefaultNotice } from './privacy.js';

/**
 * The texts a cohort writes for its participants in its own words. Each has a version per language the cohort
 * wants; a participant reads the one in their language, else the cohort's. The charter and the privacy notice
 * have Tandem's default, which is in every language: a cohort keeps it by leaving the text blank.
 */
export const COHORT_TEXTS = ['description', 'charter', 'privacyNotice'] as const;
export type CohortText = (typeof COHORT_TEXTS)[number];

/** The versions of a cohort's texts, by text and language. */
export type TextTranslations = Partial<Record<CohortText, Partial<Record<Locale, string>>>>;

export type CohortTexts = Record<CohortText, string> & { language: Locale; translations?: TextTranslations };

const TANDEM_DEFAULTS: Partial<Record<CohortText, { key: MessageKey; is(text: string): boolean }>> = {
  charter: { key: 'charter.default', is: isDefaultCharter },
  privacyNotice: { key: 'privacy.default', is: isDefaultNotice },
};

/** Whether `text` is Tandem's default for this text (in any language, however the browser sent it back). */
export const isTandemDefault = (name: CohortText, text: string) => TANDEM_DEFAULTS[name]?.is(text) ?? false;

/** The text a participant reads, in their language when the cohort has it. */
export function textOf<T extends CohortText>(cohort: Pick<CohortTexts, T | 'translations'>, name: T, { t, locale }: Translator): string {
  const own = cohort[name];
  const tandems = TANDEM_DEFAULTS[name];
  if (tandems && (!own || tandems.is(own))) return t(tandems.key);
  return cohort.translations?.[name]?.[locale] || own;
}

/** Whether participants who read `locale` read this text in it (a blank description is read by nobody). */
export const readsIn = (cohort: CohortTexts, name: CohortText, locale: Locale) =>
  !cohort[name] || isTandemDefault(name, cohort[name]) || cohort.language === locale || !!cohort.translations?.[name]?.[locale];

/** The form's field for a text's version in one language. */
export const translationField = <T extends CohortText, L extends Locale>(name: T, locale: L) => `${name}_${locale}` as const;
