import { en } from '../i18n/en.js';
import { fr } from '../i18n/fr.js';
import { comparable } from './privacy.js';

/**
 * The charter of commitment both parties sign: Tandem's default, in every language it speaks, unless the cohort
 * writes its own (domain/cohort-texts.ts).
 */
export const DEFAULT_CHARTER = en['charter.default'];

const DEFAULT_CHARTERS = new Set([en['charter.default'], fr['charter.default']].map(comparable));

/** Whether the admin kept Tandem's default charter (in any language, however the browser sent it back). */
export const isDefaultCharter = (text: string) => DEFAULT_CHARTERS.has(comparable(text));
