import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';
import type { Locale } from '../i18n/locales.js';
import type { Translator } from '../i18n/translator.js';
import { normaliseText } from './privacy.js';

/**
 * The charter of commitment both parties sign. A cohort keeps Tandem's default, which each participant reads in
 * their own language, or writes its own, with a version per language it wants; a participant whose language
 * has none reads the cohort's.
 */
export const DEFAULT_CHARTER = en['charter.default'];

const DEFAULT_CHARTERS = new Set([en['charter.default'], fr['charter.default']].map(normaliseText));

/** Whether the admin kept Tandem's default charter (in any language, however the browser sent it back). */
export const isDefaultCharter = (text: string) => DEFAULT_CHARTERS.has(normaliseText(text));

export interface CohortCharter {
  /** The cohort's own charter, in its language; blank: Tandem's default. */
  charter: string;
  /** Its versions in other languages, by language. */
  charterTranslations?: Partial<Record<Locale, string>>;
}

/** The charter a participant reads and signs, in their language when the cohort has it. */
export function charterOf(cohort: CohortCharter, { t, locale }: Translator): string {
  if (!cohort.charter || isDefaultCharter(cohort.charter)) return t('charter.default');
  return cohort.charterTranslations?.[locale] || cohort.charter;
}

/** Whether participants reading `locale` read the charter in it. */
export const hasCharterIn = (cohort: CohortCharter & { language: Locale }, locale: Locale) =>
  !cohort.charter || isDefaultCharter(cohort.charter) || cohort.language === locale || !!cohort.charterTranslations?.[locale];
