import { en } from '../i18n/en.js';
import type { Translator } from '../i18n/translator.js';

/**
 * What participants are told about their data before they answer, unless the cohort says it in its own words:
 * what is collected, why, who sees it, for how long, and their rights (GDPR articles 13, 15 and 17). The
 * admin's form shows the English text; each participant reads it in their own language.
 */
export const DEFAULT_PRIVACY_NOTICE = en['privacy.default'];

export const noticeOf = (cohort: { privacyNotice?: string }, { t }: Translator) => cohort.privacyNotice || t('privacy.default');
