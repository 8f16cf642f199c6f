import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';

/**
 * What participants are told about their data before they answer, unless the cohort says it in its own words:
 * what is collected, why, who sees it, for how long, and their rights (GDPR articles 13, 15 and 17). The
 * admin's form shows the English text; each participant reads it in their own language.
 */
export const DEFAULT_PRIVACY_NOTICE = en['privacy.default'];

/** A text as a browser may send it back: CRLF or CR line ends, spaces at line ends; compared as the same text. */
export const normaliseText = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();

/** A text as compared with a default: normalised, and with the spaces French typography keeps from breaking as plain ones. */
export const comparable = (text: string) => normaliseText(text).replace(/[\u00a0\u202f]/g, ' ');

const DEFAULT_NOTICES = new Set([en['privacy.default'], fr['privacy.default']].map(comparable));

/** Whether the admin kept Tandem's default notice (in any language, however the browser sent it back). */
export const isDefaultNotice = (text: string) => DEFAULT_NOTICES.has(comparable(text));
